import { workingDaysBetween } from '@/lib/calendar';
import type { Client } from '@/kinds/client/schema';
import { isOpenFeedback, type Feedback } from './schema';

type Targets = Client['feedbackTargets'];
type Dated = Pick<Feedback, 'receivedOn' | 'acknowledgedOn' | 'answeredOn'>;

/** Which response-time target an open item has missed by `today`: the answer's, else the acknowledgement's. */
export type MissedTarget = 'acknowledge' | 'answer';

/** Working days from receipt to the acknowledgement or the answer; undefined before it happened. */
export function daysTo(feedback: Dated, step: 'acknowledgedOn' | 'answeredOn'): number | undefined {
	const day = feedback[step];
	return day === undefined ? undefined : workingDaysBetween(feedback.receivedOn, day);
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: number[]): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median working days to acknowledge and to answer, over the items that got there. */
export function medianResponseDays(items: Dated[]): { acknowledge?: number; answer?: number } {
	const of = (step: 'acknowledgedOn' | 'answeredOn') =>
		median(items.map((item) => daysTo(item, step)).filter((days): days is number => days !== undefined));
	return { acknowledge: of('acknowledgedOn'), answer: of('answeredOn') };
}

/**
 * The target an open item has missed by `today`, counted in working days from `receivedOn`: the
 * answer's (the later and weightier) first, then, while not acknowledged, the acknowledgement's.
 * Items already answered, closed or declined miss nothing any more: that can no longer be fixed.
 */
export function missedTarget(feedback: Dated & Pick<Feedback, 'status'>, targets: Targets, today: string): MissedTarget | undefined {
	if (!isOpenFeedback(feedback.status)) return undefined;
	const waited = workingDaysBetween(feedback.receivedOn, today);
	if (waited > targets.answerWithin) return 'answer';
	if (feedback.acknowledgedOn === undefined && waited > targets.acknowledgeWithin) return 'acknowledge';
	return undefined;
}
