import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unlockWithLink } from './unlock';

// Every page of the demo, read from the build the browser tests serve: a page added later is
// measured without anyone listing it here.
const SERVED = path.resolve(import.meta.dirname, '../.output/e2e');
const ENTRIES: Record<string, string> = {
	'tidewater-logistics': 'aoife-brennan',
	'jinghong-precision': 'shen-guohua',
	'harbour-museum': 'margaret-doyle',
	'lanshan-tea': 'fang-zhiyuan',
};
// A search with results on each client: result titles and excerpts are page content too.
const SEARCHES: Record<string, string> = {
	'tidewater-logistics': 'carrier',
	'jinghong-precision': '批次',
	'harbour-museum': 'image',
	'lanshan-tea': '会员',
};

function pagesOf(client: string): string[] {
	const found: string[] = [];
	const walk = (folder: string, url: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.isFile() && entry.name === 'index.html') found.push(url);
			// pagefind/ holds the sealed index; _files/ the sealed assets.
			if (entry.isDirectory() && !/^(pagefind|_)/.test(entry.name)) walk(path.join(folder, entry.name), `${url}${entry.name}/`);
		}
	};
	walk(path.join(SERVED, client), `${client}/`);
	return [...found.sort(), `${client}/search/#q=${encodeURIComponent(SEARCHES[client]!)}`];
}

/**
 * WCAG 1.4.10 (reflow), 1.4.4 (text resized to 200%) and 1.4.12 (text spacing): a reader who
 * needs any of them gets the same page, with no sideways scrolling of the whole page and no text
 * cut at an edge. Wide content scrolls inside its own region instead.
 */
const CONDITIONS = [
	{ name: 'at 320 px', viewport: { width: 320, height: 640 }, style: '', skipDrawings: false },
	{
		name: 'at 390 px with text at 200%',
		viewport: { width: 390, height: 844 },
		style: 'html { font-size: 200% !important; }',
		skipDrawings: false,
	},
	{
		name: 'at 390 px with WCAG text spacing',
		viewport: { width: 390, height: 844 },
		// A drawing's labels (the Gantt chart, the decision timeline) cannot reflow inside their boxes;
		// their content reaches such readers through the chart's text alternative.
		skipDrawings: true,
		style: `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
			p { margin-bottom: 2em !important; }`,
	},
];

for (const condition of CONDITIONS) {
	test(`no demo page is wider than the screen or cuts text ${condition.name}`, async ({ browser }) => {
		test.setTimeout(300_000);
		// The spacing and font size are the reader's own style sheet, which the pages' CSP would refuse.
		const context = await browser.newContext({ viewport: condition.viewport, bypassCSP: true });
		const page = await context.newPage();
		const problems: string[] = [];
		let pages = 0;
		for (const [client, entry] of Object.entries(ENTRIES)) {
			await unlockWithLink(page, client, entry);
			for (const url of pagesOf(client)) {
				await page.goto(url);
				await page.getByRole('main').and(page.locator('#main')).waitFor();
				if (url.includes('#q=')) await page.getByTestId('search-results').locator('li').first().waitFor();
				problems.push(...(await measure(page, condition.style, condition.skipDrawings)).map((problem) => `${url}: ${problem}`));
				pages++;
			}
		}
		for (const url of ['', 'no-such-page/']) {
			await page.goto(url);
			problems.push(...(await measure(page, condition.style, condition.skipDrawings)).map((problem) => `/${url}: ${problem}`));
			pages++;
		}
		await context.close();
		expect(pages).toBeGreaterThan(70);
		expect(problems, `${problems.length} problem(s) ${condition.name}:\n${problems.join('\n')}`).toEqual([]);
	});
}

// A wide table scrolls in its region rather than squeezing its columns: any CJK character may end a
// line, so a Chinese table of eight columns on a phone shrank to one or two characters a line.
test('a wide Chinese table in a decision scrolls with readable columns at 390 px', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await unlockWithLink(page, 'lanshan-tea', 'fang-zhiyuan');
	await page.goto('lanshan-tea/decisions/3/');
	const region = page.locator('.prose .scroll-region').filter({ has: page.locator(':scope > table') });
	const cells = region.locator('th, td');
	// The page is drawn once the gate has opened it, after the load event `goto` waits for.
	await expect(cells.first()).toBeVisible();
	expect(await cells.count()).toBeGreaterThan(16);
	const widths = await cells.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().width));
	// 6rem: six Chinese characters a line, or a short English word and a number.
	expect(Math.min(...widths)).toBeGreaterThanOrEqual(96);
	expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

/** The page's width beyond the screen, and every piece of text cut at the right edge of the screen or of a box that hides overflow. */
async function measure(page: Page, style: string, skipDrawings: boolean): Promise<string[]> {
	if (style) await page.addStyleTag({ content: style });
	await page.evaluate('document.fonts.ready');
	return page.evaluate(async (skipDrawings) => {
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		const problems: string[] = [];
		const width = window.innerWidth;
		const wider = document.documentElement.scrollWidth - width;
		if (wider > 0) problems.push(`the page is ${wider}px wider than the ${width}px screen`);
		const range = document.createRange();
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.trim();
			const element = node.parentElement;
			if (!text || !element || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
			if (skipDrawings && element.closest('svg')) continue;
			range.selectNodeContents(node);
			const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
			if (rects.length === 0) continue;
			const right = Math.max(...rects.map((rect) => rect.right));
			// The edge this text must stay inside: the nearest box that hides overflow, and the screen
			// unless a box between them scrolls (the reader can scroll the text into view).
			let edge = Number.POSITIVE_INFINITY;
			let scrolls = false;
			let hidden = false;
			for (let box: Element | null = element; box && box !== document.documentElement; box = box.parentElement) {
				const css = getComputedStyle(box);
				const bounds = box.getBoundingClientRect();
				// Visually hidden text for screen readers (Tailwind's sr-only) is cut on purpose.
				if (css.clip !== 'auto' || (css.position === 'absolute' && bounds.width <= 1)) {
					hidden = true;
					break;
				}
				if (css.overflowX === 'auto' || css.overflowX === 'scroll') {
					scrolls = true;
					break;
				}
				// An SVG drawing hides what is outside its own box: its text is measured against the drawing.
				if (css.overflowX === 'hidden' || css.overflowX === 'clip') edge = Math.min(edge, bounds.right);
			}
			if (hidden) continue;
			if (!scrolls) edge = Math.min(edge, width);
			if (right > edge + 1)
				problems.push(`"${text.slice(0, 40)}" (${element.tagName.toLowerCase()}) is cut ${Math.round(right - edge)}px past the edge`);
		}
		return problems;
	}, skipDrawings);
}
