import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Leak } from '@/leak-scan/leak-scan';
import { listFiles } from '@/lib/list-files';
import { runInWorkers } from '@/lib/worker-task';
import type { LeakScanTargets } from '@/post-build/scan-output';
import type { CopyShardFilesInput, CopyShardFilesResult, ShardFile } from './copy-shard-files';
import type { BuildIdentity } from './build-identity';
import { readShardManifest, SHARD_MANIFEST, ShardError, type ShardManifest } from './shard-manifest';

/** A shard folder whose manifest verified. */
export interface VerifiedShard {
	dir: string;
	manifest: ShardManifest;
}

/** What the merge checks the shards against: computed from its own checkout and secret. */
export interface MergeExpectation {
	identity: BuildIdentity;
	key: Uint8Array;
	/** Every client of the checked content (a valid client.yaml): each must be in exactly one shard. */
	clients: readonly string[];
}

const shownDir = (dir: string) => `${dir}${dir.endsWith('/') ? '' : '/'}`;
const ownerOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);

/**
 * Reads every shard folder's manifest and checks the set of shards as a whole: each manifest
 * verifies and belongs to this build, shards 1 … N are each there exactly once, every client of
 * the checked content is in exactly one shard and no shard has a client the content lacks, and
 * each folder holds exactly the files its manifest lists. Every problem is collected (one merge
 * tells all there is to fix) and thrown as one `ShardError`. File contents are checked against
 * their hashes while they are copied (`assembleShards`), so each file is read once.
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

	// Every client in exactly one shard, and only clients of the content.
	const known = new Set(expected.clients);
	const owner = new Map<string, string>();
	for (const shard of shards) {
		for (const client of shard.manifest.clients) {
			const other = owner.get(client);
			if (other !== undefined && other !== shard.dir)
				problems.push(
					`Client ${client} is in two shards: ${shownDir(other)} and ${shownDir(shard.dir)}. Build every shard with the same N from the same commit.`,
				);
			else owner.set(client, shard.dir);
			if (!known.has(client))
				problems.push(
					`${shownDir(shard.dir)} has client ${client}, which the checked content does not have. Merge from the commit the shards were built from.`,
				);
		}
	}
	const absent = expected.clients.filter((client) => !owner.has(client));
	if (absent.length && problems.length === 0)
		problems.push(
			`No shard has client${absent.length > 1 ? 's' : ''} ${absent.join(', ')} of the checked content. Build every shard from the same commit as this merge.`,
		);

	// Each folder holds exactly what its manifest lists, and a client's folder only in its own shard.
	for (const shard of shards) {
		const shown = shownDir(shard.dir);
		const present = (await listFiles(shard.dir)).map((file) => file.split(path.sep).join('/')).filter((file) => file !== SHARD_MANIFEST);
		const listed = shard.manifest.files;
		const extra = present.filter((file) => !(file in listed));
		const gone = Object.keys(listed).filter((file) => !present.includes(file));
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

const preview = (files: string[]) => `${files.slice(0, 5).join(', ')}${files.length > 5 ? `, … (${files.length - 5} more)` : ''}`;

/** Fewer files than this per thread, and starting another thread (tsx, the leak scan's matcher) costs more than it saves. */
const FILES_PER_THREAD = 4000;

/**
 * Copies the verified shards into `outDir` (an empty staging folder): each client's folder from
 * its shard, and the site-wide files (the same in every shard, see `verifyShards`) once. Each file
 * is read once, on one of up to `threads` worker threads (`copyShardFiles`): its bytes are checked
 * against its manifest's hash, written and searched for leaks of `targets`, so the merged site
 * needs no scan of its own. A file changed since the shard was built stops the merge (the caller
 * discards `outDir`); the leaks found are returned for the caller to report. `threads` is chosen
 * from the number of files and the machine's cores unless given.
 */
export async function assembleShards(
	shards: readonly VerifiedShard[],
	outDir: string,
	clients: readonly string[],
	targets: LeakScanTargets,
	threads?: number,
): Promise<{ files: number; leaks: Leak[] }> {
	const known = new Set(clients);
	const taken = new Set<string>();
	const files: ShardFile[] = [];
	for (const shard of shards) {
		for (const [file, hash] of Object.entries(shard.manifest.files)) {
			const folder = ownerOf(file);
			const isClientFile = folder !== undefined && known.has(folder);
			// A site-wide file is copied from the first shard; the others' copies are still checked.
			files.push({ dir: shard.dir, file, hash, keep: isClientFile || !taken.has(file) });
			if (!isClientFile) taken.add(file);
		}
	}
	// Every thread takes every n-th file, so each gets its share of large and small ones.
	const count = threads ?? Math.max(1, Math.min(availableParallelism(), Math.ceil(files.length / FILES_PER_THREAD)));
	const shares = Array.from({ length: count }, (_, thread) => files.filter((_, at) => at % count === thread));
	const results = await runInWorkers<CopyShardFilesInput, CopyShardFilesResult>(
		{ module: new URL('./copy-shard-files.ts', import.meta.url), exported: 'copyShardFiles' },
		shares.map((share) => ({ files: share, outDir, ...targets })),
		{ what: 'copying shard files' },
	);
	const changed = results.flatMap((result) => result.changed);
	if (changed.length)
		throw new ShardError(
			`${changed.length} file(s) changed since their shard was built (their bytes no longer match the signed manifest): ${preview(changed.sort())}. Nothing was merged; build those shards again.`,
		);
	return { files: results.reduce((sum, result) => sum + result.written, 0), leaks: results.flatMap((result) => result.leaks) };
}
