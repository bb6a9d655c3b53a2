import { threadId } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The name @astrojs/mdx gives the Vite plugin that compiles `.mdx` files. */
export const MDX_PLUGIN = '@mdx-js/rollup';

/** The folder of compiled bodies inside the cache folder. */
export const COMPILED_BODIES = 'compiled-mdx';

/** What compiling a body gave, as stored: Vite's transform result without a source map (builds make none). */
interface StoredCompile {
	code: string;
	meta?: Record<string, unknown>;
}

/** What else than a body's own text and path shapes what it compiles to. */
export interface CompileInputs {
	/** Parts of the key a body's compiled module depends on besides its text and path, read per file (its client's language and glossary). */
	forFile: (file: string) => Promise<string>;
	/** Parts of the key every body depends on: the base path the glossary links start with, the site, whether diagrams are drawn. */
	shared: string;
}

type TransformHook = (this: unknown, code: string, id: string, options?: unknown) => Promise<unknown> | unknown;

/**
 * Keeps what the MDX compiler made of each body between builds of the same code. Compiling is
 * the largest per-page part of Astro's work (remark, rehype, Shiki, the glossary and scroll-region
 * plugins, a drawn diagram looked up), about 15 ms a body, and a body compiles to the same module
 * as long as its text, its path, its client's language and glossary, the base path and the code
 * are the same: the key holds the first five, and `cacheDir` is a folder emptied whenever the code
 * (or any glossary) changes (`currentAstroCacheDir`; only `glasshouse build` passes one).
 *
 * @astrojs/mdx's own plugin stays the compiler: its transform is wrapped once Vite has resolved
 * the plugins, answered from the folder when the key is there and stored after it ran otherwise
 * (written aside and renamed, so a stopped build never leaves half a module). A compile error
 * is never stored. When the plugin is not found (another version of @astrojs/mdx), nothing is
 * cached and the build is as without this plugin.
 */
export function mdxCompileCache(cacheDir: string, inputs: CompileInputs, report?: (line: string) => void): Plugin {
	const folder = path.join(cacheDir, COMPILED_BODIES);
	const counts = { reused: 0, compiled: 0 };
	return {
		name: 'glasshouse:mdx-compile-cache',
		apply: 'build',
		// Once per bundle Vite makes: the server bundle compiles every body, the browser's none.
		buildEnd() {
			if (counts.reused + counts.compiled > 0) report?.(`MDX bodies: ${counts.compiled} compiled, ${counts.reused} from cache`);
			counts.reused = 0;
			counts.compiled = 0;
		},
		configResolved(resolved) {
			const compiler = resolved.plugins.find((plugin) => plugin.name === MDX_PLUGIN);
			const transform = compiler?.transform;
			if (!compiler || typeof transform !== 'function') return;
			const compile = transform as TransformHook;
			(compiler as { transform: TransformHook }).transform = async function (code, id, options) {
				if (!id.endsWith('.mdx')) return compile.call(this, code, id, options);
				const key = createHash('sha256')
					.update(JSON.stringify([id, await inputs.forFile(id), inputs.shared]))
					.update('\0')
					.update(code)
					.digest('hex');
				const file = path.join(folder, key.slice(0, 2), `${key}.json`);
				const stored = await readFile(file, 'utf8').then(
					(text) => JSON.parse(text) as StoredCompile,
					() => undefined,
				);
				if (stored && typeof stored.code === 'string') {
					counts.reused++;
					return { code: stored.code, map: null, meta: stored.meta };
				}
				const result = (await compile.call(this, code, id, options)) as { code: string; meta?: Record<string, unknown> } | undefined;
				counts.compiled++;
				if (result && typeof result.code === 'string') {
					await mkdir(path.dirname(file), { recursive: true });
					const partial = `${file}.${process.pid}-${threadId}.tmp`;
					await writeFile(partial, JSON.stringify({ code: result.code, meta: result.meta } satisfies StoredCompile));
					await rename(partial, file);
				}
				return result;
			};
		},
	};
}
