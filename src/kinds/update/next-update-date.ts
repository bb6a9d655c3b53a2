import { addDays, nextWeekday } from '@/lib/calendar';
import type { Cadence } from '@/kinds/client/schema';

/** When the update after the one dated `lastUpdate` is due, following the client's cadence. */
export function nextUpdateDate(lastUpdate: string, cadence: Cadence): string {
	switch (cadence.every) {
		case 'week':
			return nextWeekday(lastUpdate, cadence.day);
		case 'two-weeks':
			return nextWeekday(addDays(lastUpdate, 7), cadence.day);
		case 'month': {
			// The first such weekday of the following month.
			const [year, month] = lastUpdate.split('-').map(Number) as [number, number];
			const firstOfNext = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
			return nextWeekday(addDays(firstOfNext, -1), cadence.day);
		}
	}
}
