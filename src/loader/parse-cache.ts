import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FieldPath, SourceFile } from './source-file';

/** Bump when what is stored changes, so older files are ignored. */
const CACHE_FORMAT = 3;

/** What is kept of a parsed file: everything but its display path, and its field lines as a table. */
interface StoredSource {
	data: unknown;
	body: string;
	bodyLine: number;
	syntaxErrors: SourceFile['syntaxErrors'];
	/** `JSON.stringify(path)` → line, for every key and list item of the YAML. */
	lines: Record<string, number>;
}

/** Parsed files of one part of the content (one client's folder, or the site-wide files), by their exact text. */
export interface ParseCachePart {
	get(text: string, file: string): SourceFile | undefined;
	put(text: string, source: SourceFile, lines: Record<string, number>): void;
}

/**
 * Parsed content files remembered by their exact text, so a `glasshouse check` of an unchanged
 * agency (thousands of files) parses no YAML. One file per part of the content: a client's folder
 * (by its name) or the site-wide files (`SITE_PART`). Reading thousands of small files would cost
 * what parsing them does, and one file for the whole agency (10 MB for 20 clients × 2 years) would
 * make `glasshouse new … <client>`, which loads one client, read all of it.
 *
 * Used by `glasshouse check`, the `new` commands and the build. A part's file starts with a line
 * holding an HMAC-SHA-256 of the rest under a key derived from the secret (see
 * `deriveParseCacheMacKey`), or an empty line when whoever wrote it had no secret. A build opens
 * the cache with the key and reads only parts whose MAC verifies (any other is as if empty, and
 * written again signed): which clients are private is decided from what it parsed, never from a
 * file that someone without the secret could have written (a CI cache is writable by other
 * workflows). Without a key (a check where no secret is set), the MAC is neither checked nor written.
 */
export interface ParseCache {
	/** The stored entries of one part, read when first asked for. */
	part(name: string): Promise<ParseCachePart>;
	/**
	 * Writes the parts that changed. Entries this run did not use are kept too (other content
	 * folders with a client of that name, such as a copy of the demo) while a part holds at most
	 * MAX_ENTRIES_PER_PART; beyond that only this run's are kept, so it never grows without bound.
	 */
	save(): Promise<void>;
}

/** The part holding `site.yaml` and any other file outside the client folders. */
export const SITE_PART = '';

/** About 15 MB of JSON at most: many times the ~160 files of a client with two years of weekly updates. */
const MAX_ENTRIES_PER_PART = 5_000;

const yamlVersion = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;

/**
 * Opens the parse cache in `cacheDir`; an unreadable part is an empty one (it only costs time), as
 * is, when `key` is given, one whose MAC does not verify under it.
 */
export async function openParseCache(cacheDir: string, key?: Uint8Array): Promise<ParseCache> {
	const folder = path.join(cacheDir, `parsed-files-${CACHE_FORMAT}`);
	const parts = new Map<string, Promise<StoredPart>>();
	return {
		part(name) {
			let part = parts.get(name);
			if (!part) {
				part = readPart(path.join(folder, `${fileNameOf(name)}.json`), key);
				parts.set(name, part);
			}
			return part;
		},
		async save() {
			const changed = (await Promise.all(parts.values())).filter((part) => part.changed);
			if (!changed.length) return;
			await mkdir(folder, { recursive: true });
			await Promise.all(changed.map((part) => part.save()));
			// The single file of the first format (the whole agency in one) is no longer read.
			await rm(path.join(cacheDir, 'parsed-files-1.json'), { force: true });
		},
	};
}

/** A part's file name: a hash, since a folder name may hold anything a file system allows. */
function fileNameOf(part: string): string {
	return createHash('sha256').update(part).digest('hex').slice(0, 32);
}

interface StoredPart extends ParseCachePart {
	readonly changed: boolean;
	save(): Promise<void>;
}

/** What a part's file holds after its MAC line. */
interface StoredPartFile {
	/** The version of `yaml` that parsed the entries: another version's are not reused. */
	yaml: string;
	entries: Record<string, StoredSource>;
}

/** The MAC line of a part's file: HMAC-SHA-256 (hex) of what follows it, or empty without a key. */
const macOf = (key: Uint8Array | undefined, payload: string) => (key ? createHmac('sha256', key).update(payload).digest('hex') : '');

/** A part's stored entries: `undefined` when unreadable, or (with `key`) when its MAC does not verify. */
function parsePart(text: string, key: Uint8Array | undefined): StoredPartFile | undefined {
	const newline = text.indexOf('\n');
	if (newline < 0) return undefined;
	const payload = text.slice(newline + 1);
	if (key) {
		const mac = Buffer.from(text.slice(0, newline), 'hex');
		const expected = Buffer.from(macOf(key, payload), 'hex');
		if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
	}
	try {
		return JSON.parse(payload) as StoredPartFile;
	} catch {
		return undefined;
	}
}

async function readPart(file: string, key: Uint8Array | undefined): Promise<StoredPart> {
	const stored = await readFile(file, 'utf8').then(
		(text) => parsePart(text, key),
		() => undefined,
	);
	const previous = stored?.yaml === yamlVersion ? stored.entries : {};
	const used: Record<string, StoredSource> = {};
	let changed = false;
	const keyOf = (text: string, name: string) =>
		createHash('sha256')
			.update(JSON.stringify([/\.mdx?$/.test(name), text]))
			.digest('hex');
	return {
		get changed() {
			return changed;
		},
		get(text, name) {
			const key = keyOf(text, name);
			const entry = previous[key];
			if (!entry) return undefined;
			used[key] = entry;
			return sourceOf(entry, name);
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
			const merged = { ...previous, ...used };
			const entries = Object.keys(merged).length <= MAX_ENTRIES_PER_PART ? merged : used;
			const temporary = `${file}.${randomUUID()}.tmp`;
			const payload = JSON.stringify({ yaml: yamlVersion, entries } satisfies StoredPartFile);
			await writeFile(temporary, `${macOf(key, payload)}\n${payload}`);
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
