import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The files Astro's content sync writes into `.astro/` that list one run's entries, read back when Vite bundles. */
export const RUN_LISTS = ['content-modules.mjs', 'content-assets.mjs'];

/**
 * Lets Astro runs of different clients share one checkout at the same time (see `render-lanes.ts`).
 * Astro's content sync writes the list of the run's MDX modules and assets into the project's
 * `.astro/` folder (no setting moves it), and Vite reads them back later, while it bundles: a run
 * started meanwhile would overwrite them with its own clients' lists. This integration keeps each
 * file's text as it was right after this run's sync (`astro:build:start`, which follows it), and
 * answers Vite's load of that file from what it kept; then it calls `onSynced`, after which
 * another run may sync. The content layer's data store is in Astro's cache folder, one per run.
 */
export function laneContentModules(onSynced: () => void): AstroIntegration {
	const kept = new Map<string, string>();
	let dotAstro = '';
	return {
		name: 'glasshouse-lane-content-modules',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				dotAstro = fileURLToPath(new URL('.astro/', config.root));
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'glasshouse:lane-content-modules',
								enforce: 'pre',
								load: (id: string) => kept.get(id.split('?')[0]!),
							},
						],
					},
				});
			},
			'astro:build:start': async () => {
				for (const name of RUN_LISTS) {
					const file = path.join(dotAstro, name);
					const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
						if (error.code === 'ENOENT') return undefined;
						throw error;
					});
					if (text !== undefined) kept.set(file, text);
				}
				onSynced();
			},
		},
	};
}
