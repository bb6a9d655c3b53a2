import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FieldPath, SourceFile } from './source-file';

/** Bump when what is stored changes, so older files are ignored. */
const CACHE_FORMAT = 1;

/** What is kept of a parsed file: everything but its display path, and its field lines as a table. */
interface StoredSource {
	data: unknown;
	body: string;
	bodyLine: number;
	syntaxErrors: SourceFile['syntaxErrors'];
	/** `JSON.stringify(path)` → line, for every key and list item of the YAML. */
	lines: Record<string, number>;
}

/**
 * Parsed content files remembered by their exact text, so a `glasshouse check` of an unchanged
 * agency (thousands of files) parses no YAML. One file holds them all: reading thousands of small
 * files would cost what parsing them does. Only `glasshouse check` uses it; a build parses every
 * file itself, since which clients are private is decided from what it parsed, never from a file
 * on disk that something else could have written.
 */
export interface ParseCache {
	get(text: string, file: string): SourceFile | undefined;
	put(text: string, source: SourceFile, lines: Record<string, number>): void;
	/**
	 * Writes what changed. Entries this run did not use are kept too (another content folder
	 * checked in turns, such as the demo and your own) while the file holds at most MAX_ENTRIES;
	 * beyond that only this run's are kept, so it never grows without bound.
	 */
	save(): Promise<void>;
}

/** About 20 MB of JSON at most: many times the 3,000 files of a 20-client, two-year agency. */
const MAX_ENTRIES = 20_000;

const yamlVersion = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;

/** Opens the parse cache in `cacheDir`; an unreadable cache is an empty one (it only costs time). */
export async function openParseCache(cacheDir: string): Promise<ParseCache> {
	const file = path.join(cacheDir, `parsed-files-${CACHE_FORMAT}.json`);
	const stored = await readFile(file, 'utf8').then(
		(text) => JSON.parse(text) as { yaml: string; entries: Record<string, StoredSource> },
		() => undefined,
	);
	const previous = stored?.yaml === yamlVersion ? stored.entries : {};
	const used: Record<string, StoredSource> = {};
	let changed = false;
	const keyOf = (text: string, file: string) =>
		createHash('sha256')
			.update(JSON.stringify([/\.mdx?$/.test(file), text]))
			.digest('hex');
	return {
		get(text, file) {
			const key = keyOf(text, file);
			const entry = previous[key];
			if (!entry) return undefined;
			used[key] = entry;
			return sourceOf(entry, file);
		},
		put(text, source, lines) {
			used[keyOf(text, source.file)] = {
				data: source.data,
				body: source.body,
				bodyLine: source.bodyLine,
				syntaxErrors: source.syntaxErrors,
				lines,
			};
			changed = true;
		},
		async save() {
			if (!changed) return;
			const merged = { ...previous, ...used };
			const entries = Object.keys(merged).length <= MAX_ENTRIES ? merged : used;
			await mkdir(cacheDir, { recursive: true });
			const temporary = `${file}.${randomUUID()}.tmp`;
			await writeFile(temporary, JSON.stringify({ yaml: yamlVersion, entries }));
			await rename(temporary, file);
		},
	};
}

/** A source file from its stored form; `lineOf` finds the longest stored prefix of a path, as the parser would. */
function sourceOf(entry: StoredSource, file: string): SourceFile {
	return {
		file,
		data: entry.data,
		body: entry.body,
		bodyLine: entry.bodyLine,
		syntaxErrors: entry.syntaxErrors,
		lineOf(field: FieldPath) {
			for (let length = field.length; length >= 0; length--) {
				const line = entry.lines[JSON.stringify(field.slice(0, length).map(String))];
				if (line !== undefined) return line;
			}
			return 1;
		},
	};
}
