/**
 * Search latency in headless Chromium: the first query after unlocking (loading and decrypting
 * the index included) and later queries, on the demo and on a large synthetic client, each
 * beside the same content built without encryption. Prints figures; asserts nothing.
 * Run: npm run bench:search   (PAGES=N sets the synthetic client's size, default about 600 pages)
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, requireBrowser } from '../../src/bootstrap/find-browser.mjs';
import { buildSite } from '../support/build-site';
import { serve } from '../support/static-server.mjs';
import { DEMO_CONTENT, linkFragment } from '../e2e/unlock';
import { generateContent } from './generate-content';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function makePublic(content: string, clients: string[]): string {
	const copy = mkdtempSync(path.join(tmpdir(), 'glasshouse-public-'));
	cpSync(content, copy, { recursive: true });
	for (const client of clients) {
		const file = path.join(copy, client, 'client.yaml');
		writeFileSync(file, `${readFileSync(file, 'utf8')}\npublic: true\n`);
	}
	return copy;
}

async function measure(browser: Browser, origin: string, client: string, fragment: string | undefined, queries: string[]) {
	const first: number[] = [];
	const later: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		if (fragment) {
			await page.goto(`${origin}/${client}/${fragment}`);
			await page.locator('#main').waitFor();
		}
		await page.goto(`${origin}/${client}/search/#q=${encodeURIComponent(queries[0]!)}`);
		await page.waitForFunction(() => performance.getEntriesByName('glasshouse:first-query').length > 0);
		first.push((await page.evaluate(`performance.getEntriesByName('glasshouse:first-query')[0].duration`)) as number);
		for (const query of queries.slice(1)) {
			const before = (await page.evaluate(`performance.getEntriesByName('glasshouse:query').length`)) as number;
			await page.getByRole('searchbox').fill(query);
			await page.waitForFunction((count) => performance.getEntriesByName('glasshouse:query').length > count, before);
			later.push((await page.evaluate(`performance.getEntriesByName('glasshouse:query').at(-1).duration`)) as number);
		}
		await context.close();
	}
	return { first: median(first), later: median(later) };
}

const synthetic = mkdtempSync(path.join(tmpdir(), 'glasshouse-synthetic-'));
const weeks = Math.round(Number(process.env.PAGES ?? 600) / 1.34);
generateContent({ clients: 1, weeks, out: synthetic });
const builds = {
	demo: await buildSite('bench-search-demo', DEMO_CONTENT),
	demoPublic: await buildSite('bench-search-demo-public', makePublic(DEMO_CONTENT, ['tidewater-logistics', 'jinghong-precision'])),
	large: await buildSite('bench-search-large', synthetic),
	largePublic: await buildSite('bench-search-large-public', makePublic(synthetic, ['client-01'])),
};
for (const [name, run] of Object.entries(builds)) if (run.status !== 0) throw new Error(`${name}: ${run.stderr}`);
const pages = /search index: (\d+) page/.exec(builds.large.stdout)?.[1];

const servers = await Promise.all(Object.values(builds).map((run, index) => serve(run.outDir, 4801 + index, '/')));
const found = requireBrowser();
const browser = await chromium.launch({ executablePath: found.source === 'playwright' ? undefined : found.path, args: CHROMIUM_ARGS });
const queries = ['carrier', 'tracking portal', 'redirect', 'accessibility audit', 'Netlify'];
const largeQueries = ['migration', 'carrier tracking', 'invoice', 'warehouse audit', 'payment'];
const rows = [
	['demo (Tidewater), encrypted', await measure(browser, 'http://127.0.0.1:4801', 'tidewater-logistics', await linkFragment('tidewater-logistics', 'aoife-brennan'), queries)],
	['demo (Tidewater), unencrypted Pagefind', await measure(browser, 'http://127.0.0.1:4802', 'tidewater-logistics', undefined, queries)],
	[`synthetic client (${pages} pages), encrypted`, await measure(browser, 'http://127.0.0.1:4803', 'client-01', await linkFragment('client-01', 'sponsor', synthetic), largeQueries)],
	[`synthetic client (${pages} pages), unencrypted Pagefind`, await measure(browser, 'http://127.0.0.1:4804', 'client-01', undefined, largeQueries)],
] as const;
await browser.close();
servers.forEach((server) => server.close());

process.stdout.write(`\nSearch latency, headless Chromium, median of ${RUNS} runs\n`);
process.stdout.write(`${'site'.padEnd(52)}${'first query'.padStart(14)}${'later queries'.padStart(16)}\n`);
for (const [label, result] of rows) process.stdout.write(`${label.padEnd(52)}${`${result.first.toFixed(0)} ms`.padStart(14)}${`${result.later.toFixed(0)} ms`.padStart(16)}\n`);
