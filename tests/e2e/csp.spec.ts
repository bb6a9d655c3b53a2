import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serve } from '../support/static-server.mjs';
import { linkFragment, password, waitUntilRemembered } from './unlock';

// The e2e site served as Netlify and Cloudflare Pages serve it: every response carries the headers
// the build's own _headers file gives its path (see tests/support/static-server.mjs --headers).
// The lock screen, the unlock code, every decrypted page and every script they run (search with
// Pagefind's WebAssembly, what's new, mail links, filters) must work under that
// Content-Security-Policy without a single violation.
const SITE = path.resolve(import.meta.dirname, '../.output/e2e');
const BASE = '/glasshouse/';
const TIDEWATER = 'tidewater-logistics';

let server: Server;
let origin: string;
/** An absolute URL on the server that applies _headers (a free port, so it clashes with nothing). */
const url = (pathname: string) => `${origin}${BASE}${pathname}`;

/** Collects every CSP violation the page reports, as events and as console messages. */
async function watchViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			(window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
				`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber}`,
			);
		});
	});
	page.on('console', (message) => {
		if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
	});
	return violations;
}

async function unlock(page: Page, client: string, entry: string): Promise<void> {
	const first = await page.goto(url(`${client}/${await linkFragment(client, entry)}`));
	// The policy really is in force: a test that passed without it would prove nothing.
	expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
	await waitUntilRemembered(page, client);
}

const results = (page: Page) => page.getByTestId('search-results').locator('li');
const filter = (page: Page, name: 'type' | 'status' | 'year') => page.locator(`[data-search] select[name="${name}"]`);
const searchStatus = (page: Page) => page.locator('[data-search] [data-status]');
/** The total the search page announces ("32 result(s)"); the list itself shows at most 30. */
async function resultCount(page: Page): Promise<number> {
	await expect(searchStatus(page)).toHaveText(/^\d+ result/);
	return Number(/^(\d+)/.exec((await searchStatus(page).textContent()) ?? '')![1]);
}
const titles = (page: Page) => results(page).getByRole('link').allTextContents();

test.describe('under the Content-Security-Policy of dist/_headers', () => {
	// Started once the web server has built the site; the built _headers is read then.
	test.beforeAll(async () => {
		server = await serve(SITE, 0, BASE, { headers: true });
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	test.afterAll(async () => {
		server?.closeAllConnections();
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	});

	test('a personal link unlocks the English site and every section renders', async ({ page }) => {
		const violations = await watchViolations(page);
		const first = await page.goto(url(`${TIDEWATER}/${await linkFragment(TIDEWATER, 'aoife-brennan')}`));
		expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
		expect(first?.headers()['x-robots-tag']).toBe('noindex');
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '64');
		const sections = page.getByRole('navigation', { name: 'Project sections' });
		for (const [link, heading] of [
			['Updates', 'Status updates'],
			['Decisions', 'Decision log'],
			['Milestones', 'Milestones'],
			['FAQ', 'Frequently asked questions'],
			['Contacts', 'Contacts and ways of working'],
		] as const) {
			await sections.getByRole('link', { name: link }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		}
		await page.goto(url(`${TIDEWATER}/decisions/`));
		// The decision filter is a script of its own: it must run under script-src 'self'.
		await page.getByLabel('Status').selectOption('superseded');
		await expect(page.locator('[data-decision-table] tbody tr:visible')).toHaveCount(1);
		await page.goto(url(`${TIDEWATER}/updates/2026-11-20/`));
		await expect(page.getByRole('heading', { name: 'In progress', exact: true })).toBeVisible();
		expect(violations).toEqual([]);
	});

	test('the password form unlocks the Chinese site', async ({ page }) => {
		const violations = await watchViolations(page);
		await page.goto(url('jinghong-precision/'));
		await page.getByLabel('密码').fill(await password('jinghong-precision'));
		await page.getByRole('button', { name: '解锁' }).click();
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await waitUntilRemembered(page, 'jinghong-precision');
		await page.goto(url('jinghong-precision/milestones/'));
		await expect(page.locator('main#main')).toBeVisible();
		expect(violations).toEqual([]);
	});

	// Pagefind compiles WebAssembly: without 'wasm-unsafe-eval' the page says "Search could not be
	// loaded". Driven through the page only, so it holds however the index files are named.
	test('search finds results, and each filter changes them', async ({ page }) => {
		const violations = await watchViolations(page);
		await unlock(page, TIDEWATER, 'aoife-brennan');
		await page.goto(url(`${TIDEWATER}/search/`));
		// Pagefind is loaded (not "Search could not be loaded") and asks for words.
		await expect(searchStatus(page)).toHaveText(/^Type a word or two/);
		await page.locator('[data-search] input[name="q"]').fill('tracking');
		await expect(results(page).first()).toBeVisible();
		const all = await resultCount(page);
		expect(all).toBeGreaterThan(1);

		// Year: results without a date, or of another year, drop out.
		const year = filter(page, 'year');
		const newest = (await year.locator('option').nth(1).getAttribute('value'))!;
		expect(newest).toMatch(/^\d{4}$/);
		await year.selectOption(newest);
		await expect(page).toHaveURL(new RegExp(`&year=${newest}$`));
		await expect.poll(() => resultCount(page)).toBeLessThan(all);
		for (const date of await results(page)
			.locator('time')
			.evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))))
			expect(date).toMatch(new RegExp(`^${newest}-`));
		await year.selectOption('');

		// Type, then status on top of it: each narrows the list further.
		await filter(page, 'type').selectOption('decision');
		await expect.poll(() => resultCount(page)).toBeLessThan(all);
		const decisions = await resultCount(page);
		for (const type of await results(page).evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.type)))
			expect(type).toBe('decision');
		const decisionTitles = await titles(page);
		await filter(page, 'status').selectOption('accepted');
		await expect(page).toHaveURL(/#q=tracking&type=decision&status=accepted$/);
		await expect.poll(() => resultCount(page)).toBeLessThan(decisions);
		const accepted = await titles(page);
		expect(accepted.length).toBeGreaterThan(0);
		for (const title of accepted) expect(decisionTitles).toContain(title);

		// The filtered address, loaded afresh, shows the same results; the first opens its page.
		// (Clicked only after a fresh load: leaving a changed field fires "change", which re-runs
		// the search and redraws the list under the pointer, so that first click is lost.)
		await page.reload();
		await expect(results(page).getByRole('link')).toHaveText(accepted);
		const [firstTitle] = accepted;
		await results(page).first().getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle!.split(' › ')[0]!);
		expect(violations).toEqual([]);
	});

	test('the header search box leads to results on the search page', async ({ page }) => {
		const violations = await watchViolations(page);
		await unlock(page, TIDEWATER, 'aoife-brennan');
		await page.goto(url(`${TIDEWATER}/decisions/`));
		await page.locator('[data-header-search][data-ready]').waitFor({ state: 'attached' });
		const box = page.locator('[data-header-search]').getByRole('searchbox');
		await box.fill('Netlify');
		await box.press('Enter');
		await expect(page).toHaveURL(/\/search\/#q=Netlify$/);
		await expect(results(page).first()).toContainText('Netlify');
		expect(violations).toEqual([]);
	});

	test("what's new marks what changed since the last visit", async ({ page }) => {
		const violations = await watchViolations(page);
		// A last visit long ago, as whats-new.spec.ts does for a public client: everything is new.
		await page.addInitScript(
			(key) => localStorage.getItem(key) ?? localStorage.setItem(key, '2000-01-01T00:00:00.000Z'),
			`glasshouse:last-visit:${BASE}${TIDEWATER}`,
		);
		await unlock(page, TIDEWATER, 'aoife-brennan');
		const card = page.getByTestId('whats-new');
		await expect(card.getByText(/^Your last visit: .+/)).toBeVisible();
		await expect(card.getByRole('listitem').first()).toContainText('New');
		await page.goto(url(`${TIDEWATER}/updates/`));
		await expect(page.locator('main [data-mark="new"]').first()).toBeVisible();
		expect(violations).toEqual([]);
	});

	test('"Ask about this" and Approve / Reject get this page\'s address', async ({ page }) => {
		const violations = await watchViolations(page);
		await unlock(page, TIDEWATER, 'aoife-brennan');
		// The build wrote its own idea of the address; the script replaces it with where the page is.
		const here = (pathname: string) => new RegExp(encodeURIComponent(url(pathname)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		await page.goto(url(`${TIDEWATER}/decisions/`));
		const ask = page.getByRole('link', { name: 'Ask about this' });
		await expect(ask).toHaveAttribute('href', /^mailto:/);
		await expect(ask).toHaveAttribute('href', here(`${TIDEWATER}/decisions/`));
		await page.goto(url(`${TIDEWATER}/changes/5/`));
		for (const name of ['Approve', 'Reject']) {
			const answer = page.getByRole('link', { name });
			await expect(answer).toHaveAttribute('href', /^mailto:/);
			await expect(answer).toHaveAttribute('href', here(`${TIDEWATER}/changes/5/`));
		}
		expect(violations).toEqual([]);
	});
});
