import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { serve } from '../support/static-server.mjs';
import { DEMO_CONTENT, linkFragment, waitUntilRemembered } from './unlock';

// Every attachment of every demo client, downloaded after unlock as a visitor would: the page's
// decrypt worker fetches the sealed file and opens it chunk by chunk, and the download worker
// streams the original bytes to the browser under the original name. Served with the build's own _headers, so the
// Content-Security-Policy is in force (the worker is a script of the site, like the gate).
const SITE = path.resolve(import.meta.dirname, '../.output/e2e');
const BASE = '/glasshouse/';
const CLIENTS = [
	{ client: 'harbour-museum', entry: 'margaret-doyle', heading: 'Documents and training' },
	{ client: 'tidewater-logistics', entry: 'aoife-brennan', heading: 'Documents and training' },
	{ client: 'jinghong-precision', entry: 'shen-guohua', heading: '文档与培训' },
	{ client: 'lanshan-tea', entry: 'fang-zhiyuan', heading: '文档与培训' },
];

let server: Server;
let origin: string;

test.beforeAll(async () => {
	server = await serve(SITE, 0, BASE, { headers: true });
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function unlock(page: Page, client: string, entry: string): Promise<void> {
	const first = await page.goto(`${origin}${BASE}${client}/${await linkFragment(client, entry)}`);
	expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
	await waitUntilRemembered(page, client);
}

for (const { client, entry, heading } of CLIENTS) {
	test(`${client}: each attachment downloads with its name, type and the source's exact bytes`, async ({ page }) => {
		const violations: string[] = [];
		page.on('console', (message) => {
			if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
		});
		const workers: Worker[] = [];
		page.on('worker', (worker) => workers.push(worker));
		await unlock(page, client, entry);
		await page
			.getByRole('navigation')
			.getByRole('link', { name: heading === '文档与培训' ? '文档' : 'Documents' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		const buttons = page.locator('[data-gh-attachment]');
		const count = await buttons.count();
		expect(count).toBeGreaterThanOrEqual(3);
		const names: string[] = [];
		const sealedPaths: string[] = [];
		for (let index = 0; index < count; index++) {
			const button = buttons.nth(index);
			const name = (await button.getAttribute('data-gh-name'))!;
			names.push(name);
			sealedPaths.push(`${BASE}${client}/files/${await button.getAttribute('data-gh-attachment')}`);
			const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
			expect(download.suggestedFilename()).toBe(name);
			const saved = await readFile((await download.path())!);
			const source = await readFile(path.join(DEMO_CONTENT, client, 'documents', name));
			expect(saved.length).toBe(source.length);
			expect(saved.equals(source)).toBe(true);
		}
		// At least one PDF and one image, as the demo promises.
		expect(names.some((name) => name.endsWith('.pdf'))).toBe(true);
		expect(names.some((name) => name.endsWith('.png'))).toBe(true);
		// The streamed path, not the in-memory fallback: the download worker controls its scope.
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
		// Each sealed file fetched by the decrypt worker (a script of the site, allowed by the policy),
		// not by the download worker.
		const decryptor = workers.find((worker) => /\/_glasshouse\/decrypt-worker\.[0-9a-f]+\.js$/.test(worker.url()));
		expect(decryptor).toBeDefined();
		const fetched = await decryptor!.evaluate(() => performance.getEntriesByType('resource').map((found) => new URL(found.name).pathname));
		for (const sealed of sealedPaths) expect(fetched).toContain(sealed);
		expect(violations).toEqual([]);
	});
}

test('a sealed attachment altered on the server fails its streamed download (decrypt worker), and the page says so', async ({ page }) => {
	await unlock(page, 'harbour-museum', 'margaret-doyle');
	await page.goto(`${origin}${BASE}harbour-museum/documents/`);
	await page.locator('#main').waitFor();
	const button = page.locator('[data-gh-attachment]').first();
	const fileId = (await button.getAttribute('data-gh-attachment'))!;
	// The decrypt worker's fetch goes through the context's routes (the download worker's would not).
	let served = 0;
	await page.context().route(`**/harbour-museum/files/${fileId}`, async (route) => {
		const response = await route.fetch();
		const body = Buffer.from(await response.body());
		body[4 + 12 + 100]! ^= 1;
		served++;
		await route.fulfill({ response, body });
	});
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	expect(await download.failure()).not.toBeNull();
	await expect(button.locator('xpath=..').locator('[data-gh-download-status]')).toContainText('The download failed');
	expect(served).toBe(1);
});

test('without service workers, a sealed attachment altered on the server fails its in-memory download, and says so', async ({ page }) => {
	await unlock(page, 'harbour-museum', 'margaret-doyle');
	await page.goto(`${origin}${BASE}harbour-museum/documents/`);
	await page.locator('#main').waitFor();
	const button = page.locator('[data-gh-attachment]').first();
	const fileId = (await button.getAttribute('data-gh-attachment'))!;
	// Flip one byte inside the first chunk's ciphertext as it is served.
	await page.context().route(`**/harbour-museum/files/${fileId}`, async (route) => {
		const response = await route.fetch();
		const body = Buffer.from(await response.body());
		body[4 + 12 + 100]! ^= 1;
		await route.fulfill({ response, body });
	});
	// A browser without service workers: the page decrypts into a Blob (the in-memory fallback).
	await page.evaluate(async () => {
		for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
		Object.defineProperty(navigator, 'serviceWorker', { value: undefined });
	});
	let downloaded = false;
	page.on('download', () => (downloaded = true));
	await button.click();
	await expect(button.locator('xpath=..').locator('[data-gh-download-status]')).toContainText('The download failed');
	expect(downloaded).toBe(false);
});

test('the text inside a PDF is searchable, in English and in Chinese, and leads to its document', async ({ page }) => {
	const results = page.getByTestId('search-results').locator('li');
	await unlock(page, 'harbour-museum', 'margaret-doyle');
	// "Lantern walk" is written only inside editor-training-slides.pdf.
	await page.goto(`${origin}${BASE}harbour-museum/search/#q=lantern`);
	await expect(results.first()).toContainText('editor-training-slides.pdf');
	await results.first().getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Editor training, session 1');

	await unlock(page, 'jinghong-precision', 'shen-guohua');
	// Inside blueprint-design.pdf; pdf.js returns 门 of 部门 as a radical (⻔), which the build maps back.
	await page.goto(`${origin}${BASE}jinghong-precision/search/#q=${encodeURIComponent('部门负责人审批')}`);
	await expect(results.filter({ hasText: 'blueprint-design.pdf' })).toHaveCount(1);
});
