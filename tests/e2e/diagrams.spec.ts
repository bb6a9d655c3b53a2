import { expect, test, type Browser, type Page } from '@playwright/test';
import { loadContent } from '@/loader/load-content';
import { DEMO_CONTENT, unlockWithLink } from './unlock';

// The demo's diagrams as a stakeholder sees them: drawn at build time, shown in the colour scheme of
// their device, in their language. Screenshots land in tests/.output/screenshots/diagram-*.png.
const SITES = [
	{
		client: 'tidewater-logistics',
		entry: 'aoife-brennan',
		gantt: 'Milestone timeline, as of Nov 20, 2026',
		decisions: 'Decisions over time, oldest first',
		update: 'updates/2026-10-23/',
	},
	{
		client: 'jinghong-precision',
		entry: 'shen-guohua',
		gantt: '里程碑时间线（截至 2026年11月20日）',
		decisions: '决策时间线（按时间先后）',
		update: 'updates/2026-10-16/',
	},
] as const;
const SCHEMES = ['light', 'dark'] as const;
const shot = (name: string) => `tests/.output/screenshots/diagram-${name}.png`;

async function open(browser: Browser, client: string, entry: string, colorScheme: 'light' | 'dark', width = 1280): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
	const page = await context.newPage();
	await unlockWithLink(page, client, entry);
	return page;
}

/** The text matched literally inside a regular expression. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function titles(client: string, folder: 'milestones' | 'decisions'): Promise<string[]> {
	const found = (await loadContent(DEMO_CONTENT)).clients.find((candidate) => candidate.slug === client)!;
	return folder === 'milestones'
		? found.milestones.filter((entry) => entry.value.status !== 'cancelled').map((entry) => entry.value.title)
		: found.decisions.map((entry) => entry.value.title);
}

for (const site of SITES) {
	for (const scheme of SCHEMES) {
		test(`${site.client}: the overview's Gantt shows every milestone in ${scheme} mode`, async ({ browser }) => {
			const page = await open(browser, site.client, site.entry, scheme);
			await page.goto(`${site.client}/`);
			const figure = page.getByRole('figure', { name: site.gantt });
			await expect(figure).toBeVisible();
			// One drawing for both colour schemes (Mermaid's stylesheet once, see one-drawing.ts), in the
			// scheme's own colours: the axis labels are slate-600 on light cards, slate-400 on dark ones.
			const drawing = figure.locator('.diagram-drawing svg');
			await expect(drawing).toBeVisible();
			await expect(figure.locator('svg')).toHaveCount(1);
			expect(
				await drawing
					.locator('.grid .tick text')
					.first()
					.evaluate((text) => getComputedStyle(text).fill),
			).toBe(scheme === 'light' ? 'rgb(71, 85, 105)' : 'rgb(148, 163, 184)');
			// A bar reads its title, followed by its status in words unless it is planned ("… (Late)", "…（已延期）").
			for (const title of await titles(site.client, 'milestones'))
				await expect(drawing.getByText(new RegExp(`^${escapeRegExp(title)}(?: \\(.+\\)|（.+）)?\\s*$`))).toBeVisible();
			await page.getByTestId('milestone-gantt').screenshot({ path: shot(`${site.client}-gantt-${scheme}`) });
			await page.context().close();
		});

		test(`${site.client}: decisions on a timeline and a diagram in an update, in ${scheme} mode`, async ({ browser }) => {
			const page = await open(browser, site.client, site.entry, scheme);
			await page.goto(`${site.client}/decisions/`);
			const timeline = page.getByRole('figure', { name: site.decisions }).locator('.diagram-drawing svg');
			await expect(timeline).toBeVisible();
			// Mermaid wraps long titles over several lines; compare without the line breaks' spaces.
			const shown = (await timeline.evaluate((svg) => [...svg.querySelectorAll('tspan')].map((line) => line.textContent).join(''))).replace(
				/\s+/g,
				'',
			);
			for (const title of await titles(site.client, 'decisions')) expect(shown).toContain(title.replace(/\s+/g, ''));
			await page.getByTestId('decision-timeline').screenshot({ path: shot(`${site.client}-decisions-${scheme}`) });
			await page.goto(`${site.client}/${site.update}`);
			const figure = page.locator('.prose figure.diagram');
			// A flowchart's light and dark drawings differ in more than their stylesheets (gradient stops): two
			// drawings, one per colour scheme, the other one hidden, also from screen readers.
			await expect(figure.locator(`.diagram-${scheme} svg`)).toBeVisible();
			await expect(figure.locator(`.diagram-${scheme === 'light' ? 'dark' : 'light'}`)).toBeHidden();
			await expect(page.locator('.prose code.language-mermaid')).toHaveCount(0);
			await figure.screenshot({ path: shot(`${site.client}-update-${scheme}`) });
			await page.context().close();
		});
	}
}

test('on a phone, a wide Gantt scrolls sideways in its card with readable text, and the page does not', async ({ browser }) => {
	const page = await open(browser, 'jinghong-precision', 'shen-guohua', 'dark', 390);
	await page.goto('jinghong-precision/');
	const scroller = page.getByTestId('milestone-gantt').locator('.diagram-scroll');
	await scroller.scrollIntoViewIfNeeded();
	const sizes = await scroller.evaluate((element) => ({
		scroll: element.scrollWidth,
		client: element.clientWidth,
		drawn: element.querySelector('.diagram-drawing svg')!.getBoundingClientRect().width,
	}));
	expect(sizes.scroll).toBeGreaterThan(sizes.client);
	// Shrunk by a quarter at most: bar labels stay at about 10px.
	expect(sizes.drawn).toBeGreaterThanOrEqual(0.75 * 920 - 1);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
	await page.getByTestId('milestone-gantt').screenshot({ path: shot('jinghong-precision-gantt-phone-dark') });
	await page.context().close();
});
