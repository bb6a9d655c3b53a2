import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;

/**
 * Samples the resident memory of a process and all its descendants (the build's Node process,
 * the Chromium that draws diagrams, Pagefind's indexer) from /proc, and keeps the highest total
 * (and the highest total of their proportional set sizes, see `proportional`).
 * Linux only; elsewhere `stop()` returns undefined and the bench shows Node's own peak instead.
 */
export function watchPeakMemory(pid: number, intervalMs = 200): { stop(): number | undefined; proportional(): number | undefined } {
	if (read('/proc/self/statm') === undefined) return { stop: () => undefined, proportional: () => undefined };
	let peak = 0;
	let peakProportional = 0;
	let samples = 0;
	const sample = () => {
		let total = 0;
		let proportional = 0;
		const ids = descendantsAndSelf(pid);
		for (const id of ids) total += Number(read(`/proc/${id}/statm`)?.split(' ')[1] ?? 0) * PAGE_SIZE;
		peak = Math.max(peak, total);
		// Every fourth sample: the kernel walks each process's page tables to answer, which costs more.
		if (samples++ % 4 === 0) {
			for (const id of ids) proportional += Number(/^Pss:\s+(\d+)/m.exec(read(`/proc/${id}/smaps_rollup`) ?? '')?.[1] ?? 0) * 1024;
			peakProportional = Math.max(peakProportional, proportional);
		}
	};
	const timer = setInterval(sample, intervalMs);
	sample();
	return {
		stop() {
			clearInterval(timer);
			return peak || undefined;
		},
		/**
		 * The highest sum of proportional set sizes (PSS) seen: a page shared by several processes
		 * counts once in all, where the resident sizes count it in each. Chromium's processes share
		 * most of their pages, so the resident sum counts about half a gigabyte twice while it runs.
		 */
		proportional() {
			return peakProportional || undefined;
		},
	};
}

/** The process and its descendants, through each thread's `children` list. */
function descendantsAndSelf(pid: number): number[] {
	const found = [pid];
	for (let index = 0; index < found.length; index++) {
		const id = found[index]!;
		let threads: string[] = [];
		try {
			threads = readdirSync(`/proc/${id}/task`);
		} catch {
			continue; // Ended meanwhile.
		}
		for (const thread of threads) {
			for (const child of read(`/proc/${id}/task/${thread}/children`)?.trim().split(/\s+/) ?? []) if (child) found.push(Number(child));
		}
	}
	return found;
}

function read(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}
