import { expect, test } from '@playwright/test';
import { unlockWithLink } from './unlock';

const CLIENT = 'tidewater-logistics';
const sections = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Project sections' });

test.describe('the section menu on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('is one row that scrolls sideways, not rows of links above the page', async ({ page }) => {
		await unlockWithLink(page, CLIENT, 'aoife-brennan');
		const row = sections(page).getByRole('list');
		const links = sections(page).getByRole('link');
		expect(await links.count()).toBeGreaterThan(10);
		const box = (await row.boundingBox())!;
		const linkHeight = (await links.first().boundingBox())!.height;
		// One row of links (plus its padding and scrollbar), where it wrapped to four before.
		expect(box.height).toBeLessThan(linkHeight * 2);
		expect(await row.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
		// The page itself does not widen.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		// A section past the right edge is still reached, by a tap as by the keyboard.
		await links.filter({ hasText: 'Contacts' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contacts and ways of working');
	});

	test("shows the current section even when it lies past the row's right edge, without moving the page", async ({ page }) => {
		await unlockWithLink(page, CLIENT, 'aoife-brennan');
		await page.goto(`${CLIENT}/contacts/`);
		const current = sections(page).locator('[aria-current="page"]');
		await expect(current).toHaveText('Contacts');
		await expect(current).toBeInViewport({ ratio: 1 });
		expect(await page.evaluate(() => window.scrollY)).toBe(0);
	});
});

test('on a desktop screen the section menu wraps and never scrolls', async ({ page }) => {
	await unlockWithLink(page, CLIENT, 'aoife-brennan');
	const row = sections(page).getByRole('list');
	expect(await row.evaluate((element) => getComputedStyle(element).overflowX)).toBe('visible');
	expect(await row.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
});
