/**
 * Where focus goes once the decrypted page has replaced the lock screen. The lock screen's field
 * is gone with it, so without this focus falls back to <body>, and a deep link's target, scrolled
 * to after the page loaded, is not where the next Tab starts.
 */
export interface AfterUnlock {
	/** True when the reader unlocked by typing a password: focus was on the form that is gone. */
	typed: boolean;
	/** Said by a status region once the page shows, e.g. "Unlocked. Risk register". */
	announcement: string;
}

export function focusAfterUnlock(doc: Document, { typed, announcement }: AfterUnlock): void {
	const target = fragmentTarget(doc);
	// A deep link (#action-2): focus its target, so the next Tab continues from there.
	if (target) focusWithoutOutline(target);
	else if (typed) {
		const heading = doc.querySelector<HTMLElement>('main h1') ?? doc.querySelector<HTMLElement>('main');
		if (heading) focusWithoutOutline(heading);
	}
	if (typed || target) announce(doc, announcement);
}

/** Focuses an element that may not be focusable, without a tab stop and without a focus ring on it. */
function focusWithoutOutline(element: HTMLElement): void {
	if (!element.matches('a[href], button, input, select, textarea, [tabindex]')) {
		element.setAttribute('tabindex', '-1');
		element.classList.add('outline-none');
	}
	element.focus({ preventScroll: false });
}

/** A polite status region of the new page; filled a moment after it is attached, so it is read. */
function announce(doc: Document, text: string): void {
	const region = doc.createElement('p');
	region.setAttribute('role', 'status');
	region.className = 'sr-only';
	region.dataset.ghUnlocked = '';
	doc.body.append(region);
	setTimeout(() => {
		region.textContent = text;
	}, 100);
}

function fragmentTarget(doc: Document): HTMLElement | null {
	if (location.hash.length <= 1) return null;
	let id = location.hash.slice(1);
	try {
		id = decodeURIComponent(id);
	} catch {
		// A malformed `%` sequence is taken as written.
	}
	return doc.getElementById(id);
}
