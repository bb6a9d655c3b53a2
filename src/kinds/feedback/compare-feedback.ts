import { isOpenFeedback, type Feedback } from './schema';

/**
 * The log's order: open items first, the longest waiting first; then the answered, closed and
 * declined ones, the most recently answered first; the number breaks ties.
 */
export function compareFeedback(a: Feedback, b: Feedback): number {
	const openA = isOpenFeedback(a.status);
	const openB = isOpenFeedback(b.status);
	if (openA !== openB) return openA ? -1 : 1;
	if (openA) return a.receivedOn.localeCompare(b.receivedOn) || a.number - b.number;
	return (b.answeredOn ?? '').localeCompare(a.answeredOn ?? '') || b.number - a.number;
}
