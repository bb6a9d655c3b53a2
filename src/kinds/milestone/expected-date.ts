import type { Milestone } from '@/kinds/milestone/schema';

/** A milestone still ahead: neither done nor cancelled. */
export function isOpenMilestone(milestone: Pick<Milestone, 'status'>): boolean {
	return milestone.status !== 'done' && milestone.status !== 'cancelled';
}

/** When a milestone is now expected: its forecast once it has slipped, else its due date. */
export function expectedDate(milestone: Pick<Milestone, 'forecast' | 'due'>): string {
	return milestone.forecast ?? milestone.due;
}
