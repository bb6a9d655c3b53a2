import type { Change } from '@/kinds/change/schema';
import { isApproved } from './scope-movement';

export interface ChangeTotals {
	/** Approved and implemented changes. */
	approved: { count: number; scheduleDays: number; cost: number };
	/** Changes estimated or awaiting the client: what would follow if they were approved. */
	pending: { count: number; scheduleDays: number; cost: number };
}

const PENDING = new Set<Change['status']>(['estimated', 'awaiting-client']);

/** Sums the schedule and cost impact of approved changes, and separately of those still pending. */
export function changeTotals(changes: Change[]): ChangeTotals {
	const totals: ChangeTotals = { approved: { count: 0, scheduleDays: 0, cost: 0 }, pending: { count: 0, scheduleDays: 0, cost: 0 } };
	for (const change of changes) {
		const bucket = isApproved(change) ? totals.approved : PENDING.has(change.status) ? totals.pending : undefined;
		if (!bucket) continue;
		bucket.count++;
		bucket.scheduleDays += change.impact?.scheduleDays ?? 0;
		bucket.cost += change.impact?.cost ?? 0;
	}
	// Costs are money: keep sums of decimals like 0.1 + 0.2 to cents.
	totals.approved.cost = Math.round(totals.approved.cost * 100) / 100;
	totals.pending.cost = Math.round(totals.pending.cost * 100) / 100;
	return totals;
}
