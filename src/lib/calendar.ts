/** Calendar arithmetic on `YYYY-MM-DD` days, in UTC so results never depend on the machine's zone. */

const DAY_MS = 86_400_000;
/** The days of the week, Monday first (the order in which schemas list them). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
type Weekday = (typeof WEEKDAYS)[number];

const toTime = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(isoDay: string, days: number): string {
	return fromTime(toTime(isoDay) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** The first `weekday` strictly after `isoDay`. */
export function nextWeekday(isoDay: string, weekday: Weekday): string {
	const current = new Date(toTime(isoDay)).getUTCDay();
	// getUTCDay counts from Sunday (0); WEEKDAYS starts on Monday.
	const target = (WEEKDAYS.indexOf(weekday) + 1) % 7;
	const ahead = (target - current + 7) % 7 || 7;
	return addDays(isoDay, ahead);
}

/**
 * Today's date as `YYYY-MM-DD` on the clock of the machine (or browser) it runs on. The build
 * context's `today` is this on the machine running the command; a page's script calls it for the
 * visitor's own day.
 */
export function localToday(now: Date = new Date()): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `isoDay` itself when it falls on `weekday`, otherwise the next `weekday` after it. */
export function weekdayOnOrAfter(isoDay: string, weekday: Weekday): string {
	return nextWeekday(addDays(isoDay, -1), weekday);
}
