import { expect, test, type Page } from '@playwright/test';
import { unlockWithLink } from './unlock';
import { CASES } from './search-relevance-cases';

const ENTRIES: Record<string, string> = {
	'tidewater-logistics': 'aoife-brennan',
	'jinghong-precision': 'shen-guohua',
	'harbour-museum': 'margaret-doyle',
	'lanshan-tea': 'fang-zhiyuan',
};

/**
 * Measured when this set was written: 21 of 48 (43.8%) with the first matching section and
 * Pagefind's prefix fallback ("blockchain" finding "blocked", "k" finding 24 pages); 34 of 48
 * (70.8%) with sections and pages ranked by the words they hold, then proximity. The demo's
 * feedback log then added pages that share words with decision titles ("Adopt a new URL structure"
 * is also a feedback answer's words): 33 of 48 (68.8%). The floor keeps today's level (the target
 * is 95%); a change that loses an answer must say why.
 */
const TOP1_FLOOR = 33 / 48;

test('the first search result is the page and section a reader expects, and absent words find nothing', async ({ browser }) => {
	test.setTimeout(240_000);
	const page = await (await browser.newContext()).newPage();
	const misses: string[] = [];
	let total = 0;
	for (const [client, cases] of Object.entries(CASES)) {
		await unlockWithLink(page, client, ENTRIES[client]!);
		await page.goto(`${client}/search/`);
		await page.locator('[data-search][data-shown]').waitFor({ state: 'attached' });
		for (const { query, page: expected, section } of cases) {
			total++;
			const first = await firstResult(page, query);
			const hits = await page.getByTestId('search-results').locator('li').count();
			if (expected === null) {
				if (hits > 0) misses.push(`${client} "${query}": expected no result, found ${hits} (first ${first})`);
				continue;
			}
			const url = first ? new URL(first) : undefined;
			const pageMatches = url?.pathname.endsWith(`/${client}/${expected}`);
			const sectionMatches = section === undefined || decodeURIComponent(url?.hash ?? '') === `#${section}`;
			if (!pageMatches || !sectionMatches)
				misses.push(`${client} "${query}": expected ${expected}${section ? `#${section}` : ''}, found ${first ?? 'nothing'}`);
		}
	}
	const accuracy = (total - misses.length) / total;
	console.log(
		`search relevance: top-1 ${total - misses.length}/${total} (${(accuracy * 100).toFixed(1)}%)${misses.map((miss) => `\n  miss: ${miss}`).join('')}`,
	);
	expect(total).toBeGreaterThanOrEqual(40);
	expect(accuracy, misses.join('\n')).toBeGreaterThanOrEqual(TOP1_FLOOR);
});

/** Runs a query through the search page's own address, as a shared link would, and returns the first result's link. */
async function firstResult(page: Page, query: string): Promise<string | undefined> {
	const hash = `#${new URLSearchParams({ q: query }).toString()}`;
	await page.evaluate((next) => (location.hash = next), hash);
	await page.locator(`[data-search][data-shown="${hash}"]`).waitFor({ state: 'attached' });
	const link = page.getByTestId('search-results').locator('li a').first();
	return (await link.count()) ? await link.evaluate((anchor) => (anchor as HTMLAnchorElement).href) : undefined;
}
