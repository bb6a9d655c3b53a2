import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serve } from '../support/static-server.mjs';
import { buildSite, ROOT } from '../support/build-site';
import { linkFragment, waitUntilRemembered } from './unlock';

// The change log fixture (tests/fixtures/changes): Harbor in English and euros, Dongfang in
// Chinese and yuan, each with a change awaiting the client. Built and served by this file.
const CONTENT = path.join(ROOT, 'tests/fixtures/changes/content');
const BASE = '/changes-e2e/';

test.describe.configure({ mode: 'serial', timeout: 180_000 });
let server: Server;
let origin = '';

test.beforeAll(async () => {
	// A build on a busy machine takes longer than the default hook timeout.
	test.setTimeout(300_000);
	const run = await buildSite('e2e-changes', 'tests/fixtures/changes/content', { base: BASE });
	expect(run.status, run.stderr).toBe(0);
	// Any free port: other browser tests may run at the same time.
	server = await serve(run.outDir, 0, BASE);
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
	server?.closeAllConnections();
	await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Opens `path` of a client straight from a personal link, as from an email. */
async function openWithLink(page: Page, client: string, entry: string, path: string): Promise<string> {
	const fragment = await linkFragment(client, entry, CONTENT);
	await page.goto(`${origin}${BASE}${client}/${path}${fragment}`);
	await waitUntilRemembered(page, client);
	return fragment;
}

/** Recipient, subject and body of a mailto link, decoded as a mail program does. */
function mail(href: string) {
	const url = new URL(href);
	expect(url.protocol).toBe('mailto:');
	return { to: decodeURIComponent(url.pathname), subject: url.searchParams.get('subject'), body: url.searchParams.get('body') };
}

test('the change log totals approved changes and, apart, those still undecided', async ({ page }) => {
	await openWithLink(page, 'harbor', 'greta', 'changes/');
	const totals = (kind: string) => page.locator(`[data-totals="${kind}"] [data-total]`);
	await expect(totals('approved')).toHaveText(['3', '+9 days', '+€12,300']);
	await expect(totals('pending')).toHaveText(['2', '+6 days', '+€4,700.50']);
	await expect(page.getByRole('heading', { name: 'Approved changes' })).toBeVisible();
	await expect(page.locator('[data-totals="pending"]')).toContainText('1 awaiting your decision');
	const first = page.locator('[data-change-table] tbody tr').first();
	await expect(first).toContainText('Dark mode for the portal');
	await expect(first).toContainText('Awaiting your decision');
	await first.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dark mode for the portal');
	await expect(page.getByRole('link', { name: 'Approve' })).toBeVisible();
});

test('Approve writes to the project manager about this change, with the page link but never the access token', async ({ page }) => {
	const fragment = await openWithLink(page, 'harbor', 'greta', 'changes/3/');
	const approve = page.getByRole('link', { name: 'Approve' });
	const pageLink = `${origin}${BASE}harbor/changes/3/`;
	// The link is filled in from the address the page was opened at, once its script has run.
	await expect(approve).toHaveAttribute('href', new RegExp(encodeURIComponent(pageLink).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
	const { to, subject, body } = mail((await approve.getAttribute('href'))!);
	expect(to).toBe('pat.vendor@fixture.example');
	expect(subject).toBe('Approved: CR-3 Dark mode for the portal');
	expect(body!.split('\r\n')).toEqual([
		'Hello Pat Vendor,',
		'',
		'We approve change request CR-3 "Dark mode for the portal".',
		'Impact: +4 days on the schedule, +€3,200.50 cost.',
		'Adds to scope: Dark mode.',
		'',
		`Change request: ${pageLink}`,
		'',
		'Conditions (if any):',
	]);
	const reject = mail((await page.getByRole('link', { name: 'Reject' }).getAttribute('href'))!);
	expect(reject.subject).toBe('Rejected: CR-3 Dark mode for the portal');
	expect(reject.body).toContain('We reject change request CR-3');
	expect(reject.body!.endsWith('Reasons:')).toBe(true);
	for (const href of [await approve.getAttribute('href'), reject.body]) expect(href).not.toContain(fragment.slice(1));
});

test('a Chinese client reads totals in yuan and rejects by email in Chinese', async ({ page }) => {
	await openWithLink(page, 'dongfang', 'sponsor', 'changes/');
	await expect(page.locator('[data-totals="approved"] [data-total]')).toHaveText(['1', '+15天', '+¥80,000']);
	await expect(page.locator('[data-totals="pending"] [data-total]')).toHaveText(['1', '+5天', '+¥24,000']);
	await page.goto(`${origin}${BASE}dongfang/changes/2/`);
	const reject = page.getByRole('link', { name: '拒绝' });
	await expect(reject).toHaveAttribute('href', /127\.0\.0\.1/);
	const { to, subject, body } = mail((await reject.getAttribute('href'))!);
	expect(to).toBe('lilei@fixture.example');
	expect(subject).toBe('拒绝：CR-2 供应商上传发票');
	expect(body).toContain('李雷，您好：');
	expect(body).toContain(`变更申请页面：${origin}${BASE}dongfang/changes/2/`);
	expect(body!.endsWith('拒绝理由：')).toBe(true);
});

for (const viewport of [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 900 },
]) {
	test(`the change log and a change awaiting the client fit a ${viewport.name} screen in both languages`, async ({ browser }) => {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		for (const [client, entry, awaiting] of [
			['harbor', 'greta', 3],
			['dongfang', 'sponsor', 2],
		] as const) {
			await openWithLink(page, client, entry, 'changes/');
			for (const path of ['changes/', `changes/${awaiting}/`]) {
				await page.goto(`${origin}${BASE}${client}/${path}`);
				await page.locator('#main').waitFor();
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `${client}/${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
				await page.screenshot({
					path: `tests/.output/screenshots/changes-${client}-${path.replace(/\W+/g, '-')}${viewport.name}.png`,
					fullPage: true,
				});
			}
		}
		await context.close();
	});
}
