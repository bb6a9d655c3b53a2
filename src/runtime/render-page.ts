/**
 * Replaces the lock screen with the decrypted page. The page is parsed with DOMParser (no
 * document.write); its scripts stay inert until `runPageScripts` re-creates them.
 *
 * The parsed nodes are moved into this document, not copied: a copy (importNode) built the whole
 * page a second time, as long again as parsing it.
 */
export function renderPage(html: string): void {
	const next = new DOMParser().parseFromString(html, 'text/html');
	const root = document.documentElement;
	for (const { name } of [...root.attributes]) root.removeAttribute(name);
	for (const { name, value } of [...next.documentElement.attributes]) root.setAttribute(name, value);
	document.head.replaceChildren(...next.head.childNodes);
	document.body.replaceWith(next.body);
	const target = location.hash.length > 1 ? document.getElementById(anchorId(location.hash.slice(1))) : null;
	target?.scrollIntoView();
}

/**
 * Re-creates the page's scripts so they run; they are external files, which is what lets a
 * Content-Security-Policy of script-src 'self' hold. The gate calls it once the page is painted:
 * each inserted script starts a fetch (module map, CSP check), a few milliseconds apiece on a slow
 * phone, and they are module scripts, which never ran before the first paint anyway.
 */
export function runPageScripts(): void {
	for (const inert of document.querySelectorAll('script')) {
		if (inert.type && inert.type !== 'module' && inert.type !== 'text/javascript') continue;
		const live = document.createElement('script');
		for (const { name, value } of [...inert.attributes]) live.setAttribute(name, value);
		live.textContent = inert.textContent;
		inert.replaceWith(live);
	}
}

/** An in-page anchor's id; a malformed `%` sequence (`#%zz`) is taken as written, not thrown. */
function anchorId(fragment: string): string {
	try {
		return decodeURIComponent(fragment);
	} catch {
		return fragment;
	}
}
