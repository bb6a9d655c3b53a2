import type { AttachmentBinding } from '../crypto/attachment';

/**
 * What the page hands the download worker for one download: the key (a non-extractable
 * CryptoKey, which structured cloning carries without exposing), where the sealed file is, what
 * binds it, and the name, type and size the page (authenticated) gives it.
 */
export interface DownloadJob {
	token: string;
	key: CryptoKey;
	url: string;
	binding: AttachmentBinding;
	name: string;
	type: string;
	size: number;
}

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
