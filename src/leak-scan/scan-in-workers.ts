import { availableParallelism } from 'node:os';
import { runInWorkers } from '@/lib/worker-task';
import { outputFiles, searchFiles, type Leak, type LeakScanTargets, type SearchFilesInput } from './leak-scan';

/**
 * With fewer files than this per thread, starting another thread (tsx, and the matcher built over
 * every needle, about 1.5 s for half a million) costs more than its share of the search saves.
 */
const FILES_PER_THREAD = 4000;

/**
 * The leak scan of `scanForLeaks` over every file of `dir`, split over worker threads (one per core,
 * fewer for a small site, none for one): searching is most of the scan's time, and for a merged agency (64,000
 * files, half a million needles) it is half a minute on one thread. Every thread takes every n-th
 * file, so each gets its share of large and small ones. Returns the leaks and how many files were
 * searched; rejects when a file cannot be read or searched (`LeakScanError`).
 */
export async function scanInWorkers(dir: string, targets: LeakScanTargets, threads?: number): Promise<{ leaks: Leak[]; files: number }> {
	const names = await outputFiles(dir);
	if (targets.needles.length === 0 && targets.copies.size === 0) return { leaks: [], files: names.length };
	const count = threads ?? Math.max(1, Math.min(availableParallelism(), Math.ceil(names.length / FILES_PER_THREAD)));
	// One share is searched here: a thread to wait for would only add its start.
	if (count === 1) return { leaks: searchFiles({ dir, names, ...targets }), files: names.length };
	const shares = Array.from({ length: count }, (_, thread) => names.filter((_, at) => at % count === thread));
	const found = await runInWorkers<SearchFilesInput, Leak[]>(
		{ module: new URL('./leak-scan.ts', import.meta.url), exported: 'searchFiles' },
		shares.map((share) => ({ dir, names: share, ...targets })),
		{ what: 'searching the output for leaks' },
	);
	return { leaks: found.flat(), files: names.length };
}
