import { expect, test, type Page } from '@playwright/test';
import { unlockWithLink } from './unlock';

// The first use of a glossary term on a page opens its plain definition, by keyboard as by pointer,
// on pages the gate decrypted and put in place (the popover needs no script to be bound again).

/** Presses Tab until a marked term has the focus; fails after `limit` presses. */
async function tabToTerm(page: Page, limit = 200): Promise<void> {
	for (let press = 0; press < limit; press++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(() => document.activeElement?.classList.contains('glossary-term-button'))) return;
	}
	throw new Error(`no glossary term reached in ${limit} presses of Tab`);
}

/** Whether Chromium's accessibility tree (what screen readers read) says the button named `name` is expanded. */
async function expandedInAccessibilityTree(page: Page, name: string): Promise<boolean | undefined> {
	const session = await page.context().newCDPSession(page);
	const { nodes } = (await session.send('Accessibility.getFullAXTree')) as {
		nodes: Array<{ role?: { value: string }; name?: { value: string }; properties?: Array<{ name: string; value: { value: unknown } }> }>;
	};
	await session.detach();
	const button = nodes.find((node) => node.role?.value === 'button' && node.name?.value === name);
	return button?.properties?.find((property) => property.name === 'expanded')?.value.value as boolean | undefined;
}

test('keyboard only: Tab to a term, open its definition, Tab into it, Escape closes and returns to the term', async ({ page }) => {
	await unlockWithLink(page, 'tidewater-logistics', 'aoife-brennan');
	await page.goto('tidewater-logistics/updates/2026-10-23/');
	await page.locator('#main').waitFor();
	const term = page.locator('.glossary-term-button', { hasText: /^Sprint$/ });
	// Marked once: the first use on the page, not every one.
	await expect(page.locator('.glossary-term-button', { hasText: /^sprints?$/i })).toHaveCount(1);
	await expect(term).toHaveAccessibleName('Sprint');
	await expect(term).toHaveAccessibleDescription(/two-week block of work/);
	const definition = page.locator('.glossary-popover', { hasText: 'two-week block of work' });
	await expect(definition).toBeHidden();
	expect(await expandedInAccessibilityTree(page, 'Sprint')).toBe(false);

	await tabToTerm(page);
	await expect(term).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(definition).toBeVisible();
	// Screen readers are told the button's state: the browser exposes it as expanded.
	expect(await expandedInAccessibilityTree(page, 'Sprint')).toBe(true);
	await page.keyboard.press('Tab');
	const link = definition.getByRole('link', { name: 'See it in the glossary' });
	await expect(link).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(definition).toBeHidden();
	await expect(term).toBeFocused();
	expect(await expandedInAccessibilityTree(page, 'Sprint')).toBe(false);

	// Space opens it too, and the link leads to the term's entry.
	await page.keyboard.press('Space');
	await expect(definition).toBeVisible();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/tidewater-logistics\/glossary\/#sprint$/);
	await expect(page.locator('#sprint dt')).toHaveText('sprint');
});

test('a pointer opens a definition and a click elsewhere closes it; terms in headings and links are left alone', async ({ page }) => {
	await unlockWithLink(page, 'jinghong-precision', 'shen-guohua');
	await page.goto('jinghong-precision/updates/2026-11-20/');
	await page.locator('#main').waitFor();
	const first = page.locator('.glossary-term-button').first();
	await first.click();
	const open = page.locator('.glossary-popover:popover-open');
	await expect(open).toHaveCount(1);
	await expect(open.getByRole('link')).toHaveText('在术语表中查看');
	await page.mouse.click(5, 5);
	await expect(open).toHaveCount(0);
	expect(await page.locator(':is(h1, h2, h3, a) .glossary-term').count()).toBe(0);
});

test('the glossary page lists every term with an anchor, by pinyin in Chinese, and is in the menu', async ({ page }) => {
	await unlockWithLink(page, 'jinghong-precision', 'shen-guohua');
	await page.getByRole('navigation').getByRole('link', { name: '术语表' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('术语表');
	const terms = page.locator('.glossary-list dt');
	await expect(terms).toHaveText(['打通', '接口', '联调', '排期', '上线', '月结', '主数据', 'ERP', 'MES', 'UAT']);
	// "See also" links go to the entry on the same page.
	const entry = page.locator('.glossary-list > div', { has: page.locator('dt', { hasText: /^接口$/ }) });
	await entry.getByRole('link', { name: '联调' }).click();
	await expect(page.locator('.glossary-list > div:target dt')).toHaveText('联调');
});

// Screenshots for people to look at (tests/.output/screenshots/glossary/): the Glossary page and a term
// opened on an update, in English and Chinese, on a phone and a desktop, light and dark.
const SHOTS = [
	{ client: 'tidewater-logistics', entry: 'aoife-brennan', update: 'updates/2026-10-23/' },
	{ client: 'jinghong-precision', entry: 'shen-guohua', update: 'updates/2026-11-20/' },
];
for (const { client, entry, update } of SHOTS) {
	test(`screenshots of ${client}'s glossary and an opened term`, async ({ browser }) => {
		test.setTimeout(120_000);
		for (const colorScheme of ['light', 'dark'] as const) {
			for (const width of [390, 1280]) {
				const context = await browser.newContext({ viewport: { width, height: 844 }, colorScheme });
				const page = await context.newPage();
				await unlockWithLink(page, client, entry);
				const name = `${client}-${width}-${colorScheme}`;
				await page.goto(`${client}/glossary/`);
				await page.locator('#main').waitFor();
				await page.evaluate('document.fonts.ready');
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `${client}/glossary/ overflows by ${overflow}px`).toBeLessThanOrEqual(0);
				await page.screenshot({ path: `tests/.output/screenshots/glossary/${name}-page.png`, fullPage: true });
				await page.goto(`${client}/${update}`);
				await page.locator('#main').waitFor();
				const term = page.locator('.glossary-term-button').first();
				await term.scrollIntoViewIfNeeded();
				await term.click();
				await expect(page.locator('.glossary-popover:popover-open')).toBeVisible();
				await page.screenshot({ path: `tests/.output/screenshots/glossary/${name}-term.png` });
				await context.close();
			}
		}
	});
}
