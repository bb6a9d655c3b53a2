import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { placeSmallFileIn, readSmallFile, writeSmallFile } from '@/lib/small-files';
import path from 'node:path';
import { z } from 'zod';
import { listFiles } from '@/lib/list-files';
import { GATE_FOLDER } from '@/encrypt/bundle-runtime';
import { CACHE_FORMAT } from './build-fingerprint';

/** The file of an entry naming what it holds (see `CacheEntrySchema`). */
const ENTRY_FILE = 'entry.json';
/** The folder of an entry holding the output files, at their paths in the output. */
const FILES_FOLDER = 'output';
/**
 * Top-level output folders of shared files an entry keeps beside the client's own folder: the
 * scripts, styles and images (public clients' processed images) and the unlock runtime its pages
 * refer to by hashed names. A later build whose code is the same writes the same names; one that
 * renders no private client writes no unlock runtime, and one that renders no public client keeps
 * none of its images, so the entry brings back what its pages need.
 */
const SHARED_FOLDERS = ['_astro', GATE_FOLDER];

/**
 * The name of the site-wide entry: the files of the output outside every client's folder (the
 * root page, the 404 page, `public/`'s files, `_headers`) with the shared folders their pages and
 * the clients' need. A client folder's name is lowercase letters, digits and hyphens (see
 * `loadContent`), so no client's entry can take this name.
 */
export const SITE_WIDE_ENTRY = '_site';

/** An entry of the per-client build cache, as kept in `entry.json`. */
export const CacheEntrySchema = z.object({
	/** `CACHE_FORMAT` of the code that wrote it. */
	format: z.literal(CACHE_FORMAT),
	/** The client slug whose folder it holds, or `SITE_WIDE_ENTRY` for the site-wide files. */
	client: z.string(),
	/** The client's fingerprint when it was built (see `clientFingerprint`, `siteWideEntryFingerprint`). */
	fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
	/** Every file it holds: path in the output (with `/`) and SHA-256 (hex) of its bytes. */
	files: z.array(z.tuple([z.string(), z.string().regex(/^[0-9a-f]{64}$/)])),
	/** HMAC-SHA-256 (hex) under the cache key of all the above (see `entryMac`). */
	mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type CacheEntry = z.infer<typeof CacheEntrySchema>;

/** Why an entry cannot be reused: said in the build's log. */
export type Refusal = { reason: 'missing' } | { reason: 'changed' } | { reason: 'refused'; detail: string };

/**
 * The MAC of an entry: HMAC-SHA-256 under `key` (derived from the secret, see
 * `deriveBuildCacheMacKey`) over the format, the client, its fingerprint and every file's path
 * and hash, each field length-delimited so no two entries share an input.
 */
export function entryMac(key: Uint8Array, entry: Omit<CacheEntry, 'mac'>): string {
	const mac = createHmac('sha256', key);
	const field = (value: string) => mac.update(`${Buffer.byteLength(value)}:`).update(value);
	field(entry.format);
	field(entry.client);
	field(entry.fingerprint);
	field(String(entry.files.length));
	for (const [file, sha256] of entry.files) {
		field(file);
		field(sha256);
	}
	return mac.digest('hex');
}

/**
 * Whether `file` may be in an entry of `client`: inside its folder or a shared folder, no climbing
 * out. The site-wide entry holds the files at the top of the output and the shared folders, never
 * a file inside a folder of its own (every other folder is a client's).
 */
function belongsTo(file: string, client: string): boolean {
	const parts = file.split('/');
	if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) return false;
	if (client === SITE_WIDE_ENTRY) return parts.length === 1 || SHARED_FOLDERS.includes(parts[0]!);
	return parts.length > 1 && (parts[0] === client || SHARED_FOLDERS.includes(parts[0]!));
}

/** Whether `file` is an entry's own (a client's page, a site-wide page) rather than a shared file another entry may bring too. */
function isOwnFile(file: string, client: string): boolean {
	return client === SITE_WIDE_ENTRY ? !file.includes('/') : file.startsWith(`${client}/`);
}

/** The files of `outDir` an entry of `client` holds (see `belongsTo`), as paths with `/`. */
async function filesOfEntry(client: string, outDir: string): Promise<string[]> {
	const files: string[] = [];
	if (client === SITE_WIDE_ENTRY) {
		const top = await readdir(outDir, { withFileTypes: true });
		files.push(...top.filter((entry) => entry.isFile()).map((entry) => entry.name));
	}
	for (const folder of client === SITE_WIDE_ENTRY ? SHARED_FOLDERS : [client, ...SHARED_FOLDERS]) {
		const names = await listFiles(path.join(outDir, folder)).catch(() => [] as string[]);
		files.push(...names.map((name) => `${folder}/${name.split(path.sep).join('/')}`));
	}
	return files;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What `restore` gives for an entry it copied: the entry, and how many files it wrote. */
export interface Restored {
	entry: CacheEntry;
	copied: number;
}

/** The per-client cache of one content folder (`dir`), whose entries are authenticated under `key`. */
export interface ClientCache {
	/** The folder of its entries and the key they are authenticated under: for a worker thread to open the same cache (`restoreCached`). */
	readonly dir: string;
	readonly key: Uint8Array;
	/**
	 * The entry of `client` if its `entry.json` is there, made for `fingerprint`, with a MAC that
	 * verifies and only files `client` may hold. Its files are verified by `copy`, as they are copied.
	 */
	check(client: string, fingerprint: string): Promise<{ entry: CacheEntry } | Refusal>;
	/**
	 * Puts the files of an entry `check` gave into `outDir`, each with the hash the entry lists:
	 * hard-linked where the file system allows (else copied, see `placeSmallFileIn`), then read
	 * once from `outDir`, hashed and handed to `verified` (which the leak scan of cached clients
	 * reads them through), so what is published is what was verified, whatever happens to the
	 * cache's names meanwhile. The cache never writes into a file it stored (`store` writes new
	 * files and renames them into place), so a link in the output keeps the bytes verified. A file
	 * missing or changed refuses the entry and leaves nothing of it in `outDir`. Shared files this
	 * cache already put into `outDir` (from another entry) are not put there again: their names
	 * are hashes of their bytes, and the copy there was verified.
	 */
	copy(entry: CacheEntry, outDir: string, verified?: (file: string, bytes: Buffer) => void): Restored | Refusal;
	/**
	 * Stores `client`'s folder and the shared folders of `outDir` as its entry, replacing any
	 * previous one. Written into a temporary folder and renamed into place: an interrupted write
	 * leaves no entry, never half of one.
	 */
	store(client: string, fingerprint: string, outDir: string): Promise<void>;
	/** Deletes `client`'s entry (a refused one): it is never read again, whatever becomes of this build. */
	discard(client: string): Promise<void>;
}

export function clientCache(dir: string, key: Uint8Array): ClientCache {
	const entryDir = (client: string) => path.join(dir, client);
	/** Per output folder, the shared files this cache wrote there (each verified once). */
	const written = new Map<string, Set<string>>();
	/** The entry of `client`, if its `entry.json` verifies and is for `fingerprint` (its files are verified as they are copied). */
	async function readEntry(client: string, fingerprint: string): Promise<{ entry: CacheEntry } | Refusal> {
		const text = await readFile(path.join(entryDir(client), ENTRY_FILE), 'utf8').catch(() => undefined);
		if (text === undefined) return { reason: 'missing' };
		let entry: CacheEntry;
		try {
			entry = CacheEntrySchema.parse(JSON.parse(text));
		} catch {
			return { reason: 'refused', detail: 'its entry.json is not a cache entry' };
		}
		// Said before the MAC: a client whose inputs changed is rebuilt whatever its entry holds.
		if (entry.fingerprint !== fingerprint && entry.client === client && entry.format === CACHE_FORMAT) return { reason: 'changed' };
		const expected = Buffer.from(entryMac(key, entry), 'hex');
		if (!timingSafeEqual(expected, Buffer.from(entry.mac, 'hex'))) {
			return {
				reason: 'refused',
				detail: 'its MAC does not verify (changed by someone without the secret, or made with another secret)',
			};
		}
		if (entry.client !== client) return { reason: 'refused', detail: `it holds ${entry.client}'s files` };
		if (entry.fingerprint !== fingerprint) return { reason: 'changed' };
		const outside = entry.files.find(([file]) => !belongsTo(file, client));
		if (outside) {
			const own = client === SITE_WIDE_ENTRY ? 'the top of the output' : `${client}/`;
			return { reason: 'refused', detail: `it lists ${outside[0]}, outside ${own} and the shared folders` };
		}
		if (!entry.files.some(([file]) => isOwnFile(file, client)))
			return { reason: 'refused', detail: client === SITE_WIDE_ENTRY ? 'it holds no site-wide page' : `it holds no file of ${client}/` };
		return { entry };
	}
	return {
		dir,
		key,
		check: readEntry,
		copy(entry, outDir, verified) {
			const { client } = entry;
			const wrote: string[] = [];
			const folders = new Set<string>();
			let fault: string | undefined;
			// One synchronous link and read per file (see `placeSmallFileIn`): the files of an entry are small,
			// and beside Astro the copy runs on a thread of its own (see `restore-in-worker.ts`).
			for (const [file, hash] of entry.files) {
				const shared = !isOwnFile(file, client);
				if (shared && written.get(outDir)?.has(file)) continue;
				let bytes: Buffer;
				try {
					// Read back from `outDir`: the bytes verified are the ones published there.
					bytes = placeSmallFileIn(folders, path.join(entryDir(client), FILES_FOLDER, file), path.join(outDir, file));
				} catch {
					fault = `${file} is missing from it`;
					break;
				}
				wrote.push(file);
				if (sha256(bytes) !== hash) {
					fault = `${file} in it is not the file it was built with`;
					break;
				}
				verified?.(file, bytes);
			}
			if (fault !== undefined) {
				// Nothing of a refused entry stays where the build would publish it.
				for (const file of wrote) rmSync(path.join(outDir, file), { force: true });
				if (client !== SITE_WIDE_ENTRY) rmSync(path.join(outDir, client), { recursive: true, force: true });
				return { reason: 'refused', detail: fault };
			}
			let shared = written.get(outDir);
			if (!shared) written.set(outDir, (shared = new Set()));
			for (const file of wrote) if (!isOwnFile(file, client)) shared.add(file);
			return { entry, copied: wrote.length };
		},
		async discard(client) {
			await rm(entryDir(client), { recursive: true, force: true });
		},
		async store(client, fingerprint, outDir) {
			const temporary = path.join(dir, `.${client}.${randomBytes(6).toString('hex')}.tmp`);
			try {
				const files: Array<[string, string]> = [];
				for (const file of await filesOfEntry(client, outDir)) {
					const bytes = readSmallFile(path.join(outDir, file));
					const target = path.join(temporary, FILES_FOLDER, file);
					mkdirSync(path.dirname(target), { recursive: true });
					writeSmallFile(target, bytes);
					files.push([file, sha256(bytes)]);
				}
				const unsigned = { format: CACHE_FORMAT, client, fingerprint, files } as const;
				const entry: CacheEntry = { ...unsigned, mac: entryMac(key, unsigned) };
				await writeFile(path.join(temporary, ENTRY_FILE), `${JSON.stringify(entry)}\n`);
				await rm(entryDir(client), { recursive: true, force: true });
				await rename(temporary, entryDir(client));
			} finally {
				await rm(temporary, { recursive: true, force: true });
			}
		},
	};
}

/** Where the entries of one content folder live under the cache folder: content folders never share entries. */
export function clientCacheDir(cacheRoot: string, contentDir: string): string {
	return path.join(cacheRoot, createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 12));
}

/**
 * Moves the entries restored into `from` into `outDir`, where Astro wrote the clients it rendered
 * and the site-wide files: each client's folder is renamed whole; a shared file Astro wrote too
 * is kept as Astro wrote it (its name is a hash of its bytes). Renames only: no file is read again.
 * `whole` names client folders that must not be in `outDir` yet (the leak scan searched them as
 * they were restored and leaves them out): one that is there stops the build rather than mixing files.
 */
export async function moveRestored(from: string, outDir: string, whole: readonly string[] = []): Promise<void> {
	for (const client of whole) {
		if (await stat(path.join(outDir, client)).catch(() => undefined))
			throw new Error(`${client}/ was both rendered and restored from the cache in one build; report this as a bug`);
	}
	for (const item of await readdir(from, { withFileTypes: true }).catch(() => [])) {
		const source = path.join(from, item.name);
		const target = path.join(outDir, item.name);
		const present = await stat(target).catch(() => undefined);
		if (!present) {
			await mkdir(path.dirname(target), { recursive: true });
			await rename(source, target);
		} else if (item.isDirectory() && present.isDirectory()) await moveRestored(source, target);
	}
}
