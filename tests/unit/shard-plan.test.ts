import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BALANCE_SLACK, estimatePages, parseShardSpec, planShards, ShardSpecError, type ShardWeight } from '@/shard/shard-plan';

/** An agency of `count` clients of uneven size, as real agencies are (a few large, many small). */
function agency(count: number, prefix = 'client'): ShardWeight[] {
	return Array.from({ length: count }, (_, at) => ({ slug: `${prefix}-${String(at).padStart(3, '0')}`, pages: 20 + ((at * 37) % 140) }));
}

const loadOf = (shard: string[], weights: ShardWeight[]) =>
	shard.reduce((sum, slug) => sum + weights.find((client) => client.slug === slug)!.pages, 0);

const shardOf = (plan: string[][]) => new Map(plan.flatMap((slugs, shard) => slugs.map((slug) => [slug, shard] as const)));

describe('parseShardSpec', () => {
	it('reads I/N, 1-based', () => {
		expect(parseShardSpec('1/1')).toEqual({ index: 1, count: 1 });
		expect(parseShardSpec('3/10')).toEqual({ index: 3, count: 10 });
	});

	it.each([
		['3/2', 'numbered from 1 to 2, found 3'],
		['0/4', 'numbered from 1 to 4, found 0'],
		['x/y', 'expects I/N'],
		['2', 'expects I/N'],
		['1/0', 'between 1 and'],
		['1/1000', 'between 1 and'],
		['-1/4', 'expects I/N'],
		['1.5/4', 'expects I/N'],
	])('refuses %s with a message saying what was expected', (text, message) => {
		expect(() => parseShardSpec(text)).toThrow(ShardSpecError);
		expect(() => parseShardSpec(text)).toThrow(message);
	});
});

describe('planShards', () => {
	it('puts every client in exactly one shard', () => {
		const weights = agency(57);
		const plan = planShards(weights, 6);
		expect(plan).toHaveLength(6);
		expect(plan.flat().sort()).toEqual(weights.map((client) => client.slug).sort());
	});

	it('is the same whatever order the clients are listed in', () => {
		const weights = agency(40);
		expect(planShards([...weights].reverse(), 4)).toEqual(planShards(weights, 4));
		const shuffled = [...weights].sort((a, b) => (a.slug.charCodeAt(a.slug.length - 1) % 7) - (b.slug.charCodeAt(b.slug.length - 1) % 7));
		expect(planShards(shuffled, 4)).toEqual(planShards(weights, 4));
	});

	it('balances by pages: no shard above the mean plus the slack', () => {
		for (const [clients, shards] of [
			[20, 4],
			[200, 10],
			[57, 6],
		] as const) {
			const weights = agency(clients);
			const plan = planShards(weights, shards);
			const mean = weights.reduce((sum, client) => sum + client.pages, 0) / shards;
			for (const shard of plan) expect(loadOf(shard, weights)).toBeLessThanOrEqual(mean * (1 + BALANCE_SLACK));
		}
	});

	it('gives a client larger than a fair share a shard of its own load', () => {
		const weights = [{ slug: 'huge', pages: 1000 }, ...agency(9)];
		const plan = planShards(weights, 3);
		const withHuge = plan.find((shard) => shard.includes('huge'))!;
		expect(withHuge).toEqual(['huge']);
	});

	it('moves few other clients when a client is added', () => {
		const weights = agency(200);
		const before = shardOf(planShards(weights, 10));
		const after = shardOf(planShards([...weights, { slug: 'newcomer', pages: 90 }], 10));
		const moved = weights.filter((client) => before.get(client.slug) !== after.get(client.slug)).length;
		// A greedy "heaviest into the lightest" plan moves most of them; this one 13 of 200 (5 at a 10% slack).
		expect(moved).toBeLessThanOrEqual(weights.length * 0.1);
	});

	it('gives clients of equal size out evenly: 200 in 10 shards are 20 each', () => {
		// The benchmark's agency: at a 10% slack most shards took 22 and two were left with 16 and 12.
		const weights = Array.from({ length: 200 }, (_, at) => ({ slug: `client-${String(at + 1).padStart(2, '0')}`, pages: 153 }));
		expect(planShards(weights, 10).map((shard) => shard.length)).toEqual(new Array(10).fill(20));
	});

	it('moves few clients when one grows by a week of updates', () => {
		const weights = agency(200);
		const before = shardOf(planShards(weights, 10));
		const grown = weights.map((client) => (client.slug === 'client-042' ? { ...client, pages: client.pages + 1 } : client));
		const after = shardOf(planShards(grown, 10));
		expect(weights.filter((client) => before.get(client.slug) !== after.get(client.slug)).length).toBeLessThanOrEqual(10);
	});

	it('leaves shards empty rather than failing when there are more shards than clients', () => {
		const plan = planShards(agency(2), 5);
		expect(plan.flat()).toHaveLength(2);
		expect(plan.filter((shard) => shard.length === 0)).toHaveLength(3);
	});

	it('refuses a shard count that is not a whole number of at least 1', () => {
		expect(() => planShards(agency(3), 0)).toThrow(ShardSpecError);
	});
});

describe('estimatePages', () => {
	const content = mkdtempSync(path.join(tmpdir(), 'glasshouse-estimate-'));
	afterAll(() => rmSync(content, { recursive: true, force: true }));
	const write = (file: string, text = '') => {
		mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
		writeFileSync(path.join(content, file), text);
	};

	it("counts each folder's Markdown, MDX and YAML files at any depth, plus the pages every client has, without reading them", async () => {
		write('site.yaml');
		write('acme/client.yaml');
		write('acme/glossary.yaml');
		write('acme/updates/2026-01-02.md', 'not even front matter');
		write('acme/decisions/0001-x.mdx');
		write('acme/documents/handbook.yaml');
		write('acme/documents/files/handbook.pdf');
		write('acme/logo.png');
		write('beta/client.yml');
		// The loader takes every folder for a client; the check of the shard it falls to says what is missing.
		write('no-client-yaml/updates/2026-01-02.md');
		write('.git/objects/ab.yaml');
		expect(await estimatePages(content)).toEqual([
			{ slug: 'acme', pages: 12 + 5 },
			{ slug: 'beta', pages: 12 + 1 },
			{ slug: 'no-client-yaml', pages: 12 + 1 },
		]);
	});
});
