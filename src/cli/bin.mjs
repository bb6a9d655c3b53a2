#!/usr/bin/env node
// Thin launcher. The CLI is TypeScript: the set-up script compiles it ahead of time
// (src/bootstrap/compile-cli.mjs) so it starts as fast as plain Node; whenever that copy is
// missing or any source it was built from changed since, the sources run through tsx instead,
// so an edit takes effect at once and a stale copy never runs.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI_CACHE, compiledCliIsCurrent } from '../bootstrap/compiled-cli.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function loadCli() {
	if (compiledCliIsCurrent(root)) return import(pathToFileURL(`${root}${CLI_CACHE}/index.mjs`).href);
	const { register } = await import('tsx/esm/api');
	// The tsconfig is named so `@/` imports resolve from whatever folder the CLI is run in.
	register({ tsconfig: `${root}tsconfig.json` });
	return import('./index.ts');
}

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
