import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unlockWithLink } from './unlock';

const TIDEWATER = 'tidewater-logistics';
const JINGHONG = 'jinghong-precision';

const results = (page: Page) => page.getByTestId('search-results').locator('li');

test.describe('searching a client site after unlocking', () => {
	test.beforeEach(async ({ page }) => {
		await unlockWithLink(page, TIDEWATER, 'aoife-brennan');
		await unlockWithLink(page, JINGHONG, 'shen-guohua');
	});

	test("a word that occurs only in one decision's body finds that decision first", async ({ page }) => {
		await page.goto(`${TIDEWATER}/search/#q=Harbourmaster`);
		await expect(results(page).first()).toContainText('Drop the legacy XML shipment importer');
		await expect(results(page).first()).toContainText('Decision');
		await expect(results(page).first().locator('mark').first()).toHaveText(/Harbourmaster/i);
		await results(page).first().getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Drop the legacy XML shipment importer/);
	});

	test('Chinese queries find the Chinese decision, by a phrase of its title and a word of its body', async ({ page }) => {
		await page.goto(`${JINGHONG}/search/#q=${encodeURIComponent('序列号管理')}`);
		await expect(results(page).first()).toContainText('采用批次管理替代序列号管理');
		await page.getByLabel('搜索本项目').fill('炉批号');
		await expect(results(page).filter({ hasText: '采用批次管理替代序列号管理' })).toHaveCount(1);
		await expect(page.getByText(/共 \d+ 条结果/)).toBeVisible();
	});

	test('filters narrow the results and stay in the address, which can be shared', async ({ page }) => {
		await page.goto(`${TIDEWATER}/search/#q=tracking`);
		await expect(results(page).first()).toBeVisible();
		const all = await results(page).count();
		await page.getByLabel('Type').selectOption('decision');
		await expect.poll(async () => results(page).count()).toBeLessThan(all);
		for (const type of await results(page).evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.type)))
			expect(type).toBe('decision');
		await expect(page).toHaveURL(/#q=tracking&type=decision$/);
		await page.getByLabel('Sort by').selectOption('newest');
		await expect(page).toHaveURL(/&sort=newest$/);
		const dates = await results(page)
			.locator('time')
			.evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
		expect(dates).toEqual([...dates].sort().reverse());
		await page.reload();
		await expect(page.getByLabel('Type')).toHaveValue('decision');
		await expect(results(page).first()).toBeVisible();
	});

	test("never finds a word that exists only in another client's site", async ({ page }) => {
		await page.goto(`${TIDEWATER}/search/#q=${encodeURIComponent('批次号')}`);
		await expect(page.getByText('Nothing matches')).toBeVisible();
		await expect(results(page)).toHaveCount(0);
		await page.goto(`${JINGHONG}/search/#q=Harbourmaster`);
		await expect(page.getByText('没有匹配的结果')).toBeVisible();
		await expect(results(page)).toHaveCount(0);
	});

	test('the header box and the / key lead to the search page with the query in the fragment', async ({ page }) => {
		await page.goto(`${TIDEWATER}/decisions/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decision log');
		await page.locator('[data-header-search][data-ready]').waitFor({ state: 'attached' });
		await page.keyboard.press('/');
		const box = page.getByRole('searchbox', { name: 'Search this project' });
		await expect(box).toBeFocused();
		await box.fill('Netlify');
		await box.press('Enter');
		await expect(page).toHaveURL(/\/search\/#q=Netlify$/);
		await expect(results(page).first()).toContainText('Netlify');
	});

	test('the index still loads lazily: the first query fetches only part of the sealed files', async ({ page }) => {
		const fetched = new Set<string>();
		page.on('request', (request) => {
			const match = /\/pagefind\/([^/?]+)$/.exec(new URL(request.url()).pathname);
			if (match && !/^(pagefind\.js|wasm\.)/.test(match[1]!)) fetched.add(match[1]!);
		});
		await page.goto(`${TIDEWATER}/search/#q=Harbourmaster`);
		await expect(results(page).first()).toBeVisible();
		const sealed = readdirSync(path.resolve(import.meta.dirname, `../.output/e2e/${TIDEWATER}/pagefind`)).filter(
			(name) => !/^(pagefind\.js|wasm\.)/.test(name),
		);
		expect(sealed.length).toBeGreaterThan(40);
		// The manifest, the entry, the metadata, the filters, a word chunk and a fragment or two.
		expect(fetched.size).toBeGreaterThan(3);
		expect(fetched.size).toBeLessThan(sealed.length / 3);
	});

	test('screenshots of results with filters, in both languages', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${TIDEWATER}/search/#q=carrier&type=decision`);
		await expect(results(page).first()).toBeVisible();
		await page.screenshot({ path: 'tests/.output/screenshots/search-tidewater-desktop.png', fullPage: true });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`${JINGHONG}/search/#q=${encodeURIComponent('批次')}`);
		await expect(results(page).first()).toBeVisible();
		await page.screenshot({ path: 'tests/.output/screenshots/search-jinghong-phone.png', fullPage: true });
	});
});

test("before unlocking, the search files served are ciphertext under names that say nothing, and Pagefind's own names are gone", async ({
	request,
}) => {
	for (const client of [TIDEWATER, JINGHONG]) {
		expect((await request.get(`${client}/pagefind/pagefind-entry.json`)).status()).toBe(404);
		const shell = await (await request.get(`${client}/`)).text();
		const build = (
			JSON.parse(/<script type="application\/json" id="gh-config">([^<]*)<\/script>/.exec(shell)![1]!) as { build: { id: string } }
		).build;
		const manifest = await (await request.get(`${client}/pagefind/${build.id}`)).body();
		expect(manifest.subarray(0, 4).toString('latin1')).toBe('GHE2');
		expect(() => JSON.parse(manifest.toString('utf8'))).toThrow();
	}
});
