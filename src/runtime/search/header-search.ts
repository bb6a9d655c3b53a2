import { readState, writeState } from './search-state';

/**
 * The header's search box: submitting opens the search page with the query in the fragment
 * (never the query string, so the words are not sent to the host), and `/` focuses the box from
 * anywhere on the page, as on GitHub or MDN.
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
		if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
		const active = doc.activeElement as HTMLElement | null;
		if (active && (active.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName))) return;
		event.preventDefault();
		const pageSearch = doc.querySelector<HTMLInputElement>('[data-search] input[name="q"]');
		const visible = pageSearch ?? (input.offsetParent ? input : null);
		if (visible) visible.focus();
		else location.assign(form.action);
	});
	form.dataset.ready = '';
}
