import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileAad, openFile, type EnvelopeError } from '../../src/runtime/crypto/envelope';
import { listFiles } from '../../src/integrations/glasshouse/find-broken-links';
import { buildSite, ROOT } from '../support/build-site';
import { contentKeyOf } from '../support/open-page';

const dist = path.join(ROOT, 'tests/.output/demo-root');
const CONTENT = path.join(ROOT, 'content');
const CLIENTS = ['tidewater-logistics', 'jinghong-precision'] as const;
const PUBLIC_RUNTIME = /^pagefind\/(pagefind\.js|wasm\.[a-z-]+\.pagefind)$/;

describe('the search index of each private client', () => {
	beforeAll(async () => {
		if (!existsSync(dist)) expect((await buildSite('demo-root', 'content')).status).toBe(0);
	});

	const indexFiles = async (client: string) =>
		(await listFiles(path.join(dist, client))).map((file) => file.split(path.sep).join('/')).filter((file) => file.startsWith('pagefind/'));

	it('lives in the client\'s own folder, without Pagefind\'s unused interfaces', async () => {
		for (const client of CLIENTS) {
			const files = await indexFiles(client);
			expect(files).toContain('pagefind/pagefind.js');
			expect(files).toContain('pagefind/pagefind-entry.json');
			expect(files.some((file) => file.endsWith('.pf_meta'))).toBe(true);
			expect(files.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
			expect(files.some((file) => file.startsWith('pagefind/index/'))).toBe(true);
			expect(files.filter((file) => /pagefind-(ui|modular-ui|component-ui|highlight)/.test(file))).toEqual([]);
		}
		expect(existsSync(path.join(dist, 'pagefind'))).toBe(false);
	});

	it('is sealed: no data file parses as Pagefind data, and each opens with its own client\'s key only', async () => {
		const keys = Object.fromEntries(await Promise.all(CLIENTS.map(async (client) => [client, await contentKeyOf(dist, CONTENT, client)] as const)));
		for (const client of CLIENTS) {
			const other = CLIENTS.find((candidate) => candidate !== client)!;
			const sealed = (await indexFiles(client)).filter((file) => !PUBLIC_RUNTIME.test(file));
			expect(sealed.length).toBeGreaterThan(10);
			for (const file of sealed) {
				const bytes = readFileSync(path.join(dist, client, file));
				expect(bytes.subarray(0, 4).toString('latin1'), file).toBe('GHE1');
				expect(() => gunzipSync(bytes), file).toThrow();
				expect(() => JSON.parse(bytes.toString('utf8')), file).toThrow();
				const plain = await openFile(keys[client]!, bytes, fileAad(client, file));
				expect(plain.length, file).toBeGreaterThan(0);
				const foreign = await openFile(keys[other]!, bytes, fileAad(client, file)).then(() => 'opened', (error: EnvelopeError) => error.reason);
				expect(foreign, file).toBe('authentication');
			}
		}
	});

	it('indexes the Chinese client as Chinese and the English one as English', async () => {
		const entry = async (client: string) => {
			const file = 'pagefind/pagefind-entry.json';
			const plain = await openFile(await contentKeyOf(dist, CONTENT, client), readFileSync(path.join(dist, client, file)), fileAad(client, file));
			return JSON.parse(new TextDecoder().decode(plain)) as { languages: Record<string, unknown> };
		};
		expect(Object.keys((await entry('jinghong-precision')).languages)).toEqual(['zh-cn']);
		expect(Object.keys((await entry('tidewater-logistics')).languages)).toEqual(['en']);
	});
});
