import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { headersFor } from '../../src/integrations/glasshouse/security-headers';
import { linkFragment, password } from './unlock';

// The build's own _headers file (what Netlify and Cloudflare Pages would send), applied to every
// response of the e2e site: the lock screen, the unlock code and every decrypted page must work
// under that Content-Security-Policy without a single violation.
// Read when a test runs, not when the file is loaded: the web server builds the site after that.
const headersFile = () => readFileSync(path.resolve(import.meta.dirname, '../.output/e2e/_headers'), 'utf8');

async function serveWithHeaders(page: Page): Promise<string[]> {
	const HEADERS = headersFile();
	const violations: string[] = [];
	await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			(window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber}`);
		});
	});
	page.on('console', (message) => {
		if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
	});
	await page.route('**/*', async (route) => {
		try {
			// Redirects (directory URLs without their slash) pass through as they are.
			const response = await route.fetch({ maxRedirects: 0 });
			const headers = { ...response.headers(), ...headersFor(HEADERS, new URL(route.request().url()).pathname) };
			await route.fulfill({ response, headers });
		} catch (error) {
			// A request still in flight when the test ends has nobody left to answer.
			if (!page.isClosed()) throw error;
		}
	});
	return violations;
}

test.describe('under the Content-Security-Policy of dist/_headers', () => {
	test.afterEach(async ({ page }) => {
		await page.unrouteAll({ behavior: 'ignoreErrors' });
	});

	test('a personal link unlocks the English site and every section renders', async ({ page }) => {
		const violations = await serveWithHeaders(page);
		const first = await page.goto(`tidewater-logistics/${await linkFragment('tidewater-logistics', 'aoife-brennan')}`);
		expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
		expect(first?.headers()['x-robots-tag']).toBe('noindex');
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '64');
		const sections = page.getByRole('navigation', { name: 'Project sections' });
		for (const [link, heading] of [['Updates', 'Status updates'], ['Decisions', 'Decision log'], ['Milestones', 'Milestones'], ['FAQ', 'Frequently asked questions'], ['Contacts', 'Contacts and ways of working']] as const) {
			await sections.getByRole('link', { name: link }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		}
		await page.goto('tidewater-logistics/decisions/');
		// The decision filter is a script of its own: it must run under script-src 'self'.
		await page.getByLabel('Status').selectOption('superseded');
		await expect(page.locator('[data-decision-table] tbody tr:visible')).toHaveCount(1);
		await page.goto('tidewater-logistics/updates/2026-11-20/');
		await expect(page.getByRole('heading', { name: 'In progress', exact: true })).toBeVisible();
		expect(violations).toEqual([]);
	});

	test('the password form unlocks the Chinese site', async ({ page }) => {
		const violations = await serveWithHeaders(page);
		await page.goto('jinghong-precision/');
		await page.getByLabel('密码').fill(await password('jinghong-precision'));
		await page.getByRole('button', { name: '解锁' }).click();
		await expect(page.getByTestId('health-panel')).toBeVisible();
		await page.goto('jinghong-precision/milestones/');
		await expect(page.locator('main#main')).toBeVisible();
		expect(violations).toEqual([]);
	});
});
