// Compiles the TypeScript CLI ahead of time into node_modules/.cache/glasshouse-cli/, so starting
// `glasshouse` costs a plain Node start instead of registering tsx and transpiling on the fly
// (over a second on a busy 2-core machine). Run by the set-up script; src/cli/bin.mjs uses the
// compiled copy only while no source it was built from is newer, and tsx otherwise, so the copy
// is never stale and never a manual step. Plain JavaScript because the set-up runs it.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI_CACHE, COMPILED_LANE, MANIFEST } from './compiled-cli.mjs';

export { CLI_CACHE, MANIFEST };
/** A day: no command runs that long. */
const OLD_CHUNK_MS = 24 * 60 * 60 * 1000;

/**
 * npm packages bundled into the compiled CLI with everything they import, rather than left as
 * imports: the MDX compiler that `new …` validates a scaffold's body with (and `check` compiles
 * bodies with) is over 400 small modules, and Node resolving and loading them one by one cost
 * more than a third of a second of `glasshouse new update` on a 2-core machine; one chunk costs a
 * fraction of that. Only self-contained packages belong here: no native code, no files read next
 * to their sources, no objects shared with a copy that Astro loads (so not zod or astro itself).
 */
export const BUNDLED_PACKAGES = ['@mdx-js/mdx', 'yaml'];

/**
 * Bundles src/cli/index.ts with every dependency inside src/ (command modules stay separate chunks,
 * loaded when their command runs) and the BUNDLED_PACKAGES, and leaves other npm packages as imports. Each source's
 * `import.meta.url` is replaced by the source's own URL, so paths computed from it (the runtime
 * folder, package look-ups) stay what they are under tsx.
 */
export async function compileCli(root) {
	const { build } = await import('esbuild');
	const startedAt = Date.now();
	const target = path.join(root, CLI_CACHE);
	const staging = `${target}.tmp-${process.pid}`;
	await rm(staging, { recursive: true, force: true });
	const result = await build({
		absWorkingDir: root,
		// The CLI, and the task a build runs on each worker thread that renders pages beside others
		// (`render-lanes.ts`): compiled, it spares each such thread loading Astro's chunks through tsx.
		entryPoints: { index: 'src/cli/index.ts', [COMPILED_LANE]: 'src/cli/render-lane.ts' },
		outdir: staging,
		outExtension: { '.js': '.mjs' },
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		tsconfig: path.join(root, 'tsconfig.json'),
		metafile: true,
		logLevel: 'warning',
		// Bundled CommonJS packages (yaml) require Node's built-ins: ESM chunks have no `require` of their own.
		banner: {
			js: "import { createRequire as __glasshouseRequire } from 'node:module'; const require = __glasshouseRequire(import.meta.url);",
		},
		plugins: [externalPackages(), sourceUrls()],
	});
	// Files of bundled packages keep the dates of their tarballs, so they cannot tell an upgrade;
	// npm rewrites node_modules/.package-lock.json on every install that changes node_modules.
	const installed = path.join('node_modules', '.package-lock.json');
	const inputs = Object.keys(result.metafile.inputs)
		.filter((input) => !input.startsWith('node_modules/'))
		.concat('tsconfig.json', 'package.json', 'src/bootstrap/compile-cli.mjs')
		.concat((await stat(path.join(root, installed)).catch(() => undefined)) ? [installed.split(path.sep).join('/')] : []);
	await writeFile(path.join(staging, MANIFEST), `${JSON.stringify({ builtAt: startedAt, inputs }, null, '\t')}\n`);
	// A CLI already running may still import chunks of the previous copy: chunks are named by their
	// content, so they are moved in beside the old ones and the entry point and manifest last; old
	// chunks go once no command can still be running from them.
	await mkdir(target, { recursive: true });
	const written = await readdir(staging);
	const last = [`${COMPILED_LANE}.mjs`, 'index.mjs', MANIFEST];
	for (const name of [...written.filter((name) => !last.includes(name)), ...last])
		await rename(path.join(staging, name), path.join(target, name));
	await rm(staging, { recursive: true, force: true });
	for (const name of await readdir(target)) {
		const file = path.join(target, name);
		if (!written.includes(name) && (await stat(file)).mtimeMs < startedAt - OLD_CHUNK_MS) await rm(file, { force: true });
	}
}

/** Leaves npm packages as imports, except BUNDLED_PACKAGES and what those import. */
function externalPackages() {
	return {
		name: 'external-packages',
		setup(build) {
			build.onResolve({ filter: /^[^./]/ }, (args) => {
				// `@/…` is the project's own alias (tsconfig paths), resolved by esbuild.
				if (args.path.startsWith('@/')) return undefined;
				// Imported by a bundled package: bundled with it.
				if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
				if (BUNDLED_PACKAGES.some((name) => args.path === name || args.path.startsWith(`${name}/`))) return undefined;
				return { path: args.path, external: true };
			});
		},
	};
}

function sourceUrls() {
	return {
		name: 'source-import-meta-url',
		setup(build) {
			build.onLoad({ filter: /\.(ts|mjs)$/ }, async (args) => {
				if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
				const text = await readFile(args.path, 'utf8');
				const contents = text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
				return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
			});
		},
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await compileCli(path.resolve(fileURLToPath(new URL('../..', import.meta.url))));
}
