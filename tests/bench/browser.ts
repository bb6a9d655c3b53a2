/**
 * What a client's browser pays for the gate and for encrypted search:
 *   npm run bench:browser [-- --clients N --weeks W --runs R]
 *   npm run bench:browser [-- --content DIR --client SLUG --zh-client SLUG --runs R]
 * generates a synthetic agency (default 3 clients × 104 weeks, the third one Chinese), or takes an
 * existing content folder with --content (the demo's `content/`, say; its files are only read),
 * builds it twice with the real CLI, encrypted and with every client public, serves both from localhost
 * and measures in headless Chromium, each run in a fresh browser context (empty cache and key
 * store), the median of R runs (default 7):
 *   - navigation → readable page when unlocking by personal link, by password (lock screen ready,
 *     then submit → readable), for the next page once unlocked, and for the same pages unencrypted,
 *     as they are and on a simulated phone (Lighthouse's mobile network and CPU throttling);
 *   - the bytes of HTML, JavaScript and CSS a locked page loads before it is unlocked;
 *   - navigation → first search results after unlocking and each later query, beside unencrypted
 *     Pagefind on the same content;
 *   - a 100 MB document attachment: the build's cost to seal it, and click → saved through the
 *     decrypt and download workers and through the download worker alone, with the browser's peak
 *     memory (tests/bench/attachments.ts).
 * Pages and search are timed on --client (default client-01) and search also on --zh-client
 * (default client-03 when three or more clients are generated); with --content, name private
 * clients of that folder (their keys come from the test secret, as for the generated ones).
 * "Readable" is when the page's #main exists and every stylesheet it links has loaded (an
 * observer injected before any page script records it). Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, requireBrowser } from '@/bootstrap/find-browser.mjs';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { ROOT } from '../support/build-site';
import { serve } from '../support/static-server.mjs';
import { credentials, waitUntilRemembered } from '../e2e/unlock';
import { generateContent } from './generate-content';
import { benchAttachments } from './attachments';
import { cliBuild, publicCopy } from './support/cli-build';
import { freshPage, mark, type Profile } from './support/browser-page';
import { formatBytes, formatMilliseconds, markdownTable, median } from './support/format';

const { values } = parseArgs({
	options: {
		clients: { type: 'string', default: '3' },
		weeks: { type: 'string', default: '104' },
		runs: { type: 'string', default: '7' },
		content: { type: 'string' },
		client: { type: 'string', default: 'client-01' },
		'zh-client': { type: 'string' },
		keep: { type: 'boolean', default: false },
	},
});
const RUNS = Number(values.runs);
const progress = (message: string) => process.stderr.write(`${message}\n`);

const QUERIES = {
	en: ['migration', 'carrier API', 'invoice', 'warehouse feed', 'payment provider'],
	zh: ['主数据', '批次管理', '接口联调', '成本核算', '仓库布局'],
};

const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-bench-browser-'));
const content = values.content ? path.resolve(values.content) : path.join(work, 'content');
if (values.content) progress(`Building ${content} encrypted and public…`);
else {
	const generated = generateContent({ clients: Number(values.clients), weeks: Number(values.weeks), out: content });
	progress(
		`Generated ${values.clients} clients × ${values.weeks} weeks (${generated.updates} updates, ${generated.decisions} decisions); building it encrypted and public…`,
	);
}
const sample = values.content ? `content of ${content}` : `${values.clients} clients × ${values.weeks} weeks`;
const encryptedOut = path.join(work, 'dist');
const publicOut = path.join(work, 'dist-public');
// Caches in the work folder, so nothing of the benchmark stays in node_modules/.cache.
const env = { GLASSHOUSE_DIAGRAM_CACHE: path.join(work, 'diagram-cache'), GLASSHOUSE_CHECK_CACHE: path.join(work, 'check-cache') };
await cliBuild(content, encryptedOut, { env });
await cliBuild(publicCopy(content, path.join(work, 'content-public')), publicOut, { env });

// Gzipped like a real host serves them, so the bytes a throttled phone waits for are realistic.
const servers: Server[] = [await serve(encryptedOut, 0, '/', { gzip: true }), await serve(publicOut, 0, '/', { gzip: true })];
const [encrypted, unencrypted] = servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`) as [string, string];
const found = requireBrowser();
const browser = await chromium.launch({ executablePath: found.source === 'playwright' ? undefined : found.path, args: CHROMIUM_ARGS });

const EN_CLIENT = values.client;
const ZH_CLIENT = values['zh-client'] ?? (!values.content && Number(values.clients) >= 3 ? 'client-03' : undefined);
const password = (await credentials(EN_CLIENT, content)).find((credential) => credential.password !== undefined)!.password!;
/** The `#<entry>.<token>` fragment of a client's first personal link. */
async function fragment(client: string): Promise<string> {
	const link = (await credentials(client, content)).find((credential) => credential.token !== undefined)!;
	return `#${link.entry.id}.${link.token}`;
}
const enLink = await fragment(EN_CLIENT);

/** Navigation → readable, for one URL in a fresh context. */
async function readable(url: string, profile: Profile): Promise<number> {
	const page = await freshPage(browser, profile);
	await page.goto(url);
	const time = await mark(page, 'bench:readable');
	await page.context().close();
	return time;
}

const samples: Record<string, number[]> = {};
const record = (name: string, value: number) => (samples[name] ??= []).push(value);

for (const profile of ['desktop', 'phone'] as const) {
	progress(`Gate, ${profile}: ${RUNS} runs…`);
	for (let run = 0; run < RUNS; run++) {
		record(`${profile} plain overview`, await readable(`${unencrypted}/${EN_CLIENT}/`, profile));
		record(`${profile} plain next`, await readable(`${unencrypted}/${EN_CLIENT}/decisions/`, profile));

		const byLink = await freshPage(browser, profile);
		await byLink.goto(`${encrypted}/${EN_CLIENT}/${enLink}`);
		record(`${profile} link`, await mark(byLink, 'bench:readable'));
		// The next page opens with the key this device now remembers, once it does: the gate stores
		// it after the first paint, and a typed address (unlike a clicked link) is not held for it.
		await waitUntilRemembered(byLink, EN_CLIENT);
		await byLink.goto(`${encrypted}/${EN_CLIENT}/decisions/`);
		record(`${profile} next`, await mark(byLink, 'bench:readable'));
		await byLink.context().close();

		const byPassword = await freshPage(browser, profile);
		await byPassword.goto(`${encrypted}/${EN_CLIENT}/`);
		record(`${profile} lock ready`, await mark(byPassword, 'bench:lock-ready'));
		await byPassword.locator('#gh-password').fill(password);
		await byPassword.locator('[data-gh-form] button[type="submit"]').click();
		record(`${profile} password`, (await mark(byPassword, 'bench:readable')) - (await mark(byPassword, 'glasshouse:password-submitted')));
		await byPassword.context().close();
	}
}

/** What a page loads before anything is unlocked, by kind, uncompressed and gzipped. */
async function pageWeight(url: string): Promise<Record<'html' | 'js' | 'css', { raw: number; gzip: number }>> {
	const page = await freshPage(browser);
	const weight = { html: { raw: 0, gzip: 0 }, js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		const kind = ({ document: 'html', script: 'js', stylesheet: 'css' } as const)[
			response.request().resourceType() as 'document' | 'script' | 'stylesheet'
		];
		if (!kind) return;
		pending.push(
			response.body().then((body) => {
				weight[kind].raw += body.length;
				weight[kind].gzip += gzipSync(body).length;
			}),
		);
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	await page.context().close();
	return weight;
}

progress('Page weight…');
const lockedWeight = await pageWeight(`${encrypted}/${EN_CLIENT}/`);
const plainWeight = await pageWeight(`${unencrypted}/${EN_CLIENT}/`);

/** Navigation → first results, then each later query → results, on one client's search page. */
async function searchTimes(origin: string, client: string, queries: string[], unlock?: string): Promise<{ first: number; later: number }> {
	const first: number[] = [];
	const later: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const page = await freshPage(browser);
		if (unlock) {
			await page.goto(`${origin}/${client}/${unlock}`);
			await mark(page, 'bench:readable');
			await waitUntilRemembered(page, client);
		}
		await page.goto(`${origin}/${client}/search/#q=${encodeURIComponent(queries[0]!)}`);
		await page.waitForFunction(`performance.getEntriesByName('glasshouse:first-query').length > 0`);
		first.push(
			(await page.evaluate(
				`(() => { const m = performance.getEntriesByName('glasshouse:first-query')[0]; return m.startTime + m.duration; })()`,
			)) as number,
		);
		for (const query of queries.slice(1)) {
			const before = (await page.evaluate(`performance.getEntriesByName('glasshouse:query').length`)) as number;
			await page.getByRole('searchbox').fill(query);
			await page.waitForFunction(`performance.getEntriesByName('glasshouse:query').length > ${before}`);
			later.push((await page.evaluate(`performance.getEntriesByName('glasshouse:query').at(-1).duration`)) as number);
		}
		await page.context().close();
	}
	return { first: median(first), later: median(later) };
}

progress(`Search: ${RUNS} runs per site…`);
const searchRows: string[][] = [];
for (const [client, queries] of [[EN_CLIENT, QUERIES.en], ...(ZH_CLIENT ? [[ZH_CLIENT, QUERIES.zh]] : [])] as Array<[string, string[]]>) {
	const locked = await searchTimes(encrypted, client, queries, await fragment(client));
	const open = await searchTimes(unencrypted, client, queries);
	const label = client === EN_CLIENT ? `${client} (English)` : `${client} (Chinese)`;
	searchRows.push([`${label}: navigation → first results`, formatMilliseconds(locked.first), formatMilliseconds(open.first)]);
	searchRows.push([`${label}: later query → results`, formatMilliseconds(locked.later), formatMilliseconds(open.later)]);
}

progress('Attachments: sealing and downloading 100 MB…');
const attachmentRows = await benchAttachments(browser, 100);

await browser.close();
servers.forEach((server) => server.close());
if (!values.keep) {
	rmSync(work, { recursive: true, force: true });
	// A folder given with --content keeps its cache, as any other build of it does.
	for (const folder of [...(values.content ? [] : [content]), path.join(work, 'content-public')])
		rmSync(astroCacheDir(ROOT, folder), { recursive: true, force: true });
} else progress(`Kept ${work}`);

const ms = (name: string) => formatMilliseconds(median(samples[name] ?? []));
// The gzipped size also in bytes: the shell's target (10 kB) is within rounding of it.
const bytes = (weight: { raw: number; gzip: number }) =>
	`${formatBytes(weight.raw)} (${formatBytes(weight.gzip)}, ${weight.gzip.toLocaleString('en')} B gzipped)`;
const gateRows = (profile: Profile, label: string) => [
	[`${label}overview, personal link: navigation → readable`, ms(`${profile} link`), ms(`${profile} plain overview`)],
	[`${label}overview, password: navigation → lock screen ready`, ms(`${profile} lock ready`), '–'],
	[`${label}overview, password: submit → readable (PBKDF2, 600,000 iterations)`, ms(`${profile} password`), '–'],
	[`${label}next page once unlocked (decisions): navigation → readable`, ms(`${profile} next`), ms(`${profile} plain next`)],
];
process.stdout.write(
	`\nWhat a visitor's browser pays: headless Chromium, site served gzipped from localhost, ${sample} (pages of ${EN_CLIENT}), median of ${RUNS} run(s), fresh browser context each; "phone" adds Lighthouse's mobile throttling (150 ms RTT, 1.6 Mbit/s down, 4× CPU slowdown)\n\n`,
);
process.stdout.write(
	`${markdownTable(
		['', 'encrypted', 'unencrypted'],
		[
			...gateRows('desktop', ''),
			...gateRows('phone', 'phone: '),
			['overview before unlock: HTML (shell with ciphertext)', bytes(lockedWeight.html), bytes(plainWeight.html)],
			['overview before unlock: JavaScript', bytes(lockedWeight.js), bytes(plainWeight.js)],
			['overview before unlock: CSS', bytes(lockedWeight.css), bytes(plainWeight.css)],
			...searchRows,
		],
	)}\n`,
);
process.stdout.write(
	`\nDocument attachments (tests/bench/attachments.ts): 100 MB of random bytes sealed by the build's sealAttachments, then downloaded after unlock through the download worker in the same Chromium\n\n${markdownTable(['', 'time', 'rate'], attachmentRows)}\n`,
);
