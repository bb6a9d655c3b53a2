import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serve } from '../support/static-server.mjs';
import { buildSite } from '../support/build-site';
import { linkFragment, waitUntilRemembered } from './unlock';

// A fixture of its own, built and served next to the demo: action items owed by both sides,
// agreed in minutes, reaching the overview of a stakeholder who opened their personal link.
const CONTENT = path.resolve(import.meta.dirname, '../fixtures/meetings/content');
const PORT = Number(process.env.GLASSHOUSE_E2E_PORT ?? 4510) + 30;
const BASE = '/minutes/';

test.describe('action items from meeting minutes', () => {
	test.describe.configure({ mode: 'serial', timeout: 180_000 });
	let server: Server;

	test.beforeAll(async () => {
		// A build on a busy machine takes longer than the default hook timeout.
		test.setTimeout(300_000);
		const run = await buildSite('e2e-meetings', CONTENT, { base: BASE });
		expect(run.status, run.stderr).toBe(0);
		server = await serve(run.outDir, PORT, BASE);
	});
	test.afterAll(async () => {
		// Browsers keep connections alive; close them so the server stops at once.
		server?.closeAllConnections();
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	});

	test('the overview shows what the client owes and what we owe, each linking to its minutes', async ({ page }) => {
		// Overdue is judged by the visitor's day: on 10 March the client's item (due 9 March) is late, ours (due 12 March) is not.
		await page.clock.setFixedTime(new Date('2026-03-10T09:00:00'));
		await page.goto(`http://127.0.0.1:${PORT}${BASE}harbour/${await linkFragment('harbour', 'chris', CONTENT)}`);

		const needs = page.getByRole('region', { name: 'What we need from you' });
		const ours = page.getByRole('region', { name: 'Our commitments' });
		const kiwi = needs.getByRole('listitem').filter({ hasText: 'Send the harbourkiwi brand guidelines' });
		const otter = ours.getByRole('listitem').filter({ hasText: 'Share the harbourotter project plan' });
		await expect(kiwi).toBeVisible();
		await expect(otter).toBeVisible();
		await expect(needs).not.toContainText('harbourotter');
		await expect(ours).not.toContainText('harbourkiwi');
		await expect(kiwi.getByText('Overdue')).toBeVisible();
		await expect(otter.getByText('Overdue')).toBeHidden();

		await otter.getByRole('link', { name: 'From: Kick-off of the harbourseal booking site' }).click();
		await expect(page).toHaveURL(/\/minutes\/harbour\/meetings\/2026-03-02-kickoff\/#action-1$/);
		const promised = page.locator('#action-1');
		await expect(promised).toContainText('Share the harbourotter project plan');
		await expect(promised).toContainText('Pat Vendor (Fixture Agency)');
		await expect(promised).toHaveAttribute('data-targeted', '');
		await expect(promised).toBeInViewport();

		await page.goBack();
		await kiwi.getByRole('link', { name: /^From: / }).click();
		await expect(page).toHaveURL(/\/meetings\/2026-03-02-kickoff\/#action-0$/);
		await expect(page.locator('#action-0')).toContainText('Chris Client (Harbour Ferries)');
		await expect(page.locator('#action-0')).toHaveAttribute('data-targeted', '');
		await expect(page.locator('#action-1')).not.toHaveAttribute('data-targeted');
	});

	for (const [client, entry, pages] of [
		['harbour', 'chris', ['', 'meetings/', 'meetings/2026-03-02-kickoff/', 'milestones/']],
		['lantern', 'li', ['', 'closeout/', 'meetings/2026-05-28-retrospective/']],
	] as const) {
		test(`${client}: the new pages fit a phone screen`, async ({ browser }) => {
			const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
			const page = await context.newPage();
			await page.goto(`http://127.0.0.1:${PORT}${BASE}${client}/${await linkFragment(client, entry, CONTENT)}`);
			await waitUntilRemembered(page, client);
			for (const path of pages) {
				await page.goto(`http://127.0.0.1:${PORT}${BASE}${client}/${path}`);
				await page.locator('main#main').waitFor();
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `${client}/${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
				await page.screenshot({
					path: `tests/.output/screenshots/meetings-${client}-${path.replace(/\W+/g, '-') || 'overview'}-phone.png`.replace(/-+/g, '-'),
					fullPage: true,
				});
			}
			await context.close();
		});
	}
});
