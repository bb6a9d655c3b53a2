import { createHash, hkdfSync } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIdentity, manifestKey, secretFingerprint, type BuildIdentity } from '@/shard/build-identity';
import { checkShardClients, copyShards, verifyShards, type MergeExpectation } from '@/shard/merge-shards';
import { scanInWorkers } from '@/leak-scan/scan-in-workers';
import { SHARD_MANIFEST, ShardError, writeShardManifest } from '@/shard/shard-manifest';
import { listFiles } from '@/lib/list-files';
import { folder } from '../support/temp-folder';
import { ROOT } from '../support/run-output';
import { loadContent, validClients } from '@/loader/load-content';
import { needlesOf } from '@/leak-scan/collect-needles';
import { mergeTargetsInWorker } from '@/shard/merge-targets';

const SECRET = Buffer.from('40a4b6818d221c8cea87919410478230cfffadf8cc30cef3c2f0dc5ef7e00c2c', 'hex');
const OTHER_SECRET = Buffer.from('9c1f0e5d7a2b4c6e8f10325476980badcfe1f2a3b4c5d6e7f8091a2b3c4d5e6f', 'hex');
const IDENTITY: BuildIdentity = { id: 'build-one', secret: await secretFingerprint(SECRET) };
const CLIENTS = ['acme', 'globex', 'initech'];

const created: string[] = [];
afterEach(async () => {
	await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The files every shard has besides its clients' folders: as a subset build writes them. */
const SITE_WIDE = {
	'index.html': '<!doctype html><title>Status</title>',
	'404.html': '<!doctype html><title>Not found</title>',
	_headers: '/*\n  X-Robots-Tag: noindex\n',
	'_astro/ClientLayout.Bq3x9a1z.css': 'body{margin:0}',
	'_glasshouse/unlock.Ab12Cd34.js': 'export {}',
};

/** A shard folder of `clients` (two pages each) with its signed manifest. */
async function shard(
	index: number,
	count: number,
	clients: string[],
	{
		identity = IDENTITY,
		secret = SECRET,
		extra = {},
	}: { identity?: BuildIdentity; secret?: Uint8Array; extra?: Record<string, string> } = {},
): Promise<string> {
	const files: Record<string, string> = { ...SITE_WIDE, ...extra };
	for (const client of clients) {
		files[`${client}/index.html`] = `<sealed page of ${client}>`;
		files[`${client}/updates/2026-11-20/index.html`] = `<sealed update of ${client}>`;
	}
	const dir = await folder('glasshouse-shard-', files);
	created.push(dir);
	await writeShardManifest(dir, { shard: { index, count }, build: identity, clients }, await manifestKey(secret));
	return dir;
}

const expectation = async (): Promise<MergeExpectation> => ({ identity: IDENTITY, key: await manifestKey(SECRET) });

/** The merge's checks before it copies anything: the shards, then their clients against the content's (`CLIENTS`). */
async function refusal(dirs: string[], expected?: MergeExpectation): Promise<string> {
	const error = await verifyShards(dirs, expected ?? (await expectation()))
		.then((shards) => checkShardClients(shards, CLIENTS))
		.catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(ShardError);
	return (error as Error).message;
}

describe('shard identity', () => {
	it('fingerprints the secret with HKDF-SHA256 (checked against node:crypto), never showing it', async () => {
		const expected = Buffer.from(hkdfSync('sha256', SECRET, 'glasshouse/v1', 'shard|fingerprint', 16)).toString('base64url');
		expect(await secretFingerprint(SECRET)).toBe(expected);
		expect(await secretFingerprint(OTHER_SECRET)).not.toBe(expected);
		expect(Buffer.from(await manifestKey(SECRET))).toEqual(
			Buffer.from(hkdfSync('sha256', SECRET, 'glasshouse/v1', 'shard|manifest-mac', 32)),
		);
	});

	it('changes with one byte of content, the build day or the secret, and is the same for the same checkout', async () => {
		const root = await folder('glasshouse-identity-', {
			'src/a.ts': 'export {}',
			'package-lock.json': '{}',
			'content/site.yaml': 'agency: {}',
		});
		created.push(root);
		const identity = (today = '2026-12-02', master: Uint8Array = SECRET) =>
			buildIdentity({ root, contentDir: path.join(root, 'content'), parameters: { today, site: 'https://x.example', base: '/' }, master });
		const first = await identity();
		expect(await identity()).toEqual(first);
		expect((await identity('2026-12-03')).id).not.toBe(first.id);
		expect((await identity(undefined, OTHER_SECRET)).id).not.toBe(first.id);
		await appendFile(path.join(root, 'content/site.yaml'), ' ');
		expect((await identity()).id).not.toBe(first.id);
		await writeFile(path.join(root, 'content/site.yaml'), 'agency: {}');
		await writeFile(path.join(root, 'src/a.ts'), 'export {};');
		expect((await identity()).id).not.toBe(first.id);
	});
});

describe('verifyShards and assembleShards', () => {
	it('merges shards 1…N into one site: every client once, the site-wide files once, no manifest', async () => {
		const dirs = [await shard(1, 2, ['acme', 'initech']), await shard(2, 2, ['globex'])];
		const shards = await verifyShards(dirs, await expectation());
		const out = await folder('glasshouse-merged-', {});
		created.push(out);
		copyShards(shards, out);
		const files = await listFiles(out);
		expect(files).not.toContain(SHARD_MANIFEST);
		expect(files.filter((file) => file.endsWith('index.html')).sort()).toEqual([
			'acme/index.html',
			'acme/updates/2026-11-20/index.html',
			'globex/index.html',
			'globex/updates/2026-11-20/index.html',
			'index.html',
			'initech/index.html',
			'initech/updates/2026-11-20/index.html',
		]);
		expect(await readFile(path.join(out, 'globex/index.html'), 'utf8')).toBe('<sealed page of globex>');
		expect(await readFile(path.join(out, '_headers'), 'utf8')).toBe(SITE_WIDE._headers);
	});

	it('refuses a missing shard', async () => {
		expect(await refusal([await shard(1, 3, ['acme']), await shard(3, 3, ['initech'])])).toMatch(/Shard 2\/3 is missing/);
	});

	it('refuses a shard given twice, naming both folders', async () => {
		const one = await shard(1, 2, ['acme', 'initech']);
		const again = await shard(1, 2, ['acme', 'initech']);
		const message = await refusal([one, again, await shard(2, 2, ['globex'])]);
		expect(message).toContain('Shard 1/2 is given more than once');
		expect(message).toContain(one);
		expect(message).toContain(again);
	});

	it('refuses shards that disagree on N', async () => {
		expect(await refusal([await shard(1, 2, ['acme', 'initech']), await shard(2, 3, ['globex'])])).toMatch(/disagree on how many/);
	});

	it('refuses a shard built with another secret, even with a valid MAC under that secret', async () => {
		const foreign = await shard(2, 2, ['globex'], {
			secret: OTHER_SECRET,
			identity: { id: IDENTITY.id, secret: await secretFingerprint(OTHER_SECRET) },
		});
		expect(await refusal([await shard(1, 2, ['acme', 'initech']), foreign])).toMatch(/another GLASSHOUSE_SECRET/);
	});

	it('refuses a shard of another build (other commit or build day) under the same secret', async () => {
		const foreign = await shard(2, 2, ['globex'], { identity: { ...IDENTITY, id: 'build-two' } });
		const message = await refusal([await shard(1, 2, ['acme', 'initech']), foreign]);
		expect(message).toContain('belongs to another build');
		expect(message).toContain(foreign);
	});

	it('refuses a manifest edited after signing (a client slipped in, or its own fingerprint changed)', async () => {
		const dir = await shard(2, 2, ['globex']);
		const manifest = JSON.parse(await readFile(path.join(dir, SHARD_MANIFEST), 'utf8'));
		await writeFile(path.join(dir, SHARD_MANIFEST), JSON.stringify({ ...manifest, clients: ['globex', 'initech'] }));
		expect(await refusal([await shard(1, 2, ['acme', 'initech']), dir])).toMatch(/does not verify: its MAC does not match/);
	});

	it('refuses a folder without a manifest', async () => {
		const dir = await folder('glasshouse-not-a-shard-', { 'index.html': 'x' });
		created.push(dir);
		expect(await refusal([dir])).toMatch(/is not a shard folder/);
	});

	it('refuses a client in two shards', async () => {
		const message = await refusal([await shard(1, 2, ['acme', 'globex']), await shard(2, 2, ['globex', 'initech'])]);
		expect(message).toContain('Client globex is in two shards');
	});

	it('refuses a client the content lacks', async () => {
		const message = await refusal([await shard(1, 2, ['acme', 'globex']), await shard(2, 2, ['initech', 'umbrella'])]);
		expect(message).toContain('client umbrella, which the checked content does not have');
	});

	it('refuses shards that together miss a client of the checked content', async () => {
		expect(await refusal([await shard(1, 2, ['acme']), await shard(2, 2, ['globex'])])).toContain('No shard has client initech');
	});

	it('refuses a file added to a shard after it was built', async () => {
		const dir = await shard(2, 2, ['globex']);
		await writeFile(path.join(dir, 'globex/extra.html'), '<p>plaintext</p>');
		expect(await refusal([await shard(1, 2, ['acme', 'initech']), dir])).toMatch(
			/1 file\(s\) its manifest does not list.*globex\/extra\.html/,
		);
	});

	it('refuses a shard that lacks a file its manifest lists', async () => {
		const dir = await shard(2, 2, ['globex']);
		await rm(path.join(dir, 'globex/index.html'));
		expect(await refusal([await shard(1, 2, ['acme', 'initech']), dir])).toMatch(/lacks 1 file\(s\).*globex\/index\.html/);
	});

	it("refuses a shard holding another client's folder, even one listed in its manifest", async () => {
		const dir = await shard(2, 2, ['globex']);
		await mkdir(path.join(dir, 'acme'), { recursive: true });
		await writeFile(path.join(dir, 'acme/stale.html'), 'old page');
		const manifest = JSON.parse(await readFile(path.join(dir, SHARD_MANIFEST), 'utf8'));
		// Re-signed with the right key: only the folder rule can catch it.
		await writeShardManifest(dir, { shard: manifest.shard, build: manifest.build, clients: manifest.clients }, await manifestKey(SECRET));
		expect(await refusal([await shard(1, 2, ['acme', 'initech']), dir])).toContain(
			'holds the folder of client(s) acme, which it did not build',
		);
	});

	it('refuses site-wide files that differ between shards', async () => {
		const dir = await folder('glasshouse-shard-', { ...SITE_WIDE, _headers: 'other', 'globex/index.html': 'x' });
		created.push(dir);
		await writeShardManifest(dir, { shard: { index: 2, count: 2 }, build: IDENTITY, clients: ['globex'] }, await manifestKey(SECRET));
		expect(await refusal([await shard(1, 2, ['acme', 'initech']), dir])).toMatch(/Site-wide file _headers differs between/);
	});

	it('refuses a file whose bytes changed after the shard was built, and writes nothing usable', async () => {
		const dir = await shard(2, 2, ['globex']);
		const shards = await verifyShards([await shard(1, 2, ['acme', 'initech']), dir], await expectation());
		await writeFile(path.join(dir, 'globex/index.html'), '<p>plaintext, swapped in</p>');
		const out = await folder('glasshouse-merged-', {});
		created.push(out);
		expect(() => copyShards(shards, out)).toThrow(/1 file\(s\) changed since their shard was built.*globex\/index\.html/);
		// The caller discards the staging folder; whatever is there never holds the swapped bytes.
		const written = await readFile(path.join(out, 'globex/index.html'), 'utf8').catch(() => undefined);
		expect(written).toBeUndefined();
	});

	it('checks the site-wide files of every shard, not only the copy it keeps', async () => {
		const second = await shard(2, 2, ['globex']);
		const shards = await verifyShards([await shard(1, 2, ['acme', 'initech']), second], await expectation());
		await writeFile(path.join(second, '_headers'), 'changed');
		const out = await folder('glasshouse-merged-', {});
		created.push(out);
		expect(() => copyShards(shards, out)).toThrow(/_headers/);
		expect(await readdir(out)).not.toContain(SHARD_MANIFEST);
	});
	it('searches every file of the merged site for leaks, client folders and site-wide files alike, on every thread', async () => {
		const attachment = 'PDF bytes of a private statement of work';
		const dirs = [
			await shard(1, 2, ['acme', 'initech'], {
				extra: { '_astro/hero.txt': 'Welcome to Project Nightingale renewal', 'acme/sow.bin': attachment },
			}),
			await shard(2, 2, ['globex'], { extra: { 'globex/notes.txt': 'The Nightingale renewal budget is agreed' } }),
		];
		const out = await folder('glasshouse-merged-', {});
		created.push(out);
		copyShards(await verifyShards(dirs, await expectation()), out);
		const needle = { text: 'Nightingale renewal', source: 'acme/updates/2026-11-20.md' };
		const statement = { text: 'sow.pdf', source: 'acme/documents/sow.pdf' };
		const copies = new Map([[createHash('sha256').update(attachment).digest('base64'), statement]]);
		const found = new Set<string>();
		for (const threads of [1, 3]) {
			const { leaks, files } = await scanInWorkers(out, { needles: [needle], copies }, threads);
			expect(files).toBe(14);
			const shown = leaks.map(({ file, needle: what, via }) => [file, what.source, via]).sort();
			expect(shown).toEqual([
				['_astro/hero.txt', needle.source, undefined],
				['acme/sow.bin', statement.source, 'a copy of the file'],
				['globex/notes.txt', needle.source, undefined],
			]);
			found.add(JSON.stringify(shown));
		}
		expect(found.size).toBe(1);
	});
});

describe('mergeTargets', () => {
	const fixture = (name: string) => path.join(ROOT, 'tests', 'fixtures', name, 'content');

	it("hands the merge, from a worker thread, the content's valid clients and the texts the leak scan looks for", async () => {
		const contentDir = fixture('minimal');
		const loaded = await mergeTargetsInWorker({ contentDir, root: ROOT });
		const content = await loadContent(contentDir, ROOT);
		expect(loaded).toEqual({ clients: validClients(content), targets: { needles: needlesOf(content), copies: new Map() } });
		if ('errors' in loaded) throw new Error('unreachable');
		expect(loaded.clients.length).toBeGreaterThan(0);
		expect(loaded.targets.needles.length).toBeGreaterThan(10);
	});

	it('refuses content with errors: it cannot be what the shards were built from', async () => {
		const loaded = await mergeTargetsInWorker({ contentDir: fixture('broken'), root: ROOT });
		expect(loaded).toEqual({ errors: expect.any(Number) });
		expect((loaded as { errors: number }).errors).toBeGreaterThan(0);
	});
});
