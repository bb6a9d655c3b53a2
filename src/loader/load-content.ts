import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readSmallFile } from '@/lib/small-files';
import type { RefinementCtx, z } from 'zod';
import type { AnyClientKind, Kind } from '@/kinds/kind';
import { fileNameOf } from '@/kinds/file-name';
import { clientKind } from '@/kinds/client/kind';
import { siteKind } from '@/kinds/site/kind';
import type { Site } from '@/kinds/site/schema';
import {
	CLIENT_FILE_KINDS,
	CLIENT_KINDS,
	fileNames,
	FOLDER_KINDS,
	isFileOf,
	type ClientFileKind,
	type ClientKind,
	type FolderKind,
} from '@/kinds/registry';
import { SlugSchema } from '@/kinds/common';
import { IMAGE_FILE } from '@/lib/image-file';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import { describeIssue } from '@/check/describe-issue';
import type { Problem } from '@/check/problem';
import { readSourceFile, type FieldPath, type SourceFile } from './source-file';
import { SITE_PART, type ParseCache, type ParseCachePart } from './parse-cache';

/** A file that parsed and passed its schema, with the source kept for line lookups. */
export interface Parsed<T> {
	source: SourceFile;
	/** File name without extension. */
	stem: string;
	value: T;
}

/**
 * A client's files, one property per kind in the registry: a list per folder (`updates`), and
 * the single files by name (`client`, `closeout`) when they exist and parsed.
 */
type ClientFiles = { [K in FolderKind as K['where']['folder']]: Parsed<z.output<K['schema']>>[] } & {
	[K in ClientFileKind as K['where']['file']]?: Parsed<z.output<K['schema']>>;
};

export interface LoadedClient extends ClientFiles {
	slug: string;
	/** Folder of the client, as displayed (`content/acme`). */
	dir: string;
}

export interface LoadedContent {
	site?: Site;
	clients: LoadedClient[];
	problems: Problem[];
	/**
	 * SHA-256 (hex) of the bytes of every file that was read and parsed, by absolute path: the build
	 * cache's fingerprints take them from here rather than reading the files a second time.
	 */
	fileHashes?: ReadonlyMap<string, string>;
}

/**
 * The clients with a valid client.yaml, by slug: the ones a build renders, encrypts and publishes
 * (a folder without one is reported by the check and left out).
 */
export function validClients(content: Pick<LoadedContent, 'clients'>): string[] {
	return content.clients.filter((client) => client.client).map((client) => client.slug);
}

/** The property of `LoadedClient` holding a kind's files: its folder, or the single file's name. */
export function propertyOf(kind: AnyClientKind): string {
	return 'folder' in kind.where ? kind.where.folder : kind.where.file;
}

/** Every parsed file of a client, kind by kind in the registry's order (or that of `kinds`). */
export function parsedFiles(client: LoadedClient, kinds: readonly ClientKind[] = CLIENT_KINDS): Parsed<unknown>[] {
	return kinds.flatMap((kind) => byProperty(client)[propertyOf(kind)] ?? []);
}

/** A client's files by property name (see `propertyOf`), for code that goes through kinds one by one. */
function byProperty(client: LoadedClient): Record<string, Parsed<unknown> | Parsed<unknown>[] | undefined> {
	return client as unknown as Record<string, Parsed<unknown> | Parsed<unknown>[] | undefined>;
}

const LOGO_MAX_BYTES = 100 * 1024;

export interface LoadOptions {
	/** Parsed files remembered by `glasshouse check` (see `parse-cache.ts`); never for a build. */
	parseCache?: ParseCache;
	/**
	 * Load only this client's folder (and the site-wide files): what a `new …` command needs, in a
	 * fraction of the time an agency takes. `clients` then holds it alone, if its folder exists.
	 */
	client?: string;
	/**
	 * Load only these clients' folders (and the site-wide files): what one shard of a sharded build
	 * checks and renders. A slug without a folder is simply absent from `clients`.
	 */
	clients?: readonly string[];
}

/**
 * Reads and validates every file under `contentDir` on its own (schemas, file names), collecting
 * every problem instead of stopping at the first. Cross-file rules live in `check-references.ts`.
 */
export async function loadContent(
	contentDir: string,
	displayRoot = process.cwd(),
	{ parseCache, client: onlyClient, clients: onlyClients }: LoadOptions = {},
): Promise<LoadedContent> {
	const problems: Problem[] = [];
	const display = (absolute: string) => path.relative(displayRoot, absolute).split(path.sep).join('/');
	const report = (source: SourceFile | string, field: FieldPath, message: string, severity: Problem['severity'] = 'error') => {
		const file = typeof source === 'string' ? source : source.file;
		const line = typeof source === 'string' ? undefined : source.lineOf(field);
		problems.push({ severity, file, line, field: field.join('.'), message });
	};

	if (!(await isDirectory(contentDir))) {
		report(display(contentDir), [], 'expected a content folder with site.yaml and one folder per client, found no such folder');
		return { clients: [], problems };
	}

	/** Parses one file of a kind: its syntax, its schema and its name, reporting every problem. */
	async function parse<K extends Kind>(
		absolute: string,
		kind: K,
		cache: ParseCachePart | undefined,
	): Promise<Parsed<z.output<K['schema']>> | undefined> {
		const source = await readSourceFile(absolute, display(absolute), reads.get(absolute) ?? readText(absolute), cache);
		for (const error of source.syntaxErrors)
			problems.push({ severity: 'error', file: source.file, line: error.line, field: '', message: error.message });
		if (source.data === undefined) return undefined;
		const result = kind.schema.safeParse(source.data);
		if (!result.success) {
			for (const issue of result.error.issues) {
				for (const { path: field, message } of describeIssue(issue, source.data)) report(source, field, message);
			}
			if (kind.salvage)
				checkRemainingRules(
					source,
					result.error.issues.map((issue) => issue.path[0]),
					kind.salvage,
				);
			return undefined;
		}
		const name = fileNameOf(absolute);
		const value = result.data as z.output<K['schema']>;
		const misnamed = kind.fileName?.(name, value);
		if (misnamed) report(source, misnamed.field, misnamed.fix ? `${misnamed.message}; ${misnamed.fix}` : misnamed.message);
		return { source, stem: name.stem, value };
	}

	function checkRemainingRules(source: SourceFile, badKeys: unknown[], { object, rules }: NonNullable<Kind['salvage']>) {
		if (!source.data || typeof source.data !== 'object') return;
		const good = Object.fromEntries(Object.entries(source.data).filter(([key]) => !badKeys.includes(key)));
		const result = object
			.partial()
			.superRefine(rules as (value: unknown, ctx: RefinementCtx) => void)
			.safeParse(good);
		if (result.success) return;
		for (const issue of result.error.issues) {
			// A rule about a field that was itself invalid would only repeat that error.
			if (issue.code === 'custom' && !badKeys.includes(issue.path[0])) report(source, issue.path, issue.message);
		}
	}

	// Files of a folder are read first (see `readAhead`), then parsed one by one, in order.
	const reads = new Map<string, Promise<string>>();
	const fileHashes = new Map<string, string>();
	/** A file's text; the hash of its bytes is kept on the way (see `LoadedContent.fileHashes`). */
	async function readText(absolute: string): Promise<string> {
		const bytes = readSmallFile(absolute);
		fileHashes.set(absolute, createHash('sha256').update(bytes).digest('hex'));
		return bytes.toString('utf8');
	}

	let site: Site | undefined;
	const sitePath = path.join(contentDir, fileNames(siteKind)[0]!);
	if (await isFile(sitePath)) site = (await parse(sitePath, siteKind, await parseCache?.part(SITE_PART)))?.value;
	else report(display(sitePath), [], 'expected site settings (agency name), found no site.yaml');

	const clients: LoadedClient[] = [];
	for (const entry of (await readdir(contentDir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
		if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
		if (onlyClient !== undefined && entry.name !== onlyClient) continue;
		if (onlyClients !== undefined && !onlyClients.includes(entry.name)) continue;
		const dir = path.join(contentDir, entry.name);
		const cache = await parseCache?.part(entry.name);
		const loaded = {
			slug: entry.name,
			dir: display(dir),
			...Object.fromEntries(FOLDER_KINDS.map((kind) => [propertyOf(kind), []])),
		} as LoadedClient;
		clients.push(loaded);
		if (!SlugSchema.safeParse(entry.name).success) {
			report(
				display(dir),
				[],
				`expected a client folder name of lowercase letters, digits and hyphens (it becomes the URL), found "${entry.name}"`,
			);
		}
		// client.yaml makes the folder a client: it must exist.
		const clientPath = path.join(dir, fileNames(clientKind)[0]!);
		if (!(await isFile(clientPath))) {
			report(display(clientPath), [], 'expected client.yaml describing the client, found no such file');
		} else {
			loaded.client = await parse(clientPath, clientKind, cache);
			await checkLogo(loaded, dir);
		}
		for (const kind of CLIENT_FILE_KINDS) if (kind !== clientKind) await loadSingleFile(kind);
		for (const kind of FOLDER_KINDS) await loadFolder(kind);

		/** A file that may exist once, under any of its names (`closeout.mdx`, `closeout.md`). */
		async function loadSingleFile(kind: ClientFileKind) {
			const held = byProperty(loaded);
			const property = propertyOf(kind);
			for (const name of fileNames(kind)) {
				const absolute = path.join(dir, name);
				if (!(await isFile(absolute))) continue;
				const kept = held[property] as Parsed<unknown> | undefined;
				if (kept)
					report(
						display(absolute),
						[],
						`expected one ${kind.noun ?? kind.name}, found ${name} next to ${path.basename(kept.source.file)} (it is ignored)`,
					);
				else held[property] = await parse(absolute, kind, cache);
			}
		}

		async function loadFolder(kind: FolderKind) {
			const folderPath = path.join(dir, kind.where.folder);
			if (!(await isDirectory(folderPath))) return;
			const list = byProperty(loaded)[propertyOf(kind)] as Parsed<unknown>[];
			// The listing says which entries are files: no stat per file (thousands in an agency).
			const entries = (await readdir(folderPath, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			const names = entries.map((entry) => entry.name);
			await readAhead(names.filter((name) => isFileOf(kind, name)).map((name) => path.join(folderPath, name)));
			for (const entry of entries) {
				const name = entry.name;
				const absolute = path.join(folderPath, name);
				if (name.startsWith('.') || !(entry.isFile() || (entry.isSymbolicLink() && (await isFile(absolute))))) continue;
				if (IMAGE_FILE.test(name)) continue; // Referenced from Markdown; inlined into the encrypted pages.
				if (!isFileOf(kind, name)) {
					if (kind.attachments) continue; // Checked against the entries that name them (check-documents.ts).
					report(display(absolute), [], `expected ${kind.format.described}, found "${name}" (it is ignored)`, 'warning');
					continue;
				}
				const parsed = await parse(absolute, kind, cache);
				if (parsed) list.push(parsed);
			}
		}
	}

	/** Reads a folder's files before they are parsed, each in one call (see `readSmallFile`), keeping each text (or its failure) for `parse`. */
	async function readAhead(files: string[]) {
		reads.clear();
		await mapLimit(files, FILE_CONCURRENCY, async (file) => {
			const text = readText(file);
			reads.set(file, text);
			await text.catch(() => undefined);
		});
	}

	async function checkLogo(loaded: LoadedClient, dir: string) {
		const logo = loaded.client?.value.logo;
		if (!logo || !loaded.client) return;
		const logoPath = path.join(dir, logo);
		const info = await stat(logoPath).catch(() => undefined);
		if (!info?.isFile()) report(loaded.client.source, ['logo'], `expected a file ${display(logoPath)}, found none`);
		else if (info.size > LOGO_MAX_BYTES)
			report(loaded.client.source, ['logo'], `expected a logo of at most 100 kB, found ${Math.round(info.size / 1024)} kB`);
	}

	return { site, clients, problems, fileHashes };
}

async function isDirectory(target: string) {
	return (await stat(target).catch(() => undefined))?.isDirectory() ?? false;
}

async function isFile(target: string) {
	return (await stat(target).catch(() => undefined))?.isFile() ?? false;
}
