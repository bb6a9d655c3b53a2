import { requestIndexFiles } from './index-files';
import { loadPagefind, type Pagefind, type PagefindResult } from './load-pagefind';
import { FILTERS, readState, writeState, type SearchState } from './search-state';

interface Labels {
	types: Record<string, string>;
	statuses: Record<string, string>;
	all: string;
	count: string;
	none: string;
	prompt: string;
	loading: string;
	failed: string;
	damaged: string;
}

/** Wires the search page: form ↔ URL fragment ↔ Pagefind ↔ result list. */
export async function startSearchPage(root: HTMLElement): Promise<void> {
	const { base = '/', client = '', locale = 'en' } = root.dataset;
	const labels = JSON.parse(root.dataset.labels ?? '{}') as Labels;
	const form = root.querySelector<HTMLFormElement>('form')!;
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const list = root.querySelector<HTMLOListElement>('[data-results]')!;
	const status = root.querySelector<HTMLElement>('[data-status]')!;
	const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
	// Marks read by `npm run bench:browser`: loading the index, then each query until shown.
	performance.mark('glasshouse:search-init');

	// A sealed index file that fails to open (altered, or left over from another build) ends the
	// search for this page view: results built from part of an index would be quietly wrong.
	let broken = false;
	const fail = (message: string) => {
		broken = true;
		generation++;
		list.replaceChildren();
		status.textContent = message;
		root.dataset.state = 'failed';
	};
	let generation = 0;
	let pagefind: Pagefind;
	try {
		pagefind = await loadPagefind(base, client, requestIndexFiles(root.ownerDocument), () => fail(labels.damaged));
		await fillFilters(form, await pagefind.filters(), labels);
	} catch {
		if (!broken) fail(labels.failed);
		return;
	}
	if (broken) return;

	// The query and filters last run. Leaving the search box fires `change` after `input` already
	// ran the same query; running it again would redraw the list under a pointer about to click.
	let lastRun: string | undefined;
	const run = async () => {
		if (broken) return;
		const state = stateOf(form);
		const key = writeState(state);
		if (key === lastRun) return;
		lastRun = key;
		history.replaceState(history.state, '', `${location.pathname}${location.search}${writeState(state)}`);
		const filters = Object.fromEntries(FILTERS.filter((name) => state[name]).map((name) => [name, state[name]]));
		if (!state.q.trim() && Object.keys(filters).length === 0) {
			list.replaceChildren();
			status.textContent = labels.prompt;
			return;
		}
		const mine = ++generation;
		performance.mark(`glasshouse:query-${mine}`);
		status.textContent = labels.loading;
		const sort = state.sort === 'relevance' ? undefined : { date: state.sort === 'newest' ? ('desc' as const) : ('asc' as const) };
		let search: Awaited<ReturnType<Pagefind['search']>>;
		let results: PagefindResult[];
		try {
			search = await pagefind.search(state.q.trim() || null, { filters, sort });
			results = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
		} catch {
			if (!broken) fail(labels.damaged);
			return;
		}
		if (mine !== generation || broken) return; // A newer query has started, or the index failed; drop this one.
		list.replaceChildren(...results.map((result) => renderResult(result, labels, dates)));
		status.textContent = results.length ? labels.count.replace('{count}', String(search.results.length)) : labels.none;
		performance.measure(
			mine === 1 ? 'glasshouse:first-query' : 'glasshouse:query',
			mine === 1 ? 'glasshouse:search-init' : `glasshouse:query-${mine}`,
		);
	};

	applyState(form, readState(location.hash));
	let timer: ReturnType<typeof setTimeout> | undefined;
	form.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(run, 150);
	});
	form.addEventListener('change', run);
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void run();
	});
	addEventListener('hashchange', () => {
		applyState(form, readState(location.hash));
		void run();
	});
	input.focus();
	await run();
}

function stateOf(form: HTMLFormElement): SearchState {
	const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
	return readState(
		`#${new URLSearchParams({ q: value('q'), type: value('type'), status: value('status'), tag: value('tag'), year: value('year'), sort: value('sort') }).toString()}`,
	);
}

function applyState(form: HTMLFormElement, state: SearchState): void {
	for (const name of ['q', ...FILTERS, 'sort'] as const) {
		const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
		if (field) field.value = state[name];
	}
}

async function fillFilters(form: HTMLFormElement, available: Record<string, Record<string, number>>, labels: Labels): Promise<void> {
	for (const name of FILTERS) {
		const select = form.elements.namedItem(name) as HTMLSelectElement | null;
		if (!select) continue;
		const values = Object.keys(available[name] ?? {}).sort((a, b) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
		const label = (value: string) =>
			(name === 'type' ? labels.types[value] : name === 'status' ? labels.statuses[value] : undefined) ?? value;
		select.replaceChildren(new Option(labels.all, ''), ...values.map((value) => new Option(label(value), value)));
		select.closest('label')?.toggleAttribute('hidden', values.length === 0);
	}
}

function renderResult(result: PagefindResult, labels: Labels, dates: Intl.DateTimeFormat): HTMLLIElement {
	const item = document.createElement('li');
	item.className = 'card';
	item.dataset.type = result.meta.type ?? '';
	const meta = document.createElement('p');
	meta.className = 'flex flex-wrap items-center gap-2 text-xs muted';
	const type = document.createElement('span');
	type.className = 'rounded bg-accent/10 px-1.5 py-0.5 font-semibold uppercase tracking-wide text-slate-800 dark:text-slate-100';
	type.textContent = labels.types[result.meta.type ?? ''] ?? result.meta.type ?? '';
	meta.append(type);
	if (result.meta.date) {
		const time = document.createElement('time');
		time.dateTime = result.meta.date;
		time.textContent = dates.format(new Date(`${result.meta.date}T00:00:00Z`));
		meta.append(time);
	}
	const link = document.createElement('a');
	const best = result.sub_results?.find((sub) => sub.url !== result.url && sub.excerpt.includes('<mark>'));
	link.href = best?.url ?? result.url;
	link.className = 'mt-1 block text-lg font-semibold hover:underline';
	link.textContent = best ? `${result.meta.title ?? ''} › ${best.title}` : (result.meta.title ?? result.url);
	const excerpt = document.createElement('p');
	excerpt.className = 'mt-1 text-sm [&_mark]:rounded [&_mark]:bg-amber-200 [&_mark]:px-0.5 [&_mark]:text-slate-900';
	// Pagefind escapes the page text and adds only <mark> elements around matches.
	excerpt.innerHTML = best?.excerpt ?? result.excerpt;
	item.append(meta, link, excerpt);
	return item;
}
