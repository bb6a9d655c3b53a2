import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '@/loader/content-dir';
import { loadContent, type LoadedContent } from '@/loader/load-content';
import { timed } from '@/post-build/build-timings';
import { ASTRO_FOLDER_COPY, checkOutputFolders } from '@/post-build/output-folders';
import { isPlainBenchmark, privateClientsOf } from '@/post-build/plain-benchmark';
import { runPostBuild } from '@/post-build/post-build';

export interface GlasshouseOptions {
	/**
	 * The content `glasshouse build` checked before rendering. Which clients are private is
	 * decided from it, once: a client.yaml changed while Astro renders (made public, or invalid)
	 * must not change what gets encrypted. Without it (`astro build` run directly) the integration
	 * loads the content itself when the build starts, before any page is rendered.
	 */
	checkedContent?: LoadedContent;
}

/**
 * Glasshouse's build hooks. After Astro has written every page, the post-build steps check
 * links, encrypt each private client's folder and scan the whole output for leaks.
 */
export default function glasshouse(options: GlasshouseOptions = {}): AstroIntegration {
	let base = '/';
	let decided: LoadedContent | undefined;
	return {
		name: 'glasshouse',
		hooks: {
			'astro:config:setup': async ({ command }) => {
				// Loaded to the end before Astro's content layer reads any file.
				if (options.checkedContent) decided = options.checkedContent;
				else if (command === 'build') decided = await timed('load content', () => loadContent(contentDir()));
			},
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				// A benchmark's site is not the one to deploy, so it never takes the deploy folder's place.
				if (isPlainBenchmark() && config.outDir.href === new URL('dist/', config.root).href) {
					throw new Error('GLASSHOUSE_BENCHMARK_PLAIN builds never write to dist/: give the build another output folder.');
				}
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				if (!decided) {
					await rm(outDir, { recursive: true, force: true });
					throw new Error(
						'Glasshouse did not see this build start, so it cannot tell which clients are private. The output was removed. Build with `npm run build`.',
					);
				}
				const content = decided;
				if (isPlainBenchmark()) {
					const privateClients = privateClientsOf(content);
					if (privateClients.length) {
						await rm(outDir, { recursive: true, force: true });
						throw new Error(
							`GLASSHOUSE_BENCHMARK_PLAIN builds only public clients, and ${privateClients.join(', ')} ${privateClients.length === 1 ? 'is' : 'are'} private. The output was removed. Unset GLASSHOUSE_BENCHMARK_PLAIN to build this site.`,
						);
					}
					// Its output folder lies outside the project, where Astro adds its .astro/ files; it is never deployed.
					await checkOutputFolders(outDir, content, [ASTRO_FOLDER_COPY]).catch(async (error) => {
						await rm(outDir, { recursive: true, force: true });
						throw error;
					});
					logger.warn(
						'plain benchmark build (GLASSHOUSE_BENCHMARK_PLAIN): no diagrams, search index or post-build steps; every client is public',
					);
					return;
				}
				await runPostBuild({ outDir, base, content, logger });
			},
		},
	};
}
