/**
 * Prints what the gate costs a visitor, measured in headless Chromium on the built demo:
 * unlocking by password and by link, opening the next page once unlocked, and the same page
 * built without encryption. Prints figures; asserts nothing. Run: npm run bench:gate
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, requireBrowser } from '../../src/bootstrap/find-browser.mjs';
import { buildSite } from '../support/build-site';
import { serve } from '../support/static-server.mjs';
import { DEMO_CONTENT, linkFragment, password } from '../e2e/unlock';

const RUNS = Number(process.env.RUNS ?? 7);
const CLIENT = 'tidewater-logistics';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function build(name: string, content: string) {
	const started = performance.now();
	const run = await buildSite(name, content);
	if (run.status !== 0) throw new Error(run.stderr);
	const encryption = /encryption: (\d+) page\(s\).* in (\d+) ms/.exec(run.stdout);
	const leakScan = /leak scan: .*\((\d+) ms\)/.exec(run.stdout);
	return { outDir: run.outDir, seconds: (performance.now() - started) / 1000, encryptionMs: encryption ? Number(encryption[2]) : 0, pages: encryption ? Number(encryption[1]) : 0, leakScanMs: leakScan ? Number(leakScan[1]) : 0 };
}

async function measure(browser: Browser, url: string, action?: (page: import('playwright').Page) => Promise<void>): Promise<number> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(url);
	if (action) await action(page);
	await page.locator('#main').waitFor();
	// A string, not a function: tsx would wrap a function with helpers the page does not have.
	const shown = (await page.evaluate(`({
		shown: performance.getEntriesByName('glasshouse:page-shown')[0]?.startTime,
		submitted: performance.getEntriesByName('glasshouse:password-submitted')[0]?.startTime,
		loaded: performance.getEntriesByType('navigation')[0]?.duration,
	})`)) as { shown?: number; submitted?: number; loaded?: number };
	await context.close();
	if (shown.shown === undefined) return shown.loaded ?? Number.NaN;
	return shown.submitted !== undefined ? shown.shown - shown.submitted : shown.shown;
}

const gated = await build('bench-gated', 'content');
const plainContent = mkdtempSync(path.join(tmpdir(), 'glasshouse-plain-'));
cpSync(DEMO_CONTENT, plainContent, { recursive: true });
for (const client of ['tidewater-logistics', 'jinghong-precision']) {
	const file = path.join(plainContent, client, 'client.yaml');
	writeFileSync(file, `${readFileSync(file, 'utf8')}\npublic: true\n`);
}
const plain = await build('bench-plain', plainContent);

const servers = [await serve(gated.outDir, 4701, '/'), await serve(plain.outDir, 4702, '/')];
const found = requireBrowser();
const browser = await chromium.launch({ executablePath: found.source === 'playwright' ? undefined : found.path, args: CHROMIUM_ARGS });
const secret = await password(CLIENT);
const fragment = await linkFragment(CLIENT, 'aoife-brennan');

const results: Record<string, number[]> = { password: [], link: [], nextPage: [], plain: [] };
for (let run = 0; run < RUNS; run++) {
	results.password!.push(await measure(browser, `http://127.0.0.1:4701/${CLIENT}/`, async (page) => {
		await page.locator('#gh-password').fill(secret);
		await page.getByRole('button', { name: 'Unlock' }).click();
	}));
	results.link!.push(await measure(browser, `http://127.0.0.1:4701/${CLIENT}/${fragment}`));
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`http://127.0.0.1:4701/${CLIENT}/${fragment}`);
	await page.locator('#main').waitFor();
	await page.goto(`http://127.0.0.1:4701/${CLIENT}/decisions/`);
	await page.locator('#main').waitFor();
	results.nextPage!.push((await page.evaluate(`performance.getEntriesByName('glasshouse:page-shown')[0].startTime`)) as number);
	await context.close();
	results.plain!.push(await measure(browser, `http://127.0.0.1:4702/${CLIENT}/decisions/`));
}
await browser.close();
servers.forEach((server) => server.close());

const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(58)}${value}\n`);
process.stdout.write(`\nGate timings, headless Chromium, median of ${RUNS} runs (ms from navigation, or from submit for passwords)\n`);
line('unlock by password (PBKDF2 600k, submit → page shown)', `${median(results.password!).toFixed(0)} ms`);
line('unlock by personal link (navigation → page shown)', `${median(results.link!).toFixed(0)} ms`);
line('next page once unlocked (navigation → page shown)', `${median(results.nextPage!).toFixed(0)} ms`);
line('same page unencrypted (navigation → load done)', `${median(results.plain!).toFixed(0)} ms`);
process.stdout.write('\nBuild of the demo\n');
line(`encryption step (${gated.pages} pages, 2 clients)`, `${gated.encryptionMs} ms`);
line('leak scan step', `${gated.leakScanMs} ms`);
line('whole build, encrypted', `${gated.seconds.toFixed(1)} s`);
line('whole build, both clients public (no encryption)', `${plain.seconds.toFixed(1)} s`);
