import { describe, expect, it } from 'vitest';
import { countText, filteredAddress, itemMatches, type FilterField } from '@/runtime/filter-list';

// The decision log's selects: a status (one value per row) and a tag (a row holds several).
const DECISIONS: FilterField[] = [
	{ name: 'status', field: 'status', list: false },
	{ name: 'tag', field: 'tags', list: true },
];

describe('the filters of a list (decisions, feedback)', () => {
	it('keeps an item only when it matches every chosen value; "" chooses all', () => {
		const row = { status: 'accepted', tags: 'hosting security' };
		expect(itemMatches(row, DECISIONS, ['', ''])).toBe(true);
		expect(itemMatches(row, DECISIONS, ['accepted', ''])).toBe(true);
		expect(itemMatches(row, DECISIONS, ['accepted', 'security'])).toBe(true);
		expect(itemMatches(row, DECISIONS, ['superseded', 'security'])).toBe(false);
		expect(itemMatches(row, DECISIONS, ['', 'cost'])).toBe(false);
		// A list attribute is compared word by word, a single value as a whole.
		expect(itemMatches(row, DECISIONS, ['', 'host'])).toBe(false);
		expect(itemMatches({ status: 'accepted later' }, DECISIONS, ['accepted', ''])).toBe(false);
		// An item without the attribute matches only "all".
		expect(itemMatches({ status: 'accepted' }, DECISIONS, ['', 'hosting'])).toBe(false);
	});

	it('keeps only the chosen values in the query string, and the fragment', () => {
		const at = { pathname: '/glasshouse/orbit/decisions/', hash: '' };
		expect(filteredAddress(at, DECISIONS, ['', ''])).toBe('/glasshouse/orbit/decisions/');
		expect(filteredAddress(at, DECISIONS, ['', 'hosting'])).toBe('/glasshouse/orbit/decisions/?tag=hosting');
		expect(filteredAddress({ ...at, hash: '#decision-7' }, DECISIONS, ['accepted', 'a b&c'])).toBe(
			'/glasshouse/orbit/decisions/?status=accepted&tag=a+b%26c#decision-7',
		);
	});

	it('fills in the count', () => {
		expect(countText('{shown} of {total} items', 2, 6)).toBe('2 of 6 items');
		expect(countText('显示 {shown} / {total} 项', 0, 6)).toBe('显示 0 / 6 项');
	});
});
