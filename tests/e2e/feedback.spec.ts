import { expect, test } from '@playwright/test';
import { unlockWithLink } from './unlock';

// The feedback log of the served demo: filters run in the page and keep their choice in the address.
test('the feedback log filters by kind and status, hides emptied sections and keeps the choice in the URL', async ({ page }) => {
	await unlockWithLink(page, 'tidewater-logistics', 'aoife-brennan');
	await page.getByRole('navigation').getByRole('link', { name: 'Feedback' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You said, we did');
	const items = page.locator('[data-feedback]:visible');
	const open = page.locator('[data-feedback-section="open"]');
	await expect(items).toHaveCount(6);
	await expect(items.first()).toContainText('Groupage customers call the service desk');

	await page.getByLabel('Kind').selectOption('request');
	await expect(items).toHaveCount(2);
	await expect(page.locator('[data-count]')).toHaveText('2 of 6 items');
	// The one open item is a concern: its section goes, heading and all.
	await expect(open).toBeHidden();
	expect(new URL(page.url()).search).toBe('?kind=request');

	await page.getByLabel('Status').selectOption('declined');
	await expect(items).toHaveCount(1);
	await expect(items.first()).toContainText('careers pages');
	await expect(items.first()).toContainText('Why we declined:');

	await page.getByLabel('Kind').selectOption('praise');
	await expect(items).toHaveCount(0);
	await expect(page.getByText('No feedback matches these filters.')).toBeVisible();

	// A shared filtered address opens filtered.
	await page.goto('tidewater-logistics/feedback/?status=in-progress');
	await page.locator('#main').waitFor();
	await expect(items).toHaveCount(1);
	await expect(open).toBeVisible();
	await items.first().getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Groupage customers call the service desk');
	await expect(page.getByTestId('feedback-facts')).toContainText('Ravi Menon');
});
