import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { unlockWithLink } from './unlock';

// WCAG 2.2 A/AA over one page of every kind of every demo client, the lock screen, the root and the
// 404 page, in both colour schemes at a phone and a desktop width: zero violations. An axe run takes
// seconds, so each client page is audited in two of the four scheme × width pairs, alternating, so
// that every page is seen in both schemes and both widths, and every pair is seen on every client.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [390, 1280];
const DIST = path.resolve(import.meta.dirname, '../.output/e2e');
const CLIENTS: Record<string, string> = {
	'tidewater-logistics': 'aoife-brennan',
	'jinghong-precision': 'shen-guohua',
	'harbour-museum': 'margaret-doyle',
	'lanshan-tea': 'fang-zhiyuan',
};

/** The client's overview, each kind's index and its first detail page, read from the served build. */
function pagesOf(client: string): string[] {
	const root = path.join(DIST, client);
	const pages = [''];
	for (const entry of readdirSync(root, { withFileTypes: true })) {
		if (!entry.isDirectory() || entry.name === 'pagefind' || entry.name.startsWith('_')) continue;
		if (!existsSync(path.join(root, entry.name, 'index.html'))) continue;
		pages.push(`${entry.name}/`);
		const detail = readdirSync(path.join(root, entry.name), { withFileTypes: true })
			.filter((child) => child.isDirectory() && existsSync(path.join(root, entry.name, child.name, 'index.html')))
			.map((child) => child.name)
			.sort()[0];
		if (detail) pages.push(`${entry.name}/${detail}/`);
	}
	return pages;
}

type Finding = { page: string; scheme: string; width: number; rule: string; targets: string[]; summary: string };

type Pair = readonly [scheme: (typeof SCHEMES)[number], width: number];
const ALL_PAIRS: Pair[] = SCHEMES.flatMap((scheme) => WIDTHS.map((width) => [scheme, width] as const));
/** Light at 1280 with dark at 390, or dark at 1280 with light at 390. */
const alternatePairs = (index: number): Pair[] => (index % 2 === 0 ? [ALL_PAIRS[1]!, ALL_PAIRS[2]!] : [ALL_PAIRS[0]!, ALL_PAIRS[3]!]);

/** Runs axe on the page as it is now, in the given schemes and widths; returns what failed. */
async function audit(page: Page, label: string, pairs: Pair[] = ALL_PAIRS): Promise<Finding[]> {
	const findings: Finding[] = [];
	for (const [scheme, width] of pairs) {
		{
			await page.emulateMedia({ colorScheme: scheme });
			await page.setViewportSize({ width, height: 900 });
			const result = await new AxeBuilder({ page })
				.withTags(TAGS)
				.options({ resultTypes: ['violations'] })
				.analyze();
			for (const violation of result.violations)
				findings.push({
					page: label,
					scheme,
					width,
					rule: violation.id,
					targets: violation.nodes.slice(0, 4).map((node) => node.target.join(' ')),
					summary: violation.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? violation.help,
				});
		}
	}
	return findings;
}

/** Loads a page and waits for its content (and, on the search page, for a result). */
async function openPage(page: Page, address: string): Promise<void> {
	await page.goto(address);
	await page.getByRole('main').and(page.locator('#main')).waitFor();
	if (/\/search\//.test(address)) await page.locator('[data-results] li').first().waitFor({ timeout: 10_000 });
}

for (const [client, entry] of Object.entries(CLIENTS)) {
	test(`axe: every page kind of ${client}, light and dark, 390 and 1280 px`, async ({ page }) => {
		test.setTimeout(600_000);
		await unlockWithLink(page, client, entry);
		const findings: Finding[] = [];
		const report: string[] = [];
		for (const [index, pagePath] of pagesOf(client).entries()) {
			const address =
				pagePath === 'search/'
					? `${client}/search/#q=${client.startsWith('jinghong') || client.startsWith('lanshan') ? '%E9%A1%B9%E7%9B%AE' : 'the'}`
					: `${client}/${pagePath}`;
			await openPage(page, address);
			const pairs = alternatePairs(index);
			const found = await audit(page, `${client}/${pagePath}`, pairs);
			report.push(`axe ${client}/${pagePath} (${pairs.map((pair) => pair.join('@')).join(', ')}): ${found.length} violation(s)`);
			findings.push(...found);
		}
		console.log(report.join('\n'));
		expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
	});
}

test('axe: the lock screen (with its error), the root and the 404 page', async ({ page }) => {
	test.setTimeout(300_000);
	const findings: Finding[] = [];
	await page.goto('tidewater-logistics/');
	await page.locator('form[data-gh-form]').waitFor();
	findings.push(...(await audit(page, 'lock screen')));
	await page.getByLabel('Password', { exact: true }).fill('not-the-password-at-all');
	await page.getByRole('button', { name: 'Unlock' }).click();
	await expect(page.getByRole('alert')).toBeVisible({ timeout: 20_000 });
	findings.push(...(await audit(page, 'lock screen, wrong password')));
	await page.goto('jinghong-precision/');
	await page.locator('form[data-gh-form]').waitFor();
	findings.push(...(await audit(page, 'lock screen (zh-CN)')));
	await page.goto('./');
	findings.push(...(await audit(page, 'root')));
	await page.goto('no-such-page/');
	findings.push(...(await audit(page, '404')));
	expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
});
