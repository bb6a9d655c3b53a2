import { expect, test } from '@playwright/test';
import { unlockWithLink } from './unlock';

// Every visit starts like a stakeholder's: through their personal link, after which the site
// opens page after page without asking again.
test.beforeEach(async ({ page }) => {
	await unlockWithLink(page, 'tidewater-logistics', 'aoife-brennan');
	await unlockWithLink(page, 'jinghong-precision', 'shen-guohua');
});

test.describe('a client stakeholder on the English demo site', () => {
	test('sees the current health, what is needed from them and what comes next', async ({ page }) => {
		await page.goto('tidewater-logistics/');
		await expect(page).toHaveTitle(/Project overview · Website and tracking portal replatforming/);
		const health = page.getByTestId('health-panel');
		await expect(health.locator('[data-health]').first()).toHaveText(/At risk/);
		await expect(health).toContainText('Last updated');
		await expect(health).toContainText('Nov 20, 2026');
		await expect(health).toContainText('Nov 27, 2026');
		await expect(page.getByRole('heading', { name: 'What we need from you' })).toBeVisible();
		await expect(page.getByTestId('needs').locator('li')).not.toHaveCount(0);
		await expect(page.getByRole('heading', { name: 'Next milestones' })).toBeVisible();
		await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '64');
	});

	test('reads the latest update and steps back to the previous one', async ({ page }) => {
		await page.goto('tidewater-logistics/');
		await page.getByRole('link', { name: 'Read the full update' }).click();
		await expect(page).toHaveURL(/\/glasshouse\/tidewater-logistics\/updates\/2026-11-20\/$/);
		for (const section of ['Done', 'In progress', 'Next', 'Risks and issues', 'Needs from you']) {
			await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible();
		}
		await page.getByRole('link', { name: /Previous update/ }).click();
		await expect(page).toHaveURL(/updates\/2026-11-13\/$/);
		await expect(page.getByRole('link', { name: /Next update/ })).toBeVisible();
	});

	test('follows a decision to the decision that superseded it and back', async ({ page }) => {
		await page.goto('tidewater-logistics/decisions/');
		await page.getByRole('link', { name: /Azure Static Web Apps/ }).click();
		const chain = page.getByTestId('decision-chain');
		await expect(chain).toContainText('Superseded by');
		await chain.getByRole('link', { name: /#5 Host the front end on Netlify/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Netlify/);
		await expect(page.getByTestId('decision-chain')).toContainText('Supersedes');
		await page.getByTestId('decision-chain').getByRole('link', { name: /#2/ }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Azure/);
	});

	test('filters decisions by status and tag, and keeps the filter in the URL', async ({ page }) => {
		await page.goto('tidewater-logistics/decisions/');
		const rows = page.locator('[data-decision-table] tbody tr:visible');
		await expect(rows).toHaveCount(7);
		await page.getByLabel('Status').selectOption('superseded');
		await expect(rows).toHaveCount(1);
		await expect(rows.first()).toContainText('Azure');
		await expect(page).toHaveURL(/\?status=superseded$/);
		await page.reload();
		await expect(rows).toHaveCount(1);
		await page.getByLabel('Status').selectOption('');
		await page.getByLabel('Tag').selectOption('hosting');
		await expect(rows).toHaveCount(2);
		await page.getByLabel('Status').selectOption('proposed');
		await expect(rows).toHaveCount(0);
		await expect(page.getByText('No decision matches these filters.')).toBeVisible();
	});

	test('lists milestones grouped by status with slipped dates', async ({ page }) => {
		await page.goto('tidewater-logistics/milestones/');
		// The chart of all milestones comes first, then the groups, the ones needing attention first.
		await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Project timeline');
		await expect(page.locator('h2[id^="group-"]').first()).toHaveText(/Late/);
		const late = page.getByTestId('milestone').first();
		await expect(late).toContainText('Forecast');
		await expect(late).toContainText(/days later than planned/);
	});
});

test.describe('switching between the English and Chinese demo sites', () => {
	test("each site speaks its client's language", async ({ page }) => {
		await page.goto('tidewater-logistics/contacts/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('navigation', { name: 'Project sections' })).toContainText('Overview');

		await page.goto('jinghong-precision/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		const nav = page.getByRole('navigation', { name: '项目栏目' });
		await expect(nav.getByRole('link', { name: '概览' })).toHaveAttribute('aria-current', 'page');
		await expect(page.getByTestId('health-panel')).toContainText('2026年11月20日');
		await nav.getByRole('link', { name: '决策' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('决策记录');
		await page.getByRole('link', { name: '采用批次管理替代序列号管理' }).click();
		await expect(page.locator('article')).toContainText('批次');
	});
});

test.describe('privacy and access basics', () => {
	test('the site root names no client', async ({ page }) => {
		await page.goto('');
		await expect(page.locator('body')).not.toContainText('Tidewater');
		await expect(page.locator('body')).not.toContainText('精鸿');
		await expect(page.locator('a[href*="tidewater"], a[href*="jinghong"]')).toHaveCount(0);
	});

	test('every page asks search engines not to index it', async ({ page }) => {
		await page.goto('tidewater-logistics/faq/');
		await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
	});

	test('keyboard users can skip to the content', async ({ page }) => {
		await page.goto('tidewater-logistics/');
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeVisible();
	});

	test('an update prints on at most two A4 pages', async ({ page }) => {
		for (const path of ['tidewater-logistics/updates/2026-11-20/', 'jinghong-precision/updates/2026-11-20/']) {
			await page.goto(path);
			await expect(page.locator('#main')).toBeVisible();
			const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
			const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
			expect(pages.length, path).toBeGreaterThanOrEqual(1);
			expect(pages.length, path).toBeLessThanOrEqual(2);
		}
	});

	test('the printout of an update leaves out navigation', async ({ page }) => {
		await page.goto('tidewater-logistics/updates/2026-11-20/');
		await expect(page.getByRole('navigation', { name: 'Project sections' })).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('navigation', { name: 'Project sections' })).toBeHidden();
		await expect(page.getByRole('heading', { name: 'Risks and issues' })).toBeVisible();
	});
});
