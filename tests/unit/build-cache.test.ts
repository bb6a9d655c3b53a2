import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	clientFingerprint,
	keyMaterialFingerprint,
	readClientFiles,
	siteWideEntryFingerprint,
	siteWideFingerprint,
	type ClientInputs,
	type SiteWideInputs,
} from '@/build-cache/build-fingerprint';
import {
	clientCache,
	entryMac,
	moveRestored,
	SITE_WIDE_ENTRY,
	type CacheEntry,
	type ClientCache,
	type Refusal,
	type Restored,
} from '@/build-cache/client-cache';
import { listFiles } from '@/lib/list-files';
import { planClients } from '@/build-cache/plan-clients';
import { restoreCached } from '@/build-cache/restore-cached';
import { restoreInWorker } from '@/build-cache/restore-in-worker';
import type { Needle } from '@/leak-scan/collect-needles';
import { deriveBuildCacheMacKey, deriveKeyMaterialKey } from '@/keys/derive-credentials';
import { decodeSecret } from '@/keys/secret';
import { loadContent, type LoadedClient } from '@/loader/load-content';
import { contentTimes } from '@/page-data/content-times';
import { utf8 } from '@/runtime/crypto/bytes';
import { TEST_SECRET } from '../support/open-page';
import { DEMO_CONTENT } from '../support/temp-content';

const OTHER_SECRET = 'c0a4d9e27f1b3865a2e4f7091d6c3b5e8f2a7d4c1e9b6053a8f7e2d1c4b9a6e3';

/** What a build does with one entry: checks its `entry.json`, then copies (and verifies) its files. */
async function restore(cache: ClientCache, client: string, fingerprint: string, outDir: string): Promise<Restored | Refusal> {
	const found = await cache.check(client, fingerprint);
	return 'entry' in found ? cache.copy(found.entry, outDir) : found;
}

describe('the site-wide fingerprint', () => {
	const inputs: SiteWideInputs = {
		code: 'a'.repeat(64),
		siteYaml: utf8('agency:\n  name: Northwind\n'),
		today: '2026-11-22',
		base: '/',
		site: 'https://status.example.com',
		runtime: 'v20.19.0',
	};

	it('changes with each input: the code, site.yaml, the day, the base path, the site URL, Node', () => {
		const base = siteWideFingerprint(inputs);
		expect(siteWideFingerprint({ ...inputs })).toBe(base);
		const changed = [
			{ code: 'b'.repeat(64) },
			{ siteYaml: utf8('agency:\n  name: Northwind Ltd\n') },
			{ today: '2026-11-23' },
			{ base: '/status/' },
			{ site: 'https://status.example.org' },
			{ runtime: 'v20.19.1' },
		].map((change) => siteWideFingerprint({ ...inputs, ...change }));
		expect(new Set([base, ...changed]).size).toBe(7);
	});
});

describe("a client's fingerprint", () => {
	const inputs: ClientInputs = {
		client: 'acme',
		siteWide: 'a'.repeat(64),
		files: [
			{ path: 'client.yaml', sha256: '1'.repeat(64), createdAt: 1_700_000_000_000, changedAt: 1_700_000_000_000 },
			{ path: 'updates/2026-11-20.mdx', sha256: '2'.repeat(64), createdAt: 1_700_000_000_000, changedAt: 1_700_100_000_000 },
		],
		keyMaterial: 'k'.repeat(64),
	};
	const [yaml, update] = inputs.files as [ClientInputs['files'][0], ClientInputs['files'][0]];

	it('changes with each input: a file, a file added, the times "what\'s new" reads, the key material, the site-wide inputs, the client', () => {
		const base = clientFingerprint(inputs);
		const changed = [
			{ files: [yaml, { ...update, sha256: '3'.repeat(64) }] },
			{ files: [yaml, update, { path: 'risks/R1.yaml', sha256: '4'.repeat(64) }] },
			{ files: [yaml] },
			{ files: [yaml, { ...update, changedAt: 1_700_200_000_000 }] },
			{ files: [yaml, { ...update, createdAt: 1_600_000_000_000 }] },
			{ files: [yaml, { ...update, path: 'updates/2026-11-27.mdx' }] },
			{ keyMaterial: 'm'.repeat(64) },
			{ siteWide: 'b'.repeat(64) },
			{ client: 'acme-2' },
		].map((change) => clientFingerprint({ ...inputs, ...change }));
		expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
	});

	it('does not depend on the order files are listed in', () => {
		expect(clientFingerprint({ ...inputs, files: [update, yaml] })).toBe(clientFingerprint(inputs));
	});

	it("is read from the client's own folder: another client's change leaves it alone, its own changes it", async () => {
		const content = path.join(mkdtempSync(path.join(tmpdir(), 'glasshouse-fingerprint-')), 'content');
		cpSync(DEMO_CONTENT, content, { recursive: true });
		const of = async (client: string) =>
			clientFingerprint({ ...inputs, client, files: await readClientFiles(content, client, await contentTimes(content)) });
		const before = await of('harbour-museum');
		appendFileSync(
			path.join(content, 'lanshan-tea', 'updates', readdirSync(path.join(content, 'lanshan-tea', 'updates')).sort()[0]!),
			'\nMore.\n',
		);
		writeFileSync(
			path.join(content, 'tidewater-logistics', 'client.yaml'),
			readFileSync(path.join(content, 'tidewater-logistics', 'client.yaml')),
		);
		expect(await of('harbour-museum')).toBe(before);
		appendFileSync(path.join(content, 'harbour-museum', 'client.yaml'), '\n');
		expect(await of('harbour-museum')).not.toBe(before);
		rmSync(path.dirname(content), { recursive: true, force: true });
	});
	it('takes the hashes of the files loading the content read from it, and reads only the others; the same files give the same hashes', async () => {
		const content = path.join(mkdtempSync(path.join(tmpdir(), 'glasshouse-fingerprint-')), 'content');
		cpSync(DEMO_CONTENT, content, { recursive: true });
		const loaded = await loadContent(content);
		const times = await contentTimes(content);
		const client = 'harbour-museum';
		const read = await readClientFiles(content, client, times);
		const shared = await readClientFiles(content, client, times, loaded.fileHashes);
		expect(shared).toEqual(read);
		// Every parsed file's hash came from loading; files of no kind (the logo) were read here.
		const parsed = [...loaded.fileHashes!.keys()].filter((file) => file.startsWith(path.join(content, client) + path.sep));
		expect(parsed.length).toBeGreaterThan(10);
		expect(parsed.length).toBeLessThan(read.length);
		for (const file of parsed) expect(loaded.fileHashes!.get(file)).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
		// A hash loading gave is what the fingerprint uses: a stale one shows through (so loading must be this build's).
		const stale = new Map(loaded.fileHashes);
		stale.set(parsed[0]!, '0'.repeat(64));
		const withStale = await readClientFiles(content, client, times, stale);
		expect(withStale.find((file) => path.join(content, client, file.path) === parsed[0])?.sha256).toBe('0'.repeat(64));
		rmSync(path.dirname(content), { recursive: true, force: true });
	});
});

describe("a client's key-material fingerprint", () => {
	let client: LoadedClient;
	const master = decodeSecret(TEST_SECRET);
	beforeAll(async () => {
		client = (await loadContent(DEMO_CONTENT)).clients.find((candidate) => candidate.slug === 'harbour-museum')!;
	});
	const withAccess = (change: (access: Array<Record<string, unknown>>) => void): LoadedClient => {
		const access = structuredClone(client.client!.value.access) as Array<Record<string, unknown>>;
		change(access);
		return { ...client, client: { ...client.client!, value: { ...client.client!.value, access } } } as LoadedClient;
	};
	const fingerprint = async (of: LoadedClient, secret = master, variables: Record<string, string> = {}) =>
		keyMaterialFingerprint(of, await deriveKeyMaterialKey(secret), secret, variables);

	it('changes with the secret, a revocation, a rotation and a password from the environment, and with nothing else', async () => {
		const base = await fingerprint(client);
		expect(await fingerprint(client)).toBe(base);
		const other = decodeSecret(OTHER_SECRET);
		const changed = [
			await fingerprint(client, other),
			await fingerprint(withAccess((access) => (access.find((entry) => !entry.revoked)!.revoked = true))),
			await fingerprint(withAccess((access) => (access[0]!.rotation = Number(access[0]!.rotation ?? 0) + 1))),
			await fingerprint(
				withAccess((access) => (access[0]!.passwordEnv = 'HARBOUR_PASSWORD')),
				master,
				{
					HARBOUR_PASSWORD: 'violet-harbour-lantern-41-quay',
				},
			),
			await fingerprint(
				withAccess((access) => (access[0]!.passwordEnv = 'HARBOUR_PASSWORD')),
				master,
				{
					HARBOUR_PASSWORD: 'amber-harbour-lantern-41-quay',
				},
			),
		];
		expect(new Set([base, ...changed]).size).toBe(6);
	});

	it('is an HMAC under a key only the secret gives: it holds no password, token or secret', async () => {
		const value = await fingerprint(client);
		expect(value).toMatch(/^[0-9a-f]{64}$/);
		expect(value).not.toContain(TEST_SECRET.slice(0, 16));
		expect(Buffer.from(await deriveKeyMaterialKey(master)).equals(Buffer.from(await deriveBuildCacheMacKey(master)))).toBe(false);
	});
});

describe('cache entries', () => {
	const fingerprint = 'f'.repeat(64);
	let work: string;
	let outDir: string;
	let key: Uint8Array;
	beforeAll(async () => {
		key = await deriveBuildCacheMacKey(decodeSecret(TEST_SECRET));
	});
	const fresh = async () => {
		work = mkdtempSync(path.join(tmpdir(), 'glasshouse-client-cache-'));
		outDir = path.join(work, 'out');
		for (const [file, text] of [
			['acme/index.html', '<p>sealed acme</p>'],
			['acme/updates/2026-11-20/index.html', '<p>sealed update</p>'],
			['beta/index.html', '<p>sealed beta</p>'],
			['_astro/ClientLayout.Bq3x9a1z.css', 'body{}'],
			['_glasshouse/gate.Cx1.js', 'gate()'],
			['index.html', '<p>root</p>'],
		]) {
			mkdirSync(path.dirname(path.join(outDir, file!)), { recursive: true });
			writeFileSync(path.join(outDir, file!), text!);
		}
		const cache = clientCache(path.join(work, 'cache'), key);
		await cache.store('acme', fingerprint, outDir);
		await cache.store('beta', fingerprint, outDir);
		return cache;
	};
	const entryOf = (client: string) => path.join(work, 'cache', client);
	const readEntry = (client: string) => JSON.parse(readFileSync(path.join(entryOf(client), 'entry.json'), 'utf8')) as CacheEntry;
	/** Restores `client`'s entry into a new empty folder, as a build's planning does. */
	const restoreAnew = (cache: ClientCache, client: string, made: string) =>
		restore(cache, client, made, mkdtempSync(path.join(work, 'restored-')));

	it('a MAC matches the known-answer vector (HMAC-SHA-256 over length-prefixed fields)', () => {
		const entry = {
			format: 'glasshouse-client-cache/1',
			client: 'acme',
			fingerprint: 'a'.repeat(64),
			files: [
				['acme/index.html', 'b'.repeat(64)],
				['_astro/x.css', 'c'.repeat(64)],
			],
		} as Omit<CacheEntry, 'mac'>;
		// Computed with Python's hmac module from the same fields.
		expect(
			entryMac(
				Uint8Array.from({ length: 32 }, (_, index) => index),
				entry,
			),
		).toBe('5af6f9d7b5dfe637281348057575a74afdb35f96292821604181cec830c764d2');
	});

	it("holds the client's folder and the shared files, no other client's and no root page; it verifies and restores", async () => {
		const cache = await fresh();
		const target = path.join(work, 'restored');
		const found = await restore(cache, 'acme', fingerprint, target);
		expect('entry' in found).toBe(true);
		const { entry, copied } = found as Restored;
		expect(entry.files.map(([file]) => file).sort()).toEqual([
			'_astro/ClientLayout.Bq3x9a1z.css',
			'_glasshouse/gate.Cx1.js',
			'acme/index.html',
			'acme/updates/2026-11-20/index.html',
		]);
		expect(copied).toBe(4);
		expect(readFileSync(path.join(target, 'acme', 'updates', '2026-11-20', 'index.html'), 'utf8')).toBe('<p>sealed update</p>');
		// The shared files acme's entry brought are not copied (nor read) again for beta's.
		expect(await restore(cache, 'beta', fingerprint, target)).toMatchObject({ copied: 1 });
		expect((await listFiles(target)).sort()).toEqual([
			'_astro/ClientLayout.Bq3x9a1z.css',
			'_glasshouse/gate.Cx1.js',
			'acme/index.html',
			'acme/updates/2026-11-20/index.html',
			'beta/index.html',
		]);
	});

	it('is rebuilt when the inputs changed, and missing when never stored', async () => {
		const cache = await fresh();
		expect(await restoreAnew(cache, 'acme', 'e'.repeat(64))).toEqual({ reason: 'changed' });
		expect(await restoreAnew(cache, 'gamma', fingerprint)).toEqual({ reason: 'missing' });
	});

	it('refuses a tampered file, a truncated entry, a swapped entry, an edited list, and an entry of another secret', async () => {
		let cache = await fresh();
		const page = path.join(entryOf('acme'), 'output', 'acme', 'index.html');
		writeFileSync(page, '<p>sealed acme</p><script>steal()</script>');
		expect(await restoreAnew(cache, 'acme', fingerprint)).toEqual({
			reason: 'refused',
			detail: 'acme/index.html in it is not the file it was built with',
		});

		cache = await fresh();
		rmSync(path.join(entryOf('acme'), 'output', 'acme', 'updates'), { recursive: true });
		expect(await restoreAnew(cache, 'acme', fingerprint)).toEqual({
			reason: 'refused',
			detail: 'acme/updates/2026-11-20/index.html is missing from it',
		});

		cache = await fresh();
		// beta's whole entry put in acme's place: its MAC binds it to beta.
		rmSync(entryOf('acme'), { recursive: true });
		renameSync(entryOf('beta'), entryOf('acme'));
		expect(await restoreAnew(cache, 'acme', fingerprint)).toEqual({ reason: 'refused', detail: "it holds beta's files" });

		cache = await fresh();
		// A file dropped from the list (and from the folder) without the key to sign the new list.
		const edited = readEntry('acme');
		writeFileSync(path.join(entryOf('acme'), 'entry.json'), JSON.stringify({ ...edited, files: edited.files.slice(1) }));
		expect(await restoreAnew(cache, 'acme', fingerprint)).toMatchObject({
			reason: 'refused',
			detail: expect.stringContaining('MAC does not verify'),
		});

		await fresh();
		const foreign = clientCache(path.join(work, 'cache'), await deriveBuildCacheMacKey(decodeSecret(OTHER_SECRET)));
		expect(await restoreAnew(foreign, 'acme', fingerprint)).toMatchObject({
			reason: 'refused',
			detail: expect.stringContaining('MAC does not verify'),
		});
	});

	it('refuses, even with a valid MAC, an entry listing a file outside its client and the shared folders', async () => {
		const cache = await fresh();
		const entry = readEntry('acme');
		const files: CacheEntry['files'] = [...entry.files, ['../../etc/passwd', '0'.repeat(64)]];
		const unsigned = { format: entry.format, client: 'acme', fingerprint, files };
		writeFileSync(path.join(entryOf('acme'), 'entry.json'), JSON.stringify({ ...unsigned, mac: entryMac(key, unsigned) }));
		expect(await restoreAnew(cache, 'acme', fingerprint)).toEqual({
			reason: 'refused',
			detail: 'it lists ../../etc/passwd, outside acme/ and the shared folders',
		});
	});

	it('refuses a file found tampered during the copy and leaves nothing of the entry in the output folder', async () => {
		const cache = await fresh();
		const target = path.join(work, 'restored');
		mkdirSync(path.join(target, 'beta'), { recursive: true });
		writeFileSync(path.join(target, 'beta', 'index.html'), '<p>sealed beta</p>');
		// Its files are copied side by side: the others may be in place by the time the tampered one is read.
		writeFileSync(path.join(entryOf('acme'), 'output', 'acme', 'updates', '2026-11-20', 'index.html'), '<p>sealed update</p><img src=x>');
		expect(await restore(cache, 'acme', fingerprint, target)).toEqual({
			reason: 'refused',
			detail: 'acme/updates/2026-11-20/index.html in it is not the file it was built with',
		});
		// What was there stays; nothing of acme's entry, pages or shared files, is left.
		expect(await listFiles(target)).toEqual(['beta/index.html']);
		expect(readdirSync(path.join(work, 'cache'))).toContain('acme');
	});

	/** acme's entry restored into a folder of `name`, and a staging folder of `name` holding `written` (what Astro wrote). */
	async function restoredBesideAstro(name: string, written: Record<string, string>) {
		const restored = path.join(work, `restored-${name}`);
		await restore(await fresh(), 'acme', fingerprint, restored);
		const staging = path.join(work, `staging-${name}`);
		for (const [file, text] of Object.entries(written)) {
			mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
			writeFileSync(path.join(staging, file), text);
		}
		return { restored, staging };
	}

	it('moves restored entries beside what Astro wrote, keeping the shared files Astro wrote', async () => {
		const { restored, staging } = await restoredBesideAstro('shared', {
			'_astro/ClientLayout.Bq3x9a1z.css': 'written by Astro',
			'index.html': '<p>root</p>',
		});
		await moveRestored(restored, staging);
		expect((await listFiles(staging)).sort()).toEqual([
			'_astro/ClientLayout.Bq3x9a1z.css',
			'_glasshouse/gate.Cx1.js',
			'acme/index.html',
			'acme/updates/2026-11-20/index.html',
			'index.html',
		]);
		expect(readFileSync(path.join(staging, '_astro', 'ClientLayout.Bq3x9a1z.css'), 'utf8')).toBe('written by Astro');
	});

	it('refuses to merge a client folder searched as it was restored into one Astro wrote (its files would go unscanned)', async () => {
		const { restored, staging } = await restoredBesideAstro('twice', { 'acme/extra.html': '<p>written by Astro</p>' });
		await expect(moveRestored(restored, staging, ['acme'])).rejects.toThrow(/acme\/ was both rendered and restored/);
		expect(await listFiles(staging)).toEqual(['acme/extra.html']);
	});
});

describe("the site-wide files' fingerprint", () => {
	const clients = new Map([
		['acme', 'a'.repeat(64)],
		['beta', 'b'.repeat(64)],
	]);
	const siteWide = 's'.repeat(64);

	it('changes with the site-wide inputs, a client changed, added or removed; not with the order clients come in', () => {
		const base = siteWideEntryFingerprint(siteWide, clients);
		expect(siteWideEntryFingerprint(siteWide, new Map([...clients].reverse()))).toBe(base);
		const changed = [
			siteWideEntryFingerprint('t'.repeat(64), clients),
			siteWideEntryFingerprint(siteWide, new Map([...clients, ['beta', 'c'.repeat(64)]])),
			siteWideEntryFingerprint(siteWide, new Map([...clients, ['gamma', 'c'.repeat(64)]])),
			siteWideEntryFingerprint(siteWide, new Map([['acme', 'a'.repeat(64)]])),
		];
		expect(new Set([base, ...changed]).size).toBe(5);
	});
});

describe('the site-wide entry', () => {
	const fingerprint = 'e'.repeat(64);
	let work: string;
	let key: Uint8Array;
	beforeAll(async () => {
		key = await deriveBuildCacheMacKey(decodeSecret(TEST_SECRET));
	});
	const fresh = async () => {
		work = mkdtempSync(path.join(tmpdir(), 'glasshouse-site-entry-'));
		const outDir = path.join(work, 'out');
		for (const [file, text] of [
			['index.html', '<p>root</p>'],
			['404.html', '<p>not found</p>'],
			['_headers', '/*\n  X-Frame-Options: DENY\n'],
			['_astro/NeutralPage.Ab12.css', 'body{}'],
			['_glasshouse/gate.Cx1.js', 'gate()'],
			['acme/index.html', '<p>sealed acme</p>'],
		]) {
			mkdirSync(path.dirname(path.join(outDir, file!)), { recursive: true });
			writeFileSync(path.join(outDir, file!), text!);
		}
		const cache = clientCache(path.join(work, 'cache'), key);
		await cache.store(SITE_WIDE_ENTRY, fingerprint, outDir);
		return cache;
	};
	const entryDir = () => path.join(work, 'cache', SITE_WIDE_ENTRY);

	it("holds the files at the top of the output and the shared folders, no client's; it verifies and restores", async () => {
		const cache = await fresh();
		const target = path.join(work, 'restored');
		const found = await restore(cache, SITE_WIDE_ENTRY, fingerprint, target);
		expect('entry' in found).toBe(true);
		const { entry, copied } = found as Restored;
		expect(entry.files.map(([file]) => file).sort()).toEqual([
			'404.html',
			'_astro/NeutralPage.Ab12.css',
			'_glasshouse/gate.Cx1.js',
			'_headers',
			'index.html',
		]);
		expect(copied).toBe(5);
		expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('<p>root</p>');
		expect(await restore(cache, SITE_WIDE_ENTRY, 'd'.repeat(64), path.join(work, 'other'))).toEqual({ reason: 'changed' });
	});

	it("refuses a tampered page, and a signed list naming a client's file", async () => {
		let cache = await fresh();
		writeFileSync(path.join(entryDir(), 'output', 'index.html'), '<p>root</p><script>steal()</script>');
		const target = path.join(work, 'restored');
		expect(await restore(cache, SITE_WIDE_ENTRY, fingerprint, target)).toEqual({
			reason: 'refused',
			detail: 'index.html in it is not the file it was built with',
		});
		expect(await listFiles(target)).toEqual([]);

		cache = await fresh();
		const entry = JSON.parse(readFileSync(path.join(entryDir(), 'entry.json'), 'utf8')) as CacheEntry;
		const unsigned = {
			format: entry.format,
			client: SITE_WIDE_ENTRY,
			fingerprint,
			files: [...entry.files, ['acme/index.html', '0'.repeat(64)]],
		};
		writeFileSync(
			path.join(entryDir(), 'entry.json'),
			JSON.stringify({ ...unsigned, mac: entryMac(key, unsigned as Omit<CacheEntry, 'mac'>) }),
		);
		expect(await restore(cache, SITE_WIDE_ENTRY, fingerprint, path.join(work, 'other'))).toEqual({
			reason: 'refused',
			detail: 'it lists acme/index.html, outside the top of the output and the shared folders',
		});
	});
});

describe('a plan in which no client changed', () => {
	// A project of its own (a src/ file stands for the code) around a copy of the demo content.
	let root: string;
	let content: Awaited<ReturnType<typeof loadContent>>;
	const contextOf = (project: string) => ({
		root: project,
		contentDir: path.join(project, 'content'),
		today: '2026-11-22',
		base: '/',
		site: 'https://status.example.com',
		clientCache: path.join(project, 'client-cache'),
		variables: {},
		hasSecret: true,
		secret: () => decodeSecret(TEST_SECRET),
	});
	beforeAll(async () => {
		root = mkdtempSync(path.join(tmpdir(), 'glasshouse-plan-'));
		cpSync(DEMO_CONTENT, path.join(root, 'content'), { recursive: true });
		mkdirSync(path.join(root, 'src'));
		writeFileSync(path.join(root, 'src', 'page.ts'), 'export const page = 1;\n');
		content = await loadContent(path.join(root, 'content'));
	});

	/** A new, empty folder to restore entries into, as a build's staging folder. */
	const restoreFolder = () => path.join(mkdtempSync(path.join(root, 'staging-')), 'cached');

	/** Stores an entry for every client and the site-wide files, as a build that rendered them would. */
	const storeEverything = async () => {
		const plan = await planClients(contextOf(root), content, 'full');
		const outDir = path.join(root, 'out');
		rmSync(outDir, { recursive: true, force: true });
		for (const file of ['index.html', '_astro/site.css', ...[...plan.fingerprints.keys()].map((client) => `${client}/index.html`)]) {
			mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
			writeFileSync(path.join(outDir, file), `<p>${file}</p>`);
		}
		for (const [client, fingerprint] of plan.fingerprints) await plan.cache!.store(client, fingerprint, outDir);
		await plan.cache!.store(SITE_WIDE_ENTRY, plan.siteWide!.fingerprint, outDir);
		return plan;
	};

	/** What a build does with the entries a plan accepted: copies and verifies them, searching their clients' files. */
	const restoreAll = (plan: Awaited<ReturnType<typeof planClients>>, outDir: string, needles: Needle[] = []) =>
		restoreCached({
			cache: plan.cache!,
			entries: [...plan.reused, ...(plan.siteWide?.reused ? [plan.siteWide.reused] : [])],
			outDir,
			needles,
			copies: new Map(),
		});

	it('reuses the site-wide entry (Astro is not started); --full never does', async () => {
		const stored = await storeEverything();
		expect(stored.rendered.length).toBe(4);
		expect(stored.siteWide?.reused).toBeUndefined();
		const plan = await planClients(contextOf(root), content, 'reuse');
		expect(plan.rendered).toEqual([]);
		expect(plan.siteWide?.reused?.fingerprint).toBe(stored.siteWide!.fingerprint);
		// Everything the build publishes is copied while it is verified.
		const restored = restoreFolder();
		const clients = [...stored.fingerprints.keys()];
		expect(restoreAll(plan, restored)).toEqual({ restored: [...clients, SITE_WIDE_ENTRY], refused: [], leaks: [], searched: 4 });
		expect((await listFiles(restored)).sort()).toEqual(
			['_astro/site.css', 'index.html', ...clients.map((client) => `${client}/index.html`)].sort(),
		);
	});

	it("refuses a client's entry found tampered while it is copied: nothing of it is in the restore folder", async () => {
		const stored = await storeEverything();
		const [tampered, ...others] = [...stored.fingerprints.keys()];
		const cacheDir = path.join(root, 'client-cache', readdirSync(path.join(root, 'client-cache'))[0]!);
		writeFileSync(path.join(cacheDir, tampered!, 'output', tampered!, 'index.html'), '<p>a page nobody built</p>');
		// Its entry.json still verifies: the plan takes it, and its copy refuses it.
		const plan = await planClients(contextOf(root), content, 'reuse');
		expect(plan.reused.map((entry) => entry.client)).toEqual([tampered, ...others]);
		const restored = restoreFolder();
		const result = restoreAll(plan, restored);
		expect(result.refused).toEqual([{ client: tampered, why: `${tampered}/index.html in it is not the file it was built with` }]);
		expect(result.restored).toEqual([...others, SITE_WIDE_ENTRY]);
		expect((await listFiles(restored)).sort()).toEqual(
			['_astro/site.css', 'index.html', ...others.map((client) => `${client}/index.html`)].sort(),
		);
	});

	it("searches the restored clients' own files for leaks with the bytes it verified, and drops a refused entry's", async () => {
		const stored = await storeEverything();
		const [tampered, clean] = [...stored.fingerprints.keys()];
		// Text of a private client found in a cached page (of another client, once public: what was cached is
		// published again, so it is searched again with this build's texts). The site-wide page is left to the
		// whole-site scan, which runs over everything outside the restored clients' folders.
		const needles: Needle[] = [`${clean}/index.html`, `${tampered}/index.html`].map((text) => ({ text, source: 'a test' }));
		const cacheDir = path.join(root, 'client-cache', readdirSync(path.join(root, 'client-cache'))[0]!);
		writeFileSync(path.join(cacheDir, tampered!, 'output', tampered!, 'index.html'), `<p>${tampered}/index.html</p>, changed`);
		const plan = await planClients(contextOf(root), content, 'reuse');
		const result = restoreAll(plan, restoreFolder(), needles);
		expect(result.leaks.map(({ file, needle }) => [file, needle.text])).toEqual([[`${clean}/index.html`, `${clean}/index.html`]]);
		expect(result.searched).toBe(3);
	});

	it('does the same on a worker thread, as the build runs it beside Astro', async () => {
		const stored = await storeEverything();
		const plan = await planClients(contextOf(root), content, 'reuse');
		const [first] = [...stored.fingerprints.keys()];
		const needles: Needle[] = [{ text: `${first}/index.html`, source: 'a test' }];
		const restored = restoreFolder();
		const result = await restoreInWorker({
			cache: { dir: plan.cache!.dir, key: plan.cache!.key },
			entries: plan.reused,
			outDir: restored,
			needles,
			copies: new Map(),
		});
		expect(result).toEqual({ ...restoreAll(plan, restoreFolder(), needles), restored: plan.reused.map((entry) => entry.client) });
		expect(result.leaks.map(({ file }) => file)).toEqual([`${first}/index.html`]);
		expect((await listFiles(restored)).length).toBe(5);
	});

	it('stops the worker thread when asked (Astro failed), settling only once it has exited', async () => {
		await storeEverything();
		const plan = await planClients(contextOf(root), content, 'reuse');
		const stop = new AbortController();
		const restoring = restoreInWorker(
			{
				cache: { dir: plan.cache!.dir, key: plan.cache!.key },
				entries: plan.reused,
				outDir: restoreFolder(),
				needles: [],
				copies: new Map(),
			},
			stop.signal,
		);
		stop.abort();
		await expect(restoring).rejects.toThrow('the worker restoring cached clients was stopped');
	});

	it('rebuilds the site-wide files when site.yaml or the code changes', async () => {
		await storeEverything();
		const siteYaml = path.join(root, 'content', 'site.yaml');
		const original = readFileSync(siteYaml);
		appendFileSync(siteYaml, '\n# a comment changes the bytes\n');
		let plan = await planClients(contextOf(root), content, 'reuse');
		expect(plan.siteWide?.reused).toBeUndefined();
		expect(plan.rendered.map(({ why }) => why)).toEqual(['changed', 'changed', 'changed', 'changed']);
		writeFileSync(siteYaml, original);

		await storeEverything();
		writeFileSync(path.join(root, 'src', 'page.ts'), 'export const page = 2;\n');
		plan = await planClients(contextOf(root), content, 'reuse');
		expect(plan.siteWide?.reused).toBeUndefined();
		expect(plan.rendered.length).toBe(4);
	});

	it('refuses a tampered site-wide entry as it is copied (the build then starts Astro)', async () => {
		await storeEverything();
		const page = path.join(root, 'client-cache', readdirSync(path.join(root, 'client-cache'))[0]!, SITE_WIDE_ENTRY, 'output', 'index.html');
		writeFileSync(page, '<p>index.html</p><script>steal()</script>');
		const plan = await planClients(contextOf(root), content, 'reuse');
		expect(plan.rendered).toEqual([]);
		const restored = restoreFolder();
		expect(restoreAll(plan, restored).refused).toEqual([
			{ client: SITE_WIDE_ENTRY, why: 'index.html in it is not the file it was built with' },
		]);
		expect(await listFiles(restored)).not.toContain('index.html');
	});
});
