/**
 * The download service worker (shipped as /_glasshouse/download-worker.<hash>.js, scope
 * /_glasshouse/download/). An unlocked page posts it a `DownloadJob`; the page then opens
 * `download/<token>` in a hidden frame, and this worker answers with a streamed Response:
 * the sealed file fetched from the site, opened chunk by chunk (attachment.ts) as the browser
 * writes it to disk, under its real name and type. Memory stays at a few chunks whatever the file's
 * size. A chunk that fails authentication errors the stream, the browser marks the download
 * failed, and the page is told (the job's port) so it can say so. Jobs live only in this worker's
 * memory, are used once, and expire after a minute.
 */
import { ATTACHMENT_CHUNK_BYTES, openAttachment, readAll } from '../crypto/attachment';
import { contentDisposition, type DownloadJob, type DownloadOutcome } from './download-job';

/** What this worker uses of its global scope (the project compiles against the DOM library, not the worker's). */
interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
	request: Request;
	respondWith(response: Response | Promise<Response>): void;
}
declare const self: {
	registration: { scope: string };
	clients: { claim(): Promise<void> };
	skipWaiting(): Promise<void>;
	addEventListener(type: 'install', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};

const JOB_TTL_MS = 60_000;
/**
 * Decrypted bytes queued ahead of the browser's writer: while it writes one chunk to disk, the
 * next ones are already decrypted (with openAttachment's own chunks in flight, about 2 MB held).
 * One chunk, as before, left the writer waiting on each decryption in turn.
 */
const QUEUED_BYTES = 4 * ATTACHMENT_CHUNK_BYTES;
/** Each job with the port of the page that posted it, told how the download ended. */
const jobs = new Map<string, { job: DownloadJob; port: MessagePort }>();

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
	const job = event.data as DownloadJob;
	const port = event.ports[0];
	if (!port || typeof job?.token !== 'string' || !(job.key instanceof CryptoKey)) return;
	// Only the site's own pages may post (a service worker's messages come from its origin's clients).
	jobs.set(job.token, { job, port });
	setTimeout(() => jobs.delete(job.token), JOB_TTL_MS);
	port.postMessage('ready');
});

self.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	const prefix = new URL(self.registration.scope).pathname;
	if (url.origin !== location.origin || !url.pathname.startsWith(prefix)) return;
	const token = url.pathname.slice(prefix.length);
	const found = jobs.get(token);
	jobs.delete(token);
	event.respondWith(
		found ? respond(found.job, found.port) : new Response('This download has expired. Go back and download again.', { status: 410 }),
	);
});

async function respond(job: DownloadJob, port: MessagePort): Promise<Response> {
	const tell = (outcome: DownloadOutcome) => {
		port.postMessage(outcome);
		port.close();
	};
	const sealed = await fetch(job.url, { credentials: 'same-origin', cache: 'no-store' }).catch(() => undefined);
	if (!sealed?.ok || !sealed.body) {
		tell('failed');
		return new Response('The file could not be fetched.', { status: 502 });
	}
	const plain = openAttachment(job.key, readAll(sealed.body), job.size, job.binding);
	const body = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					const { done, value } = await plain.next();
					if (done) {
						controller.close();
						tell('saved');
					} else controller.enqueue(value);
				} catch (error) {
					// The browser marks the download failed (it never completes under its name); the page says so.
					controller.error(error);
					tell('failed');
				}
			},
			async cancel() {
				tell('cancelled');
				await plain.return(undefined);
			},
		},
		new ByteLengthQueuingStrategy({ highWaterMark: QUEUED_BYTES }),
	);
	return new Response(body, {
		headers: {
			'Content-Type': job.type,
			'Content-Disposition': contentDisposition(job.name),
			'Content-Length': String(job.size),
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	});
}
