/**
 * Attack (issue 12, item 8): a malformed `%` sequence in the address. Decoding it threw after the
 * decrypted page was drawn, before its Lock button was shown, so a visitor could not lock the
 * page. Anything that fails in the unlock code must end in a clear message, never in a page left
 * half-drawn or a lock screen stuck on "Opening…".
 */
import { expect, test, type Page } from '@playwright/test';
import { unlockWithLink } from './unlock';

const TIDEWATER = 'tidewater-logistics';
const JINGHONG = 'jinghong-precision';

const lockForm = (page: Page) => page.locator('form[data-gh-form]');
const alert = (page: Page) => page.getByRole('alert');
const pageContent = (page: Page) => page.locator('main#main');
const lockButton = (page: Page) => page.getByRole('button', { name: 'Lock' });

test('a malformed % sequence in the fragment or query leaves the page whole, with its Lock button', async ({ page }) => {
	await unlockWithLink(page, TIDEWATER, 'aoife-brennan');
	for (const address of ['updates/#%zz', 'updates/#%E0%A4%A', 'decisions/?status=%zz#%', 'faq/?q=%E0%A4%A#q-%zz']) {
		await page.goto(`${TIDEWATER}/${address}`);
		await expect(pageContent(page), address).toBeVisible();
		await expect(lockButton(page), address).toBeVisible();
	}
	await lockButton(page).click();
	await expect(lockForm(page)).toBeVisible();
	await expect(pageContent(page)).toHaveCount(0);
});

test('the search page still searches with a malformed % sequence in its fragment', async ({ page }) => {
	await unlockWithLink(page, TIDEWATER, 'aoife-brennan');
	await page.goto(`${TIDEWATER}/search/#q=%zz`);
	await expect(lockButton(page)).toBeVisible();
	await expect(page.getByLabel('Search this project')).toHaveValue('%zz');
	await page.getByLabel('Search this project').fill('Harbourmaster');
	await expect(page.getByTestId('search-results').locator('li').first()).toContainText('Drop the legacy XML shipment importer');
});

test("a malformed % sequence in the path says the address is damaged, in the site's language", async ({ page, request }) => {
	// Hosts refuse such a path; one that serves a page for it anyway (a rewrite rule) gets this.
	for (const [client, message] of [
		[
			TIDEWATER,
			'This page address is damaged, so the page cannot be opened. Check the link you followed, or start again from the link you were given.',
		],
		[JINGHONG, '此页面地址已损坏，无法打开。请检查您点击的链接，或从您收到的链接重新进入。'],
	] as const) {
		const shell = await (await request.get(`${client}/updates/`)).text();
		await page.route(`**/${client}/updates/%E0%A4%A/`, (route) => route.fulfill({ contentType: 'text/html', body: shell }));
		await page.goto(`${client}/updates/%E0%A4%A/`);
		await expect(alert(page)).toHaveText(message);
		await expect(lockForm(page)).toBeHidden();
		await expect(pageContent(page)).toHaveCount(0);
	}
});

test('an unexpected failure of the unlock code says so instead of "Opening…" for ever', async ({ page }) => {
	for (const [client, message] of [
		[TIDEWATER, 'Something went wrong while opening this page. Reload to try again. If it keeps happening, contact your project manager.'],
		[JINGHONG, '打开此页面时出错。请刷新重试；如果问题持续出现，请联系项目经理。'],
	] as const) {
		await page.route(`**/${client}/`, async (route) => {
			const response = await route.fetch();
			await route.fulfill({ response, body: (await response.text()).replace('id="gh-config">{', 'id="gh-config">{{') });
		});
		await page.goto(`${client}/`);
		await expect(alert(page)).toHaveText(message);
		await expect(page.getByText(/Opening…|正在打开…/)).toBeHidden();
		await expect(pageContent(page)).toHaveCount(0);
	}
});
