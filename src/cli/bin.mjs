#!/usr/bin/env node
// Thin launcher. The CLI is TypeScript: the set-up script compiles it ahead of time
// (src/bootstrap/compile-cli.mjs) so it starts as fast as plain Node; whenever that copy is
// missing or any source it was built from changed since, the sources run through tsx instead,
// so an edit takes effect at once and a stale copy never runs.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const compiled = `${root}node_modules/.cache/glasshouse-cli/`;

/** Whether the compiled copy exists and was built after the last change to every file it came from. */
function compiledIsCurrent() {
	try {
		const { builtAt, inputs } = JSON.parse(readFileSync(`${compiled}manifest.json`, 'utf8'));
		return inputs.every((input) => statSync(`${root}${input}`).mtimeMs < builtAt);
	} catch {
		return false;
	}
}

async function loadCli() {
	if (compiledIsCurrent()) return import(pathToFileURL(`${compiled}index.mjs`).href);
	const { register } = await import('tsx/esm/api');
	// The tsconfig is named so `@/` imports resolve from whatever folder the CLI is run in.
	register({ tsconfig: `${root}tsconfig.json` });
	return import('./index.ts');
}

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
