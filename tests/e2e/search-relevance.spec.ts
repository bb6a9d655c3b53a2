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
 * (70.8%) with sections and pages ranked by the words they hold, then proximity, taken from
 * Pagefind's per-word positions; 33 of 48 once the feedback log joined the demo. Those positions
 * give one match per page and word (not every one), and Pagefind counts a word of the same stem
 * as the word ("Contentful" is "content"): reading the highest pages' text, finding each word as
 * typed (a run of Chinese across Pagefind's segmentation) and ranking by all words, as typed,
 * title, closeness, then pages that explain a subject, measured 47 of 48, and 62 of 63 with the
 * queries added for quoted phrases, table headings, FAQ answers, meetings and feedback. The one
 * miss, "企业微信群", is a tie: the phrase stands once in each of eight pages, a decision's
 * "决定" among them, and Pagefind's order (shorter pages first) decides. A change that loses an
 * answer must say why.
 */
const TOP1_FLOOR = 62 / 63;

test('the first search result is the page and section a reader expects, and absent words find nothing', async ({ browser }) => {
	test.setTimeout(240_000);
	const page = await (await browser.newContext()).newPage();
	const misses: string[] = [];
	const absentFound: string[] = [];
	const queryTimes: number[] = [];
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
				if (hits > 0) absentFound.push(`${client} "${query}": expected no result, found ${hits} (first ${first})`);
				continue;
			}
			const url = first ? new URL(first) : undefined;
			const pageMatches = url?.pathname.endsWith(`/${client}/${expected}`);
			const sectionMatches = section === undefined || decodeURIComponent(url?.hash ?? '') === `#${section}`;
			if (!pageMatches || !sectionMatches)
				misses.push(`${client} "${query}": expected ${expected}${section ? `#${section}` : ''}, found ${first ?? 'nothing'}`);
		}
		// Each query's time from the search starting to its first results shown (the search page's own measure).
		queryTimes.push(...(await page.evaluate(() => performance.getEntriesByName('glasshouse:query').map((entry) => entry.duration))));
	}
	misses.push(...absentFound);
	const sorted = queryTimes.sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
	const accuracy = (total - misses.length) / total;
	console.log(
		`search relevance: top-1 ${total - misses.length}/${total} (${(accuracy * 100).toFixed(1)}%); query time median ${median.toFixed(0)} ms, ` +
			`slowest ${(sorted.at(-1) ?? 0).toFixed(0)} ms over ${sorted.length} queries${misses.map((miss) => `\n  miss: ${miss}`).join('')}`,
	);
	expect(total).toBeGreaterThanOrEqual(40);
	expect(absentFound, 'words absent from the site find nothing').toEqual([]);
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
