/**
 * The section menu is one row that scrolls sideways on a phone (SiteHeader.astro), so a reader
 * sees the page rather than four rows of links. The current section may lie past the right edge
 * of that row: it is scrolled to the middle of the row. The row's own `scrollLeft` is set, never
 * `scrollIntoView`, which would also scroll the page away from a deep link's target.
 */
export function showCurrentSection(doc: Document): void {
	const row = doc.querySelector<HTMLElement>('[data-section-nav]');
	const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
	if (!row || !current || row.scrollWidth <= row.clientWidth) return;
	row.scrollLeft = current.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
}
