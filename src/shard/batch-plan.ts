import { availableParallelism } from 'node:os';
import type { ShardWeight } from './shard-plan';

/**
 * The estimated pages (see `estimatePages`) one Astro run renders by default before a build's
 * clients are split into batches. Astro's peak memory grows by about 1.2 MB per page of one run
 * and mostly comes back between runs in one process (the floor rises 25 to 100 MB a run); each run
 * costs Astro's start again (2 to 20 s a run on 2 cores under load). Since diagrams are drawn ahead
 * and Chromium is closed before a batched build's first Astro run (see `drawAhead`), no run shares
 * the memory with Chromium (about 1 GB resident summed), which lets a run hold more pages within
 * the same budget. Measured on a 3,368-page shard of 200 × 104, cold caches (see
 * docs/performance.md, "Batches"): before Chromium was closed first, batches of 500 estimated
 * pages peaked at 2.26 to 2.70 GB and took 232 s; since, batches of 500 1.53 GB in 231 s, of 750
 * (four clients of two years each, six runs) 1.71 GB in 158 s. Time for memory: so the default
 * applies to a shard's build (`--shard`), whose runner's memory the matrix is sized for; a
 * whole-site build renders in one run (`WHOLE_SITE_BATCH_PAGES`), which a 20 × 104 agency fits on
 * a CI runner (7 GB) faster, unless `--batch-pages N` asks otherwise.
 */
export const DEFAULT_BATCH_PAGES = 750;

/** A whole-site build's default: one Astro run (see `DEFAULT_BATCH_PAGES`). */
export const WHOLE_SITE_BATCH_PAGES = 0;

/**
 * The estimated pages each Astro run beside others must have by default for the build to start
 * one more: a run costs Astro's start (about 5 s of a core on this machine) and its own memory.
 */
export const MIN_PAGES_PER_RUN = 400;

/** At most this many runs side by side by default, whatever the cores: each holds its own Astro in memory. */
export const MAX_DEFAULT_RUNS = 4;

/** Astro runs side by side by default: one per core the process may use, at most `MAX_DEFAULT_RUNS`. */
export function defaultParallelRuns(): number {
	return Math.max(1, Math.min(MAX_DEFAULT_RUNS, availableParallelism()));
}

export class BatchPagesError extends Error {}

/** Reads `--parallel N`: a whole number ≥ 1 (1: one Astro run at a time). */
export function parseParallelRuns(text: string): number {
	if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1)
		throw new BatchPagesError(
			`--parallel expects a whole number of Astro runs side by side, at least 1 (1: one at a time), found "${text}".`,
		);
	return Number(text);
}

/** Reads `--batch-pages N`: a whole number ≥ 0 (0: one Astro run whatever the size). */
export function parseBatchPages(text: string): number {
	if (!/^\s*\d+\s*$/.test(text))
		throw new BatchPagesError(
			`--batch-pages expects a whole number of pages (e.g. 1000, or 0 for one Astro run whatever the size), found "${text}".`,
		);
	return Number(text);
}

/**
 * Splits the clients to render into batches of whole clients, each rendered by one Astro run, so
 * that no run renders more than `budget` estimated pages (a client larger than the budget is a
 * batch of its own), and into at least `atLeast` batches (for runs side by side; fewer when there
 * are fewer clients). Returns one batch (every client) when the budget is 0 or not exceeded and
 * `atLeast` is 1.
 *
 * The fewest batches that meet the budget, balanced: the heaviest client first (ties by slug) into
 * the lightest batch (ties: the first), trying one batch more while the heaviest batch is over the
 * budget. Depends only on the slugs and weights, never on their order; each batch is sorted and
 * the batches are in the order of their first client. Unlike shards, batches need no stability
 * across builds: every batch runs in the same build and the cache is per client.
 */
export function planBatches(weights: readonly ShardWeight[], budget: number, atLeast = 1): string[][] {
	if (!Number.isInteger(budget) || budget < 0) throw new BatchPagesError(`The batch budget must be a whole number ≥ 0, found ${budget}.`);
	if (!Number.isInteger(atLeast) || atLeast < 1)
		throw new BatchPagesError(`The least number of batches must be a whole number ≥ 1, found ${atLeast}.`);
	const bySlug = [...weights].sort((a, b) => compare(a.slug, b.slug));
	const total = bySlug.reduce((sum, client) => sum + client.pages, 0);
	if (bySlug.length === 0) return [];
	if ((budget === 0 || total <= budget) && (atLeast === 1 || bySlug.length === 1)) return [bySlug.map((client) => client.slug)];
	const heaviest = bySlug.reduce((most, client) => Math.max(most, client.pages), 0);
	const limit = budget === 0 ? Infinity : Math.max(budget, heaviest);
	const order = [...bySlug].sort((a, b) => b.pages - a.pages || compare(a.slug, b.slug));
	for (let count = Math.min(order.length, Math.max(atLeast, budget === 0 ? 1 : Math.ceil(total / budget))); ; count++) {
		const loads = new Array<number>(count).fill(0);
		const batches: string[][] = Array.from({ length: count }, () => []);
		for (const client of order) {
			const lightest = loads.reduce((best, load, index) => (load < loads[best]! ? index : best), 0);
			loads[lightest]! += client.pages;
			batches[lightest]!.push(client.slug);
		}
		// `count` reaches the number of clients at most, where every batch is one client (≤ limit).
		if (Math.max(...loads) <= limit || count >= order.length)
			return batches
				.filter((batch) => batch.length > 0)
				.map((batch) => batch.sort(compare))
				.sort((a, b) => compare(a[0]!, b[0]!));
	}
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
