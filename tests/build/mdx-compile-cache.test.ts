import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT, ROOT, type BuildRun } from '../support/build-site';
import { decryptedSnapshot, snapshotDifferences } from '../support/decrypted-build';
import { openPage } from '../support/open-page';
import { RECORDS_CONTENT } from '../support/temp-content';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { listFiles } from '@/lib/list-files';
import { COMPILED_BODIES } from '@/integrations/mdx-compile-cache';

// A copy of the records agency (two clients, English and Chinese, nine bodies) at a path of its
// own, so its Astro cache folder, where the compiled bodies are kept, starts empty.
const CONTENT = path.join(OUTPUT, 'mdx-compile-cache-content');
const BODIES = 9;
const EDITED = path.join(CONTENT, 'harbour', 'updates', '2026-03-13.mdx');
const EDITED_SENTENCE = 'The job board now lists volunteer roles as well.';
const BUILD_TIMEOUT = 600_000;

async function build(name: string): Promise<BuildRun> {
	// --full: every client goes through Astro; none is answered from the per-client cache.
	const run = await buildSite(`mdx-compile-cache-${name}`, CONTENT, { flags: ['--full'], timeout: BUILD_TIMEOUT });
	if (run.status !== 0) throw new Error(`build ${name} failed:\n${run.stdout}\n${run.stderr}`);
	return run;
}

describe('compiled MDX bodies kept between builds of the same code', () => {
	beforeAll(() => {
		rmSync(CONTENT, { recursive: true, force: true });
		cpSync(RECORDS_CONTENT, CONTENT, { recursive: true });
		rmSync(astroCacheDir(ROOT, CONTENT), { recursive: true, force: true });
	});

	it(
		'gives the same pages as compiling every body, compiles only a changed body again, and is what the next build uses',
		async () => {
			const cold = await build('cold');
			expect(cold.stdout).toContain(`MDX bodies: ${BODIES} compiled, 0 from cache`);

			const warm = await build('warm');
			expect(warm.stdout).toContain(`MDX bodies: 0 compiled, ${BODIES} from cache`);
			// What readers of both clients see, search included, is the same page for page.
			const [a, b] = await Promise.all([decryptedSnapshot(cold.outDir, CONTENT), decryptedSnapshot(warm.outDir, CONTENT)]);
			expect(snapshotDifferences(a, b)).toEqual([]);
			expect([...a.keys()].filter((name) => name.endsWith('.html')).length).toBeGreaterThan(20);

			// One body edited, and one stored module marked: the edit is compiled, the mark is what the next build shows.
			appendFileSync(EDITED, `\n${EDITED_SENTENCE}\n`);
			const folder = path.join(astroCacheDir(ROOT, CONTENT), COMPILED_BODIES);
			const stored = await listFiles(folder);
			expect(stored).toHaveLength(BODIES);
			// The kick-off meeting's body is the only one with this sentence.
			const kickoff = stored.find((file) => readFileSync(path.join(folder, file), 'utf8').includes('We agreed the plan.'))!;
			const module = JSON.parse(readFileSync(path.join(folder, kickoff), 'utf8')) as { code: string };
			const marked = module.code.replace('We agreed the plan.', 'We agreed the plan. MARKED-FROM-CACHE');
			expect(marked).not.toBe(module.code);
			writeFileSync(path.join(folder, kickoff), JSON.stringify({ ...module, code: marked }));

			const edited = await build('edited');
			expect(edited.stdout).toContain(`MDX bodies: 1 compiled, ${BODIES - 1} from cache`);
			expect(await openPage(edited.outDir, CONTENT, 'harbour/updates/2026-03-13/index.html')).toContain(EDITED_SENTENCE);
			expect(await openPage(edited.outDir, CONTENT, 'harbour/meetings/2026-03-03-kickoff/index.html')).toContain('MARKED-FROM-CACHE');
			expect(readdirSync(path.dirname(folder))).toContain(COMPILED_BODIES);
		},
		BUILD_TIMEOUT * 3,
	);
});
