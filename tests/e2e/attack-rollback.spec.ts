import { expect, test, type Page } from '@playwright/test';
import { unlockWithLink } from './unlock';

/**
 * The attack: a device that remembers its key opens whatever copy of a page it is served, so a
 * stale CDN cache, or someone serving files they kept from an older build (before a decision was
 * reversed, say), could show an outdated page as current without a word. Each page's build stamp
 * is authenticated with it; the browser remembers the newest build it has shown per client.
 */
const CLIENT = 'tidewater-logistics';
const STORE = `glasshouse:newest-build:/glasshouse/${CLIENT}`;
const notice = (page: Page) => page.locator('[data-gh-stale]');

/** The page's own build stamp, read from the decrypted page's lock-screen configuration. */
async function servedStamp(page: Page): Promise<{ id: string; time: string }> {
	const shell = await (await page.request.get(`${CLIENT}/updates/`)).text();
	return (
		JSON.parse(/<script type="application\/json" id="gh-config">([^<]*)<\/script>/.exec(shell)![1]!) as {
			build: { id: string; time: string };
		}
	).build;
}

test.beforeEach(async ({ page }) => {
	await unlockWithLink(page, CLIENT, 'aoife-brennan');
});

test('the current build is remembered and shows no notice', async ({ page }) => {
	await page.goto(`${CLIENT}/updates/`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(notice(page)).toBeHidden();
	expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORE))!)).toEqual(await servedStamp(page));
});

test('a page older than a build this device has already shown opens with a notice that says so, in the page language', async ({ page }) => {
	const current = await servedStamp(page);
	// As if this device had already shown a build made a week after the one now served.
	const newer = {
		id: 'AAAAAAAAAAAAAAAAAAAAAA',
		time: new Date(Date.parse(current.time) + 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
	};
	await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [STORE, JSON.stringify(newer)]);
	await page.goto(`${CLIENT}/updates/`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(notice(page)).toBeVisible();
	await expect(notice(page)).toHaveAttribute('role', 'alert');
	await expect(notice(page)).toContainText('This is an older copy of this page.');
	await expect(notice(page)).toContainText('Reload the page');
	// The newest build seen is kept: the older copy does not overwrite it.
	expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORE))!)).toEqual(newer);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'tests/.output/screenshots/stale-copy-notice-phone.png' });
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.setViewportSize({ width: 1280, height: 600 });
	await page.screenshot({ path: 'tests/.output/screenshots/stale-copy-notice-desktop-dark.png' });
});

test('a copy relabelled with another build time, to look newer or older, is refused as altered', async ({ page }) => {
	for (const shift of [7, -7]) {
		await page.route(`**/${CLIENT}/updates/`, async (route) => {
			const response = await route.fetch();
			const body = (await response.text()).replace(
				/"time":"([^"]+)"/,
				(_, time: string) => `"time":"${new Date(Date.parse(time) + shift * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')}"`,
			);
			await route.fulfill({ response, body });
		});
		await page.goto(`${CLIENT}/updates/`);
		await expect(page.getByText('This page could not be verified')).toBeVisible();
		await expect(page.locator('#main')).toHaveCount(0);
		await page.unrouteAll();
	}
});
