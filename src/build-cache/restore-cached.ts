import type { Needle } from '@/leak-scan/collect-needles';
import { leakSearch, type Leak } from '@/leak-scan/leak-scan';
import { clientCache, type CacheEntry } from './client-cache';

/** What `restoreCached` is given: plain data, so it can cross to a worker thread (see `restore-in-worker.ts`). */
export interface RestoreCachedInput {
	/** The cache the entries are in (`ClientCache.dir` and `key`). */
	cache: { dir: string; key: Uint8Array };
	/** Entries `ClientCache.check` accepted, in the order to copy them. */
	entries: CacheEntry[];
	/** Where to copy them (beside the staging folder Astro writes into). */
	outDir: string;
	/** Every distinctive text of every private client of the build (`needlesOf`). */
	needles: Needle[];
	/** Private attachments that must not be published as they are (`privateAttachmentCopies`). */
	copies: Map<string, Needle>;
}

export interface RestoreCachedResult {
	/** Clients (or the site-wide entry) whose files were all verified and copied. */
	restored: string[];
	/** Entries a file of which was missing or changed: nothing of them was left in `outDir`. */
	refused: Array<{ client: string; why: string }>;
	/** Leaks found in the restored clients' own files (those under their folder). */
	leaks: Leak[];
	/** How many of their files were searched. */
	searched: number;
}

/**
 * Copies the entries into `outDir`, verifying every file (see `ClientCache.copy`), and runs the
 * leak scan over each file of a client's own folder with the bytes just verified: one read per
 * file for both. The build's whole-site scan then leaves those folders out (they are moved into
 * the output whole, and nothing else writes into them) and searches everything else. The leaks of
 * a refused entry are dropped with its files.
 */
export function restoreCached(input: RestoreCachedInput): RestoreCachedResult {
	const cache = clientCache(input.cache.dir, input.cache.key);
	const search = leakSearch(input.needles, input.copies);
	const result: RestoreCachedResult = { restored: [], refused: [], leaks: [], searched: 0 };
	for (const entry of input.entries) {
		const own = `${entry.client}/`;
		const leaks: Leak[] = [];
		let searched = 0;
		const copied = cache.copy(entry, input.outDir, (file, bytes) => {
			if (!file.startsWith(own)) return;
			leaks.push(...search(file, bytes));
			searched++;
		});
		if ('entry' in copied) {
			result.restored.push(entry.client);
			result.leaks.push(...leaks);
			result.searched += searched;
		} else result.refused.push({ client: entry.client, why: copied.reason === 'refused' ? copied.detail : copied.reason });
	}
	return result;
}
