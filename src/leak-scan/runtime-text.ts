import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browser code every site ships in its shared, unencrypted gate script. */
const RUNTIME = fileURLToPath(new URL('../runtime/', import.meta.url));

/** Quoted strings and the static parts of template literals. */
const LITERAL = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;

/**
 * The string literals of the browser runtime (src/runtime), which the gate script carries in
 * clear on every site: "the ciphertext failed authentication (wrong key, …)". They are the
 * project's own public words, so a client's one-word line ("Authentication") found in them proves
 * nothing, and must not fail a build that `check` passed. Without the sources (a packaged
 * install), the list is empty: more needles, never fewer.
 */
export function runtimeText(root = RUNTIME): string[] {
	let files: string[];
	try {
		files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(?:ts|mjs|js)$/.test(file));
	} catch {
		return [];
	}
	const texts: string[] = [];
	for (const file of files) {
		const source = readFileSync(path.join(root, file), 'utf8');
		for (const match of source.matchAll(LITERAL)) {
			const text = match[1] ?? match[2] ?? match[3]?.split(/\$\{[^}]*\}/).join('\n') ?? '';
			texts.push(...text.split('\n').filter((line) => line.trim() !== ''));
		}
	}
	return texts;
}
