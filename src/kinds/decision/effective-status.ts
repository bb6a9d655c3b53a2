import type { Decision, DecisionStatus } from '@/kinds/decision/schema';

/**
 * Status to display per decision number: a record superseded by an accepted decision shows as
 * superseded even if its own field was not updated; a mere proposal to supersede changes nothing.
 */
export function effectiveStatuses(
	decisions: ReadonlyArray<Pick<Decision, 'number' | 'status' | 'supersedes'>>,
): Map<number, DecisionStatus> {
	const statuses = new Map(decisions.map((decision) => [decision.number, decision.status]));
	for (const decision of decisions) {
		if (decision.supersedes !== undefined && decision.status === 'accepted' && statuses.has(decision.supersedes)) {
			statuses.set(decision.supersedes, 'superseded');
		}
	}
	return statuses;
}
