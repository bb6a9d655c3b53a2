import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, runNode } from '../support/build-site';

/**
 * The CLI starts instantly because help and `new …` load none of the build's heavy packages: each
 * command's module is imported only when that command runs (src/cli/index.ts). Asserted on the
 * modules a real process loads, both as `glasshouse` starts (the compiled copy when it is current)
 * and from the TypeScript sources through tsx (what runs right after an edit).
 */
const HEAVY = /\/node_modules\/(astro|@astrojs\/[^/]+|mermaid|playwright|playwright-core|pagefind|vite)\//;

const folder = mkdtempSync(path.join(tmpdir(), 'glasshouse-startup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let runs = 0;
/** The module URLs loaded by `node <args>`, after checking that the command succeeded. */
async function modulesLoadedBy(args: string[]): Promise<string[]> {
	const log = path.join(folder, `modules-${++runs}.log`);
	const run = await runNode(['--import', './tests/support/record-modules.mjs', ...args], cleanEnv({ GLASSHOUSE_TEST_MODULE_LOG: log }));
	expect(run.stderr).toBe('');
	expect(run.status).toBe(0);
	expect(run.stdout).toMatch(/^Usage: glasshouse/);
	return readFileSync(log, 'utf8').trim().split('\n');
}

const HELPS = [
	['--help'],
	['new', '--help'],
	['new', 'update', '--help'],
	['new', 'decision', '--help'],
	['check', '--help'],
	['new', 'survey', '--help'],
	['record', 'survey', '--help'],
];

describe('starting the CLI', () => {
	for (const argv of HELPS) {
		it(`glasshouse ${argv.join(' ')} loads no Astro, Mermaid, Playwright or Pagefind`, async () => {
			const modules = await modulesLoadedBy(['src/cli/bin.mjs', ...argv]);
			// The recording works: the CLI's own entry point is among the modules.
			expect(modules.some((url) => /\/(src\/cli\/index\.ts|glasshouse-cli\/index\.mjs)$/.test(url))).toBe(true);
			expect(modules.filter((url) => HEAVY.test(url))).toEqual([]);
		});
	}

	it('loads none of them from the TypeScript sources either (as after an edit, before the next compile)', async () => {
		for (const argv of [['--help'], ['new', 'update', '--help']]) {
			const script = `const { main } = await import('./src/cli/index.ts'); process.exitCode = await main(${JSON.stringify(argv)});`;
			const modules = await modulesLoadedBy(['--import', 'tsx/esm', '--input-type=module', '--eval', script]);
			expect(modules.some((url) => url.endsWith('/src/cli/index.ts'))).toBe(true);
			expect(modules.filter((url) => HEAVY.test(url))).toEqual([]);
		}
	});
});
