/** The search page's state, kept in the URL fragment so it is shareable but never sent to a server. */
export interface SearchState {
	q: string;
	type: string;
	status: string;
	tag: string;
	year: string;
	sort: 'relevance' | 'newest' | 'oldest';
}

export const FILTERS = ['type', 'status', 'tag', 'year'] as const;

export function readState(hash: string): SearchState {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const sort = params.get('sort');
	return {
		q: params.get('q') ?? '',
		type: params.get('type') ?? '',
		status: params.get('status') ?? '',
		tag: params.get('tag') ?? '',
		year: params.get('year') ?? '',
		sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
	};
}

export function writeState(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const name of FILTERS) if (state[name]) params.set(name, state[name]);
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	const text = params.toString();
	return text ? `#${text}` : '';
}
