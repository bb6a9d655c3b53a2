import { configDefaults, defineConfig } from 'vitest/config';
import { RUN_CACHES } from './support/run-output';

/** The test files that read the run's build of the demo (tests/support/demo-build.ts). */
const DEMO_TESTS = ['tests/build/demo-site.test.ts', 'tests/build/search-index.test.ts', 'tests/attacks/search-index-names.test.ts'];

export default defineConfig({
	resolve: { alias: { '@/': new URL('../src/', import.meta.url).pathname } },
	test: {
		root: new URL('..', import.meta.url).pathname,
		// Checks run in-process keep their caches in the run's output too (see tests/support/run-output.ts).
		env: RUN_CACHES,
		// Build tests run real Astro builds into separate folders; one at a time keeps them
		// from competing for the two cores and for Astro's shared cache. The projects share one pool.
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 300_000,
		// A project's global set-up runs only when the run includes one of its files: a run of unit
		// tests alone empties no build and waits for none, and only a run with a demo test builds the demo.
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], globalSetup: ['tests/support/global-setup-unit.ts'] } },
			{
				extends: true,
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts', 'tests/attacks/**/*.test.ts'],
					exclude: [...configDefaults.exclude, ...DEMO_TESTS],
					globalSetup: ['tests/support/global-setup-build.ts'],
				},
			},
			{ extends: true, test: { name: 'demo', include: DEMO_TESTS, globalSetup: ['tests/support/global-setup-demo.ts'] } },
		],
	},
});
