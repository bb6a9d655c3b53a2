/**
 * The download service worker (shipped as /_glasshouse/download-worker.<hash>.js, scope
 * /_glasshouse/download/). An unlocked page posts it a `DownloadJob`; the page then opens
 * `download/<token>` in a hidden frame, and this worker answers with a streamed Response:
 * the sealed file fetched from the site, opened chunk by chunk (attachment.ts) as the browser
 * writes it to disk, under its real name and type. Memory stays at a few chunks whatever the file's
 * size. A chunk that fails authentication errors the stream, and the browser marks the download
 * failed. Jobs live only in this worker's memory, are used once, and expire after a minute.
 */
import { openAttachment, readAll } from '../crypto/attachment';
import { contentDisposition, type DownloadJob } from './download-job';

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
const jobs = new Map<string, DownloadJob>();

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
	const job = event.data as DownloadJob;
	const port = event.ports[0];
	if (!port || typeof job?.token !== 'string' || !(job.key instanceof CryptoKey)) return;
	// Only the site's own pages may post (a service worker's messages come from its origin's clients).
	jobs.set(job.token, job);
	setTimeout(() => jobs.delete(job.token), JOB_TTL_MS);
	port.postMessage('ready');
});

self.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	const prefix = new URL(self.registration.scope).pathname;
	if (url.origin !== location.origin || !url.pathname.startsWith(prefix)) return;
	const token = url.pathname.slice(prefix.length);
	const job = jobs.get(token);
	jobs.delete(token);
	event.respondWith(job ? respond(job) : new Response('This download has expired. Go back and download again.', { status: 410 }));
});

async function respond(job: DownloadJob): Promise<Response> {
	const sealed = await fetch(job.url, { credentials: 'same-origin', cache: 'no-store' });
	if (!sealed.ok || !sealed.body) return new Response('The file could not be fetched.', { status: 502 });
	const plain = openAttachment(job.key, readAll(sealed.body), job.size, job.binding);
	const body = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					const { done, value } = await plain.next();
					if (done) controller.close();
					else controller.enqueue(value);
				} catch (error) {
					controller.error(error);
				}
			},
			async cancel() {
				await plain.return(undefined);
			},
		},
		// One chunk queued ahead: the browser pulls the next while it writes this one.
		{ highWaterMark: 1 },
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
