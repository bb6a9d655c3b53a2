/**
 * A visitor who opens a personal link and follows a link at once, before the gate has remembered
 * the key (it does so after the first paint, and IndexedDB can take its time on a slow phone),
 * must land on the next page, not on a lock screen asking for a password they were never given.
 * The key store's write is held back here for a second to make that window wide.
 */
import { expect, test, type Page } from '@playwright/test';
import { linkFragment } from './unlock';

const CLIENT = 'tidewater-logistics';

/** Delays the key store's every opening of its database by `ms`, as a busy phone might. */
async function slowKeyStore(page: Page, ms: number): Promise<void> {
	await page.addInitScript((delay) => {
		const open = indexedDB.open.bind(indexedDB);
		indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
			const request = open(...args);
			const onsuccess = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess')!;
			let handler: ((event: Event) => void) | null = null;
			Object.defineProperty(request, 'onsuccess', {
				get: () => handler,
				set: (value: ((event: Event) => void) | null) => {
					handler = value;
					onsuccess.set!.call(request, value && ((event: Event) => setTimeout(() => value.call(request, event), delay)));
				},
			});
			return request;
		};
	}, ms);
}

test('a link followed before the key is remembered opens the next page, not the lock screen', async ({ page }) => {
	await slowKeyStore(page, 1500);
	await page.goto(`${CLIENT}/${await linkFragment(CLIENT, 'aoife-brennan')}`);
	await page.locator('main#main').waitFor();
	// Straight away, while the key store is still opening.
	await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Decisions' }).click();
	await expect(page).toHaveURL(/\/decisions\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decision log');
	await expect(page.locator('main#main')).toBeVisible();
});

test('an in-page link and a new tab are not held back while the key is being remembered', async ({ page, context }) => {
	await slowKeyStore(page, 3000);
	await page.goto(`${CLIENT}/${await linkFragment(CLIENT, 'aoife-brennan')}`);
	await page.locator('main#main').waitFor();
	// The skip link goes to #main on this page at once.
	await page.getByRole('link', { name: 'Skip to content' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	// Ctrl+click opens another tab straight away; this page stays.
	const [opened] = await Promise.all([
		context.waitForEvent('page', { timeout: 2000 }),
		page
			.getByRole('navigation', { name: 'Project sections' })
			.getByRole('link', { name: 'Risks' })
			.click({ modifiers: ['ControlOrMeta'] }),
	]);
	expect(opened.url()).toMatch(/\/risks\/$/);
	await expect(page).toHaveURL(/#main$/);
});
