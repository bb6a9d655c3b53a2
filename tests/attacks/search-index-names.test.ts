import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '@/runtime/crypto/bytes';
import { paddedLength } from '@/runtime/crypto/padding';
import { PUBLIC_INDEX_FILE } from '@/runtime/search/sealed-index';
import { listFiles } from '@/lib/list-files';
import { buildSite, ROOT } from '../support/build-site';
import { demoOutput } from '../support/demo-build';
import { openSearchIndex, readShell } from '../support/open-page';

/**
 * The attack: Pagefind names every file after a SHA-1 of its unencrypted bytes, and a filter file
 * holds a few low-entropy values (statuses, years, tags). An outsider with only the published
 * files brute-forced a filter file's 7-hex name offline and recovered a client's real statuses;
 * names were also identical across builds of unchanged content, so anyone could see what changed.
 * Here an attacker has two builds of the same content and tries every way a name, size or count
 * could still be a function of the plaintext.
 */
const CONTENT = path.join(ROOT, 'content');
const CLIENTS = ['tidewater-logistics', 'jinghong-precision', 'lanshan-tea', 'harbour-museum'];
/** The run's build of the demo, and a second build of it made here. */
let first: string;
let second: string;

const published = async (outDir: string, client: string) =>
	(await listFiles(path.join(outDir, client))).map((file) => file.split(path.sep).join('/'));
const sealedIndexNames = async (outDir: string, client: string) =>
	(await published(outDir, client))
		.filter((file) => file.startsWith('pagefind/') && !PUBLIC_INDEX_FILE.test(file.slice('pagefind/'.length)))
		.map((file) => file.slice('pagefind/'.length));

/** Every textual form of every prefix an attacker could compute from a plaintext file. */
function hashForms(bytes: Uint8Array): string[] {
	return ['sha1', 'sha256'].flatMap((algorithm) => {
		const digest = createHash(algorithm).update(bytes).digest();
		return [digest.toString('hex'), digest.toString('base64'), digest.toString('base64url')];
	});
}

describe('an outsider with every published file of two builds of the same content', () => {
	beforeAll(async () => {
		first = demoOutput();
		// A full build: an incremental one reuses the unchanged clients' sealed folders, names and
		// all (security.md, "Keys and stamps"); whether the run's cache still matches depends on
		// what other tests built meanwhile, and the attack is on two builds that sealed afresh.
		const again = await buildSite('demo-again', 'content', { flags: ['--full'] });
		expect(again.status, again.stderr).toBe(0);
		second = again.outDir;
	});

	it('finds no index file name the two builds share', async () => {
		for (const client of CLIENTS) {
			const before = new Set(await sealedIndexNames(first, client));
			const after = await sealedIndexNames(second, client);
			expect(before.size, client).toBeGreaterThan(10);
			expect(
				after.filter((name) => before.has(name)),
				client,
			).toEqual([]);
		}
	});

	it('finds no name that is, or contains, a prefix of a SHA-1 or SHA-256 (hex or base64) of any decrypted index file', async () => {
		for (const outDir of [first, second]) {
			for (const client of CLIENTS) {
				const { files } = await openSearchIndex(outDir, CONTENT, client);
				const hashes = [...files.values()].flatMap((file) => hashForms(file.plain));
				// Ten digits: a random 32-digit name shares that long a prefix with one of these few
				// hundred hashes by chance less than once in a billion runs, so the test is not flaky.
				const prefixes = new Set(hashes.map((hash) => hash.slice(0, 10)));
				for (const name of await sealedIndexNames(outDir, client)) {
					expect(
						hashes.some((hash) => hash.startsWith(name)),
						`${client}/pagefind/${name}`,
					).toBe(false);
					expect(prefixes.has(name.slice(0, 10)), `${client}/pagefind/${name}`).toBe(false);
				}
				// Pagefind's plaintext-derived names survive only inside the sealed manifest.
				const names = new Set((await published(outDir, client)).map((file) => path.posix.basename(file)));
				expect([...files.keys()].filter((pagefindName) => names.has(path.posix.basename(pagefindName)))).toEqual([]);
			}
		}
	});

	it('sees every filter file at the same size, whatever statuses, years and tags it holds', async () => {
		for (const client of CLIENTS) {
			const { files } = await openSearchIndex(first, CONTENT, client);
			const filters = [...files.entries()].filter(([name]) => name.startsWith('filter/'));
			expect(filters.length, client).toBeGreaterThan(1);
			const plainSizes = new Set(filters.map(([, file]) => file.plain.length));
			const sealedSizes = new Set(filters.map(([, file]) => statSync(path.join(first, client, 'pagefind', file.published)).size));
			expect(plainSizes.size, `${client}: the filter files differ in plaintext`).toBeGreaterThan(1);
			expect(sealedSizes.size, client).toBe(1);
		}
	});

	it('sees only bucketed sizes: every sealed file and every page ciphertext is a padded length', async () => {
		const buckets = (size: number) => paddedLength(size - 4) === size;
		for (const client of CLIENTS) {
			for (const name of await sealedIndexNames(first, client)) {
				const size = statSync(path.join(first, client, 'pagefind', name)).size - 4 - 12 - 16;
				expect(buckets(size), `${client}/pagefind/${name}: ${size}`).toBe(true);
			}
			const pages = (await published(first, client)).filter((file) => file.endsWith('.html'));
			for (const page of pages) {
				const { payload } = readShell(readFileSync(path.join(first, client, page), 'utf8'));
				const size = fromBase64((payload as { ct: string }).ct).length - 16;
				expect(buckets(size), `${client}/${page}: ${size}`).toBe(true);
			}
		}
	});

	it('learns nothing about the build from its id: two builds have different, random ids', async () => {
		const ids = [first, second].map(
			(outDir) => readShell(readFileSync(path.join(outDir, CLIENTS[0]!, 'index.html'), 'utf8')).config.build.id,
		);
		expect(ids[0]).not.toBe(ids[1]);
		for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
	});
});
