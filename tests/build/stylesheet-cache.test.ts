import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT, ROOT } from '../support/build-site';
import { MINIMAL_CONTENT } from '../support/temp-content';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { CACHED_STYLESHEET } from '@/integrations/stylesheet-cache';

// A copy of the minimal agency at a path of its own, so its Astro cache folder starts empty.
const CONTENT = path.join(OUTPUT, 'stylesheet-cache-content');
const CACHED = path.join(astroCacheDir(ROOT, CONTENT), CACHED_STYLESHEET);
const MARKER = '.stylesheet-cache-marker{color:red}';
const BUILD_TIMEOUT = 600_000;

/** Every stylesheet in a build's `/_astro/`, by file name. */
function stylesheets(outDir: string): Record<string, string> {
	const folder = path.join(outDir, '_astro');
	return Object.fromEntries(
		readdirSync(folder)
			.filter((name) => name.endsWith('.css'))
			.map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]),
	);
}

async function build(name: string) {
	// --full: every build goes through Astro, none is answered from the per-client cache.
	const run = await buildSite(`stylesheet-cache-${name}`, CONTENT, {
		flags: ['--full'],
		env: { ALPHA_OFFICE_PASSWORD: 'quartz-lantern-orbit-mosaic-fable' },
		timeout: BUILD_TIMEOUT,
	});
	if (run.status !== 0) throw new Error(`build ${name} failed:\n${run.stdout}\n${run.stderr}`);
	return stylesheets(run.outDir);
}

describe("Tailwind's stylesheet kept between builds of the same code", () => {
	beforeAll(() => {
		rmSync(CONTENT, { recursive: true, force: true });
		cpSync(MINIMAL_CONTENT, CONTENT, { recursive: true });
		rmSync(astroCacheDir(ROOT, CONTENT), { recursive: true, force: true });
	});

	it(
		'gives the same stylesheet, byte for byte, as Tailwind made it, and is what the next build uses',
		async () => {
			const made = await build('tailwind');
			expect(Object.keys(made)).toHaveLength(1);
			const stored = readFileSync(CACHED, 'utf8');
			expect(stored).not.toContain('@tailwind');
			expect(stored).not.toContain('@apply');

			expect(await build('cached')).toEqual(made);

			// Proof the second build took the stored text rather than running Tailwind again.
			appendFileSync(CACHED, `\n${MARKER}\n`);
			const marked = Object.values(await build('marked'));
			expect(marked.join('')).toContain(MARKER);
		},
		BUILD_TIMEOUT * 3,
	);
});
