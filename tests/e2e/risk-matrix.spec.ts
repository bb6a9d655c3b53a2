import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { buildSite } from '../support/build-site';
import { serve } from '../support/static-server.mjs';
import { linkFragment, waitUntilRemembered } from './unlock';
import { TEST_SECRET } from '../support/open-page';
import { derivePathSegment } from '@/keys/derive-credentials';
import { decodeSecret } from '@/keys/secret';

// The risk matrix on a fixture of its own (tests/fixtures/risks): eight risks across every
// severity, one closed. Built once for this file, as of 15 June 2026, served on a free port.
const CONTENT = path.resolve(import.meta.dirname, '../fixtures/risks/content');
const BASE = '/glasshouse/';
let server: Server;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(300_000);
	const run = await buildSite('e2e-risks', CONTENT, { base: BASE, env: { GLASSHOUSE_TODAY: '2026-06-15' } });
	expect(run.status, run.stderr).toBe(0);
	server = await serve(run.outDir, 0, BASE);
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
});

test.afterAll(() => {
	server?.close();
});

async function openRegister(page: Page, client = 'harbor', entry = 'ops'): Promise<void> {
	await page.goto(`${origin}${client}/${await linkFragment(client, entry, CONTENT)}`);
	await waitUntilRemembered(page, client);
	await page
		.getByRole('navigation')
		.getByRole('link', { name: client === 'harbor' ? 'Risks' : '风险' })
		.click();
}

const visibleRisks = (page: Page) => page.locator('[data-risk]:visible h3');

test('the matrix counts live risks per cell, and a cell shows its risks', async ({ page }) => {
	await openRegister(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk register');
	const matrix = page.getByRole('table', { name: 'Live risks by likelihood and impact' });
	const expected = {
		'high-low': 0,
		'high-medium': 1,
		'high-high': 1,
		'medium-low': 0,
		'medium-medium': 2,
		'medium-high': 1,
		'low-low': 1,
		'low-medium': 0,
		'low-high': 1,
	};
	for (const [cell, count] of Object.entries(expected)) {
		await expect(matrix.locator(`[data-cell="${cell}"] [aria-hidden="true"]`).first(), cell).toHaveText(String(count));
	}
	// The high/high corner is drawn top right, and every cell says its severity in words.
	await expect(matrix.locator('tbody tr').first().locator('td').last()).toHaveAttribute('data-cell', 'high-high');
	await expect(matrix.locator('[data-cell="high-high"]')).toContainText('High risk');
	// Seven live risks; the closed one waits, folded away, under "Closed risks".
	await expect(visibleRisks(page)).toHaveCount(7);

	await matrix.getByRole('link', { name: '2 live risks with medium likelihood and medium impact (Medium risk)' }).click();
	await expect(visibleRisks(page)).toHaveText(['Testing effort exceeds the budgeted days', 'Late feature requests from depot managers']);
	await expect(page).toHaveURL(/\/risks\/\?likelihood=medium&impact=medium$/);
	await expect(page.getByText('Only risks with medium likelihood and medium impact.')).toBeVisible();
	await expect(page.getByText('Showing 2 of 8 risks')).toBeVisible();
	await expect(page.locator('#register')).toBeFocused();
	await expect(page.getByText('Closed risks (1)')).toBeHidden();

	await matrix.getByRole('link', { name: /^1 live risk with low likelihood and high impact/ }).click();
	await expect(visibleRisks(page)).toHaveText(['Depot kiosks run a browser too old for the portal']);

	// The filtered view survives a reload (the link can be shared), and "Show all" undoes it.
	await page.reload();
	await expect(visibleRisks(page)).toHaveText(['Depot kiosks run a browser too old for the portal']);
	await page.getByRole('button', { name: 'Show all risks' }).click();
	await expect(visibleRisks(page)).toHaveCount(7);
	await expect(page).toHaveURL(/\/risks\/$/);
});

test('the status filter finds closed risks, and a risk opens its own page', async ({ page }) => {
	await openRegister(page);
	await page.getByLabel('Status').selectOption('closed');
	await expect(page.getByText('Closed risks (1)')).toBeVisible();
	await expect(visibleRisks(page)).toHaveText(['Hosting contract not signed before staging is needed']);
	await expect(page.getByRole('heading', { name: /^Live risks \(7\)$/ })).toBeHidden();
	await page.getByLabel('Status').selectOption('mitigating');
	await expect(visibleRisks(page)).toHaveText([
		'Carrier API changes its booking format mid-project',
		'Depot kiosks run a browser too old for the portal',
	]);

	await page.getByRole('link', { name: 'Carrier API changes its booking format mid-project' }).click();
	// Named by a segment derived from the secret: the id would show in an address anyone can read.
	await expect(page).toHaveURL(
		new RegExp(`/harbor/risks/${await derivePathSegment(decodeSecret(TEST_SECRET), 'harbor', 'risk', 'carrier-api')}/$`),
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carrier API changes its booking format mid-project');
	await expect(page.getByText('Review overdue')).toBeVisible();
	await page.getByRole('link', { name: 'Risk register', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risk register');
});

test('on a phone the matrix fits the screen and a cell still leads to its risks, in Chinese too', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await openRegister(page, 'lotus', 'quality');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('风险登记册');
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
	const matrix = page.getByRole('table', { name: '未关闭风险：可能性 × 影响' });
	await matrix.getByRole('link', { name: '可能性中、影响高的未关闭风险：1 项（高风险）' }).click();
	await expect(visibleRisks(page)).toHaveText(['车间条码打印机型号过旧，无法打印二维码']);
	await expect(page.locator('#register')).toBeInViewport();
	await context.close();
});
