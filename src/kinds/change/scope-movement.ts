import { APPROVED_CHANGE_STATUSES, type Change } from '@/kinds/change/schema';

/** One scope item moved by an approved change. */
export interface ScopeMove {
	item: string;
	direction: 'added' | 'removed';
	/** Number of the change request that moved it. */
	change: number;
	/** Approval date of that change. */
	on: string;
}

/** A scope item an approved change could not move, for `check` to report. */
interface ScopeConflict {
	change: number;
	kind: 'adds' | 'removes';
	index: number;
	item: string;
	/** What the scope held at that point. */
	inScope: string[];
}

interface ScopeMovement {
	original: { in: string[]; out: string[] };
	current: { in: string[]; out: string[] };
	/** In the order the changes were approved. */
	moves: ScopeMove[];
	conflicts: ScopeConflict[];
}

export const isApproved = (change: Pick<Change, 'status'>) => (APPROVED_CHANGE_STATUSES as readonly string[]).includes(change.status);

/**
 * Replays approved (and implemented) changes in approval order over the original scope: "adds"
 * brings an item in (out of the out-of-scope list if it was there), "removes" takes an in-scope
 * item out. A removal of something not in scope, or an addition of something already in, is a conflict.
 */
export function scopeMovement(scope: { in: string[]; out: string[] }, changes: Change[]): ScopeMovement {
	const inScope = [...scope.in];
	const outOfScope = [...scope.out];
	const moves: ScopeMove[] = [];
	const conflicts: ScopeConflict[] = [];
	const approved = changes
		.filter(isApproved)
		.sort((a, b) => (a.approval?.on ?? '').localeCompare(b.approval?.on ?? '') || a.number - b.number);
	for (const change of approved) {
		const on = change.approval?.on ?? change.requestedOn;
		change.impact?.scope.removes.forEach((item, index) => {
			const at = inScope.indexOf(item);
			if (at < 0) {
				conflicts.push({ change: change.number, kind: 'removes', index, item, inScope: [...inScope] });
				return;
			}
			inScope.splice(at, 1);
			if (!outOfScope.includes(item)) outOfScope.push(item);
			moves.push({ item, direction: 'removed', change: change.number, on });
		});
		change.impact?.scope.adds.forEach((item, index) => {
			if (inScope.includes(item)) {
				conflicts.push({ change: change.number, kind: 'adds', index, item, inScope: [...inScope] });
				return;
			}
			inScope.push(item);
			const out = outOfScope.indexOf(item);
			if (out >= 0) outOfScope.splice(out, 1);
			moves.push({ item, direction: 'added', change: change.number, on });
		});
	}
	return { original: { in: [...scope.in], out: [...scope.out] }, current: { in: inScope, out: outOfScope }, moves, conflicts };
}
