import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serve } from '../support/static-server.mjs';
import { buildSite } from '../support/build-site';
import { DEMO_CONTENT, linkFragment, password, waitUntilRemembered } from './unlock';

const TIDEWATER = 'tidewater-logistics';
const JINGHONG = 'jinghong-precision';

const lockForm = (page: Page) => page.locator('form[data-gh-form]');
const alert = (page: Page) => page.getByRole('alert');
const pageContent = (page: Page) => page.locator('main#main');

async function unlockWithPassword(page: Page, client: string, value: string, remember = true) {
	await page.goto(`${client}/`);
	await expect(lockForm(page)).toBeVisible();
	await page.getByLabel(/Password|密码/).fill(value);
	if (!remember) await page.getByLabel(/Remember this device|保持登录/).uncheck();
	await page.getByRole('button', { name: /Unlock|解锁/ }).click();
}

test.describe('the lock screen', () => {
	test('opens with the password, and never with a wrong one', async ({ page }) => {
		await unlockWithPassword(page, TIDEWATER, 'not-the-password-at-all');
		await expect(alert(page)).toHaveText('That password did not work. Check it and try again.');
		await expect(pageContent(page)).toHaveCount(0);
		await page.getByLabel('Password').fill(await password(TIDEWATER));
		await page.getByRole('button', { name: 'Unlock' }).click();
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await expect(page).toHaveTitle(/Project overview · Website and tracking portal replatforming/);
	});

	test("one client's password does not open another client's site", async ({ page }) => {
		await unlockWithPassword(page, JINGHONG, await password(TIDEWATER));
		await expect(alert(page)).toHaveText('密码不正确，请检查后重试。');
		await expect(pageContent(page)).toHaveCount(0);
	});

	test('says nothing about the client before unlocking', async ({ page }) => {
		await page.goto(`${TIDEWATER}/decisions/`);
		await expect(lockForm(page)).toBeVisible();
		await expect(page).toHaveTitle('Private project status · Brightline Studio');
		const text = await page.locator('body').innerText();
		for (const secret of ['Tidewater', 'Netlify', 'Hannah']) expect(text).not.toContain(secret);
	});

	test('without JavaScript, explains that JavaScript is needed', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${TIDEWATER}/`);
		await expect(page.getByText('JavaScript is needed to open this private page')).toBeVisible();
		await context.close();
	});
});

test.describe('personal links', () => {
	test('unlock, then disappear from the address bar', async ({ page }) => {
		const fragment = await linkFragment(TIDEWATER, 'aoife-brennan');
		await page.goto(`${TIDEWATER}/${fragment}`);
		await expect(page.getByTestId('health-panel')).toBeVisible();
		expect(page.url()).not.toContain('#');
		expect(await page.evaluate(() => location.href)).not.toContain(fragment.slice(1, 20));
	});

	test('leave in-page anchors alone: they stay in the address and the page opens at them', async ({ page }) => {
		await page.goto(`${TIDEWATER}/${await linkFragment(TIDEWATER, 'aoife-brennan')}`);
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await waitUntilRemembered(page, TIDEWATER);
		await page.goto(`${TIDEWATER}/faq/#q-staging-site`);
		await expect(page.locator('#q-staging-site')).toBeInViewport();
		expect(await page.evaluate(() => location.hash)).toBe('#q-staging-site');
		await expect(page.getByRole('alert')).toHaveCount(0);
	});

	test('are never accepted from the query string', async ({ page }) => {
		const fragment = await linkFragment(TIDEWATER, 'aoife-brennan');
		await page.goto(`${TIDEWATER}/?key=${fragment.slice(1)}`);
		await expect(lockForm(page)).toBeVisible();
		await expect(pageContent(page)).toHaveCount(0);
	});

	test('open every page of the client without asking again, also after a reload', async ({ page }) => {
		await page.goto(`${TIDEWATER}/${await linkFragment(TIDEWATER, 'declan-murphy')}`);
		await expect(page.getByTestId('health-panel')).toBeVisible();
		for (const [link, heading] of [
			['Updates', 'Status updates'],
			['Decisions', 'Decision log'],
			['Milestones', 'Milestones'],
			['FAQ', 'Frequently asked questions'],
			['Contacts', 'Contacts and ways of working'],
		] as const) {
			await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: link }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		}
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contacts and ways of working');
		await expect(lockForm(page)).toHaveCount(0);
	});

	test('of a revoked entry do not work', async ({ page }) => {
		// former-contractor is revoked in the demo; its link is derived as if it were still active.
		const content = mkdtempSync(path.join(tmpdir(), 'glasshouse-unrevoked-'));
		cpSync(DEMO_CONTENT, content, { recursive: true });
		const file = path.join(content, TIDEWATER, 'client.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('revoked: true', 'revoked: false'));
		await page.goto(`${TIDEWATER}/${await linkFragment(TIDEWATER, 'former-contractor', content)}`);
		await expect(alert(page)).toHaveText(/This link is no longer valid/);
		await expect(pageContent(page)).toHaveCount(0);
	});
});

test.describe('remembering and forgetting', () => {
	test("Lock forgets this device's key", async ({ page }) => {
		await page.goto(`${TIDEWATER}/${await linkFragment(TIDEWATER, 'aoife-brennan')}`);
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await page.getByRole('button', { name: 'Lock' }).click();
		await expect(lockForm(page)).toBeVisible();
		await page.goto(`${TIDEWATER}/updates/`);
		await expect(lockForm(page)).toBeVisible();
		await expect(pageContent(page)).toHaveCount(0);
	});

	test('on a shared computer, a new tab asks again', async ({ context }) => {
		const first = await context.newPage();
		await unlockWithPassword(first, TIDEWATER, await password(TIDEWATER), false);
		await expect(first.getByTestId('health-panel')).toBeVisible();
		await first.getByRole('link', { name: 'Decisions' }).first().click();
		await expect(first.getByRole('heading', { level: 1 })).toHaveText('Decision log');
		const second = await context.newPage();
		await second.goto(`${TIDEWATER}/`);
		await expect(lockForm(second)).toBeVisible();
	});

	test('stores a non-extractable key with an expiry, and never the password', async ({ page }) => {
		const secret = await password(TIDEWATER);
		await unlockWithPassword(page, TIDEWATER, secret);
		await expect(page.getByTestId('health-panel')).toBeVisible();
		// The key is remembered after the page's first paint (src/runtime/after-paint.ts), so the
		// page can show before the store holds it: wait for it, then read what was stored.
		await waitUntilRemembered(page, TIDEWATER);
		const stored = await page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((resolve) => {
				const request = indexedDB.open('glasshouse');
				request.onsuccess = () => resolve(request.result);
			});
			const all = await new Promise<Array<{ slotKey: CryptoKey; expires: number }>>((resolve) => {
				const request = db.transaction('slot-keys').objectStore('slot-keys').getAll();
				request.onsuccess = () => resolve(request.result);
			});
			return {
				count: all.length,
				extractable: all.map((entry) => entry.slotKey.extractable),
				days: all.map((entry) => Math.round((entry.expires - Date.now()) / 86_400_000)),
				storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
			};
		});
		expect(stored.count).toBe(1);
		expect(stored.extractable).toEqual([false]);
		expect(stored.days).toEqual([30]);
		expect(stored.storage).not.toContain(secret);
	});
});

test.describe('tampering', () => {
	test('a page whose ciphertext was altered is not shown', async ({ page }) => {
		await page.route(`**/${TIDEWATER}/updates/`, async (route) => {
			const response = await route.fetch();
			const html = (await response.text()).replace(
				/("ct":")(.)/,
				(_, prefix: string, first: string) => `${prefix}${first === 'A' ? 'B' : 'A'}`,
			);
			await route.fulfill({ response, body: html });
		});
		await page.goto(`${TIDEWATER}/${await linkFragment(TIDEWATER, 'aoife-brennan')}`);
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await waitUntilRemembered(page, TIDEWATER);
		await page.goto(`${TIDEWATER}/updates/`);
		await expect(alert(page)).toHaveText(/could not be verified/);
		await expect(pageContent(page)).toHaveCount(0);
	});

	test('a page moved to another path is not shown', async ({ page, request }) => {
		const faq = await (await request.get(`${TIDEWATER}/faq/`)).text();
		await page.route(`**/${TIDEWATER}/contacts/`, (route) => route.fulfill({ contentType: 'text/html', body: faq }));
		await page.goto(`${TIDEWATER}/${await linkFragment(TIDEWATER, 'aoife-brennan')}`);
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await waitUntilRemembered(page, TIDEWATER);
		await page.goto(`${TIDEWATER}/contacts/`);
		await expect(alert(page)).toHaveText(/could not be verified/);
		await expect(pageContent(page)).toHaveCount(0);
	});
});

test.describe('the lock screen looks like a product', () => {
	for (const client of [TIDEWATER, JINGHONG]) {
		for (const viewport of [
			{ name: 'phone', width: 390, height: 844 },
			{ name: 'desktop', width: 1280, height: 800 },
		]) {
			test(`${client} at ${viewport.name} width`, async ({ browser }) => {
				const context = await browser.newContext({ viewport, colorScheme: viewport.name === 'phone' ? 'dark' : 'light' });
				const page = await context.newPage();
				await page.goto(`${client}/`);
				await expect(lockForm(page)).toBeVisible();
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow).toBeLessThanOrEqual(0);
				// The field holds most of a six-word passphrase: on a phone it has the card's width and
				// "Show password" goes below it; on a desktop they share a line.
				const field = (await page.locator('#gh-password').boundingBox())!;
				const reveal = (await page.locator('.gh-reveal').boundingBox())!;
				const row = (await page.locator('.gh-field').boundingBox())!;
				if (viewport.name === 'phone') {
					expect(field.width).toBeCloseTo(row.width, 0);
					expect(reveal.y).toBeGreaterThanOrEqual(field.y + field.height);
				} else expect(reveal.y).toBeLessThan(field.y + field.height);
				await page.screenshot({ path: `tests/.output/screenshots/lock-${client}-${viewport.name}.png` });
				await context.close();
			});
		}
	}
});

test.describe('after a redeploy', () => {
	test.describe.configure({ mode: 'serial', timeout: 180_000 });
	const PORT = Number(process.env.GLASSHOUSE_E2E_PORT ?? 4510) + 10;
	const BASE = '/rebuilt/';
	const content = mkdtempSync(path.join(tmpdir(), 'glasshouse-redeploy-'));
	let server: Server;
	let aoife: string;
	let declan: string;

	test.beforeAll(async () => {
		// A full build of the demo (four clients) takes longer than the default hook timeout on a busy machine.
		test.setTimeout(180_000);
		cpSync(DEMO_CONTENT, content, { recursive: true });
		aoife = await linkFragment(TIDEWATER, 'aoife-brennan', content);
		declan = await linkFragment(TIDEWATER, 'declan-murphy', content);
		const first = await buildSite('e2e-redeploy', content, { base: BASE });
		expect(first.status, first.stderr).toBe(0);
		server = await serve(first.outDir, PORT, BASE);
	});
	test.afterAll(async () => {
		// Browsers keep connections alive; close them so the server stops at once.
		server?.closeAllConnections();
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	});

	test('a remembered device opens the new build without a prompt; a revoked link stops working; others keep working', async ({
		browser,
	}) => {
		const url = (fragment = '') => `http://127.0.0.1:${PORT}${BASE}${TIDEWATER}/${fragment}`;
		const aoifeDevice = await browser.newPage();
		await aoifeDevice.goto(url(aoife));
		await expect(aoifeDevice.getByTestId('health-panel')).toBeVisible();
		const declanDevice = await browser.newPage();
		await declanDevice.goto(url(declan));
		await expect(declanDevice.getByTestId('health-panel')).toBeVisible();

		// Revoke Declan's link and redeploy: a new build has a new content key.
		const file = path.join(content, TIDEWATER, 'client.yaml');
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace(/(label: Declan Murphy, Marketing Manager\n\s+type: link\n)/, '$1    revoked: true\n'),
		);
		const second = await buildSite('e2e-redeploy', content, { base: BASE });
		expect(second.status, second.stderr).toBe(0);

		await aoifeDevice.goto(url());
		await expect(aoifeDevice.getByTestId('health-panel')).toBeVisible();
		await declanDevice.goto(url());
		await expect(alert(declanDevice)).toHaveText(/Your access to this site has changed/);
		await expect(pageContent(declanDevice)).toHaveCount(0);

		const fresh = await browser.newPage();
		await fresh.goto(url(declan));
		await expect(alert(fresh)).toHaveText(/This link is no longer valid/);
		await fresh.goto(url(aoife));
		await expect(fresh.getByTestId('health-panel')).toBeVisible();
		await Promise.all([aoifeDevice, declanDevice, fresh].map((page) => page.close()));
	});
});
