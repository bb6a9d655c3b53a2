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

/**
 * Working days (Monday to Friday) from `from` to `to`: the weekdays after `from` up to and
 * including `to`, so the same day is 0 and Friday to Monday is 1; 0 when `to` is not later.
 * Public holidays are not known here and count as working days.
 */
export function workingDaysBetween(from: string, to: string): number {
	const days = daysBetween(from, to);
	if (days <= 0) return 0;
	const weeks = Math.floor(days / 7);
	let count = weeks * 5;
	// The days left over after whole weeks, each checked for a weekend (getUTCDay: 0 Sunday, 6 Saturday).
	for (let offset = weeks * 7 + 1; offset <= days; offset++) {
		const weekday = new Date(toTime(from) + offset * DAY_MS).getUTCDay();
		if (weekday !== 0 && weekday !== 6) count++;
	}
	return count;
}
