import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { OUTPUT, ROOT } from './run-output';

/**
 * Starts a test run from nothing an earlier run left: an empty tests/.output (but for the folder
 * named by `keep`), and no Astro content store (node_modules/.astro/, where the CLI keeps one per
 * content folder). Astro clears a store only when the text of content.config.ts, Astro's options
 * or its version change; not when a schema that file imports, a Markdown plugin or a page's data
 * code does, so a store an earlier run filled builds pages from what older code parsed and rendered.
 */
export function startFreshRun(options: { keep?: string } = {}): void {
	for (const entry of existsSync(OUTPUT) ? readdirSync(OUTPUT) : []) {
		if (entry !== options.keep) rmSync(path.join(OUTPUT, entry), { recursive: true, force: true });
	}
	rmSync(path.dirname(astroCacheDir(ROOT, 'content')), { recursive: true, force: true });
	mkdirSync(OUTPUT, { recursive: true });
}

/** Empties the diagram and check caches of the run (RUN_CACHES), and nothing else. */
export function emptyRunCaches(): void {
	rmSync(path.join(OUTPUT, 'cache'), { recursive: true, force: true });
}

/**
 * For a Vitest global set-up: runs `start` now, and again before each rerun of the project's files
 * in watch mode, since a rerun is a new run of code that may have changed.
 */
export async function atEachRun(project: TestProject, start: () => void | Promise<void>): Promise<void> {
	await start();
	project.onTestsRerun(async (specifications) => {
		if (specifications.some((specification) => specification.project.name === project.name)) await start();
	});
}

// Playwright's web server runs `node --import tsx tests/support/fresh-run.ts` before it builds the demo.
if (process.argv[1] === fileURLToPath(import.meta.url)) startFreshRun();
