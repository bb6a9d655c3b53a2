import path from 'node:path';
import { listFiles } from '@/lib/list-files';
import { readSmallFile, writeSmallFileIn } from '@/lib/small-files';
import type { BuildIdentity } from './build-identity';
import { readShardManifest, sha256Hex, SHARD_MANIFEST, ShardError, type ShardManifest } from './shard-manifest';

/** A shard folder whose manifest verified. */
export interface VerifiedShard {
	dir: string;
	manifest: ShardManifest;
}

/** What the merge checks the shards against: computed from its own checkout and secret. */
export interface MergeExpectation {
	identity: BuildIdentity;
	key: Uint8Array;
}

const shownDir = (dir: string) => `${dir}${dir.endsWith('/') ? '' : '/'}`;
const ownerOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);

/** The clients the shards' manifests list: the folders of the merged site that are a client's. */
const clientsOf = (shards: readonly VerifiedShard[]) => new Set(shards.flatMap((shard) => shard.manifest.clients));

/**
 * Reads every shard folder's manifest and checks the set of shards as a whole: each manifest
 * verifies and belongs to this build, shards 1 … N are each there exactly once, no client is in
 * two shards, each folder holds exactly the files its manifest lists and no folder of a client
 * another shard built. Every problem is collected (one merge tells all there is to fix) and
 * thrown as one `ShardError`. File contents are checked against their hashes while they are
 * copied (`copyShards`), so each file is read once; the clients against the content's by
 * `checkShardClients`, once the content is loaded (beside the copy: a build identity that matches
 * means the content is the same already).
 */
export async function verifyShards(dirs: readonly string[], expected: MergeExpectation): Promise<VerifiedShard[]> {
	const problems: string[] = [];
	if (dirs.length === 0)
		throw new ShardError('No shard folders given. Pass every folder written by `glasshouse build --shard I/N --out DIR`.');
	const shards: VerifiedShard[] = [];
	for (const dir of dirs) {
		try {
			shards.push({ dir, manifest: await readShardManifest(dir, expected.key, expected.identity) });
		} catch (error) {
			if (!(error instanceof ShardError)) throw error;
			problems.push(error.message);
		}
	}
	if (problems.length) throw new ShardError(problems.join('\n'));

	// Shards 1 … N, each once.
	const counts = new Set(shards.map((shard) => shard.manifest.shard.count));
	if (counts.size > 1)
		problems.push(
			`The shards disagree on how many there are: ${shards.map((shard) => `${shownDir(shard.dir)} is ${shard.manifest.shard.index}/${shard.manifest.shard.count}`).join(', ')}. Build every shard with the same N in --shard I/N.`,
		);
	else {
		const count = [...counts][0]!;
		const byIndex = new Map<number, string[]>();
		for (const shard of shards) byIndex.set(shard.manifest.shard.index, [...(byIndex.get(shard.manifest.shard.index) ?? []), shard.dir]);
		for (const [index, folders] of byIndex)
			if (folders.length > 1)
				problems.push(
					`Shard ${index}/${count} is given more than once: ${folders.map(shownDir).join(', ')}. Pass each shard's folder once.`,
				);
		const missing = Array.from({ length: count }, (_, at) => at + 1).filter((index) => !byIndex.has(index));
		if (missing.length)
			problems.push(
				`Shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing. A merge needs all ${count} shards: build the missing one(s) (glasshouse build --shard I/${count}) and pass every folder.`,
			);
	}

	// No client in two shards.
	const known = clientsOf(shards);
	const owner = new Map<string, string>();
	for (const shard of shards) {
		for (const client of shard.manifest.clients) {
			const other = owner.get(client);
			if (other !== undefined && other !== shard.dir)
				problems.push(
					`Client ${client} is in two shards: ${shownDir(other)} and ${shownDir(shard.dir)}. Build every shard with the same N from the same commit.`,
				);
			else owner.set(client, shard.dir);
		}
	}

	// Each folder holds exactly what its manifest lists, and a client's folder only in its own shard.
	for (const shard of shards) {
		const shown = shownDir(shard.dir);
		const present = new Set(
			(await listFiles(shard.dir)).map((file) => file.split(path.sep).join('/')).filter((file) => file !== SHARD_MANIFEST),
		);
		const listed = shard.manifest.files;
		const extra = [...present].filter((file) => !(file in listed));
		const gone = Object.keys(listed).filter((file) => !present.has(file));
		if (extra.length)
			problems.push(
				`${shown} has ${extra.length} file(s) its manifest does not list, added after the shard was built: ${preview(extra)}. Build this shard again.`,
			);
		if (gone.length) problems.push(`${shown} lacks ${gone.length} file(s) its manifest lists: ${preview(gone)}. Build this shard again.`);
		const own = new Set(shard.manifest.clients);
		const foreign = [...new Set(Object.keys(listed).map(ownerOf))].filter(
			(folder): folder is string => folder !== undefined && known.has(folder) && !own.has(folder),
		);
		if (foreign.length)
			problems.push(`${shown} holds the folder of client(s) ${foreign.join(', ')}, which it did not build. Build this shard again.`);
	}

	// Site-wide files (outside every client's folder) must be the same wherever they appear.
	const siteWide = new Map<string, { hash: string; dir: string }>();
	for (const shard of shards) {
		for (const [file, hash] of Object.entries(shard.manifest.files)) {
			const folder = ownerOf(file);
			if (folder !== undefined && known.has(folder)) continue;
			const seen = siteWide.get(file);
			if (!seen) siteWide.set(file, { hash, dir: shard.dir });
			else if (seen.hash !== hash)
				problems.push(
					`Site-wide file ${file} differs between ${shownDir(seen.dir)} and ${shownDir(shard.dir)}: the shards were not built from the same code. Build every shard from the same commit.`,
				);
		}
	}
	if (problems.length) throw new ShardError(problems.join('\n'));
	return shards;
}

/**
 * Checks the verified shards' clients against the content's (`validClients`): every client of the
 * content in a shard, and no shard with a client the content lacks. Throws one `ShardError`.
 */
export function checkShardClients(shards: readonly VerifiedShard[], clients: readonly string[]): void {
	const problems: string[] = [];
	const known = new Set(clients);
	for (const shard of shards)
		for (const client of shard.manifest.clients.filter((listed) => !known.has(listed)))
			problems.push(
				`${shownDir(shard.dir)} has client ${client}, which the checked content does not have. Merge from the commit the shards were built from.`,
			);
	const inShards = clientsOf(shards);
	const absent = clients.filter((client) => !inShards.has(client));
	if (absent.length && problems.length === 0)
		problems.push(
			`No shard has client${absent.length > 1 ? 's' : ''} ${absent.join(', ')} of the checked content. Build every shard from the same commit as this merge.`,
		);
	if (problems.length) throw new ShardError(problems.join('\n'));
}

const preview = (files: string[]) => `${files.slice(0, 5).join(', ')}${files.length > 5 ? `, … (${files.length - 5} more)` : ''}`;

/**
 * Copies the verified shards into `outDir` (an empty staging folder): each client's folder from
 * its shard, and the site-wide files (the same in every shard, see `verifyShards`) once. Every
 * byte copied is checked against its manifest's hash as it is read; a file changed since the
 * shard was built stops the merge (the caller discards `outDir`). Returns the number of files.
 * One synchronous read and write per file, all on this thread (see `readSmallFile`): a 200-client
 * merge copies 64,000 files, and split over two worker threads the same copy took longer than on
 * one: each thread's writes and folder creations for half the files took longer than one thread's
 * for all of them (ext4, 2 cores).
 */
export function copyShards(shards: readonly VerifiedShard[], outDir: string): number {
	const known = clientsOf(shards);
	const taken = new Set<string>();
	const changed: string[] = [];
	const made = new Set<string>();
	let written = 0;
	for (const shard of shards) {
		for (const [file, hash] of Object.entries(shard.manifest.files)) {
			const folder = ownerOf(file);
			const isClientFile = folder !== undefined && known.has(folder);
			const bytes = readSmallFile(path.join(shard.dir, file));
			if (sha256Hex(bytes) !== hash) {
				changed.push(`${shownDir(shard.dir)}${file}`);
				continue;
			}
			// A site-wide file is copied from the first shard; the others' copies are still checked.
			if (!isClientFile && taken.has(file)) continue;
			taken.add(file);
			writeSmallFileIn(made, path.join(outDir, file), bytes);
			written++;
		}
	}
	if (changed.length)
		throw new ShardError(
			`${changed.length} file(s) changed since their shard was built (their bytes no longer match the signed manifest): ${preview(changed.sort())}. Nothing was merged; build those shards again.`,
		);
	return written;
}
