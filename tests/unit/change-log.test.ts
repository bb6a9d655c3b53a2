import { describe, expect, it } from 'vitest';
import { ChangeSchema, type Change, type ChangeInput } from '@/kinds/change/schema';
import { changeTotals } from '@/kinds/change/change-totals';
import { scopeMovement } from '@/kinds/change/scope-movement';

let next = 1;
/** A valid change: approved ones get an approval on `on` (default: the request date). */
function change(status: Change['status'], impact: ChangeInput['impact'] = {}, on?: string, number = next++): Change {
	const answered = ['approved', 'rejected', 'implemented'].includes(status);
	return ChangeSchema.parse({
		number,
		title: `Change ${number}`,
		requestedBy: 'Greta',
		requestedOn: '2026-02-01',
		status,
		...(status === 'requested' ? {} : { impact }),
		...(answered ? { approval: { by: 'Greta', on: on ?? '2026-02-01' } } : {}),
	});
}

describe('changeTotals', () => {
	it('sums approved and implemented changes, and separately those estimated or awaiting the client', () => {
		const totals = changeTotals([
			change('approved', { scheduleDays: 10, cost: 12500 }),
			change('implemented', { scheduleDays: -3, cost: -2000 }),
			change('awaiting-client', { scheduleDays: 4, cost: 3200.5 }),
			change('estimated', { scheduleDays: 2, cost: 1500 }),
			change('rejected', { scheduleDays: 8, cost: 6000 }),
			change('requested'),
		]);
		expect(totals).toEqual({ approved: { count: 2, scheduleDays: 7, cost: 10500 }, pending: { count: 2, scheduleDays: 6, cost: 4700.5 } });
	});

	it('keeps money sums to cents', () => {
		const totals = changeTotals([change('approved', { cost: 0.1 }), change('approved', { cost: 0.2 })]);
		expect(totals.approved.cost).toBe(0.3);
	});

	it('is all zeros without changes', () => {
		expect(changeTotals([])).toEqual({ approved: { count: 0, scheduleDays: 0, cost: 0 }, pending: { count: 0, scheduleDays: 0, cost: 0 } });
	});
});

describe('scopeMovement', () => {
	const scope = { in: ['Website', 'Newsletter'], out: ['App'] };

	it('replays approved changes in approval order, not by number or request date', () => {
		// CR-1 re-adds the newsletter that CR-2 removes; only approval order makes that valid.
		const movement = scopeMovement(scope, [
			change('approved', { scope: { adds: ['Newsletter'] } }, '2026-03-01', 1),
			change('implemented', { scope: { removes: ['Newsletter'] } }, '2026-02-05', 2),
		]);
		expect(movement.conflicts).toEqual([]);
		expect(movement.moves).toEqual([
			{ item: 'Newsletter', direction: 'removed', change: 2, on: '2026-02-05' },
			{ item: 'Newsletter', direction: 'added', change: 1, on: '2026-03-01' },
		]);
		expect(movement.current).toEqual({ in: ['Website', 'Newsletter'], out: ['App'] });
	});

	it('breaks ties on the same approval day by number', () => {
		const movement = scopeMovement(scope, [
			change('approved', { scope: { adds: ['B'] } }, '2026-02-02', 9),
			change('approved', { scope: { adds: ['A'] } }, '2026-02-02', 4),
		]);
		expect(movement.moves.map((move) => move.change)).toEqual([4, 9]);
	});

	it('moves an out-of-scope item in, and a removed item out', () => {
		const movement = scopeMovement(scope, [change('approved', { scope: { adds: ['App'], removes: ['Website'] } }, '2026-02-10', 3)]);
		expect(movement.current).toEqual({ in: ['Newsletter', 'App'], out: ['Website'] });
		expect(movement.original).toEqual(scope);
		expect(movement.moves.map((move) => `${move.direction} ${move.item}`)).toEqual(['removed Website', 'added App']);
	});

	it('ignores changes that are not approved', () => {
		const movement = scopeMovement(scope, [
			change('awaiting-client', { scope: { adds: ['Chat'] } }),
			change('rejected', { scope: { removes: ['Website'] } }),
			change('estimated', { scope: { adds: ['App'] } }),
		]);
		expect(movement.moves).toEqual([]);
		expect(movement.current).toEqual(scope);
	});

	it('reports a removal of something not in scope and an addition of something already in, with what scope held', () => {
		const movement = scopeMovement(scope, [
			change('approved', { scope: { removes: ['Newsletter'] } }, '2026-02-01', 1),
			change('approved', { scope: { removes: ['Newsletter', 'Chatbot'], adds: ['Website'] } }, '2026-02-02', 2),
		]);
		expect(movement.conflicts).toEqual([
			{ change: 2, kind: 'removes', index: 0, item: 'Newsletter', inScope: ['Website'] },
			{ change: 2, kind: 'removes', index: 1, item: 'Chatbot', inScope: ['Website'] },
			{ change: 2, kind: 'adds', index: 0, item: 'Website', inScope: ['Website'] },
		]);
		// A refused move changes nothing.
		expect(movement.current).toEqual({ in: ['Website'], out: ['App', 'Newsletter'] });
		expect(movement.moves).toHaveLength(1);
	});

	it('does not list an item out of scope twice when it is removed after being out before', () => {
		const movement = scopeMovement(scope, [
			change('approved', { scope: { adds: ['App'] } }, '2026-02-01', 1),
			change('approved', { scope: { removes: ['App'] } }, '2026-02-02', 2),
		]);
		expect(movement.current.out).toEqual(['App']);
	});
});
