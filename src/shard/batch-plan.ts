import type { ShardWeight } from './shard-plan';

/**
 * The estimated pages (see `estimatePages`) one Astro run renders by default before a build's
 * clients are split into batches. Astro's peak memory grows by about 1.2 MB per page of one run
 * over a fixed ~1.9 GB (resident, with Chromium's processes), and mostly comes back between runs in
 * one process (the floor rises 25 to 100 MB a run); each run costs Astro's start again (2 to 20 s
 * a run on 2 cores under load). Measured on a 3,368-page shard
 * of 200 × 104 (see docs/performance.md, "Batches"): one run 4.88 GB in 332 s, batches of 1,000
 * estimated pages 3.08 GB in 355 s, of 500 (two clients of two years each) 2.70 GB in 358 s; the
 * whole 20 × 104 agency 4.73 GB in 262 s in one run, 2.64 GB in 346 s in ten. Time for memory:
 * so the default applies to a shard's build (`--shard`), whose runner's memory the matrix is sized
 * for; a whole-site build renders in one run (`WHOLE_SITE_BATCH_PAGES`), which a 20 × 104 agency
 * fits on a CI runner (7 GB) about a third faster, unless `--batch-pages N` asks otherwise.
 */
export const DEFAULT_BATCH_PAGES = 500;

/** A whole-site build's default: one Astro run (see `DEFAULT_BATCH_PAGES`). */
export const WHOLE_SITE_BATCH_PAGES = 0;

export class BatchPagesError extends Error {}

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
 * batch of its own). Returns one batch (every client) when the budget is 0 or not exceeded.
 *
 * The fewest batches that meet the budget, balanced: the heaviest client first (ties by slug) into
 * the lightest batch (ties: the first), trying one batch more while the heaviest batch is over the
 * budget. Depends only on the slugs and weights, never on their order; each batch is sorted and
 * the batches are in the order of their first client. Unlike shards, batches need no stability
 * across builds: every batch runs in the same build and the cache is per client.
 */
export function planBatches(weights: readonly ShardWeight[], budget: number): string[][] {
	if (!Number.isInteger(budget) || budget < 0) throw new BatchPagesError(`The batch budget must be a whole number ≥ 0, found ${budget}.`);
	const bySlug = [...weights].sort((a, b) => compare(a.slug, b.slug));
	const total = bySlug.reduce((sum, client) => sum + client.pages, 0);
	if (bySlug.length === 0) return [];
	if (budget === 0 || total <= budget) return [bySlug.map((client) => client.slug)];
	const heaviest = bySlug.reduce((most, client) => Math.max(most, client.pages), 0);
	const limit = Math.max(budget, heaviest);
	const order = [...bySlug].sort((a, b) => b.pages - a.pages || compare(a.slug, b.slug));
	for (let count = Math.ceil(total / budget); ; count++) {
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
