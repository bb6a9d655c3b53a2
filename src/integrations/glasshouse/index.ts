import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../../model/content-dir';
import { loadContent } from '../../model/load-content';
import { timed } from './build-timings';
import { isPlainBenchmark, privateClientsOf } from './plain-benchmark';
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
				// A benchmark's site is not the one to deploy, so it never takes the deploy folder's place.
				if (isPlainBenchmark() && config.outDir.href === new URL('dist/', config.root).href) {
					throw new Error('GLASSHOUSE_BENCHMARK_PLAIN builds never write to dist/: give the build another output folder.');
				}
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				// Loaded after rendering, not taken from the check: a client added meanwhile is encrypted too.
				const content = await timed('load content', () => loadContent(contentDir()));
				if (isPlainBenchmark()) {
					const privateClients = privateClientsOf(content);
					if (privateClients.length) {
						await rm(outDir, { recursive: true, force: true });
						throw new Error(`GLASSHOUSE_BENCHMARK_PLAIN builds only public clients, and ${privateClients.join(', ')} ${privateClients.length === 1 ? 'is' : 'are'} private. The output was removed. Unset GLASSHOUSE_BENCHMARK_PLAIN to build this site.`);
					}
					logger.warn('plain benchmark build (GLASSHOUSE_BENCHMARK_PLAIN): no diagrams, search index or post-build steps; every client is public');
					return;
				}
				await runPostBuild({ outDir, base, content, logger });
			},
		},
	};
}
