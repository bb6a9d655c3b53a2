import { threadId } from 'node:worker_threads';
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The site's one Tailwind stylesheet, relative to the project root. */
export const STYLESHEET = 'src/styles/global.css';

/** The stylesheet's processed text in the cache folder. */
export const CACHED_STYLESHEET = 'tailwind-global.css';

/**
 * Keeps Tailwind's output for the site's stylesheet between builds. Tailwind builds it from every
 * class it finds in `src/` (its `content`), about 2 s of a one-client build that changes no code; the
 * result depends on the code alone (`src/`, the Tailwind configuration in it, the lock file), so it
 * lives in `cacheDir`, a folder emptied whenever the code changes (`currentAstroCacheDir`: only
 * `glasshouse build` passes one; `astro build` and `astro dev` run directly never use the cache).
 *
 * The first build stores what PostCSS made of the stylesheet (the second plugin's `transform` runs
 * after Vite's CSS plugin and before its bundling); later builds hand Vite that text in place of the
 * source. PostCSS still runs over it, but with no `@tailwind` or `@apply` left Tailwind has nothing
 * to expand and autoprefixer nothing to add: the stylesheet Vite bundles is the same, byte for byte
 * (`tests/build/stylesheet-cache.test.ts`). A text with a `url(` is never stored, since Vite rewrites
 * those after PostCSS and would rewrite them again.
 */
export function stylesheetCache(root: string, cacheDir: string): Plugin[] {
	const stylesheet = viteId(path.resolve(root, STYLESHEET));
	const cached = path.join(cacheDir, CACHED_STYLESHEET);
	let fromCache = false;
	return [
		{
			name: 'glasshouse:stylesheet-cache-load',
			apply: 'build',
			// Before Vite's own loading, so the cached text is what its CSS plugin gets.
			enforce: 'pre',
			load(id) {
				if (id !== stylesheet || !existsSync(cached)) return undefined;
				fromCache = true;
				return readFileSync(cached, 'utf8');
			},
		},
		{
			name: 'glasshouse:stylesheet-cache-store',
			apply: 'build',
			// Not enforced: a plugin of the normal order transforms after Vite's CSS plugin (PostCSS) and before its bundling.
			async transform(code, id) {
				if (id !== stylesheet || fromCache || code.includes('url(')) return undefined;
				// Written aside and renamed: a build stopped half way never leaves half a stylesheet.
				// Named per process and thread: Astro runs side by side in one process may write the same stylesheet.
				const partial = `${cached}.${process.pid}-${threadId}.tmp`;
				await writeFile(partial, code);
				await rename(partial, cached);
				return undefined;
			},
		},
	];
}

/** A file's module id as Vite spells it (forward slashes on every platform). */
function viteId(file: string): string {
	return file.split(path.sep).join('/');
}
