import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Which shard of how many: `--shard 2/5` is `{ index: 2, count: 5 }` (1-based, as CI matrices count). */
export interface ShardSpec {
	index: number;
	count: number;
}

/** A client to place, with its estimated share of the build's work. */
export interface ShardWeight {
	slug: string;
	/** Estimated pages (see `estimatePages`): what rendering, indexing and encryption cost grow with. */
	pages: number;
}

/**
 * Pages every client has whatever its content: home, search, the section index pages and the
 * lock-screen shells of both. An estimate only: it balances shards, it decides nothing else.
 */
const PAGES_PER_CLIENT = 12;

/**
 * How far above the mean a shard may be loaded before a client is sent to its next preferred
 * shard. 0 would be the best balance and the least stability. The matrix waits for its slowest
 * shard, so the slack is time every build pays: at 10% the 200-client benchmark agency (equal
 * clients) put 22 clients in most shards where the mean is 20. At 3% it is balanced, and in the
 * unit tests' agency of 200 uneven clients in 10 shards a new client moves 13 others, a removed
 * one 17 and a week of updates 4 (5, 7 and 0 at 10%), each moved client rendered without its
 * cache entry once (see docs/deploy.md, "How clients are assigned").
 */
export const BALANCE_SLACK = 0.03;

/** Most shards a build may be split into: more runners than that cost more in set-up than they save. */
export const MAX_SHARDS = 64;

export class ShardSpecError extends Error {}

/**
 * Reads `I/N` (`--shard 3/10`). Both whole numbers, 1 ≤ I ≤ N ≤ MAX_SHARDS; anything else is an
 * error saying what was expected.
 */
export function parseShardSpec(text: string): ShardSpec {
	const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
	if (!match) throw new ShardSpecError(`--shard expects I/N (this shard's number and the number of shards, e.g. 2/5), found "${text}".`);
	const index = Number(match[1]);
	const count = Number(match[2]);
	if (count < 1 || count > MAX_SHARDS)
		throw new ShardSpecError(`--shard ${text}: the number of shards must be between 1 and ${MAX_SHARDS}, found ${count}.`);
	if (index < 1 || index > count)
		throw new ShardSpecError(
			`--shard ${text}: shards are numbered from 1 to ${count}, found ${index}. Use 1/${count} … ${count}/${count}.`,
		);
	return { index, count };
}

/** The files a page comes from: Markdown, MDX and YAML (attachments and images are not pages). */
const CONTENT_FILE = /\.(md|mdx|ya?ml)$/;

/**
 * Each client's estimated pages, from its folder alone (nothing is read or parsed, so a shard
 * plans in milliseconds whatever the agency's size and then loads only its own clients): one per
 * content file anywhere in the folder, plus the pages every client has. Every folder is placed, as
 * the loader takes every folder for a client: one without client.yaml fails the check of the shard
 * it falls to, as it fails a whole build. The deploy workflow's plan job counts alike.
 */
export async function estimatePages(contentDir: string): Promise<ShardWeight[]> {
	const weights: ShardWeight[] = [];
	for (const entry of await readdir(contentDir, { withFileTypes: true })) {
		if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
		const files = (await readdir(path.join(contentDir, entry.name), { recursive: true, withFileTypes: true })).filter((file) =>
			file.isFile(),
		);
		weights.push({ slug: entry.name, pages: PAGES_PER_CLIENT + files.filter((file) => CONTENT_FILE.test(file.name)).length });
	}
	return weights.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** How much `slug` prefers shard `shard`: a hash, so the same on every machine (rendezvous hashing). */
function preference(slug: string, shard: number): bigint {
	return createHash('sha256').update(`${shard}\0${slug}`).digest().readBigUInt64BE(0);
}

/**
 * Assigns every client to one of `count` shards; returns the slugs of each shard (index 0 is
 * shard 1), each list sorted.
 *
 * Bounded-load rendezvous hashing: each client ranks the shards by a hash of its slug and the
 * shard's number, and goes to the first one in its ranking that stays under a cap of the mean
 * load plus `BALANCE_SLACK` (or the biggest client, if larger). Clients are placed heaviest first,
 * ties by slug, so the result depends only on the slugs and weights, never on folder order.
 *
 * The trade-off: plain rendezvous hashing never moves a client when another is added, but leaves
 * shards unbalanced by chance and by client size; a greedy "heaviest into the lightest shard" is
 * balanced but one new client can reshuffle all the others. With the cap, a client moves only
 * when its preferred shard overflows, so adding a client moves a handful of others (those the
 * higher cap or the new client's load push over), and the slowest shard stays within the slack of
 * the mean. Weights change every week as updates are added, so perfect stability is not on offer
 * anyway; what the stability buys is per-client cache entries staying with the shard that has them.
 */
export function planShards(weights: readonly ShardWeight[], count: number): string[][] {
	if (!Number.isInteger(count) || count < 1) throw new ShardSpecError(`The number of shards must be a whole number ≥ 1, found ${count}.`);
	const total = weights.reduce((sum, client) => sum + client.pages, 0);
	const heaviest = weights.reduce((most, client) => Math.max(most, client.pages), 0);
	const cap = Math.max((total / count) * (1 + BALANCE_SLACK), heaviest);
	const loads = new Array<number>(count).fill(0);
	const shards: string[][] = Array.from({ length: count }, () => []);
	const order = [...weights].sort((a, b) => b.pages - a.pages || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
	for (const client of order) {
		const preferences = loads.map((_, shard) => preference(client.slug, shard + 1));
		const ranking = [...loads.keys()].sort((a, b) =>
			preferences[a]! > preferences[b]! ? -1 : preferences[a]! < preferences[b]! ? 1 : a - b,
		);
		// The cap can always be met by some shard unless the loads are already near it everywhere;
		// then the least loaded shard takes the client.
		const shard =
			ranking.find((candidate) => loads[candidate]! + client.pages <= cap) ??
			loads.reduce((best, load, candidate) => (load < loads[best]! ? candidate : best), 0);
		loads[shard]! += client.pages;
		shards[shard]!.push(client.slug);
	}
	return shards.map((slugs) => slugs.sort());
}

/** The clients of one shard of the agency in `contentDir` (see `planShards`). */
export async function clientsOfShard(contentDir: string, spec: ShardSpec): Promise<string[]> {
	return planShards(await estimatePages(contentDir), spec.count)[spec.index - 1]!;
}
