/**
 * The decrypt worker (shipped as /_glasshouse/decrypt-worker.<hash>.js): a dedicated worker the
 * unlocked page starts, which fetches a sealed attachment and opens it chunk by chunk
 * (attachment.ts) off both the page's and the download service worker's threads. Each
 * authenticated chunk's buffer is transferred (not copied) to the download worker over the
 * job's port, which only hands it to the browser's writer. Measured: with fetch, decryption and
 * the download stream all on the service worker's one thread, saving ran at about half the
 * browser's ceiling for a plain download (docs/performance.md, "Document attachments").
 *
 * Backpressure: the download worker grants credit, one chunk per chunk it has passed on; nothing is
 * sent without credit, so memory stays at a few chunks whatever the file's size. The fetch starts on
 * the first credit (the browser has asked for the file), not when the job arrives.
 */
import { openAttachment, readAll } from '../crypto/attachment';
import type { DecryptJob, RelayMessage } from './download-job';

declare const self: {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

self.addEventListener('message', (event) => {
	const job = event.data as DecryptJob;
	if (!(job?.sink instanceof MessagePort) || !(job.key instanceof CryptoKey)) return;
	relay(job, job.sink);
});
// The page waits for this before it hands the worker a job: a script that failed to load (or was
// refused) never says it, and the page then lets the download worker decrypt instead.
self.postMessage('ready');

function relay(job: DecryptJob, sink: MessagePort): void {
	let credit = 0;
	let cancelled = false;
	let started = false;
	let wake: (() => void) | undefined;
	sink.onmessage = (event) => {
		const message = event.data as RelayMessage;
		if (message === 'cancel') cancelled = true;
		else if (typeof message === 'object' && Number.isInteger(message?.credit)) {
			credit += message.credit;
			if (!started && !cancelled) {
				started = true;
				void run();
			}
		}
		wake?.();
	};
	// The download worker closes its end when it has read the end, or has taken the download over.
	sink.addEventListener('close', () => {
		cancelled = true;
		wake?.();
	});
	async function run(): Promise<void> {
		try {
			const sealed = await fetch(job.url, { credentials: 'same-origin', cache: 'no-store' });
			if (!sealed.ok || !sealed.body) throw new Error(`fetching the file failed with ${sealed.status}`);
			// Leaving this loop early (cancelled) stops reading the file.
			for await (const chunk of openAttachment(job.key, readAll(sealed.body), job.size, job.binding)) {
				while (credit === 0 && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
				if (cancelled) return;
				credit--;
				// The chunk's buffer is its own (one per decryption): transferred, this worker no longer holds it.
				sink.postMessage(chunk, [chunk.buffer]);
			}
			sink.postMessage('done' satisfies RelayMessage);
		} catch {
			// The download worker fails the browser's download and tells the page; no detail crosses.
			if (!cancelled) sink.postMessage('failed' satisfies RelayMessage);
		}
		// The port is left open: the download worker closes it once it has read the end (a close
		// from this side could reach it before the last message and read as this worker gone).
	}
}
