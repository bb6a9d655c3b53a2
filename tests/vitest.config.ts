import { defineConfig } from 'vitest/config';

export default defineConfig({
	resolve: { alias: { '@/': new URL('../src/', import.meta.url).pathname } },
	test: {
		root: new URL('..', import.meta.url).pathname,
		include: ['tests/unit/**/*.test.ts', 'tests/attacks/**/*.test.ts', 'tests/build/**/*.test.ts'],
		// Build tests run real Astro builds into separate folders; one at a time keeps them
		// from competing for the two cores and for Astro's shared cache.
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 300_000,
	},
});
