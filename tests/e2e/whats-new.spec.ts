import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { serve } from '../support/static-server.mjs';
import { buildSite } from '../support/build-site';
import { linkFragment, waitUntilRemembered } from './unlock';
import { formatDate } from '@/lib/format-date';

// "What's new since your last visit" across a redeploy, and "Ask about this", on a fixture with a
// private English client (orbit) and a public Chinese one (lianhe). The content is a fresh copy
// outside git, so every file's times are its modification times.
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/whats-new/content');
const PORT = Number(process.env.GLASSHOUSE_E2E_PORT ?? 4510) + 30;
const BASE = '/whats-new/';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const url = (pathname: string) => `${ORIGIN}${BASE}${pathname}`;
const shot = (name: string) => `tests/.output/screenshots/whats-new-${name}.png`;
/** The default title of an English update ("updates.defaultTitle"). */
const title = (date: string) => `Status update of ${formatDate(date, 'en', 'long')}`;

test.describe("what's new and ask about this", () => {
	test.describe.configure({ mode: 'serial', timeout: 300_000 });
	const content = path.join(mkdtempSync(path.join(tmpdir(), 'glasshouse-whats-new-')), 'content');
	let server: Server;
	let robin: string;

	test.beforeAll(async () => {
		// Astro builds on two cores shared with other test workers.
		test.setTimeout(300_000);
		cpSync(FIXTURE, content, { recursive: true });
		robin = await linkFragment('orbit', 'robin', content);
		const first = await buildSite('e2e-whats-new', content, { base: BASE });
		expect(first.status, first.stderr).toBe(0);
		server = await serve(first.outDir, PORT, BASE);
	});
	test.afterAll(async () => {
		server?.closeAllConnections();
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
		rmSync(path.dirname(content), { recursive: true, force: true });
	});

	const card = (page: Page) => page.getByTestId('whats-new');
	const cardItem = (page: Page, name: string) =>
		card(page)
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name, exact: true }) });
	const updateCard = (page: Page, date: string) =>
		page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title(date), exact: true }) });

	test('after a rebuild with a new update and an edited risk, a new visit marks exactly those', async ({ browser }) => {
		const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const first = await context.newPage();
		await first.goto(url(`orbit/${robin}`));
		// First visit: a welcome, nothing marked, only the visit's time remembered.
		await expect(card(first)).toContainText('Welcome!');
		// The build listed the eight entries (2 updates, 2 decisions, 2 risks, 1 change, 1 meeting); none shows.
		await expect(card(first).locator('li[data-changed-at]')).toHaveCount(8);
		await expect(card(first).getByRole('listitem')).toHaveCount(0);
		await waitUntilRemembered(first, 'orbit');
		await first.goto(url('orbit/updates/'));
		await expect(updateCard(first, '2026-03-13')).toBeVisible();
		await expect(first.getByText('New', { exact: true })).toHaveCount(0);
		const stored = await first.evaluate(() => ({ ...localStorage }));
		// Besides the visit, only the newest build shown (its random id and time, for rollback).
		expect(Object.keys(stored).sort()).toEqual([`glasshouse:last-visit:${BASE}orbit`, `glasshouse:newest-build:${BASE}orbit`]);
		expect(Object.keys(JSON.parse(stored[`glasshouse:newest-build:${BASE}orbit`]!) as object).sort()).toEqual(['id', 'time']);
		expect(new Date(stored[`glasshouse:last-visit:${BASE}orbit`]!).getTime()).toBeLessThanOrEqual(Date.now());
		await first.close();

		// The PM publishes a new update and edits a risk (its raised date stays), then redeploys.
		writeFileSync(
			path.join(content, 'orbit/updates/2026-03-20.mdx'),
			'---\ndate: 2026-03-20\nhealth: on-track\nsummary: The carrier delivered its test credentials; tracking works end to end.\n---\n\n## Done\n\n- Tracking for all carriers\n',
		);
		const risk = path.join(content, 'orbit/risks/carrier-api.yaml');
		writeFileSync(risk, readFileSync(risk, 'utf8').replace('status: open', 'status: mitigating'));
		const second = await buildSite('e2e-whats-new', content, { base: BASE });
		expect(second.status, second.stderr).toBe(0);

		// A new tab of the same browser: same localStorage (and remembered key), new sessionStorage.
		const next = await context.newPage();
		await next.goto(url('orbit/'));
		await expect(card(next)).toContainText('Your last visit:');
		await expect(cardItem(next, title('2026-03-20'))).toBeVisible();
		await expect(cardItem(next, title('2026-03-20'))).toContainText('New');
		await expect(cardItem(next, 'A carrier delivers its tracking API late')).toContainText('Updated');
		await expect(cardItem(next, title('2026-03-06'))).toBeHidden();
		await expect(card(next).getByRole('listitem')).toHaveCount(2);
		await card(next).screenshot({ path: shot('card-en') });

		// Marks last for the whole visit: on the updates list, and still after moving between pages.
		await next.goto(url('orbit/updates/'));
		await expect(updateCard(next, '2026-03-20').getByText('New', { exact: true })).toBeVisible();
		await expect(updateCard(next, '2026-03-06')).toBeVisible();
		await expect(updateCard(next, '2026-03-06').getByText(/^(New|Updated)$/)).toHaveCount(0);
		await expect(updateCard(next, '2026-03-13').getByText(/^(New|Updated)$/)).toHaveCount(0);
		await next.screenshot({ path: shot('updates-en'), fullPage: true });
		await next.goto(url('orbit/updates/2026-03-20/'));
		await expect(next.locator('article').getByText('New', { exact: true })).toBeVisible();
		await next.goto(url('orbit/'));
		await expect(cardItem(next, title('2026-03-20'))).toContainText('New');
		await next.close();

		// The visit after that has nothing new.
		const later = await context.newPage();
		await later.goto(url('orbit/'));
		await expect(card(later)).toContainText(/Nothing new since your last visit on .+\./);
		await expect(card(later).getByRole('listitem')).toHaveCount(0);
		await card(later).screenshot({ path: shot('card-nothing-en') });
		await context.close();
	});

	test('works on a public client too, in its language', async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		await context.addInitScript(
			(key) => localStorage.getItem(key) ?? localStorage.setItem(key, '2000-01-01T00:00:00.000Z'),
			`glasshouse:last-visit:${BASE}lianhe`,
		);
		const page = await context.newPage();
		await page.goto(url('lianhe/'));
		await expect(card(page).getByRole('heading')).toHaveText('自您上次访问以来的更新');
		await expect(card(page).getByText('新增', { exact: true })).toHaveCount(4);
		await card(page).screenshot({ path: shot('card-zh-phone') });
		await context.close();
	});

	test('"Ask about this" writes to the PM about this page, with its link but never the fragment', async ({ browser }) => {
		const page = await browser.newPage();
		// A personal link straight to a filtered list: the token travels in the fragment.
		await page.goto(url(`orbit/decisions/?status=accepted${robin}`));
		const ask = page.getByRole('link', { name: 'Ask about this' });
		await expect(ask).toBeVisible();
		// Until the page's script runs, the link holds the build's idea of the address.
		await expect.poll(() => ask.getAttribute('href')).toContain(encodeURIComponent(ORIGIN));
		const href = new URL((await ask.getAttribute('href'))!);
		expect(href.protocol).toBe('mailto:');
		// The primary vendor contact, not the vendor listed first.
		expect(decodeURIComponent(href.pathname)).toBe('pat.manager+orbit@fixture.example');
		expect(href.searchParams.get('subject')).toBe('Question about: Decision log — Orbit customer portal');
		const body = href.searchParams.get('body')!;
		expect(body).toContain(`\r\n${url('orbit/decisions/?status=accepted')}\r\n`);
		expect(body).toMatch(/^Hello Pat Manager,\r\n/);
		expect(body).not.toContain('#');
		expect(body).not.toContain(robin.slice(1));
		await page.getByTestId('ask-about-this').screenshot({ path: shot('ask-en') });

		// In-page anchors stay out too, and the subject names the page at hand.
		await page.goto(url('orbit/updates/2026-03-13/#main'));
		const askAgain = page.getByRole('link', { name: 'Ask about this' });
		await expect.poll(() => askAgain.getAttribute('href')).toContain(encodeURIComponent(ORIGIN));
		const update = new URL((await askAgain.getAttribute('href'))!);
		expect(update.searchParams.get('subject')).toBe(`Question about: ${title('2026-03-13')} — Orbit customer portal`);
		expect(update.searchParams.get('body')).toContain(`\r\n${url('orbit/updates/2026-03-13/')}\r\n`);
		expect(update.searchParams.get('body')).not.toContain('#');
		await page.close();
	});
});
