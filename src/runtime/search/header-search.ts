import { readState, writeState } from './search-state';
import { shortcutEnabled } from './shortcut-setting';

/**
 * The header's search box: submitting opens the search page with the query in the fragment
 * (never the query string, so the words are not sent to the host), and `/` focuses the box from
 * anywhere on the page, as on GitHub or MDN, unless the reader turned that off on the search page
 * (shortcut-setting.ts). Where the box is hidden (narrow screens) `/` does nothing: a single key
 * must not take the reader to another page.
 */
export function wireHeaderSearch(doc: Document): void {
	const form = doc.querySelector<HTMLFormElement>('[data-header-search]');
	const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
	if (!form || !input) return;
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const target = new URL(form.action);
		target.hash = writeState({ ...readState(''), q: input.value.trim() });
		location.assign(target.href);
	});
	doc.addEventListener('keydown', (event) => {
		if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || !shortcutEnabled()) return;
		const active = doc.activeElement as HTMLElement | null;
		if (active && (active.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName))) return;
		const pageSearch = doc.querySelector<HTMLInputElement>('[data-search] input[name="q"]');
		const visible = pageSearch ?? (input.offsetParent ? input : null);
		if (!visible) return;
		event.preventDefault();
		visible.focus();
	});
	form.dataset.ready = '';
}
