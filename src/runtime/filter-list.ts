/**
 * Filters a list in the page from a form of selects (the decision log, the feedback log): the
 * site is static and must not call any server. The choice is kept in the address's query string
 * (`?status=accepted&tag=hosting`), so a filtered view can be bookmarked, shared or reloaded.
 * `src/components/FilterForm.astro` renders the form and says, in data attributes, which items it
 * filters and how; this module reads them, so every filtered list behaves alike.
 */

/** One select of a filter form, as the component renders it. */
export interface FilterField {
	/** The select's name, and its key in the query string. */
	name: string;
	/** The item's `data-*` attribute the choice is compared with (camelCase, as in `dataset`). */
	field: string;
	/** True when the attribute holds several values separated by spaces (tags); else one value. */
	list: boolean;
}

/** Whether an item's data attributes match every chosen value ('' is "all"). */
export function itemMatches(
	dataset: Readonly<Record<string, string | undefined>>,
	fields: readonly FilterField[],
	chosen: readonly string[],
): boolean {
	return fields.every((filter, index) => {
		const wanted = chosen[index];
		if (!wanted) return true;
		const value = dataset[filter.field] ?? '';
		return filter.list ? value.split(' ').includes(wanted) : value === wanted;
	});
}

/** The address with the choices in its query string (only the chosen ones), keeping the fragment. */
export function filteredAddress(
	location: Pick<Location, 'pathname' | 'hash'>,
	fields: readonly FilterField[],
	chosen: readonly string[],
): string {
	const params = new URLSearchParams();
	fields.forEach((filter, index) => {
		if (chosen[index]) params.set(filter.name, chosen[index]);
	});
	const query = params.toString();
	return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/** Fills in `{shown}` and `{total}` of the count's template. */
export function countText(template: string, shown: number, total: number): string {
	return template.replace('{shown}', String(shown)).replace('{total}', String(total));
}

/**
 * Wires one filter form: `data-items` is the CSS selector of the items, `data-sections` (optional)
 * that of groups to hide, heading and all, when none of their items is shown, and
 * `data-count-filtered-only` shows the count only while something is chosen. Each select names
 * its item attribute in `data-field`, with `data-list` when that attribute is a list. The page's
 * `[data-no-match]` element shows when nothing matches.
 */
export function wireFilterForm(form: HTMLFormElement): void {
	const itemSelector = form.dataset.items ?? '';
	const items = [...document.querySelectorAll<HTMLElement>(itemSelector)];
	const sections = form.dataset.sections ? [...document.querySelectorAll<HTMLElement>(form.dataset.sections)] : [];
	const noMatch = document.querySelector<HTMLElement>('[data-no-match]');
	const count = form.querySelector<HTMLElement>('[data-count]');
	const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-field]')];
	const fields: FilterField[] = selects.map((select) => ({
		name: select.name,
		field: select.dataset.field ?? select.name,
		list: 'list' in select.dataset,
	}));

	function apply() {
		const chosen = selects.map((select) => select.value);
		let shown = 0;
		for (const item of items) {
			item.hidden = !itemMatches(item.dataset, fields, chosen);
			if (!item.hidden) shown++;
		}
		for (const section of sections) section.hidden = ![...section.querySelectorAll<HTMLElement>(itemSelector)].some((item) => !item.hidden);
		noMatch?.classList.toggle('hidden', shown > 0);
		if (count) {
			const filtered = chosen.some(Boolean);
			count.textContent =
				filtered || !('countFilteredOnly' in form.dataset) ? countText(count.dataset.template ?? '', shown, items.length) : '';
		}
		history.replaceState(null, '', filteredAddress(location, fields, chosen));
	}

	const params = new URLSearchParams(location.search);
	for (const select of selects) {
		const wanted = params.get(select.name);
		// Only a value the select offers: an address edited by hand cannot choose something absent.
		if (wanted && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
	}
	form.addEventListener('change', apply);
	form.addEventListener('submit', (event) => event.preventDefault());
	apply();
}
