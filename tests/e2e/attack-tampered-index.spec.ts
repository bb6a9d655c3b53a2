import { expect, test, type Page, type Route } from '@playwright/test';
import { unlockWithLink } from './unlock';

/**
 * The attack: someone who can alter files on the host (or a stale CDN copy of another build)
 * serves index files that fail authentication. The search must say so and stop; before, a
 * chunk that failed left "Searching…" on screen for ever, and a partial index would have given
 * quietly wrong results.
 */
const TIDEWATER = 'tidewater-logistics';
const SEALED_INDEX_FILE = /\/pagefind\/[0-9a-f]{32}$/;

/** Serves the file with one bit of its ciphertext flipped. */
async function flipOneBit(route: Route): Promise<void> {
	const response = await route.fetch();
	const body = Buffer.from(await response.body());
	body[body.length - 20]! ^= 1;
	await route.fulfill({ response, body });
}

const status = (page: Page) => page.locator('[data-search] [data-status]');

test.beforeEach(async ({ page }) => {
	await unlockWithLink(page, TIDEWATER, 'aoife-brennan');
});

test('a tampered index file the search needs at once is reported, and the search stops', async ({ page }) => {
	await page.route(SEALED_INDEX_FILE, flipOneBit);
	await page.goto(`${TIDEWATER}/search/#q=carrier`);
	await expect(status(page)).toHaveText(/could not be read/);
	await expect(page.locator('[data-search]')).toHaveAttribute('data-state', 'failed');
	await expect(page.getByTestId('search-results').locator('li')).toHaveCount(0);
	// The rest of the page still works: the Lock button is there.
	await expect(page.locator('[data-gh-lock]').first()).toBeVisible();
});

test('an index file that fails during a query ends "Searching…" with a message, and later queries do not pretend to work', async ({
	page,
}) => {
	await page.goto(`${TIDEWATER}/search/`);
	await expect(status(page)).toHaveText(/Type a word or two/);
	// Everything needed to start has loaded; from now on every sealed file comes back altered.
	await page.route(SEALED_INDEX_FILE, flipOneBit);
	await page.getByLabel('Search this project').fill('harbourmaster');
	await expect(status(page)).toHaveText(/could not be read/);
	await page.getByLabel('Search this project').fill('carrier');
	await page.waitForTimeout(500);
	await expect(status(page)).toHaveText(/could not be read/);
	await expect(page.getByTestId('search-results').locator('li')).toHaveCount(0);
});
