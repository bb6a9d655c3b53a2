import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runPostBuild } from './post-build';

/**
 * Glasshouse's build hooks. Post-processing of `dist/` (link check today; encryption and
 * per-client search indexing plug in here) runs after Astro has written every page.
 */
export default function glasshouse(): AstroIntegration {
	let base = '/';
	return {
		name: 'glasshouse',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': async ({ dir, logger }) => {
				await runPostBuild({ outDir: fileURLToPath(dir), base, logger });
			},
		},
	};
}
