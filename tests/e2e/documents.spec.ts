import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serve } from '../support/static-server.mjs';
import { DEMO_CONTENT, linkFragment, waitUntilRemembered } from './unlock';

// Every attachment of every demo client, downloaded after unlock as a visitor would: the download
// worker streams the sealed file, opens it chunk by chunk and hands the browser the original
// bytes under the original name. Served with the build's own _headers, so the
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
		for (let index = 0; index < count; index++) {
			const button = buttons.nth(index);
			const name = (await button.getAttribute('data-gh-name'))!;
			names.push(name);
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
		expect(violations).toEqual([]);
	});
}

test('a sealed attachment whose bytes were altered on the server fails to download, and says so', async ({ page }) => {
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
	// The worker's fetch is not routed by the page: use the in-memory path for this one check.
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
