// Where the compiled CLI lives and whether it is current: read by the launcher (bin.mjs) on every
// command, by the compiler (compile-cli.mjs) and by the build for its worker threads. Plain
// JavaScript with no dependency, as the launcher runs before anything is loaded.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The compiled copy's folder, relative to the project. */
export const CLI_CACHE = path.join('node_modules', '.cache', 'glasshouse-cli');

/** What bin.mjs reads: when the copy was built and from which files. */
export const MANIFEST = 'manifest.json';

/** The compiled entry of the task that renders a batch on a worker thread (see `compiledLaneModule`). */
export const COMPILED_LANE = 'render-lane';

/** Whether the compiled copy in `root` exists and was built after the last change to every file it came from. */
export function compiledCliIsCurrent(root) {
	try {
		const { builtAt, inputs } = JSON.parse(readFileSync(path.join(root, CLI_CACHE, MANIFEST), 'utf8'));
		return inputs.every((input) => statSync(path.join(root, input)).mtimeMs < builtAt);
	} catch {
		return false;
	}
}

/** The compiled module of the render task when the compiled copy is current, else `undefined` (the sources then run through tsx). */
export function compiledLaneModule(root) {
	return compiledCliIsCurrent(root) ? pathToFileURL(path.join(root, CLI_CACHE, `${COMPILED_LANE}.mjs`)) : undefined;
}
