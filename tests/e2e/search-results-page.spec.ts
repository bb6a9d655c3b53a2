import { expect, test, type Page } from '@playwright/test';
import { unlockWithLink } from './unlock';

const TIDEWATER = 'tidewater-logistics';
const LANSHAN = 'lanshan-tea';
const results = (page: Page) => page.getByTestId('search-results').locator('li');

test('every result can be reached with "Show more", and the count says how many there are, in the right number', async ({ page }) => {
	await unlockWithLink(page, TIDEWATER, 'aoife-brennan');
	await page.goto(`${TIDEWATER}/search/#q=the`);
	const status = page.locator('[data-status]');
	await expect(status).toHaveText(/^\d+ results$/, { timeout: 20_000 });
	const total = Number(/^(\d+)/.exec((await status.textContent()) ?? '')![1]);
	// More than one page of results, so "Show more" is needed.
	expect(total).toBeGreaterThan(20);
	await expect(results(page)).toHaveCount(20);
	const more = page.getByRole('button', { name: /^Show \d+ more$/ });
	await more.click();
	await expect(results(page)).toHaveCount(Math.min(total, 40));
	// The reader goes on reading from the first result added.
	await expect(results(page).nth(20).getByRole('link')).toBeFocused();
	// Each click adds a page of results; the button stays until they are in, so wait for them before asking again.
	while (await more.isVisible()) {
		const shown = await results(page).count();
		await more.click();
		await expect(results(page)).not.toHaveCount(shown);
	}
	await expect(results(page)).toHaveCount(total);
	await expect(more).toBeHidden();
	const links = await results(page)
		.getByRole('link')
		.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
	expect(new Set(links.map((link) => link.split('#')[0])).size).toBe(total);

	await page.getByLabel('Search this project').fill('Harbourmaster');
	await expect(status).toHaveText('1 result');
	await expect(more).toBeHidden();
});

test('the count reads naturally in Chinese too, which has one form for every number', async ({ page }) => {
	await unlockWithLink(page, LANSHAN, 'fang-zhiyuan');
	await page.goto(`${LANSHAN}/search/#q=${encodeURIComponent('会员')}`);
	await expect(page.locator('[data-status]')).toHaveText(/^共 \d+ 条结果$/, { timeout: 20_000 });
});

test('a single Latin letter finds nothing: it is a word being typed, not a word of the site', async ({ page }) => {
	await unlockWithLink(page, TIDEWATER, 'aoife-brennan');
	await page.goto(`${TIDEWATER}/search/#q=k`);
	await expect(page.locator('[data-search][data-shown="#q=k"]')).toBeAttached();
	await expect(results(page)).toHaveCount(0);
	await expect(page.locator('[data-status]')).toHaveText(/^Type a word or two/);
});

test('results arriving move nothing already on the screen (cumulative layout shift)', async ({ browser }) => {
	const shifts: Record<string, number> = {};
	for (const viewport of [
		{ width: 390, height: 844 },
		{ width: 1280, height: 900 },
	]) {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		await unlockWithLink(page, TIDEWATER, 'aoife-brennan');
		await page.goto(`${TIDEWATER}/search/#q=tracking`);
		await expect(results(page).first()).toBeVisible();
		await page.waitForTimeout(500);
		// Every layout shift of this page view not caused by the reader's input, as Chrome reports it.
		shifts[viewport.width] = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					new PerformanceObserver((list) =>
						resolve(
							list
								.getEntries()
								.filter((entry) => !(entry as unknown as { hadRecentInput: boolean }).hadRecentInput)
								.reduce((sum, entry) => sum + (entry as unknown as { value: number }).value, 0),
						),
					).observe({ type: 'layout-shift', buffered: true });
					setTimeout(() => resolve(0), 1000);
				}),
		);
		await context.close();
	}
	console.log(`search page layout shift: ${JSON.stringify(shifts)}`);
	for (const shift of Object.values(shifts)) expect(shift).toBeLessThan(0.01);
});
