import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../../model/content-dir';
import { loadContent } from '../../model/load-content';
import { runPostBuild } from './post-build';

/**
 * Glasshouse's build hooks. After Astro has written every page, the post-build steps check
 * links, encrypt each private client's folder and scan the whole output for leaks.
 */
export default function glasshouse(): AstroIntegration {
	let base = '/';
	return {
		name: 'glasshouse',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const content = await loadContent(contentDir());
				await runPostBuild({ outDir: fileURLToPath(dir), base, content, logger });
			},
		},
	};
}
