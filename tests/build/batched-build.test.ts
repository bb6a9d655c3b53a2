import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '@/lib/list-files';
import { planBatches } from '@/shard/batch-plan';
import { estimatePages } from '@/shard/shard-plan';
import { stagingRoot } from '@/cli/stale-staging';
import { cleanEnv, OUTPUT, ROOT, runNode } from '../support/build-site';
import { decryptedSnapshot, snapshotDifferences } from '../support/decrypted-build';
import { TEST_SECRET } from '../support/open-page';
import { DEMO_CONTENT } from '../support/temp-content';

/**
 * Equivalence: the demo agency (four clients, one in Chinese, diagrams, attachments) rendered in
 * one Astro run and in batches of whole clients (a budget small enough for two or more) must give
 * every reader the same site: every page and search index file equal once decrypted. Then a batch
 * that fails after another succeeded fails the build and leaves the previous site as it was.
 */
const WORK = path.join(OUTPUT, 'batched');
const CONTENT = path.join(WORK, 'content');
const BUILD_TIMEOUT = 900_000;

const env = cleanEnv({ GLASSHOUSE_BASE: '/', GLASSHOUSE_SECRET: TEST_SECRET, GLASSHOUSE_TODAY: '2026-11-22' });

/** `build --full` (every client rendered, whatever a cache holds) with a client cache of its own; `parallel`: runs side by side. */
function build(name: string, batchPages: number, parallel = 1) {
	return runNode(
		[
			'src/cli/bin.mjs',
			'build',
			'--full',
			'--batch-pages',
			String(batchPages),
			'--parallel',
			String(parallel),
			'--content',
			CONTENT,
			'--out',
			path.join(WORK, name),
		],
		{ ...env, GLASSHOUSE_CLIENT_CACHE: path.join(WORK, `cache-${name}`) },
		{ timeout: BUILD_TIMEOUT },
	);
}

/** Every file under `dir` with its bytes. */
async function bytesOf(dir: string): Promise<Map<string, Buffer>> {
	return new Map(await Promise.all((await listFiles(dir)).map(async (file) => [file, readFileSync(path.join(dir, file))] as const)));
}

describe('a build rendered in batches', () => {
	let budget: number;
	let batches: string[][];
	let whole: Awaited<ReturnType<typeof build>>;
	let batched: Awaited<ReturnType<typeof build>>;
	let sideBySide: Awaited<ReturnType<typeof build>>;
	let lanes: string[][];

	beforeAll(async () => {
		rmSync(WORK, { recursive: true, force: true });
		cpSync(DEMO_CONTENT, CONTENT, { recursive: true });
		const weights = await estimatePages(CONTENT);
		// Half the estimated pages (rounded up): at least two batches of whole clients.
		budget = Math.ceil(weights.reduce((sum, client) => sum + client.pages, 0) / 2);
		batches = planBatches(weights, budget);
		lanes = planBatches(weights, 0, 2);
		whole = await build('whole', 0);
		batched = await build('batched', budget);
		sideBySide = await build('side-by-side', 0, 2);
	}, BUILD_TIMEOUT * 3);

	it('renders every client once, in two or more Astro runs', () => {
		expect(whole.status, whole.stderr).toBe(0);
		expect(batched.status, batched.stderr).toBe(0);
		expect(batches.length).toBeGreaterThanOrEqual(2);
		expect(whole.stdout).not.toMatch(/^batch \d/m);
		for (const [index, clients] of batches.entries())
			expect(batched.stdout).toContain(`batch ${index + 1}/${batches.length}: ${clients.length} client(s): ${clients.join(', ')}`);
		const pages = (stdout: string) => Number(/✓ (\d+) pages rendered/.exec(stdout)?.[1]);
		expect(pages(whole.stdout)).toBeGreaterThan(150);
		expect(pages(batched.stdout)).toBe(pages(whole.stdout));
	});

	it('renders two batches side by side with --parallel 2, each client once', () => {
		expect(sideBySide.status, sideBySide.stderr).toBe(0);
		expect(lanes.length).toBe(2);
		expect(sideBySide.stdout).toContain('rendering in 2 batches of whole clients, 2 side by side');
		for (const [index, clients] of lanes.entries())
			expect(sideBySide.stdout).toContain(`batch ${index + 1}/2: ${clients.length} client(s): ${clients.join(', ')}`);
		const pages = (stdout: string) => Number(/✓ (\d+) pages rendered/.exec(stdout)?.[1]);
		expect(pages(sideBySide.stdout)).toBe(pages(whole.stdout));
		// The runs' diagrams are drawn or read on the thread that started them, and counted there once: as
		// many as the batches one after another, built before with the same diagram cache, counted.
		const counted = (stdout: string) =>
			(/^diagrams: (\d+) rendered, (\d+) from cache/m.exec(stdout) ?? []).slice(1).reduce((sum, count) => sum + Number(count), 0);
		expect(counted(sideBySide.stdout)).toBe(counted(batched.stdout));
		expect(counted(sideBySide.stdout)).toBeGreaterThan(0);
	});

	it('gives the same site side by side as in one Astro run: decrypted pages, search index files and site-wide files', async () => {
		const [one, twoAtOnce] = await Promise.all([
			decryptedSnapshot(path.join(WORK, 'whole'), CONTENT),
			decryptedSnapshot(path.join(WORK, 'side-by-side'), CONTENT),
		]);
		expect(snapshotDifferences(one, twoAtOnce)).toEqual([]);
		const siteWide = async (dir: string) =>
			new Map([...(await bytesOf(dir))].filter(([file]) => !lanes.flat().includes(file.split(path.sep)[0]!)));
		expect(await siteWide(path.join(WORK, 'side-by-side'))).toEqual(await siteWide(path.join(WORK, 'whole')));
	});

	it('gives the same site as one Astro run: every decrypted page and search index file equal', async () => {
		const [one, inBatches] = await Promise.all([
			decryptedSnapshot(path.join(WORK, 'whole'), CONTENT),
			decryptedSnapshot(path.join(WORK, 'batched'), CONTENT),
		]);
		expect([...one.keys()].filter((name) => name.endsWith('.html')).length).toBeGreaterThan(150);
		expect([...one.keys()].some((name) => name.includes('pagefind (sealed)'))).toBe(true);
		expect(snapshotDifferences(one, inBatches)).toEqual([]);
	});

	it('writes the site-wide files byte for byte as one Astro run does', async () => {
		const siteWide = async (dir: string) =>
			new Map([...(await bytesOf(dir))].filter(([file]) => !batches.flat().includes(file.split(path.sep)[0]!)));
		const [one, inBatches] = await Promise.all([siteWide(path.join(WORK, 'whole')), siteWide(path.join(WORK, 'batched'))]);
		expect([...one.keys()].some((file) => file.startsWith(`_astro${path.sep}`))).toBe(true);
		expect(inBatches).toEqual(one);
	});

	it('fails the build when a later batch fails, leaves the previous site as it was and no batch folder behind', async () => {
		const last = batches.at(-1)!;
		const client = last[0]!;
		const updates = path.join(CONTENT, client, 'updates');
		const newest = readdirSync(updates).sort().at(-1)!;
		// Found after rendering (the link check): a link that leaves the client's site is the build's to resolve, so the
		// check lets it through and the batch fails.
		writeFileSync(
			path.join(updates, newest),
			`${readFileSync(path.join(updates, newest), 'utf8')}\n\nSee [the plan](../../../no-such-page/).\n`,
		);
		const before = await bytesOf(path.join(WORK, 'batched'));
		const run = await build('batched', budget);
		expect(run.status).toBe(1);
		expect(run.stdout).toContain(`batch ${batches.length}/${batches.length}`);
		expect(run.stderr).toContain('../../../no-such-page/');
		expect(run.stderr).toContain('the previous site there is kept unchanged');
		expect(await bytesOf(path.join(WORK, 'batched'))).toEqual(before);
		expect(existsSync(stagingRoot(ROOT)) ? readdirSync(stagingRoot(ROOT)).filter((name) => name.includes('.batch-')) : []).toEqual([]);

		// The same failure in one of two runs side by side: the other is stopped, nothing is published.
		const beforeSideBySide = await bytesOf(path.join(WORK, 'side-by-side'));
		const sideBySideRun = await build('side-by-side', 0, 2);
		expect(sideBySideRun.status).toBe(1);
		expect(sideBySideRun.stderr).toContain('../../../no-such-page/');
		expect(sideBySideRun.stderr).toContain('the previous site there is kept unchanged');
		expect(await bytesOf(path.join(WORK, 'side-by-side'))).toEqual(beforeSideBySide);
		expect(existsSync(stagingRoot(ROOT)) ? readdirSync(stagingRoot(ROOT)).filter((name) => name.includes('.batch-')) : []).toEqual([]);
	});
});
