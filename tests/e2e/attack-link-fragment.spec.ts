/**
 * Attack (issue 12, item 5): a personal link's token left in the address bar. Whatever goes wrong
 * while a private page opens, and however the link was damaged, no part of the token may stay in
 * the address: a nearly complete token can be finished offline against the public slot ids.
 */
import { expect, test, type Page } from '@playwright/test';
import { linkFragment, unlockWithLink } from './unlock';

const TIDEWATER = 'tidewater-logistics';
const JINGHONG = 'jinghong-precision';

const lockForm = (page: Page) => page.locator('form[data-gh-form]');
const alert = (page: Page) => page.getByRole('alert');
const pageContent = (page: Page) => page.locator('main#main');

/** The address as the page itself sees it (what the address bar shows, and what a copy gives). */
const address = (page: Page) => page.evaluate(() => location.href);

/** Fails unless no 8 consecutive characters of the token remain anywhere in the address. */
async function expectNoTokenIn(page: Page, token: string) {
	const href = await address(page);
	expect(href).not.toContain('#');
	for (let start = 0; start + 8 <= token.length; start++) expect(href).not.toContain(token.slice(start, start + 8));
}

async function tokenOf(client: string, entry: string): Promise<{ fragment: string; token: string }> {
	const fragment = await linkFragment(client, entry);
	return { fragment, token: fragment.slice(fragment.indexOf('.') + 1) };
}

test.describe('a damaged personal link', () => {
	test('cut short, it leaves the address bar and the lock screen says the link is incomplete', async ({ page }) => {
		const { fragment, token } = await tokenOf(TIDEWATER, 'aoife-brennan');
		await page.goto(`${TIDEWATER}/${fragment.slice(0, -3)}`);
		await expect(alert(page)).toHaveText(
			'This link is incomplete. Copy the whole link from your message and open it again, or ask your project manager for a new one. You can also enter a password.',
		);
		await expect(lockForm(page)).toBeVisible();
		await expect(pageContent(page)).toHaveCount(0);
		await expectNoTokenIn(page, token);
	});

	test('too long, or cut right after the dot, it is treated the same; in Chinese on a Chinese site', async ({ page }) => {
		const { fragment, token } = await tokenOf(JINGHONG, 'shen-guohua');
		for (const damaged of [`${fragment}x`, `${fragment}.`, fragment.slice(0, fragment.indexOf('.') + 2)]) {
			await page.goto(`${JINGHONG}/updates/${damaged}`);
			await expect(alert(page)).toHaveText('此链接不完整。请从消息中复制完整链接后重新打开，或向项目经理索取新链接。您也可以输入密码。');
			await expect(pageContent(page)).toHaveCount(0);
			await expectNoTokenIn(page, token);
		}
	});

	test('on a device that remembers its key, the page opens and the damaged link is gone', async ({ page }) => {
		await unlockWithLink(page, TIDEWATER, 'declan-murphy');
		const { fragment, token } = await tokenOf(TIDEWATER, 'aoife-brennan');
		await page.goto(`${TIDEWATER}/updates/${fragment.slice(0, 40)}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Status updates');
		await expectNoTokenIn(page, token);
	});

	test('pasted into a tab already showing the site, it leaves the address bar too', async ({ page }) => {
		await unlockWithLink(page, TIDEWATER, 'declan-murphy');
		const { fragment, token } = await tokenOf(TIDEWATER, 'aoife-brennan');
		// The gate reloads on a link-shaped hash: wait for the new page, not the old one's panel
		// (checking the address while the reload is under way fails as a destroyed context).
		const reloaded = page.waitForEvent('load');
		await page.evaluate((hash) => (location.hash = hash), fragment.slice(0, -1));
		await reloaded;
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await expect.poll(() => address(page)).not.toContain('#');
		await expectNoTokenIn(page, token);
	});
});

test.describe('a whole personal link on a page that fails before unlocking', () => {
	test('in a browser that cannot open private pages', async ({ page }) => {
		const { fragment, token } = await tokenOf(TIDEWATER, 'aoife-brennan');
		await page.addInitScript(() => delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream);
		await page.goto(`${TIDEWATER}/${fragment}`);
		await expect(alert(page)).toHaveText(/This browser cannot open private pages/);
		await expectNoTokenIn(page, token);
	});

	test('whose keyring was tampered with', async ({ page }) => {
		const { fragment, token } = await tokenOf(TIDEWATER, 'aoife-brennan');
		await page.route(`**/${TIDEWATER}/`, async (route) => {
			const response = await route.fetch();
			await route.fulfill({ response, body: (await response.text()).replace('"keyring":{"v":1,', '"keyring":{"v":7,') });
		});
		await page.goto(`${TIDEWATER}/${fragment}`);
		await expect(alert(page)).toHaveText(/could not be verified/);
		await expectNoTokenIn(page, token);
	});

	test("served from another folder than its client's", async ({ page, request }) => {
		const { fragment, token } = await tokenOf(TIDEWATER, 'aoife-brennan');
		const shell = await (await request.get(`${TIDEWATER}/`)).text();
		await page.route('**/elsewhere/', (route) => route.fulfill({ contentType: 'text/html', body: shell }));
		await page.goto(`elsewhere/${fragment}`);
		await expect(alert(page)).toHaveText(/could not be verified/);
		await expectNoTokenIn(page, token);
	});

	test('whose unlock code fails unexpectedly', async ({ page }) => {
		const { fragment, token } = await tokenOf(TIDEWATER, 'aoife-brennan');
		await page.route(`**/${TIDEWATER}/`, async (route) => {
			const response = await route.fetch();
			await route.fulfill({
				response,
				body: (await response.text()).replace(
					'<script type="application/json" id="gh-config">{',
					'<script type="application/json" id="gh-config">{{',
				),
			});
		});
		await page.goto(`${TIDEWATER}/${fragment}`);
		await expect(alert(page)).toHaveText(/Something went wrong while opening this page/);
		await expectNoTokenIn(page, token);
	});

	test('that is not a client page at all: a mistyped address (404) or the site root', async ({ page }) => {
		const { fragment, token } = await tokenOf(TIDEWATER, 'aoife-brennan');
		for (const path of [`${TIDEWATER}-typo/`, '']) {
			await page.goto(`${path}${fragment}`);
			await expect(page.getByRole('main')).toBeVisible();
			await expect.poll(() => address(page)).not.toContain('#');
			await expectNoTokenIn(page, token);
		}
	});
});
