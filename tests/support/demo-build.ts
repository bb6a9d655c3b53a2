import { expect, inject } from 'vitest';
import type { BuildRun } from './build-site';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The demo (`content/`, base path /), built by the demo tests' global set-up once per run. */
		demo: BuildRun;
	}
}

/** The run's build of the demo, for tests of the build itself (its status and what it printed). */
export function demoBuild(): BuildRun {
	const run = inject('demo') as BuildRun | undefined;
	if (!run) throw new Error('The demo is built only for the "demo" project: add this test file to DEMO_TESTS in tests/vitest.config.ts.');
	return run;
}

/** The output folder of the run's build of the demo; fails the calling hook when that build failed. */
export function demoOutput(): string {
	const run = demoBuild();
	expect(run.status, run.stderr).toBe(0);
	return run.outDir;
}
