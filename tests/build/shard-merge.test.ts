import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { listFiles } from '@/lib/list-files';
import { SHARD_MANIFEST } from '@/shard/shard-manifest';
import { generateContent } from '../bench/generate-content';
import { buildSite, cleanEnv, OUTPUT, ROOT, runNode } from '../support/build-site';
import { decryptedSnapshot as snapshot, snapshotDifferences as differencesBetween } from '../support/decrypted-build';
import { TEST_SECRET } from '../support/open-page';

/**
 * Equivalence: a small agency built whole, and built as three shards merged, must give every
 * reader the same site: every page and search index file equal once decrypted (see
 * build-snapshot.ts for what differs by design). Then the merge's refusals on real shards (the
 * unit tests of shard-manifest.test.ts try every refusal; these check the command end to end).
 */
const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-shards-'));
const content = path.join(work, 'content');
const TODAY = '2026-12-02';
const env = { GLASSHOUSE_TODAY: TODAY };
const shardDir = (index: number) => path.join(OUTPUT, 'shards', `shard-${index}`);
const merged = path.join(OUTPUT, 'shards', 'merged');

function cli(args: string[], extra: Record<string, string> = {}) {
	return runNode(
		['src/cli/bin.mjs', ...args, '--content', content],
		cleanEnv({ GLASSHOUSE_SECRET: TEST_SECRET, GLASSHOUSE_BASE: '/', ...env, ...extra }),
		{ timeout: 600_000 },
	);
}

afterAll(() => {
	rmSync(astroCacheDir(ROOT, content), { recursive: true, force: true });
	rmSync(work, { recursive: true, force: true });
});

describe('a sharded build merged', () => {
	let full: Awaited<ReturnType<typeof buildSite>>;
	const shardRuns: Array<Awaited<ReturnType<typeof cli>>> = [];
	let merge: Awaited<ReturnType<typeof cli>>;

	beforeAll(async () => {
		generateContent({ clients: 5, weeks: 3, diagrams: 0.25, out: content });
		full = await buildSite('shards-full', content, { env, timeout: 600_000 });
		for (const index of [1, 2, 3]) shardRuns.push(await cli(['build', '--shard', `${index}/3`, '--out', shardDir(index)]));
		merge = await cli(['merge', shardDir(1), shardDir(2), shardDir(3), '--out', merged]);
	}, 1_800_000);

	it('builds each shard with its share of the clients and a signed manifest', async () => {
		expect(full.status, full.stderr).toBe(0);
		const clients: string[] = [];
		for (const [at, run] of shardRuns.entries()) {
			expect(run.status, run.stderr + run.stdout).toBe(0);
			const manifest = JSON.parse(readFileSync(path.join(shardDir(at + 1), SHARD_MANIFEST), 'utf8'));
			expect(manifest.shard).toEqual({ index: at + 1, count: 3 });
			expect(manifest.clients.length).toBeGreaterThan(0);
			clients.push(...manifest.clients);
			// Only its own clients' folders (and the site-wide files).
			const folders = new Set(
				(await listFiles(shardDir(at + 1))).filter((file) => file.includes(path.sep)).map((file) => file.split(path.sep)[0]),
			);
			for (const folder of folders)
				expect(folder === '_astro' || folder === '_glasshouse' || manifest.clients.includes(folder), folder).toBe(true);
		}
		expect(clients.sort()).toEqual(['client-01', 'client-02', 'client-03', 'client-04', 'client-05']);
	});

	it('merges into the same site as the full build: every decrypted page and search index file equal', async () => {
		expect(merge.status, merge.stderr + merge.stdout).toBe(0);
		expect(existsSync(path.join(merged, SHARD_MANIFEST))).toBe(false);
		const [whole, sharded] = await Promise.all([snapshot(full.outDir, content), snapshot(merged, content)]);
		const pages = [...whole.keys()].filter((name) => name.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(5 * 10);
		expect([...whole.keys()].some((name) => name.includes('pagefind (sealed)'))).toBe(true);
		expect(differencesBetween(whole, sharded)).toEqual([]);
	});

	it('refuses a missing shard, and leaves the previous merged site as it was', async () => {
		const before = await listFiles(merged);
		const run = await cli(['merge', shardDir(1), shardDir(3), '--out', merged]);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('Shard 2/3 is missing');
		expect(run.stderr).toContain('the previous site there is kept unchanged');
		expect(await listFiles(merged)).toEqual(before);
	});

	it('refuses shards of another build day than the merge', async () => {
		const run = await cli(['merge', shardDir(1), shardDir(2), shardDir(3), '--out', merged], { GLASSHOUSE_TODAY: '2026-12-03' });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('belongs to another build');
	});

	it('refuses a page changed in a shard folder after it was built, and publishes nothing of it', async () => {
		const [client] = JSON.parse(readFileSync(path.join(shardDir(2), SHARD_MANIFEST), 'utf8')).clients as string[];
		const page = path.join(shardDir(2), client!, 'index.html');
		const original = readFileSync(page);
		writeFileSync(page, '<p>plaintext swapped in</p>');
		try {
			const run = await cli(['merge', shardDir(1), shardDir(2), shardDir(3), '--out', merged]);
			expect(run.status).toBe(1);
			expect(run.stderr).toMatch(new RegExp(`changed since their shard was built.*${client}/index\\.html`));
			expect(readFileSync(path.join(merged, client!, 'index.html'), 'utf8')).not.toContain('plaintext swapped in');
		} finally {
			writeFileSync(page, original);
		}
	});

	// Last: it breaks the content.
	it('checks only its own clients: an error stops the shard that builds that client, and no other', async () => {
		const manifestOf = (index: number) => JSON.parse(readFileSync(path.join(shardDir(index), SHARD_MANIFEST), 'utf8'));
		const [broken] = manifestOf(1).clients as string[];
		const others = manifestOf(2).clients as string[];
		writeFileSync(
			path.join(content, broken!, 'client.yaml'),
			`${readFileSync(path.join(content, broken!, 'client.yaml'), 'utf8')}\nname: [unclosed\n`,
		);
		const failing = await cli(['build', '--shard', '1/3', '--out', shardDir(1)]);
		expect(failing.status).toBe(1);
		expect(failing.stderr).toContain(`${broken}/client.yaml`);
		expect(failing.stderr).toContain('Build stopped before rendering');
		const passing = await cli(['build', '--shard', '2/3', '--out', shardDir(2)]);
		expect(passing.status, passing.stderr).toBe(0);
		expect(passing.stdout).toContain(`Content check passed: ${others.length} client(s)`);
		expect(passing.stderr).not.toContain(broken);
	});
});
