import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Needle } from '@/leak-scan/collect-needles';
import { leakSearch, type Leak } from '@/leak-scan/leak-scan';
import { readSmallFile, writeSmallFile } from '@/lib/small-files';

/** One file of a verified shard, as `assembleShards` plans it. */
export interface ShardFile {
	/** The shard folder. */
	dir: string;
	/** Its path under the folder, with `/`: where it goes in the merged site. */
	file: string;
	/** The SHA-256 (hex) its signed manifest lists. */
	hash: string;
	/** False for a site-wide file another shard's copy of is kept: its bytes are still checked. */
	keep: boolean;
}

/** What `copyShardFiles` is given: plain data, so it can cross to a worker thread. */
export interface CopyShardFilesInput {
	files: ShardFile[];
	/** The merge's staging folder. */
	outDir: string;
	/** Every distinctive text of every private client (`needlesOf`). */
	needles: Needle[];
	/** Private attachments that must not be published as they are (`privateAttachmentCopies`). */
	copies: Map<string, Needle>;
}

export interface CopyShardFilesResult {
	/** Files written into `outDir`. */
	written: number;
	/** Files (shard folder and path) whose bytes no longer match their manifest: not written. */
	changed: string[];
	/** Leaks found in the files written. */
	leaks: Leak[];
}

/**
 * Copies shard files into the merged site with each file read once: its bytes are checked against
 * the manifest's hash, written, and searched for leaks (the whole-site scan of a merge, file by
 * file). Synchronous, on a worker thread of its own (`assembleShards` splits a merge's files over
 * several): a 200-client merge copies 64,000 files, and one synchronous read and write per file is
 * the fastest way through them (see `readSmallFile`).
 */
export function copyShardFiles(input: CopyShardFilesInput): CopyShardFilesResult {
	const search = leakSearch(input.needles, input.copies);
	const result: CopyShardFilesResult = { written: 0, changed: [], leaks: [] };
	const made = new Set<string>();
	for (const { dir, file, hash, keep } of input.files) {
		const bytes = readSmallFile(path.join(dir, file));
		const sha256 = createHash('sha256').update(bytes).digest();
		if (sha256.toString('hex') !== hash) {
			result.changed.push(`${dir}${dir.endsWith('/') ? '' : '/'}${file}`);
			continue;
		}
		if (!keep) continue;
		const target = path.join(input.outDir, file);
		const parent = path.dirname(target);
		if (!made.has(parent)) {
			mkdirSync(parent, { recursive: true });
			made.add(parent);
		}
		writeSmallFile(target, bytes);
		result.written++;
		result.leaks.push(...search(file, bytes, sha256));
	}
	return result;
}
