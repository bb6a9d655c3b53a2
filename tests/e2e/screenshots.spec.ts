import { expect, test } from '@playwright/test';
import { unlockWithLink } from './unlock';
import { derivePathSegment } from '@/keys/derive-credentials';
import { decodeSecret } from '@/keys/secret';
import { TEST_SECRET } from '../support/open-page';

// A private client's risk pages are named by a segment derived from the secret, not by the id.
const riskPage = await derivePathSegment(decodeSecret(TEST_SECRET), 'tidewater-logistics', 'risk', 'carrier-api-test-access');

// Screenshots for people to look at (tests/.output/screenshots); the assertions catch pages that
// overflow a phone screen sideways, which is what makes a status page unreadable on the go.
const active = [
	'',
	'updates/',
	'updates/2026-11-20/',
	'decisions/',
	'changes/',
	'changes/5/',
	'risks/',
	'milestones/',
	'meetings/',
	'feedback/',
	'feedback/2/',
	'faq/',
	'contacts/',
];
const closed = ['', 'closeout/', 'changes/', 'meetings/', 'feedback/'];
const clients: Array<{ client: string; entry: string; pages: string[] }> = [
	{ client: 'tidewater-logistics', entry: 'aoife-brennan', pages: [...active, `risks/${riskPage}/`, 'meetings/2026-11-03-steering/'] },
	{ client: 'jinghong-precision', entry: 'shen-guohua', pages: active },
	{ client: 'harbour-museum', entry: 'margaret-doyle', pages: closed },
	{ client: 'lanshan-tea', entry: 'fang-zhiyuan', pages: closed },
];
const viewports = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 900 },
];

for (const { client, entry, pages } of clients) {
	for (const viewport of viewports) {
		test(`${client} at ${viewport.name} width fits the screen`, async ({ browser }) => {
			const context = await browser.newContext({ viewport: viewport, colorScheme: viewport.name === 'phone' ? 'dark' : 'light' });
			const page = await context.newPage();
			await unlockWithLink(page, client, entry);
			for (const path of pages) {
				await page.goto(`${client}/${path}`);
				// Measure the decrypted page, not the moment the gate swaps the lock screen for it.
				await page.getByRole('main').and(page.locator('#main')).waitFor();
				await page.evaluate('document.fonts.ready');
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `${client}/${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
				const name = `${client}-${path.replace(/\W+/g, '-') || 'overview'}-${viewport.name}`.replace(/-+/g, '-');
				await page.screenshot({ path: `tests/.output/screenshots/${name}.png`, fullPage: true });
			}
			await context.close();
		});
	}
}
