import type { Milestone } from '@/kinds/milestone/schema';

/**
 * A milestone the client still has to sign off: done, with something handed over, and no
 * acceptance on record. Without deliverables there is nothing to review, so nothing is asked.
 */
export function awaitsAcceptance(milestone: Pick<Milestone, 'status' | 'deliverables' | 'acceptance'>): boolean {
	return milestone.status === 'done' && milestone.deliverables.length > 0 && !milestone.acceptance;
}
