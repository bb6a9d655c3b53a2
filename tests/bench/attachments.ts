/**
 * What a large attachment costs: sealing it at build time (`sealAttachments`, the build's own
 * function) and downloading it after unlock in Chromium through the download worker (the gate's
 * own code: the page's decrypt worker fetching and opening the file, the download worker relaying its
 * chunks), with the browser's peak memory while it streams; beside it, in the same run, the
 * baselines: the worker's registration (when the page is shown), the same download through the
 * download worker alone (the fallback where the decrypt worker cannot start, and the path before
 * it), the same bytes saved by a plain link (the browser's own ceiling) and fetch → decrypted in
 * the page with nothing saved.
 *   npx tsx tests/bench/attachments.ts [--megabytes 100]
 * `npm run bench:browser` runs it too and prints its rows. Prints figures; asserts nothing (the
 * downloaded bytes are compared with the source and a mismatch stops the benchmark).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, requireBrowser } from '@/bootstrap/find-browser.mjs';
import { attachmentLayout } from '@/runtime/crypto/attachment';
import { buildAttachmentSite } from '../support/attachment-site';
import { serve } from '../support/static-server.mjs';
import { formatBytes, formatMilliseconds, markdownTable } from './support/format';

const MB = 1_000_000;

/** Resident memory of this process's descendants (the browser), sampled until stopped: the peak above the start. */
function watchBrowserMemory(intervalMs = 50): { stop(): number } {
	const rss = (pid: number) => Number(readText(`/proc/${pid}/statm`)?.split(' ')[1] ?? 0) * 4096;
	const descendants = () => {
		const found = [process.pid];
		for (let index = 0; index < found.length; index++)
			for (const thread of readDir(`/proc/${found[index]}/task`))
				for (const child of readText(`/proc/${found[index]}/task/${thread}/children`)?.trim().split(/\s+/) ?? [])
					if (child) found.push(Number(child));
		return found.slice(1);
	};
	const total = () => descendants().reduce((sum, pid) => sum + rss(pid), 0);
	const start = total();
	let peak = start;
	const timer = setInterval(() => (peak = Math.max(peak, total())), intervalMs);
	return {
		stop() {
			clearInterval(timer);
			return Math.max(0, peak - start);
		},
	};
}
function readText(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}
function readDir(folder: string): string[] {
	try {
		return readdirSync(folder);
	} catch {
		return [];
	}
}

async function sha256(file: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const piece of createReadStream(file)) hash.update(piece as Buffer);
	return hash.digest('hex');
}

/** Rows of the attachment benchmark: build cost per GB and decrypt-and-save throughput. */
export async function benchAttachments(browser: Browser, megabytes = 100): Promise<string[][]> {
	const work = await mkdtemp(path.join(tmpdir(), 'glasshouse-bench-attachments-'));
	try {
		const size = megabytes * MB;
		const source = path.join(work, 'source.bin');
		// Random bytes: what a video or a ZIP looks like to the cipher (nothing to compress).
		const handle = await open(source, 'w');
		for (let written = 0; written < size; written += MB) await handle.write(randomBytes(Math.min(MB, size - written)));
		await handle.close();

		const { folder: site, fileId, keyFragment, sealMs } = await buildAttachmentSite(path.join(work, 'site'), source, size);
		const server = await serve(site, 0, '/');
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		try {
			const context = await browser.newContext({ acceptDownloads: true });
			const page = await context.newPage();
			await page.goto(`${origin}/#${keyFragment}`);
			await page.locator('body[data-ready]').waitFor();
			// The page registers the download worker when it is shown (as the gate's page does), and a
			// reader takes longer than that to find the button: timed from the click once it is active.
			const workerMs = (await page.evaluate('workerReady')) as number;
			const memory = watchBrowserMemory();
			const clicked = performance.now();
			const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.locator('button').click()]);
			const saved = await download.path();
			const downloadMs = performance.now() - clicked;
			const peak = memory.stop();
			if ((await sha256(saved)) !== (await sha256(source))) throw new Error('the downloaded file differs from the source');
			const decryptMs = (await page.evaluate(`decryptOnly(${JSON.stringify(fileId)}, ${size})`)) as number;
			// The fallback, in a page whose decrypt worker's script is not found: the download worker
			// fetches and decrypts on its own thread beside the download stream.
			const alone = await browser.newContext({ acceptDownloads: true });
			await alone.route('**/decrypt-worker.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
			const alonePage = await alone.newPage();
			await alonePage.goto(`${origin}/#${keyFragment}`);
			await alonePage.locator('body[data-ready]').waitFor();
			await alonePage.evaluate('workerReady');
			// Watched as the main path is: the sampling costs CPU, and both pay it.
			const aloneMemory = watchBrowserMemory();
			const aloneClicked = performance.now();
			const [aloneDownload] = await Promise.all([
				alonePage.waitForEvent('download', { timeout: 600_000 }),
				alonePage.locator('button').click(),
			]);
			const aloneSaved = await aloneDownload.path();
			const aloneMs = performance.now() - aloneClicked;
			const alonePeak = aloneMemory.stop();
			if ((await sha256(aloneSaved)) !== (await sha256(source)))
				throw new Error('the file downloaded by the fallback differs from the source');
			await alone.close();
			// The browser's own ceiling on this machine: the sealed bytes saved by a plain link, with
			// no service worker and no decryption (what any download of this size costs here).
			await page.evaluate(
				`document.body.append(Object.assign(document.createElement('a'), { href: '/bench/files/${fileId}', download: 'plain.bin', textContent: 'plain' }))`,
			);
			const plainClicked = performance.now();
			const [plain] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByText('plain').click()]);
			await plain.path();
			const plainMs = performance.now() - plainClicked;
			await context.close();
			const sealed = attachmentLayout(size).sealed;
			return [
				[
					`attachment ${megabytes} MB: seal at build time (sealAttachments, Node WebCrypto)`,
					formatMilliseconds(sealMs),
					`${Math.round(size / MB / (sealMs / 1000))} MB/s, ${((sealMs * 1000) / megabytes / 1000).toFixed(1)} s per GB`,
				],
				[
					`attachment ${megabytes} MB: click → saved (decrypt worker fetches and decrypts, service worker relays; Chromium)`,
					formatMilliseconds(downloadMs),
					`${Math.round(size / MB / (downloadMs / 1000))} MB/s`,
				],
				[
					`attachment ${megabytes} MB: click → saved by the service worker alone (fallback without the decrypt worker; the path before it)`,
					formatMilliseconds(aloneMs),
					`${Math.round(size / MB / (aloneMs / 1000))} MB/s`,
				],
				[
					`attachment ${megabytes} MB: page shown → download worker registered and active (before any click)`,
					formatMilliseconds(workerMs),
					'',
				],
				[
					`attachment ${megabytes} MB: plain link to the sealed file → saved (no service worker, no decryption: the browser's ceiling)`,
					formatMilliseconds(plainMs),
					`${Math.round(sealed / MB / (plainMs / 1000))} MB/s`,
				],
				[
					`attachment ${megabytes} MB: fetch → decrypted in the page, nothing saved (the decryption's share)`,
					formatMilliseconds(decryptMs),
					`${Math.round(size / MB / (decryptMs / 1000))} MB/s`,
				],
				[
					`attachment ${megabytes} MB: browser memory while downloading (peak RSS above idle)`,
					formatBytes(peak),
					`published size ${formatBytes(sealed)} for ${formatBytes(size)}`,
				],
				[
					`attachment ${megabytes} MB: browser memory while downloading by the service worker alone (peak RSS above idle)`,
					formatBytes(alonePeak),
					'',
				],
			];
		} finally {
			server.close();
		}
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('bench/attachments.ts')) {
	const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '100' } } });
	const found = requireBrowser();
	const browser = await chromium.launch({ executablePath: found.source === 'playwright' ? undefined : found.path, args: CHROMIUM_ARGS });
	try {
		const rows = await benchAttachments(browser, Number(values.megabytes));
		process.stdout.write(`\n${markdownTable(['', 'time', 'rate'], rows)}\n`);
	} finally {
		await browser.close();
	}
}
