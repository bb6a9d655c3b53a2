import { requestIndexFiles } from './index-files';
import { loadPagefind, type Pagefind, type PagefindResult } from './load-pagefind';
import { keepHolding, matchPage, rankMatches, searchTerms, type PageMatch } from './rank-sections';
import { FILTERS, readState, writeState, type SearchState } from './search-state';

/** Results shown at once; "Show more" adds as many again, so every result can be reached. */
const PAGE_SIZE = 20;

/**
 * Pagefind's highest pages that are read (their text) to be ranked again by the words they hold
 * as written and how close together: more than a page of results, so the first page shown is
 * the best of them, few enough that a query stays quick (each page read is one small file).
 */
const RERANKED = 30;

interface Labels {
	types: Record<string, string>;
	statuses: Record<string, string>;
	all: string;
	/** "{count} results", by plural category of the page's language (Intl.PluralRules). */
	count: Record<string, string>;
	/** "Show {count} more". */
	more: string;
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
	const explaining = new Set(JSON.parse(root.dataset.explaining ?? '[]') as string[]);
	const form = root.querySelector<HTMLFormElement>('form')!;
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const list = root.querySelector<HTMLOListElement>('[data-results]')!;
	const status = root.querySelector<HTMLElement>('[data-status]')!;
	const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
	const plurals = new Intl.PluralRules(locale);
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
		more.hidden = true;
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
	/** Shows the next page of the current results; set by each query. */
	let showMore: (() => Promise<void>) | undefined;
	const run = async () => {
		if (broken) return;
		const state = stateOf(form);
		const key = writeState(state);
		if (key === lastRun) return;
		lastRun = key;
		history.replaceState(history.state, '', `${location.pathname}${location.search}${writeState(state)}`);
		const filters = Object.fromEntries(FILTERS.filter((name) => state[name]).map((name) => [name, state[name]]));
		const terms = searchTerms(state.q);
		const mine = ++generation;
		if (terms.length === 0 && Object.keys(filters).length === 0) {
			list.replaceChildren();
			more.hidden = true;
			status.textContent = labels.prompt;
			root.dataset.shown = key;
			return;
		}
		performance.mark(`glasshouse:query-${mine}`);
		status.textContent = labels.loading;
		const sort = state.sort === 'relevance' ? undefined : { date: state.sort === 'newest' ? ('desc' as const) : ('asc' as const) };
		let ordered: Array<SearchResult>;
		// Each result's page is read once per query: Pagefind builds its excerpts anew on every call.
		const pages = new Map<string, Promise<PagefindResult>>();
		const dataOf = (result: SearchResult) => {
			if (!pages.has(result.id)) pages.set(result.id, result.data());
			return pages.get(result.id)!;
		};
		// Each result's page read against this query, once.
		const matches = new Map<string, Promise<PageMatch>>();
		const matchOf = (result: SearchResult) => {
			if (!matches.has(result.id))
				matches.set(
					result.id,
					dataOf(result).then((data) => matchPage(terms, data)),
				);
			return matches.get(result.id)!;
		};
		try {
			const search = await pagefind.search(terms.join(' ') || null, { filters, sort });
			// An exact search per word (quoted: stems still match, but no shorter prefix stands in for a
			// missing word) tells which words each page really holds.
			const perTerm: Array<Awaited<ReturnType<Pagefind['search']>>> = [];
			for (const term of terms) perTerm.push(await pagefind.search(`"${term}"`, { filters }));
			ordered = keepHolding(search.results, perTerm, !sort);
			if (!sort && terms.length) {
				const top = ordered.slice(0, RERANKED);
				const read = await Promise.all(
					top.map(async (result) => ({
						result,
						match: await matchOf(result),
						explains: explaining.has((await dataOf(result)).meta.type ?? ''),
					})),
				);
				ordered = [...rankMatches(read), ...ordered.slice(top.length)];
			}
		} catch {
			if (!broken) fail(labels.damaged);
			return;
		}
		let shown = 0;
		const page = async (): Promise<HTMLLIElement[] | undefined> => {
			const batch = ordered.slice(shown, shown + PAGE_SIZE);
			const items = await Promise.all(
				batch.map(async (result) => renderResult(await dataOf(result), await matchOf(result), labels, dates)),
			);
			if (mine !== generation || broken) return undefined; // A newer query has started, or the index failed; drop this one.
			shown += batch.length;
			const left = ordered.length - shown;
			more.hidden = left <= 0;
			more.textContent = labels.more.replace('{count}', String(Math.min(left, PAGE_SIZE)));
			return items;
		};
		let first: HTMLLIElement[] | undefined;
		try {
			first = await page();
		} catch {
			if (!broken) fail(labels.damaged);
			return;
		}
		if (!first) return;
		list.replaceChildren(...first);
		status.textContent = ordered.length
			? labels.count[plurals.select(ordered.length)]!.replace('{count}', String(ordered.length))
			: labels.none;
		// Which query the list shows, for tests and tools that wait for it.
		root.dataset.shown = key;
		let adding = false;
		showMore = async () => {
			// A second click while a page is added would add the same results twice.
			if (adding) return;
			adding = true;
			const next = await page()
				.catch(() => {
					if (!broken) fail(labels.damaged);
					return undefined;
				})
				.finally(() => (adding = false));
			if (!next?.length) return;
			list.append(...next);
			// The reader goes on from the first result added, not from the button that moved below it.
			next[0]!.querySelector('a')?.focus();
		};
		performance.measure(
			mine === 1 ? 'glasshouse:first-query' : 'glasshouse:query',
			mine === 1 ? 'glasshouse:search-init' : `glasshouse:query-${mine}`,
		);
	};

	more.addEventListener('click', () => void showMore?.());
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
	// Ready to type into, unless the reader has already moved on: the index loads for a moment, and
	// focus taken back from, say, the shortcut setting would send their next key into the box.
	const active = root.ownerDocument.activeElement;
	if (!active || active === root.ownerDocument.body) input.focus();
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

type SearchResult = Awaited<ReturnType<Pagefind['search']>>['results'][number];

function renderResult(result: PagefindResult, match: PageMatch, labels: Labels, dates: Intl.DateTimeFormat): HTMLLIElement {
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
	// The section that best matches the query; the top of the page (title and introduction) is a section too. A page
	// whose words were not found as typed (only a stem Pagefind knows) keeps Pagefind's own link and excerpt.
	const best = match.fit.covered ? match.best : undefined;
	link.href = best?.url ?? result.url;
	link.className = 'mt-1 block text-lg font-semibold hover:underline';
	link.textContent = best && best.url !== result.url ? `${result.meta.title ?? ''} › ${best.title}` : (result.meta.title ?? result.url);
	const excerpt = document.createElement('p');
	excerpt.className = 'mt-1 text-sm [&_mark]:rounded [&_mark]:bg-amber-200 [&_mark]:px-0.5 [&_mark]:text-slate-900';
	// Pagefind escapes the page text; only <mark> elements are added around matches, here as in Pagefind.
	excerpt.innerHTML = best ? match.excerpt : result.excerpt;
	item.append(meta, link, excerpt);
	return item;
}
