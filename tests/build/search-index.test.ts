import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_MAGIC, fileAad, openFile, type EnvelopeError } from '@/runtime/crypto/envelope';
import { indexManifestName, PUBLIC_INDEX_FILE } from '@/runtime/search/sealed-index';
import { paddedFileCount } from '@/encrypt/seal-search-index';
import { listFiles } from '@/lib/list-files';
import { ROOT } from '../support/build-site';
import { demoOutput } from '../support/demo-build';
import { contentKeyOf, openSearchIndex, readShell } from '../support/open-page';

let dist = '';
const CONTENT = path.join(ROOT, 'content');
const CLIENTS = ['tidewater-logistics', 'jinghong-precision'] as const;

describe('the search index of each private client', () => {
	beforeAll(() => {
		dist = demoOutput();
	});

	/** Names below the client's `pagefind/` folder. */
	const indexFiles = async (client: string) =>
		(await listFiles(path.join(dist, client)))
			.map((file) => file.split(path.sep).join('/'))
			.filter((file) => file.startsWith('pagefind/'))
			.map((file) => file.slice('pagefind/'.length));
	const buildOf = (client: string) => readShell(readFileSync(path.join(dist, client, 'index.html'), 'utf8')).config.build;

	it("lives flat in the client's own folder: Pagefind's runtime under its own name, everything else under names that say nothing", async () => {
		for (const client of CLIENTS) {
			const files = await indexFiles(client);
			expect(files).toContain('pagefind.js');
			expect(files.some((file) => /^wasm\.[a-z-]+\.pagefind$/.test(file))).toBe(true);
			expect(files).toContain(indexManifestName(buildOf(client).id));
			const others = files.filter((file) => !PUBLIC_INDEX_FILE.test(file) && file !== indexManifestName(buildOf(client).id));
			expect(others.filter((file) => !/^[0-9a-f]{32}$/.test(file))).toEqual([]);
			expect(files.filter((file) => file.includes('/'))).toEqual([]);
		}
		expect(existsSync(path.join(dist, 'pagefind'))).toBe(false);
	});

	it("is sealed: no file parses as Pagefind data; the manifest's files open with their own client's key only, under their published name; the rest are decoys", async () => {
		for (const client of CLIENTS) {
			const other = CLIENTS.find((candidate) => candidate !== client)!;
			const [key, foreignKey] = await Promise.all([contentKeyOf(dist, CONTENT, client), contentKeyOf(dist, CONTENT, other)]);
			const { build, files } = await openSearchIndex(dist, CONTENT, client);
			expect([...files.keys()]).toContain('pagefind-entry.json');
			expect([...files.keys()].some((name) => name.startsWith('filter/'))).toBe(true);
			const published = new Set([...files.values()].map((file) => file.published));
			const sealed = (await indexFiles(client)).filter((file) => !PUBLIC_INDEX_FILE.test(file));
			expect(sealed.length).toBe(paddedFileCount(files.size + 1));
			let decoys = 0;
			for (const file of sealed) {
				const bytes = readFileSync(path.join(dist, client, 'pagefind', file));
				expect(bytes.subarray(0, 4).toString('latin1'), file).toBe(FILE_MAGIC);
				expect(() => gunzipSync(bytes), file).toThrow();
				expect(() => JSON.parse(bytes.toString('utf8')), file).toThrow();
				const aad = fileAad(client, build.id, `pagefind/${file}`);
				const opened = await openFile(key, bytes, aad).then(
					() => 'opened',
					(error: EnvelopeError) => error.reason,
				);
				if (published.has(file) || file === indexManifestName(build.id)) expect(opened, file).toBe('opened');
				else {
					expect(opened, file).toBe('authentication');
					decoys++;
				}
				expect(
					await openFile(foreignKey, bytes, aad).then(
						() => 'opened',
						(error: EnvelopeError) => error.reason,
					),
					file,
				).toBe('authentication');
			}
			expect(decoys).toBe(sealed.length - files.size - 1);
		}
	});

	it('indexes the Chinese client as Chinese and the English one as English', async () => {
		const entry = async (client: string) =>
			JSON.parse(new TextDecoder().decode((await openSearchIndex(dist, CONTENT, client)).files.get('pagefind-entry.json')!.plain)) as {
				languages: Record<string, unknown>;
			};
		expect(Object.keys((await entry('jinghong-precision')).languages)).toEqual(['zh-cn']);
		expect(Object.keys((await entry('tidewater-logistics')).languages)).toEqual(['en']);
	});
});
