import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '@/lib/list-files';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import { toBase64Url, utf8, type Bytes } from '@/runtime/crypto/bytes';

/**
 * Files of the project, besides the content, that shape the output: the code, the static files,
 * the configuration and the lock file (the versions of Astro, Pagefind, Mermaid…).
 */
const CODE_PATHS = ['src', 'public', 'package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json'];

/** What every shard of one build must agree on, and the merge computes again (see `buildIdentity`). */
export interface BuildIdentity {
	/** Hash of the content, the code and the build's parameters, with the secret's fingerprint. */
	id: string;
	/** `secretFingerprint`: tells "another secret" apart from "other content or code" in errors. */
	secret: string;
}

/** The build's parameters that change the output besides the files. */
export interface BuildParameters {
	/** The build day: date-relative text ("next update expected", overdue marks). */
	today: string;
	site: string;
	base: string;
}

/**
 * HKDF-SHA256 of the secret for one purpose of sharding. Labels differ from every key of the
 * keyring (see `derive-credentials.ts`), so nothing derived here opens a page.
 */
async function deriveShardBytes(master: Uint8Array, purpose: string, bytes: number): Promise<Bytes> {
	const key = await crypto.subtle.importKey('raw', master as Bytes, 'HKDF', false, ['deriveBits']);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'HKDF', hash: 'SHA-256', salt: utf8('glasshouse/v1'), info: utf8(`shard|${purpose}`) },
		key,
		bytes * 8,
	);
	return new Uint8Array(bits);
}

/** A public fingerprint of the secret: equal for the same secret, and reveals nothing of it (HKDF). */
export async function secretFingerprint(master: Uint8Array): Promise<string> {
	return toBase64Url(await deriveShardBytes(master, 'fingerprint', 16));
}

/** The key shard manifests are MAC'd under (HMAC-SHA256). */
export async function manifestKey(master: Uint8Array): Promise<Bytes> {
	return deriveShardBytes(master, 'manifest-mac', 32);
}

/**
 * SHA-256 over every file under the given paths of `root` (path and bytes, sorted by path), so
 * the same checkout gives the same value on every machine whatever the order the disk lists.
 */
export async function fingerprintFiles(root: string, paths: readonly string[]): Promise<string> {
	const files: string[] = [];
	for (const entry of paths) {
		const absolute = path.join(root, entry);
		const listed = await listFiles(absolute).catch(() => undefined);
		if (listed) files.push(...listed.map((file) => path.join(entry, file)));
		else if (
			await readFile(absolute).then(
				() => true,
				() => false,
			)
		)
			files.push(entry);
	}
	const sorted = files.map((file) => file.split(path.sep).join('/')).sort();
	const hashes = await mapLimit(sorted, FILE_CONCURRENCY, async (file) =>
		createHash('sha256')
			.update(await readFile(path.join(root, file)))
			.digest('hex'),
	);
	const all = createHash('sha256');
	sorted.forEach((file, index) => all.update(`${file}\0${hashes[index]}\n`));
	return all.digest('hex');
}

/**
 * The identity of one build: the content, the code and the parameters, bound to the secret by
 * its fingerprint (never the secret). Every shard computes it from its own checkout and writes it
 * into its manifest; the merge computes it again and takes only shards that agree, so a shard of
 * another commit, another day or another secret is refused. Git history is not part of it (CI
 * shards check out the same commit; the content files are what is hashed).
 */
export async function buildIdentity(input: {
	root: string;
	contentDir: string;
	parameters: BuildParameters;
	master: Uint8Array;
}): Promise<BuildIdentity> {
	const [content, code, secret] = await Promise.all([
		fingerprintFiles(input.contentDir, ['.']),
		fingerprintFiles(input.root, CODE_PATHS),
		secretFingerprint(input.master),
	]);
	const { today, site, base } = input.parameters;
	const id = createHash('sha256').update(JSON.stringify({ content, code, secret, today, site, base })).digest('base64url').slice(0, 32);
	return { id, secret };
}
