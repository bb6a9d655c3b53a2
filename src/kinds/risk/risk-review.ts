import type { Risk } from '@/kinds/risk/schema';
import { addDays } from '@/lib/calendar';

/**
 * Whether a risk still needs regular reviews: a closed risk is gone, and one that occurred is
 * handled as an issue from then on, so only open and mitigating risks can go stale.
 */
export function needsReview(risk: Pick<Risk, 'status'>): boolean {
	return risk.status === 'open' || risk.status === 'mitigating';
}

/** The last day on which a risk still counts as reviewed: its last review (or when it was raised) plus the period. */
export function reviewDue(risk: Pick<Risk, 'raised' | 'reviewed'>, periodDays: number): string {
	return addDays(risk.reviewed ?? risk.raised, periodDays);
}

/** True when a risk that needs reviews went unreviewed past its due day, as of `today`. */
export function isReviewOverdue(risk: Pick<Risk, 'status' | 'raised' | 'reviewed'>, periodDays: number, today: string): boolean {
	return needsReview(risk) && reviewDue(risk, periodDays) < today;
}
