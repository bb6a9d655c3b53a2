import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ATTACHMENT_CHUNK_BYTES, attachmentLayout } from '@/runtime/crypto/attachment';
import { buildAttachmentSite, type AttachmentSite } from '../support/attachment-site';
import { serve } from '../support/static-server.mjs';

// A file of many chunks streamed through the download worker, as the gate downloads it: the
// worker decrypts several chunks at once and must still write them in order, and a chunk refused
// part way (the response already streaming) must fail the browser's download, not leave a
// shorter file saved as if complete, and the page must say the download failed. The demo's
// attachments are each a single chunk, so this builds its own one-file site (attachment-site.ts).
const SIZE = 12 * ATTACHMENT_CHUNK_BYTES + 12_345;
const SEALED_CHUNK = 12 + ATTACHMENT_CHUNK_BYTES + 16;

let work: string;
let source: Buffer;
let site: AttachmentSite;
let server: Server;
let origin: string;

test.beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'glasshouse-attachment-stream-'));
	source = randomBytes(SIZE);
	await writeFile(path.join(work, 'source.bin'), source);
	site = await buildAttachmentSite(path.join(work, 'site'), path.join(work, 'source.bin'), SIZE);
	server = await serve(site.folder, 0, '/');
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	await rm(work, { recursive: true, force: true });
});

/** Opens the page and waits for its download worker, registered when the page is shown. */
async function ready(page: Page): Promise<void> {
	await page.goto(`${origin}/#${site.keyFragment}`);
	await page.locator('body[data-ready]').waitFor();
	await page.evaluate('workerReady');
}

/** Serves the sealed file altered by `alter` for the length of `run`, then restores it. */
async function withSealedFile(alter: (sealed: string) => Promise<void>, run: () => Promise<void>): Promise<void> {
	const original = await readFile(site.sealed);
	try {
		await alter(site.sealed);
		await run();
	} finally {
		await writeFile(site.sealed, original);
	}
}

test.describe.configure({ mode: 'serial' });

test('a file of many chunks streams through the worker and is saved byte for byte, in order', async ({ page }) => {
	expect(attachmentLayout(SIZE).chunks).toBeGreaterThan(12);
	await ready(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
	expect(download.suggestedFilename()).toBe('large.bin');
	expect(await download.failure()).toBeNull();
	const saved = await readFile((await download.path())!);
	expect(saved.length).toBe(SIZE);
	expect(saved.equals(source)).toBe(true);
	// Streamed by the worker, not the in-memory fallback.
	expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
	await expect(page.locator('[data-gh-download-status]')).toHaveText('');
});

for (const { what, alter } of [
	{
		what: 'a byte flipped in the eighth chunk',
		alter: async (sealed: string) => {
			const bytes = await readFile(sealed);
			bytes[4 + 7 * SEALED_CHUNK + 12 + 999]! ^= 1;
			await writeFile(sealed, bytes);
		},
	},
	{
		what: 'the last chunk cut off',
		alter: (sealed: string) => {
			const { sealed: length } = attachmentLayout(SIZE);
			return truncate(sealed, length - ((length - 4) % SEALED_CHUNK || SEALED_CHUNK));
		},
	},
	{
		what: 'the fourth and fifth chunks swapped',
		alter: async (sealed: string) => {
			const bytes = await readFile(sealed);
			const [fourth, fifth] = [3, 4].map((index) => Buffer.from(bytes.subarray(4 + index * SEALED_CHUNK, 4 + (index + 1) * SEALED_CHUNK)));
			fifth!.copy(bytes, 4 + 3 * SEALED_CHUNK);
			fourth!.copy(bytes, 4 + 4 * SEALED_CHUNK);
			await writeFile(sealed, bytes);
		},
	},
]) {
	test(`with ${what}, the streamed download fails in the browser and the page says so`, async ({ page }) => {
		await withSealedFile(alter, async () => {
			await ready(page);
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
			// The browser's download fails: no file is saved as complete under its name.
			expect(await download.failure()).not.toBeNull();
			await expect(page.locator('[data-gh-download-status]')).toHaveText('The download failed.');
			await expect(page.getByRole('button', { name: 'Download' })).not.toHaveAttribute('aria-busy');
		});
	});
}
