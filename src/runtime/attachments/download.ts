import { openAttachment, readAll } from '../crypto/attachment';
import { toBase64Url, randomBytes } from '../crypto/bytes';
import { DOWNLOAD_PATH, type DecryptJob, type DownloadJob, type DownloadOutcome } from './download-job';

interface DownloadOptions {
	contentKey: CryptoKey;
	client: string;
	buildId: string;
	/** Absolute URL of the client's folder. */
	clientRoot: string;
	/**
	 * Path of the download worker's script and the runtime folder it serves below, and of the
	 * decrypt worker's script (a dedicated worker this page starts).
	 */
	worker: { script: string; folder: string; decryptor: string };
}

/**
 * Makes every `[data-gh-attachment]` button of the unlocked page download its file as a stream
 * where the browser allows service workers: fetched and decrypted by this page's decrypt worker
 * (decrypt-worker.ts), whose chunks the download worker (download-worker.ts) relays to the
 * browser's writer; or, if the decrypt worker could not start, fetched and decrypted by the
 * download worker itself. Without service workers the file is decrypted in memory as a Blob (the
 * fallback holds the whole file once). The button's data comes from the authenticated page: the
 * opaque id, the real name, type and size.
 */
export function enableAttachmentDownloads(document: Document, options: DownloadOptions): void {
	let registered: Promise<ServiceWorker | undefined> | undefined;
	const worker = async (): Promise<ServiceWorker | undefined> => {
		registered ??= downloadWorker(options.worker).catch(() => undefined);
		const found = await registered;
		// Replaced since (another tab opened a newer build): register this page's worker again.
		if (found?.state !== 'redundant') return found;
		registered = undefined;
		return downloadWorker(options.worker).catch(() => undefined);
	};
	let decryptor: Promise<Worker | undefined> | undefined;
	const started = (): Promise<Worker | undefined> => (decryptor ??= decryptWorker(options.worker.decryptor));
	// A page with files to download registers the worker (and starts the decrypt worker) once it is
	// shown, not on the first click: installing it cost a first download up to half a second.
	document.addEventListener(
		'glasshouse:unlocked',
		() => {
			if (!document.querySelector('[data-gh-attachment]')) return;
			void worker();
			void started();
		},
		{ once: true },
	);
	// The decrypt worker ends with this page: the download worker then takes over a download it still feeds.
	const unfinished = new Set<MessagePort>();
	window.addEventListener('pagehide', () => {
		for (const port of unfinished) port.postMessage('page-gone');
	});
	document.addEventListener('click', (event) => {
		const button = (event.target as Element | null)?.closest?.<HTMLElement>('[data-gh-attachment]');
		if (!button) return;
		event.preventDefault();
		if (button.getAttribute('aria-busy') === 'true') return;
		const { ghAttachment: fileId, ghName: name, ghType: type, ghSize: size } = button.dataset;
		if (!fileId || !name || !type || !/^\d+$/.test(size ?? '')) return;
		const status = button.parentElement?.querySelector<HTMLElement>('[data-gh-download-status]');
		button.setAttribute('aria-busy', 'true');
		if (status) status.textContent = '';
		const failed = () => {
			if (status) status.textContent = status.dataset.ghFailed ?? 'The download failed.';
		};
		void download({ fileId, name, type, size: Number(size) }, options, { worker: worker(), decryptor: started(), unfinished }, failed)
			.catch(failed)
			.finally(() => button.removeAttribute('aria-busy'));
	});
}

/** Resolves once the download is under way; `failed` is also called if the streamed download fails later. */
async function download(
	file: { fileId: string; name: string; type: string; size: number },
	options: DownloadOptions,
	workers: { worker: Promise<ServiceWorker | undefined>; decryptor: Promise<Worker | undefined>; unfinished: Set<MessagePort> },
	failed: () => void,
): Promise<void> {
	const url = new URL(`files/${file.fileId}`, options.clientRoot).href;
	const binding = { client: options.client, buildId: options.buildId, fileId: file.fileId };
	const worker = await workers.worker;
	if (worker) {
		const token = toBase64Url(randomBytes(16));
		const job: DownloadJob = { token, name: file.name, type: file.type, size: file.size, key: options.contentKey, url, binding };
		const decryptor = await workers.decryptor;
		const transfer: Transferable[] = [];
		if (decryptor) {
			const relay = new MessageChannel();
			const decryptJob: DecryptJob = { key: options.contentKey, url, binding, size: file.size, sink: relay.port1 };
			decryptor.postMessage(decryptJob, [relay.port1]);
			job.source = relay.port2;
			transfer.push(relay.port2);
		}
		await new Promise<void>((resolve, reject) => {
			const channel = new MessageChannel();
			const timer = setTimeout(() => reject(new Error('the download worker did not answer')), 5000);
			channel.port1.onmessage = () => {
				clearTimeout(timer);
				resolve();
				if (decryptor) workers.unfinished.add(channel.port1);
				// Then, once the frame has asked for the file, how it ended (DownloadOutcome): a chunk
				// refused part way fails the browser's download, and the reader is told here too.
				channel.port1.onmessage = (event) => {
					if ((event.data as DownloadOutcome) === 'failed') failed();
					workers.unfinished.delete(channel.port1);
					channel.port1.close();
				};
			};
			worker.postMessage(job, [channel.port2, ...transfer]);
		});
		// A frame, not this page: whatever the worker answers, the unlocked page stays.
		const frame = document.createElement('iframe');
		frame.hidden = true;
		frame.title = file.name;
		frame.src = `${options.worker.folder}${DOWNLOAD_PATH}${token}`;
		document.body.append(frame);
		setTimeout(() => frame.remove(), 120_000);
		return;
	}
	const sealed = await fetch(url, { credentials: 'same-origin' });
	if (!sealed.ok || !sealed.body) throw new Error(`fetching the file failed with ${sealed.status}`);
	const parts: BlobPart[] = [];
	for await (const part of openAttachment(options.contentKey, readAll(sealed.body), file.size, binding)) parts.push(part);
	const href = URL.createObjectURL(new Blob(parts, { type: file.type }));
	const link = Object.assign(document.createElement('a'), { href, download: file.name, hidden: true });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * The page's decrypt worker, once it has said it runs; undefined where it cannot start (no
 * `Worker`, the script refused or not found), and the download worker then decrypts instead.
 */
async function decryptWorker(script: string): Promise<Worker | undefined> {
	if (typeof Worker !== 'function') return undefined;
	let worker: Worker;
	try {
		worker = new Worker(script, { name: 'glasshouse-decrypt' });
	} catch {
		return undefined;
	}
	return new Promise((resolve) => {
		const give = (found: Worker | undefined) => {
			clearTimeout(timer);
			worker.onmessage = worker.onerror = null;
			if (!found) worker.terminate();
			resolve(found);
		};
		const timer = setTimeout(() => give(undefined), 5000);
		worker.onmessage = (event) => give(event.data === 'ready' ? worker : undefined);
		worker.onerror = () => give(undefined);
	});
}

/** The active download worker, registered on first use; undefined where service workers are not allowed. */
async function downloadWorker(worker: DownloadOptions['worker']): Promise<ServiceWorker | undefined> {
	// Absent in some private modes and on plain http: the in-memory fallback then serves.
	if (!navigator.serviceWorker) return undefined;
	const registration = await navigator.serviceWorker.register(worker.script, { scope: `${worker.folder}${DOWNLOAD_PATH}` });
	// The newest worker: an older one (an earlier build's) is about to be replaced, and its jobs with it.
	const candidate = registration.installing ?? registration.waiting ?? registration.active;
	if (!candidate) return undefined;
	if (candidate.state === 'activated') return candidate;
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the download worker did not start')), 5000);
		candidate.addEventListener('statechange', () => {
			if (candidate.state === 'activated') {
				clearTimeout(timer);
				resolve();
			} else if (candidate.state === 'redundant') reject(new Error('the download worker was replaced'));
		});
	});
	return candidate;
}
