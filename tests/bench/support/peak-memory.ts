import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;

/**
 * Samples the resident memory of a process and all its descendants (the build's Node process,
 * the Chromium that draws diagrams, Pagefind's indexer) from /proc, and keeps the highest total.
 * Linux only; elsewhere `stop()` returns undefined and the bench shows Node's own peak instead.
 */
export function watchPeakMemory(pid: number, intervalMs = 200): { stop(): number | undefined } {
	if (read('/proc/self/statm') === undefined) return { stop: () => undefined };
	let peak = 0;
	const sample = () => {
		let total = 0;
		for (const id of descendantsAndSelf(pid)) total += Number(read(`/proc/${id}/statm`)?.split(' ')[1] ?? 0) * PAGE_SIZE;
		peak = Math.max(peak, total);
	};
	const timer = setInterval(sample, intervalMs);
	sample();
	return {
		stop() {
			clearInterval(timer);
			return peak || undefined;
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
