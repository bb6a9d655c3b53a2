/**
 * The page of the attachment benchmark (bundled by tests/bench/attachments.ts): the unlock code's
 * own download handler, given a key from the address fragment instead of a keyring, so the
 * benchmark times the download path alone.
 */
import { enableAttachmentDownloads } from '@/runtime/attachments/download';
import { fromBase64 } from '@/runtime/crypto/bytes';

const raw = fromBase64(location.hash.slice(1));
const contentKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
enableAttachmentDownloads(document, {
	contentKey,
	client: 'bench',
	buildId: 'bench-build',
	clientRoot: new URL('/bench/', location.origin).href,
	worker: { script: '/_glasshouse/download-worker.js', folder: '/_glasshouse/' },
});
document.body.dataset.ready = 'true';
