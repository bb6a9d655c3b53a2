import { weekdayOnOrAfter } from '@/lib/calendar';
import { nextUpdateDate } from '@/kinds/update/next-update-date';
import type { Cadence } from '@/kinds/client/schema';

/**
 * The date a new update is for: the cadence's weekday on or after today. A fortnightly or
 * monthly cadence also keeps its phase: while the update due after the latest one is still
 * ahead, that due date is used (the weekday on or after today could fall between two periods).
 */
export function defaultUpdateDate(today: string, cadence: Cadence, latest?: string): string {
	if (latest && cadence.every !== 'week') {
		const due = nextUpdateDate(latest, cadence);
		if (due >= today) return due;
	}
	return weekdayOnOrAfter(today, cadence.day);
}
