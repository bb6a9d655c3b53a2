import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BatchPagesError, parseBatchPages, parseParallelRuns, planBatches } from '@/shard/batch-plan';
import type { ShardWeight } from '@/shard/shard-plan';
import { BatchMismatchError, moveBatchInto } from '@/cli/render-batches';
import { listFiles } from '@/lib/list-files';

/** An agency of `count` clients of uneven size (a few large, many small). */
function agency(count: number): ShardWeight[] {
	return Array.from({ length: count }, (_, at) => ({ slug: `client-${String(at).padStart(3, '0')}`, pages: 20 + ((at * 37) % 140) }));
}

const pagesOf = (batch: string[], weights: ShardWeight[]) =>
	batch.reduce((sum, slug) => sum + weights.find((c) => c.slug === slug)!.pages, 0);

describe('parseBatchPages', () => {
	it('reads a whole number of pages, 0 included', () => {
		expect(parseBatchPages('1000')).toBe(1000);
		expect(parseBatchPages('0')).toBe(0);
	});

	it.each(['-1', '1.5', 'many', ''])('refuses %j with a message saying what was expected', (text) => {
		expect(() => parseBatchPages(text)).toThrow(BatchPagesError);
		expect(() => parseBatchPages(text)).toThrow('--batch-pages expects a whole number');
	});
});

describe('parseParallelRuns', () => {
	it('reads a whole number of runs, at least 1', () => {
		expect(parseParallelRuns('1')).toBe(1);
		expect(parseParallelRuns(' 3 ')).toBe(3);
	});

	it.each(['0', '-2', '1.5', 'all', ''])('refuses %j with a message saying what was expected', (text) => {
		expect(() => parseParallelRuns(text)).toThrow('--parallel expects a whole number of Astro runs side by side, at least 1');
	});
});

describe('planBatches for runs side by side', () => {
	it('makes at least the batches asked for, balanced by pages, every client once', () => {
		const weights = agency(20);
		const batches = planBatches(weights, 0, 2);
		expect(batches.length).toBe(2);
		expect(batches.flat().sort()).toEqual(weights.map((client) => client.slug).sort());
		const loads = batches.map((batch) => pagesOf(batch, weights));
		expect(Math.abs(loads[0]! - loads[1]!)).toBeLessThanOrEqual(Math.max(...weights.map((client) => client.pages)));
	});

	it('keeps the budget while making at least the batches asked for', () => {
		const weights = agency(30);
		const total = weights.reduce((sum, client) => sum + client.pages, 0);
		expect(planBatches(weights, total, 3).length).toBe(3);
		const budget = Math.ceil(total / 5);
		const batches = planBatches(weights, budget, 2);
		expect(batches.length).toBeGreaterThanOrEqual(5);
		for (const batch of batches) expect(pagesOf(batch, weights)).toBeLessThanOrEqual(budget);
	});

	it('makes no more batches than clients, and one for one client', () => {
		const weights = agency(3);
		expect(planBatches(weights, 0, 8).length).toBe(3);
		expect(planBatches(agency(1), 0, 4)).toEqual([['client-000']]);
	});

	it('refuses a least number of batches under 1', () => {
		expect(() => planBatches(agency(3), 0, 0)).toThrow(BatchPagesError);
	});
});

describe('planBatches', () => {
	it('is one batch of every client while the pages fit the budget, or when the budget is 0', () => {
		const weights = agency(10);
		const total = weights.reduce((sum, client) => sum + client.pages, 0);
		expect(planBatches(weights, total)).toEqual([weights.map((client) => client.slug)]);
		expect(planBatches(weights, 0)).toEqual([weights.map((client) => client.slug)]);
		expect(planBatches([], 100)).toEqual([]);
	});

	it('puts every client in exactly one batch, whole, each batch within the budget', () => {
		const weights = agency(57);
		const budget = 700;
		const batches = planBatches(weights, budget);
		expect(batches.length).toBeGreaterThan(1);
		expect(batches.flat().sort()).toEqual(weights.map((client) => client.slug).sort());
		for (const batch of batches) expect(pagesOf(batch, weights)).toBeLessThanOrEqual(budget);
		// The fewest batches the budget allows, give or take the whole clients: balanced, not first-fit.
		const total = weights.reduce((sum, client) => sum + client.pages, 0);
		expect(batches.length).toBeLessThanOrEqual(Math.ceil(total / budget) + 1);
		const loads = batches.map((batch) => pagesOf(batch, weights));
		expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(Math.max(...weights.map((client) => client.pages)));
	});

	it('gives a client larger than the budget a batch of its own', () => {
		const weights = [
			{ slug: 'huge', pages: 900 },
			{ slug: 'a', pages: 100 },
			{ slug: 'b', pages: 150 },
		];
		const batches = planBatches(weights, 300);
		expect(batches).toContainEqual(['huge']);
		expect(batches.flat().sort()).toEqual(['a', 'b', 'huge']);
	});

	it('depends only on the slugs and weights: the same batches whatever their order, sorted', () => {
		const weights = agency(40);
		const batches = planBatches(weights, 500);
		expect(planBatches([...weights].reverse(), 500)).toEqual(batches);
		for (const batch of batches) expect(batch).toEqual([...batch].sort());
		expect(batches.map((batch) => batch[0])).toEqual(batches.map((batch) => batch[0]).sort());
	});

	it('refuses a budget that is not a whole number ≥ 0', () => {
		expect(() => planBatches(agency(3), -1)).toThrow(BatchPagesError);
		expect(() => planBatches(agency(3), 2.5)).toThrow(BatchPagesError);
	});
});

describe('moveBatchInto', () => {
	const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-batches-'));
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	function site(name: string, files: Record<string, string>): string {
		const dir = path.join(work, name);
		for (const [file, text] of Object.entries(files)) {
			mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			writeFileSync(path.join(dir, file), text);
		}
		return dir;
	}

	it('moves the batch’s client folders in, keeps identical site-wide files once, adds the ones only it wrote', async () => {
		const first = site('ok-first', { 'index.html': 'root', '_astro/a.css': 'css', 'alpha/index.html': 'alpha' });
		const second = site('ok-second', {
			'index.html': 'root',
			'_astro/a.css': 'css',
			'_glasshouse/unlock.js': 'unlock',
			'beta/index.html': 'beta',
			'beta/risks/index.html': 'beta risks',
		});
		await moveBatchInto(second, first, ['beta']);
		expect(await listFiles(first)).toEqual(
			['_astro/a.css', '_glasshouse/unlock.js', 'alpha/index.html', 'beta/index.html', 'beta/risks/index.html', 'index.html'].map((file) =>
				file.split('/').join(path.sep),
			),
		);
		expect(readFileSync(path.join(first, 'beta', 'risks', 'index.html'), 'utf8')).toBe('beta risks');
		expect(existsSync(second)).toBe(false);
	});

	it('stops on a site-wide file that differs between batches, naming it', async () => {
		const first = site('bad-first', { 'index.html': 'root', '_astro/a.css': 'css', 'alpha/index.html': 'alpha' });
		const second = site('bad-second', { 'index.html': 'root', '_astro/a.css': 'other css', 'beta/index.html': 'beta' });
		const moving = moveBatchInto(second, first, ['beta']);
		await expect(moving).rejects.toThrow(BatchMismatchError);
		await expect(moving).rejects.toThrow(`different site-wide files (${path.join('_astro', 'a.css')})`);
		expect(readFileSync(path.join(first, '_astro', 'a.css'), 'utf8')).toBe('css');
	});
});
