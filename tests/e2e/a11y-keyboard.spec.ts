import { expect, test, type Page } from '@playwright/test';
import { password, unlockWithLink } from './unlock';

// Keyboard and assistive-technology behaviour of the client's side (issue 15): focus after
// unlocking, deep links, the risk matrix, filters, the search shortcut, the lock screen, and the
// timeline and progress bar in forced colours.
const TIDEWATER = 'tidewater-logistics';
const SHOTS = 'tests/.output/screenshots';

const focused = (page: Page) =>
	page.evaluate(() => {
		const active = document.activeElement as HTMLElement | null;
		return { tag: active?.tagName ?? '', id: active?.id ?? '', text: active?.textContent?.trim().slice(0, 80) ?? '' };
	});

test.describe('the lock screen', () => {
	test('a wrong password is tied to the field, the hint to its checkbox, and "Unlocking…" is announced', async ({ page }) => {
		await page.goto(`${TIDEWATER}/`);
		const field = page.getByLabel('Password', { exact: true });
		await expect(field).toBeFocused();
		await expect(page.getByRole('checkbox', { name: 'Remember this device' })).toHaveAccessibleDescription(/Untick on a shared computer/);
		await expect(field).not.toHaveAttribute('aria-invalid');
		// Show password: the passphrase can be checked before sending it.
		await field.fill('not-the-password-at-all');
		const reveal = page.getByRole('button', { name: 'Show password' });
		await reveal.click();
		await expect(field).toHaveAttribute('type', 'text');
		await expect(reveal).toHaveAttribute('aria-pressed', 'true');
		await reveal.click();
		await expect(field).toHaveAttribute('type', 'password');
		await field.focus();
		// "Unlocking…" lasts only while the key is derived: a fast machine clears it before a poll
		// would see it, so every text the status region takes is recorded from before the press.
		await page.getByRole('status').evaluate((region) => {
			const texts: string[] = [];
			(window as unknown as { statusTexts: string[] }).statusTexts = texts;
			new MutationObserver(() => texts.push(region.textContent ?? '')).observe(region, {
				childList: true,
				characterData: true,
				subtree: true,
			});
		});
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts)).toContain('Unlocking…');
		await expect(page.getByRole('alert')).toHaveText('That password did not work. Check it and try again.', { timeout: 20_000 });
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await expect(field).toHaveAccessibleDescription('That password did not work. Check it and try again.');
		await expect(field).toBeFocused();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.screenshot({ path: `${SHOTS}/a11y-lock-error-light.png` });
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.screenshot({ path: `${SHOTS}/a11y-lock-error-dark.png` });
	});

	test('the card keeps its size when the form replaces "Opening…" (no layout shift)', async ({ browser }) => {
		const sizes: number[] = [];
		for (const javaScriptEnabled of [false, true]) {
			const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
			const page = await context.newPage();
			await page.goto(`${TIDEWATER}/`);
			if (javaScriptEnabled) await expect(page.locator('form[data-gh-form]')).toBeVisible();
			else await expect(page.getByText('JavaScript is needed')).toBeVisible();
			sizes.push((await page.locator('.gh-card').boundingBox())!.height);
			await context.close();
		}
		expect(sizes[1]).toBe(sizes[0]);
	});

	test('after a password unlock, focus is on the page heading and the unlock is announced', async ({ page }) => {
		await page.goto(`${TIDEWATER}/risks/`);
		await page.getByLabel('Password', { exact: true }).fill(await password(TIDEWATER));
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1 })).toBeFocused({ timeout: 20_000 });
		await expect(page.locator('[data-gh-unlocked]')).toHaveText(/^Unlocked\. Risk register · /);
		await expect(page.locator('[data-gh-unlocked]')).toHaveAttribute('role', 'status');
	});
});

test.describe('once unlocked', () => {
	test.beforeEach(async ({ page }) => {
		await unlockWithLink(page, TIDEWATER, 'aoife-brennan');
	});

	test('a deep link to an action item focuses it, and the next Tab continues from there', async ({ page }) => {
		const link = page.locator('a[href*="#action-"]').first();
		const target = (await link.getAttribute('href'))!;
		await page.goto(target.replace(/^\/glasshouse\//, ''));
		const id = target.split('#')[1]!;
		await expect(page.locator(`[id="${id}"]`)).toBeFocused();
		await page.keyboard.press('Tab');
		const after = await page.evaluate(
			(anchor) =>
				Boolean(document.getElementById(anchor)!.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING),
			id,
		);
		expect(after, `focus after Tab: ${JSON.stringify(await focused(page))}`).toBe(true);
	});

	test('the matrix and the status filter work from the keyboard, and "Show all risks" keeps focus', async ({ page }) => {
		await page.goto(`${TIDEWATER}/risks/`);
		const cell = page.locator('[data-cell-link]').first();
		await cell.focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('#register')).toBeFocused();
		const clear = page.getByRole('button', { name: 'Show all risks' });
		await expect(clear).toBeVisible();
		await clear.focus();
		await page.keyboard.press('Enter');
		await expect(clear).toBeHidden();
		await expect(page.locator('#register')).toBeFocused();
		const status = page.getByLabel('Status');
		await status.focus();
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('p[data-count]')).toHaveText(/^Showing \d+ of \d+ risks$/);
		expect(new URL(page.url()).searchParams.get('status')).not.toBeNull();
	});

	test('"/" focuses the header search on a wide screen, does nothing on a phone, and can be turned off', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${TIDEWATER}/decisions/`);
		await page.locator('[data-header-search][data-ready]').waitFor({ state: 'attached' });
		await page.keyboard.press('/');
		await expect(page.getByRole('searchbox', { name: 'Search this project' })).toBeFocused();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.locator('h1').click();
		await page.keyboard.press('/');
		await expect(page).toHaveURL(/\/decisions\/$/);
		await page.goto(`${TIDEWATER}/search/`);
		await page.locator('[data-search-shortcut][data-ready]').waitFor();
		const setting = page.getByRole('checkbox', { name: /Jump to the search box when I press \// });
		await expect(setting).toBeChecked();
		await setting.press('Space');
		await expect(setting).not.toBeChecked();
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${TIDEWATER}/decisions/`);
		await page.locator('[data-header-search][data-ready]').waitFor({ state: 'attached' });
		await page.keyboard.press('/');
		await expect(page.getByRole('searchbox', { name: 'Search this project' })).not.toBeFocused();
	});

	test('the timeline has a name and a table of milestones with dates and status, linked', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		const timeline = page.getByTestId('milestone-gantt');
		await expect(timeline.getByRole('img', { name: /^Gantt chart of \d+ milestones\./ })).toBeVisible();
		// Status in words on the bars, not by colour alone.
		await expect(timeline.locator('.diagram-drawing svg')).toContainText('(Done)');
		await timeline.locator('summary').click();
		const table = timeline.getByRole('table', { name: 'The timeline as a table' });
		await expect(table).toBeVisible();
		const rows = table.locator('tbody tr');
		expect(await rows.count()).toBeGreaterThan(3);
		await expect(rows.first().getByRole('link')).toHaveAttribute('href', /\/milestones\/#[\w-]+$/);
		await expect(rows.first().locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
		await expect(table).toContainText('Done');
		await timeline.screenshot({ path: `${SHOTS}/a11y-timeline-table-light.png` });
		await page.emulateMedia({ colorScheme: 'dark' });
		await timeline.screenshot({ path: `${SHOTS}/a11y-timeline-table-dark.png` });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.emulateMedia({ colorScheme: 'light' });
		// On a phone each row is a card: nothing to scroll sideways for, every status on screen, and
		// still a table with row and column headers to a screen reader.
		const region = timeline.getByRole('region', { name: 'The timeline as a table' });
		expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
		const statuses = rows.locator('td:last-child');
		for (let index = 0; index < (await rows.count()); index++) {
			const box = (await statuses.nth(index).boundingBox())!;
			expect(box.x + box.width, `row ${index + 1}'s status is off the screen`).toBeLessThanOrEqual(390);
		}
		await expect(table.getByRole('rowheader')).toHaveCount(await rows.count());
		await expect(table.getByRole('columnheader')).toHaveCount(5);
		await expect(rows.first().getByRole('cell')).toHaveCount(4);
		await timeline.screenshot({ path: `${SHOTS}/a11y-timeline-table-phone.png` });
	});

	test('in forced colours the legend swatches and the progress bar stay visible', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.emulateMedia({ forcedColors: 'active' });
		await page.reload();
		await page.getByRole('main').and(page.locator('#main')).waitFor();
		const swatch = page.locator('.diagram-swatch').first();
		const swatchStyle = await swatch.evaluate((element) => {
			const style = getComputedStyle(element);
			return {
				adjust: style.forcedColorAdjust,
				border: style.borderTopColor,
				width: style.borderTopWidth,
				background: style.backgroundColor,
			};
		});
		expect(swatchStyle.adjust).toBe('none');
		expect(swatchStyle.width).toBe('2px');
		expect(swatchStyle.border).not.toBe(swatchStyle.background);
		expect(swatchStyle.border).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
		const bar = page.getByRole('progressbar');
		const barStyle = await bar.evaluate((element) => ({
			track: getComputedStyle(element).borderTopWidth,
			fill: getComputedStyle(element.firstElementChild!).backgroundColor,
			canvas: getComputedStyle(document.body).backgroundColor,
		}));
		expect(barStyle.track).toBe('1px');
		expect(barStyle.fill).not.toBe(barStyle.canvas);
		expect(barStyle.fill).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
		await page.getByTestId('milestone-gantt').screenshot({ path: `${SHOTS}/a11y-forced-colours-timeline.png` });
		await page.getByTestId('health-panel').screenshot({ path: `${SHOTS}/a11y-forced-colours-progress.png` });
	});
});
