import type { AttachmentBinding } from '../crypto/attachment';

/**
 * What the page hands the download worker for one download: the name, type and size the page
 * (authenticated) gives the file; the key (a non-extractable CryptoKey, which structured cloning
 * carries without exposing), where the sealed file is and what binds it; and, where the page's
 * decrypt worker (decrypt-worker.ts) started, `source`: the port on which that worker sends the
 * authenticated chunks. With `source` the download worker only relays them, and opens the file
 * itself only if the decrypt worker goes away part way (its page closed); without it, it fetches
 * and opens the file itself from the start.
 */
export interface DownloadJob {
	token: string;
	name: string;
	type: string;
	size: number;
	key: CryptoKey;
	url: string;
	binding: AttachmentBinding;
	source?: MessagePort;
}

/** What the page hands its decrypt worker for one download: what to open, and the port to the download worker. */
export interface DecryptJob {
	key: CryptoKey;
	url: string;
	binding: AttachmentBinding;
	size: number;
	sink: MessagePort;
}

/**
 * Between the download worker and the decrypt worker, besides the chunks themselves (each an
 * authenticated `Uint8Array` whose buffer is transferred): credit for more chunks and a cancelled
 * download one way; the end of the file, or a failure (not fetched, or a chunk refused), the other.
 */
export type RelayMessage = { credit: number } | 'cancel' | 'done' | 'failed';

/**
 * What the download worker answers on the job's port once the page's frame has asked for the file:
 * the last byte handed to the browser, a failure (the file could not be fetched or a chunk did not
 * authenticate: the browser's download fails with it), or the download cancelled in the browser.
 */
export type DownloadOutcome = 'saved' | 'failed' | 'cancelled';

/** The download worker's scope, below the runtime folder: only these addresses are ever its. */
export const DOWNLOAD_PATH = 'download/';

/** `Content-Disposition` for any file name: ASCII fallback plus the exact name (RFC 6266, RFC 8187). */
export function contentDisposition(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
