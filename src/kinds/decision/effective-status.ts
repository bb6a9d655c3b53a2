import type { DecisionStatus } from '@/kinds/decision/schema';

interface DecisionLike {
	number: number;
	status: DecisionStatus;
	supersedes?: number;
}

/**
 * Status to display per decision number: a record superseded by an accepted decision shows as
 * superseded even if its own field was not updated; a mere proposal to supersede changes nothing.
 */
export function effectiveStatuses(decisions: ReadonlyArray<DecisionLike>): Map<number, DecisionStatus> {
	const statuses = new Map(decisions.map((decision) => [decision.number, decision.status]));
	for (const decision of decisions) {
		if (decision.supersedes !== undefined && decision.status === 'accepted' && statuses.has(decision.supersedes)) {
			statuses.set(decision.supersedes, 'superseded');
		}
	}
	return statuses;
}
