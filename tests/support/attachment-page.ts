/**
 * The page of attachment-site.ts (the attachment benchmark, the streamed download's browser
 * tests): the unlock code's own download handler, given a key from the address fragment instead
 * of a keyring, so only the download path runs.
 */
import { enableAttachmentDownloads } from '@/runtime/attachments/download';
import { fromBase64 } from '@/runtime/crypto/bytes';
import { openAttachment, readAll } from '@/runtime/crypto/attachment';

const raw = fromBase64(location.hash.slice(1));
const contentKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
enableAttachmentDownloads(document, {
	contentKey,
	client: 'bench',
	buildId: 'bench-build',
	clientRoot: new URL('/bench/', location.origin).href,
	worker: { script: '/_glasshouse/download-worker.js', folder: '/_glasshouse/', decryptor: '/_glasshouse/decrypt-worker.js' },
});
/** Fetch and decrypt only, nothing saved: how much of the download's time the decryption takes. */
(globalThis as { decryptOnly?: (fileId: string, size: number) => Promise<number> }).decryptOnly = async (fileId, size) => {
	const started = performance.now();
	const response = await fetch(`/bench/files/${fileId}`);
	let bytes = 0;
	for await (const part of openAttachment(contentKey, readAll(response.body!), size, { client: 'bench', buildId: 'bench-build', fileId }))
		bytes += part.length;
	if (bytes !== size) throw new Error(`decrypted ${bytes} bytes, expected ${size}`);
	return performance.now() - started;
};
// As the gate does once the page is shown: a page with attachments registers the download worker then.
const shown = performance.now();
document.dispatchEvent(new CustomEvent('glasshouse:unlocked'));
/** Page shown → download worker active (its registration, paid before the first click, not in it). */
(globalThis as { workerReady?: Promise<number> }).workerReady = (async () => {
	for (;;) {
		const registration = await navigator.serviceWorker.getRegistration('/_glasshouse/download/');
		if (registration?.active?.state === 'activated') return performance.now() - shown;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
})();
document.body.dataset.ready = 'true';
