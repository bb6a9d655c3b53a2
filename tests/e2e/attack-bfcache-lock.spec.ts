/**
 * Attack (issue 12, item 6): Lock, then press Back. Browsers keep recently left pages alive in
 * the back/forward cache and show them again as they were, so the decrypted page came back
 * without any key. Playwright turns that cache off by default; these tests turn it on again, and
 * serve pages without `Cache-Control: no-store` (which the test server sends, and which keeps
 * pages out of the cache), as the real hosts' `_headers` do.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, requireBrowser } from '@/bootstrap/find-browser.mjs';
import { linkFragment } from './unlock';

const TIDEWATER = 'tidewater-logistics';
const LOCKED_TITLE = 'Private project status · Brightline Studio';

const browser = requireBrowser();
test.use({
	launchOptions: {
		executablePath: browser.source === 'playwright' ? undefined : browser.path,
		args: CHROMIUM_ARGS,
		ignoreDefaultArgs: ['--disable-back-forward-cache'],
	},
});

const lockForm = (page: Page) => page.locator('form[data-gh-form]');
const pageContent = (page: Page) => page.locator('main#main');
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const sectionLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name });

/**
 * Serves every response as a host would (no `no-store`), and records, for each page restored
 * from the back/forward cache, what it showed at that moment: the first `pageshow` listener of
 * the document is this one, so it runs before the gate's.
 */
async function prepare(context: BrowserContext): Promise<void> {
	await context.route('**/*', async (route) => {
		try {
			const response = await route.fetch();
			const headers = { ...response.headers() };
			delete headers['cache-control'];
			await route.fulfill({ response, headers });
		} catch (error) {
			// The page navigated on (Back, Forward, reload), or the test ended (a favicon still on its
			// way), while this request was in flight: its response is gone and nobody is waiting for it.
			if (!/disposed|closed|destroyed|test ended/i.test(String(error))) throw error;
		}
	});
	await context.addInitScript(() => {
		addEventListener('pageshow', (event) => {
			if (!event.persisted) return;
			const content = document.querySelector('main#main');
			const seen = JSON.parse(sessionStorage.getItem('test:restores') ?? '[]') as unknown[];
			seen.push({
				content: Boolean(content),
				display: getComputedStyle(document.documentElement).display,
				title: document.title,
				url: location.pathname,
			});
			sessionStorage.setItem('test:restores', JSON.stringify(seen));
		});
	});
}

interface Restore {
	content: boolean;
	display: string;
	title: string;
	url: string;
}
const restores = (page: Page): Promise<Restore[]> =>
	page.evaluate(() => JSON.parse(sessionStorage.getItem('test:restores') ?? '[]') as Restore[]);

/** Back and Forward from the cache fire no load event; wait for the commit only. */
const back = (page: Page) => page.goBack({ waitUntil: 'commit' });
const forward = (page: Page) => page.goForward({ waitUntil: 'commit' });

async function openOverviewThenDecisions(page: Page): Promise<void> {
	await page.goto(`${TIDEWATER}/${await linkFragment(TIDEWATER, 'aoife-brennan')}`);
	await expect(page.getByTestId('health-panel')).toBeVisible();
	await sectionLink(page, 'Decisions').click();
	await expect(heading(page)).toHaveText('Decision log');
}

test('after Lock, Back shows the lock screen, not the page from the back/forward cache', async ({ context, page }) => {
	await prepare(context);
	await openOverviewThenDecisions(page);
	await page.getByRole('button', { name: 'Lock' }).click();
	await expect(lockForm(page)).toBeVisible();

	await back(page);
	await expect(lockForm(page)).toBeVisible();
	await expect(pageContent(page)).toHaveCount(0);
	await expect(page).toHaveTitle(LOCKED_TITLE);
	// The overview did come back from the cache, and never showed itself while the key was checked.
	const restored = await restores(page);
	expect(restored.map((entry) => entry.url)).toEqual([`/glasshouse/${TIDEWATER}/`]);
	expect(restored[0]).toMatchObject({ content: true, display: 'none', title: LOCKED_TITLE });
});

test('Back still shows a page while the device keeps its key; after Lock, Forward does not', async ({ context, page }) => {
	await prepare(context);
	await openOverviewThenDecisions(page);
	await back(page);
	await expect(page.getByTestId('health-panel')).toBeVisible();
	await expect(page).toHaveTitle(/Project overview/);
	expect(await restores(page)).toHaveLength(1);

	await page.getByRole('button', { name: 'Lock' }).click();
	await expect(lockForm(page)).toBeVisible();
	await forward(page);
	await expect(lockForm(page)).toBeVisible();
	await expect(pageContent(page)).toHaveCount(0);
	const restored = await restores(page);
	expect(restored.map((entry) => entry.url)).toEqual([`/glasshouse/${TIDEWATER}/`, `/glasshouse/${TIDEWATER}/decisions/`]);
	expect(restored[1]).toMatchObject({ content: true, display: 'none' });
});

test('Lock in one tab locks the other open tabs, and their Back too', async ({ context }) => {
	await prepare(context);
	const other = await context.newPage();
	await openOverviewThenDecisions(other);
	const locking = await context.newPage();
	await locking.goto(`${TIDEWATER}/faq/`);
	await expect(heading(locking)).toHaveText('Frequently asked questions');

	await locking.getByRole('button', { name: 'Lock' }).click();
	await expect(lockForm(locking)).toBeVisible();
	await expect(lockForm(other)).toBeVisible();
	await expect(pageContent(other)).toHaveCount(0);

	await back(other);
	await expect(lockForm(other)).toBeVisible();
	await expect(pageContent(other)).toHaveCount(0);
	expect((await restores(other)).map((entry) => entry.url)).toEqual([`/glasshouse/${TIDEWATER}/`]);
});
