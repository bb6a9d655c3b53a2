/**
 * The download service worker (shipped as /_glasshouse/download-worker.<hash>.js, scope
 * /_glasshouse/download/). An unlocked page posts it a `DownloadJob`; the page then opens
 * `download/<token>` in a hidden frame, and this worker answers with a streamed Response under the
 * file's real name and type. Its bytes come from the page's decrypt worker (decrypt-worker.ts),
 * which fetches the sealed file and sends each authenticated chunk over the job's `source` port: this
 * thread then only relays them to the browser's writer. Where the page could not start that worker
 * (no `source`), or if it goes away part way with its page, this worker fetches and opens the file
 * itself (attachment.ts) with the job's key, as it did before that worker existed. Memory stays at a few chunks whatever the file's size. A chunk that fails
 * authentication errors the stream, the browser marks the download failed, and the page is told
 * (the job's port) so it can say so. Jobs live only in this worker's memory, are used once, and
 * expire after a minute.
 */
import { ATTACHMENT_CHUNK_BYTES, openAttachment, readAll } from '../crypto/attachment';
import { skipBytes } from './skip-bytes';
import { contentDisposition, type DownloadJob, type DownloadOutcome, type RelayMessage } from './download-job';

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
/** Chunks the decrypt worker may send ahead of the stream's queue (in transit or arrived here). */
const RELAY_CREDIT = 4;
/** Each job with the port of the page that posted it, told how the download ended. */
const jobs = new Map<string, { job: DownloadJob; port: MessagePort }>();

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
	const job = event.data as DownloadJob;
	const port = event.ports[0];
	if (!port || typeof job?.token !== 'string' || !(job.key instanceof CryptoKey)) return;
	if (job.source !== undefined && !(job.source instanceof MessagePort)) return;
	// Only the site's own pages may post (a service worker's messages come from its origin's clients).
	jobs.set(job.token, { job, port });
	setTimeout(() => {
		// Never asked for: the decrypt worker, which has fetched nothing yet, lets the job go.
		if (jobs.delete(job.token)) job.source?.postMessage('cancel' satisfies RelayMessage);
	}, JOB_TTL_MS);
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
	let body: ReadableStream<Uint8Array>;
	if (job.source) body = relayed(job, job.source, port, tell);
	else {
		const plain = await fetchAndOpen(job);
		if (!plain) {
			tell('failed');
			return new Response('The file could not be fetched.', { status: 502 });
		}
		body = opened(plain, tell);
	}
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

/** The file fetched and opened on this thread, chunk by chunk; undefined if it could not be fetched. */
async function fetchAndOpen(job: DownloadJob): Promise<AsyncGenerator<Uint8Array> | undefined> {
	const sealed = await fetch(job.url, { credentials: 'same-origin', cache: 'no-store' }).catch(() => undefined);
	if (!sealed?.ok || !sealed.body) return undefined;
	return openAttachment(job.key, readAll(sealed.body), job.size, job.binding);
}

/** The fallback: this worker fetches and decrypts, each chunk pulled as the browser's writer asks. */
function opened(plain: AsyncGenerator<Uint8Array>, tell: (outcome: DownloadOutcome) => void): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>(
		{
			pull: (controller) => pullOpened(plain, controller, tell),
			async cancel() {
				tell('cancelled');
				await plain.return(undefined);
			},
		},
		new ByteLengthQueuingStrategy({ highWaterMark: QUEUED_BYTES }),
	);
}

/** Hands the stream the next opened chunk, or its end, or the failure that stops it. */
async function pullOpened(
	plain: AsyncGenerator<Uint8Array>,
	controller: ReadableStreamDefaultController<Uint8Array>,
	tell: (outcome: DownloadOutcome) => void,
): Promise<void> {
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
}

/**
 * The fast path: the chunks the decrypt worker sends on `source`, already authenticated and in
 * order, handed to the browser's writer. One credit goes back per chunk passed on, so at most
 * RELAY_CREDIT chunks are on their way or waiting here, besides the stream's own queue. The decrypt
 * worker lives as long as its page: if the page goes away before the end (`page`, the job's port,
 * says so on pagehide, and Chromium closes the ports), this worker takes over, as on the fallback
 * path: it fetches and opens the file itself and hands on what follows the bytes already given.
 */
function relayed(
	job: DownloadJob,
	source: MessagePort,
	page: MessagePort,
	tell: (outcome: DownloadOutcome) => void,
): ReadableStream<Uint8Array> {
	const arrived: Uint8Array[] = [];
	let end: 'done' | 'failed' | undefined;
	/** Bytes handed to the stream so far. */
	let given = 0;
	/** Once the decrypt worker is gone: the rest of the file, opened here (undefined if it could not be fetched). */
	let takeover: Promise<AsyncGenerator<Uint8Array> | undefined> | undefined;
	/** What follows the bytes already given, once taken over. */
	let rest: AsyncGenerator<Uint8Array> | undefined;
	let wake: (() => void) | undefined;
	source.onmessage = (event) => {
		if (takeover) return;
		const message = event.data as Uint8Array | RelayMessage;
		if (message instanceof Uint8Array) arrived.push(message);
		else if (message === 'done' || message === 'failed') end = message;
		wake?.();
	};
	const gone = () => {
		if (end || takeover) return;
		// Whatever has arrived is passed on first; the rest comes from this worker's own reading.
		takeover = fetchAndOpen(job);
		source.close();
		wake?.();
	};
	page.onmessage = (event) => {
		if (event.data === 'page-gone') gone();
	};
	// Chromium also fires `close` on a port whose other end's context is gone.
	source.addEventListener('close', gone);
	page.addEventListener('close', gone);
	source.postMessage({ credit: RELAY_CREDIT } satisfies RelayMessage);
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				while (!arrived.length && !end && !takeover) await new Promise<void>((resolve) => (wake = resolve));
				const chunk = arrived.shift();
				if (chunk) {
					controller.enqueue(chunk);
					given += chunk.length;
					if (!takeover) source.postMessage({ credit: 1 } satisfies RelayMessage);
					return;
				}
				if (takeover) {
					if (!rest) {
						const plain = await takeover;
						if (!plain) {
							controller.error(new Error('the attachment could not be fetched'));
							tell('failed');
							return;
						}
						rest = skipBytes(plain, given);
					}
					return pullOpened(rest, controller, tell);
				}
				source.close();
				if (end === 'done') {
					controller.close();
					tell('saved');
				} else {
					// The browser marks the download failed (it never completes under its name); the page says so.
					controller.error(new Error('the attachment could not be fetched or a chunk failed authentication'));
					tell('failed');
				}
			},
			async cancel() {
				if (takeover) await (rest ?? (await takeover))?.return(undefined);
				else source.postMessage('cancel' satisfies RelayMessage);
				source.close();
				tell('cancelled');
			},
		},
		new ByteLengthQueuingStrategy({ highWaterMark: QUEUED_BYTES }),
	);
}
