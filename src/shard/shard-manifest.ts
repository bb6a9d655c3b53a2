import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { listFiles } from '@/lib/list-files';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import type { BuildIdentity } from './build-identity';

/** The manifest's file name, at the top of a shard folder. Never copied into the merged site. */
export const SHARD_MANIFEST = 'glasshouse-shard.json';

const FORMAT = 'glasshouse-shard/1';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

/** What a shard folder holds and which build it belongs to, signed so the merge can trust it. */
export const ShardManifestSchema = z
	.object({
		/** Version of this format: a merge refuses manifests of a format it does not know. */
		format: z.literal(FORMAT),
		/** Which shard of how many (1-based), as given to `--shard I/N`. */
		shard: z.object({
			/** This shard's number, 1 … count. */
			index: z.number().int().min(1),
			/** How many shards the build was split into. */
			count: z.number().int().min(1),
		}),
		/** The build every shard of one merge must share (see `buildIdentity`). */
		build: z.object({
			/** Hash of content, code, parameters and the secret's fingerprint. */
			id: z.string().min(1),
			/** HKDF fingerprint of the secret (never the secret). */
			secret: z.string().min(1),
		}),
		/** Slugs of the clients this shard built, sorted: each has its folder in the shard. */
		clients: z.array(z.string().min(1)),
		/** Every file of the shard folder but this manifest, by path (`/`-separated) → SHA-256 in hex. */
		files: z.record(z.string(), Sha256Hex),
		/** HMAC-SHA256 in hex, under a key derived from the secret, over every field above. */
		mac: z.string().regex(/^[0-9a-f]{64}$/),
	})
	.strict();

export type ShardManifest = z.output<typeof ShardManifestSchema>;
type Unsigned = Omit<ShardManifest, 'mac'>;

/** One serialisation of the signed fields, whatever order they were built or parsed in. */
function canonicalText(manifest: Unsigned): string {
	const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	return JSON.stringify({
		format: manifest.format,
		shard: { index: manifest.shard.index, count: manifest.shard.count },
		build: { id: manifest.build.id, secret: manifest.build.secret },
		clients: [...manifest.clients].sort(),
		files,
	});
}

const macOf = (manifest: Unsigned, key: Uint8Array) => createHmac('sha256', key).update(canonicalText(manifest)).digest('hex');

/** SHA-256 of every file under `dir` except the manifest, by `/`-separated path. */
export async function hashFolder(dir: string): Promise<Record<string, string>> {
	const files = (await listFiles(dir)).map((file) => file.split(path.sep).join('/')).filter((file) => file !== SHARD_MANIFEST);
	const hashes = await mapLimit(files, FILE_CONCURRENCY, async (file) => sha256Hex(await readFile(path.join(dir, file))));
	return Object.fromEntries(files.map((file, index) => [file, hashes[index]!]));
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Lists and hashes every file of the built shard folder `dir` and writes its signed manifest there. */
export async function writeShardManifest(
	dir: string,
	input: { shard: { index: number; count: number }; build: BuildIdentity; clients: readonly string[] },
	key: Uint8Array,
): Promise<ShardManifest> {
	const unsigned: Unsigned = {
		format: FORMAT,
		shard: { index: input.shard.index, count: input.shard.count },
		build: { id: input.build.id, secret: input.build.secret },
		clients: [...input.clients].sort(),
		files: await hashFolder(dir),
	};
	const manifest: ShardManifest = { ...unsigned, mac: macOf(unsigned, key) };
	await writeFile(path.join(dir, SHARD_MANIFEST), `${JSON.stringify(manifest, null, '\t')}\n`);
	return manifest;
}

/** Why a shard folder was refused, worded for the person running the merge. */
export class ShardError extends Error {}

/**
 * Reads the manifest of the shard folder `dir` and checks that it is one: the format, the MAC
 * under `key`, then the build identity (the secret's fingerprint first, so "another secret" and
 * "another commit" get their own message). Throws a `ShardError` naming the folder.
 */
export async function readShardManifest(dir: string, key: Uint8Array, expected: BuildIdentity): Promise<ShardManifest> {
	const shown = `${dir}${dir.endsWith('/') ? '' : '/'}`;
	const text = await readFile(path.join(dir, SHARD_MANIFEST), 'utf8').catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT')
			throw new ShardError(
				`${shown} is not a shard folder: it has no ${SHARD_MANIFEST}. Pass the folders written by \`glasshouse build --shard I/N --out DIR\`.`,
			);
		throw new ShardError(`Cannot read ${shown}${SHARD_MANIFEST}: ${error.message}.`);
	});
	let parsed: ShardManifest;
	try {
		parsed = ShardManifestSchema.parse(JSON.parse(text));
	} catch {
		throw new ShardError(
			`${shown}${SHARD_MANIFEST} is not a shard manifest this version reads (damaged, or written by another version). Build the shard again.`,
		);
	}
	const { mac, ...unsigned } = parsed;
	const computed = Buffer.from(macOf(unsigned, key), 'hex');
	if (parsed.build.secret !== expected.secret)
		throw new ShardError(
			`${shown} was built with another GLASSHOUSE_SECRET than this merge (its fingerprint ${parsed.build.secret}, here ${expected.secret}). Build every shard and merge with the same secret.`,
		);
	if (!timingSafeEqual(computed, Buffer.from(mac, 'hex')))
		throw new ShardError(
			`${shown}${SHARD_MANIFEST} does not verify: its MAC does not match, so it was changed after the shard was built. Nothing was merged; build this shard again.`,
		);
	if (parsed.build.id !== expected.id)
		throw new ShardError(
			`${shown} (shard ${parsed.shard.index}/${parsed.shard.count}) belongs to another build: built from other content, code, build day, site or base than this checkout (build ${parsed.build.id}, here ${expected.id}). Build every shard and merge from the same commit, with the same GLASSHOUSE_TODAY, GLASSHOUSE_SITE and GLASSHOUSE_BASE.`,
		);
	return parsed;
}
