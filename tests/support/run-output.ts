import path from 'node:path';

// Plain paths, no `@/` imports: tests/vitest.config.ts reads this file before any alias exists.

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Everything a test run writes (builds, caches, screenshots); each run starts with it empty. */
export const OUTPUT = path.join(ROOT, 'tests', '.output');
/** The folder under tests/.output/ that the run's build of the demo is written to (tests/support/demo-build.ts). */
export const DEMO_FOLDER = 'demo';
/**
 * The diagram and check caches of every build and check a test runs, inside the run's output: a
 * cache kept from an earlier run would hand back what older code drew or compiled.
 */
export const RUN_CACHES = {
	GLASSHOUSE_DIAGRAM_CACHE: path.join(OUTPUT, 'cache', 'diagrams'),
	GLASSHOUSE_CHECK_CACHE: path.join(OUTPUT, 'cache', 'check'),
	GLASSHOUSE_CLIENT_CACHE: path.join(OUTPUT, 'cache', 'clients'),
};
