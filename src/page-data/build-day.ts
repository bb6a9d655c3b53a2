import { today } from '@/lib/calendar';

/**
 * The day pages are built for: GLASSHOUSE_TODAY when set (tests, or rebuilding as of a date),
 * otherwise today in UTC, the same day `check` measures staleness against during a build.
 * Dates derived from it ("review overdue") stay current because CI rebuilds every week.
 */
export function buildDay(): string {
	return process.env.GLASSHOUSE_TODAY ?? today();
}
