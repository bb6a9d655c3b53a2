import { describe, expect, it } from 'vitest';
import { deriveSupersededBy, supersessionChain } from '@/kinds/decision/derive-superseded-by';
import { effectiveStatuses } from '@/kinds/decision/effective-status';
import { findCycles } from '@/check/check-references';

const decisions = [
	{ number: 1, status: 'accepted' as const },
	{ number: 2, status: 'superseded' as const },
	{ number: 5, status: 'superseded' as const, supersedes: 2 },
	{ number: 7, status: 'accepted' as const, supersedes: 5 },
	{ number: 8, status: 'proposed' as const, supersedes: 1 },
];

describe('supersession', () => {
	it('derives "superseded by" from the newer record only', () => {
		expect([...deriveSupersededBy(decisions)]).toEqual([
			[2, 5],
			[5, 7],
			[1, 8],
		]);
	});

	it('walks the whole chain from any member', () => {
		expect(supersessionChain(5, decisions)).toEqual([2, 5, 7]);
		expect(supersessionChain(2, decisions)).toEqual([2, 5, 7]);
		expect(supersessionChain(1, decisions)).toEqual([1, 8]);
	});

	it('shows a record as superseded only when an accepted decision replaces it', () => {
		const statuses = effectiveStatuses(decisions);
		expect(statuses.get(5)).toBe('superseded');
		expect(statuses.get(1)).toBe('accepted');
	});
});

describe('findCycles', () => {
	it('finds each cycle and ignores acyclic graphs', () => {
		expect(
			findCycles(
				new Map([
					['a', ['b']],
					['b', ['c']],
					['c', []],
				]),
			),
		).toEqual([]);
		expect(
			findCycles(
				new Map([
					['a', ['b']],
					['b', ['a']],
				]),
			),
		).toEqual([['a', 'b', 'a']]);
	});
});
