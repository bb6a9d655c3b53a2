import path from 'node:path';
import type { Page } from '@playwright/test';
import { resolveCredentials, type Credential } from '@/keys/build-keyring';
import { decodeSecret } from '@/keys/secret';
import { loadContent } from '@/loader/load-content';
import { TEST_SECRET } from '../support/open-page';

export const DEMO_CONTENT = path.resolve(import.meta.dirname, '../../content');

/** Current password and link tokens of a client, derived from the test secret like `glasshouse share`. */
export async function credentials(client: string, content = DEMO_CONTENT, secret = TEST_SECRET): Promise<Credential[]> {
	const loaded = await loadContent(content);
	const access = loaded.clients.find((candidate) => candidate.slug === client)!.client!.value.access;
	return resolveCredentials(client, access, decodeSecret(secret), process.env);
}

export async function password(client: string, content?: string): Promise<string> {
	return (await credentials(client, content)).find((credential) => credential.password !== undefined)!.password!;
}

/** The `#<entry>.<token>` fragment of a link entry. */
export async function linkFragment(client: string, entry: string, content?: string): Promise<string> {
	const credential = (await credentials(client, content)).find((candidate) => candidate.entry.id === entry);
	if (!credential?.token) throw new Error(`${client} has no active link entry "${entry}"`);
	return `#${entry}.${credential.token}`;
}

/**
 * Opens a client's site through a personal link so later page loads open without a prompt. The
 * gate shows the page while it remembers the key (side by side, for speed), so this waits for the
 * key to be in IndexedDB too: a spec that navigates sooner, on a loaded machine, would meet the
 * lock screen on its next page.
 */
export async function unlockWithLink(page: Page, client: string, entry: string): Promise<void> {
	await page.goto(`${client}/${await linkFragment(client, entry)}`);
	await waitUntilRemembered(page, client);
}

/**
 * Waits until a page unlocked by a personal link or the password form shows and its key is in
 * IndexedDB. Every spec that unlocks and then goes to another page with `page.goto` (as a typed address, which the
 * gate cannot hold back the way it holds a clicked link) calls this first.
 * `client` is the client's slug: its site is the part of the address up to and including it.
 */
export async function waitUntilRemembered(page: Page, client: string): Promise<void> {
	await page.getByRole('main').and(page.locator('#main')).waitFor();
	const pathname = new URL(page.url()).pathname;
	const clientPath = pathname.slice(0, pathname.indexOf(`/${client}/`) + client.length + 2);
	await page.waitForFunction(keyRemembered, clientPath);
}

/**
 * Whether the gate's key store (src/runtime/key-store.ts) holds the key of the client at
 * `storeName` (its base path and slug). Runs in the page; never creates the database, which
 * would leave the gate's own first open without its object store.
 */
async function keyRemembered(clientPath: string): Promise<boolean> {
	const storeName = clientPath.replace(/\/$/, '');
	if (!(await indexedDB.databases()).some((database) => database.name === 'glasshouse')) return false;
	return new Promise((resolve) => {
		const request = indexedDB.open('glasshouse');
		request.onerror = () => resolve(false);
		request.onsuccess = () => {
			const database = request.result;
			if (!database.objectStoreNames.contains('slot-keys')) {
				database.close();
				return resolve(false);
			}
			const read = database.transaction('slot-keys').objectStore('slot-keys').count(storeName);
			read.onsuccess = () => {
				database.close();
				resolve(read.result > 0);
			};
			read.onerror = () => {
				database.close();
				resolve(false);
			};
		};
	});
}
