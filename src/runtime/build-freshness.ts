import type { BuildStamp } from './crypto/envelope';

/**
 * Rollback detection. A device that remembers its key opens any page of the client it is
 * shown, including an older build's copy: a stale CDN cache, or files an attacker kept and serves
 * again (say, from before a decision was reversed). Each page's build stamp is authenticated with
 * its ciphertext, so once a page has opened its stamp can be trusted; the newest stamp shown is
 * remembered per client, and a page older than it is flagged to the visitor.
 *
 * Kept in localStorage: it holds only a random id and a time, nothing about the content, and
 * must outlive the tab to catch a replay on the next visit.
 */
const storageKey = (storeName: string) => `glasshouse:newest-build:${storeName}`;

/**
 * The newest build of a client this device has shown, if any. A page's first use of localStorage
 * waits for the browser to hand over the whole storage area, so the gate checks only once the
 * decrypted page has been painted (gate.ts).
 */
export function newestBuild(storage: Pick<Storage, 'getItem'> | undefined, storeName: string): BuildStamp | undefined {
	try {
		const stored = JSON.parse(storage?.getItem(storageKey(storeName)) ?? 'null') as BuildStamp | null;
		if (stored && typeof stored.id === 'string' && !Number.isNaN(Date.parse(stored.time))) return stored;
	} catch {
		// Junk or blocked storage: nothing remembered.
	}
	return undefined;
}

/**
 * Records `build` as seen and returns the newest build seen before if `build` is older than it.
 * Storage that is unavailable (private browsing, blocked) or holds junk only costs the check.
 */
export function noteBuild(
	storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
	storeName: string,
	build: BuildStamp,
): BuildStamp | undefined {
	const newest = newestBuild(storage, storeName);
	if (newest && Date.parse(newest.time) > Date.parse(build.time)) return newest;
	try {
		storage?.setItem(storageKey(storeName), JSON.stringify({ id: build.id, time: build.time }));
	} catch {
		// Storage full or blocked: nothing to remember this time.
	}
	return undefined;
}

/**
 * Shows the page's stale-copy notice (rendered hidden by the client layout), with both build
 * times in the page's language.
 */
export function showStaleNotice(doc: Document, build: BuildStamp, newest: BuildStamp): void {
	const notice = doc.querySelector<HTMLElement>('[data-gh-stale]');
	const text = notice?.querySelector<HTMLElement>('[data-gh-stale-text]');
	if (!notice || !text) return;
	const format = new Intl.DateTimeFormat(doc.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
	text.textContent = (text.dataset.template ?? '')
		.replace('{built}', format.format(new Date(build.time)))
		.replace('{newest}', format.format(new Date(newest.time)));
	notice.hidden = false;
}
