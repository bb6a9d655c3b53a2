import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { ATTACHMENT_CHUNK_BYTES, attachmentLayout } from '@/runtime/crypto/attachment';
import { buildAttachmentSite, type AttachmentSite } from '../support/attachment-site';
import { serve } from '../support/static-server.mjs';

// A file of many chunks streamed through the download worker, as the gate downloads it: the
// worker decrypts several chunks at once and must still write them in order, and a chunk refused
// part way (the response already streaming) must fail the browser's download, not leave a
// shorter file saved as if complete, and the page must say the download failed. The demo's
// attachments are each a single chunk, so this builds its own one-file site (attachment-site.ts).
// Each case runs on both paths: the page's decrypt worker fetching and opening the file while the
// download worker only relays its chunks, and, where that worker cannot start (here: its script
// is not found), the download worker fetching and opening the file itself.
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

const PATHS = [
	{ path: 'the decrypt worker', decryptWorker: true },
	{ path: 'the download worker alone (no decrypt worker)', decryptWorker: false },
];

/**
 * Opens the page and waits for its download worker, registered when the page is shown; without
 * `decryptWorker`, the decrypt worker's script is answered 404 first. Returns the dedicated
 * workers the page started.
 */
async function ready(page: Page, decryptWorker: boolean): Promise<Worker[]> {
	const started: Worker[] = [];
	page.on('worker', (worker) => started.push(worker));
	if (!decryptWorker) await page.route('**/decrypt-worker.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
	await page.goto(`${origin}/#${site.keyFragment}`);
	await page.locator('body[data-ready]').waitFor();
	await page.evaluate('workerReady');
	return started;
}

/** The addresses a worker has fetched (its own resource timing). */
const fetchedBy = (worker: { evaluate<R>(code: () => R): Promise<R> }): Promise<string[]> =>
	worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));

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

for (const { path: via, decryptWorker } of PATHS) {
	test(`through ${via}: a file of many chunks is saved byte for byte, in order`, async ({ page }) => {
		expect(attachmentLayout(SIZE).chunks).toBeGreaterThan(12);
		const started = await ready(page, decryptWorker);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
		expect(download.suggestedFilename()).toBe('large.bin');
		expect(await download.failure()).toBeNull();
		const saved = await readFile((await download.path())!);
		expect(saved.length).toBe(SIZE);
		expect(saved.equals(source)).toBe(true);
		// Streamed by the download worker, not the in-memory fallback.
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
		await expect(page.locator('[data-gh-download-status]')).toHaveText('');
		// Which thread fetched the sealed file: the decrypt worker, or the download worker itself.
		const sealedPath = `/bench/files/${site.fileId}`;
		const [serviceWorker] = page.context().serviceWorkers();
		expect(serviceWorker).toBeDefined();
		const decryptor = started.find((worker) => worker.url().endsWith('/_glasshouse/decrypt-worker.js'));
		if (decryptWorker) {
			expect(await fetchedBy(decryptor!)).toContain(sealedPath);
			expect(await fetchedBy(serviceWorker!)).not.toContain(sealedPath);
		} else expect(await fetchedBy(serviceWorker!)).toContain(sealedPath);
	});
}

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
	{
		what: 'a chunk missing (the sixth cut out)',
		alter: async (sealed: string) => {
			const bytes = await readFile(sealed);
			await writeFile(sealed, Buffer.concat([bytes.subarray(0, 4 + 5 * SEALED_CHUNK), bytes.subarray(4 + 6 * SEALED_CHUNK)]));
		},
	},
])
	for (const { path: via, decryptWorker } of PATHS)
		test(`through ${via}, with ${what}, the download fails in the browser and the page says so`, async ({ page }) => {
			await withSealedFile(alter, async () => {
				await ready(page, decryptWorker);
				const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
				// The browser's download fails: no file is saved as complete under its name.
				expect(await download.failure()).not.toBeNull();
				await expect(page.locator('[data-gh-download-status]')).toHaveText('The download failed.');
				await expect(page.getByRole('button', { name: 'Download' })).not.toHaveAttribute('aria-busy');
			});
		});

test('a download the decrypt worker still feeds is finished by the download worker when its page goes away', async ({ page }) => {
	const started = await ready(page, true);
	// The decrypt worker's fetch is held back until the page has gone, so that worker (ended with its
	// page) never sends a chunk: the download worker must take over, not fail or wait for ever.
	let release: () => void = () => undefined;
	const held = new Promise<void>((resolve) => (release = resolve));
	let heldBack = 0;
	await page.context().route(`**/bench/files/${site.fileId}`, async (route) => {
		heldBack++;
		await held;
		await route.continue().catch(() => undefined);
	});
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
	expect(started.some((worker) => worker.url().endsWith('/_glasshouse/decrypt-worker.js'))).toBe(true);
	await expect.poll(() => heldBack).toBe(1);
	await page.goto('about:blank');
	release();
	expect(await download.failure()).toBeNull();
	const saved = await readFile((await download.path())!);
	expect(saved.equals(source)).toBe(true);
});
