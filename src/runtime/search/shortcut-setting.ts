/**
 * The reader's choice whether `/` jumps to the search box (WCAG 2.1.4: a one-key shortcut can be
 * turned off). Kept on this device only; on unless turned off, and on when storage is blocked.
 */
const STORAGE_KEY = 'glasshouse:search-shortcut';

export function shortcutEnabled(): boolean {
	try {
		return globalThis.localStorage?.getItem(STORAGE_KEY) !== 'off';
	} catch {
		return true;
	}
}

export function setShortcutEnabled(enabled: boolean): void {
	try {
		if (enabled) globalThis.localStorage?.removeItem(STORAGE_KEY);
		else globalThis.localStorage?.setItem(STORAGE_KEY, 'off');
	} catch {
		// Storage blocked by the browser: the choice lasts for this page only.
	}
}

/** Wires the setting's checkbox (on the search page) to the stored choice. */
export function wireShortcutSetting(doc: Document): void {
	const box = doc.querySelector<HTMLInputElement>('[data-search-shortcut]');
	if (!box) return;
	box.checked = shortcutEnabled();
	box.addEventListener('change', () => setShortcutEnabled(box.checked));
	box.dataset.ready = '';
}
