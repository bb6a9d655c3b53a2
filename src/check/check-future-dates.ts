import type { LoadedClient } from '@/loader/load-content';
import type { Problem } from './problem';

/**
 * Warns about an update, decision or meeting dated after `today` (the build context's day): the
 * site would show a client "Last updated" or "Decided" on a day still to come. A warning, not an
 * error: a record written the evening before is not wrong, only early.
 */
export function checkFutureDates(client: LoadedClient, today: string): Problem[] {
	const problems: Problem[] = [];
	const records = [
		...client.updates.map((entry) => ({ entry, noun: 'an update' })),
		...client.decisions.map((entry) => ({ entry, noun: 'a decision' })),
		...client.meetings.map((entry) => ({ entry, noun: 'a meeting' })),
	];
	for (const { entry, noun } of records) {
		const date = entry.value.date;
		if (date <= today) continue;
		problems.push({
			severity: 'warning',
			file: entry.source.file,
			line: entry.source.lineOf(['date']),
			field: 'date',
			message: `expected a date on or before today (${today}), found ${date}: the site would show ${noun} dated in the future; correct the date, or keep the file out of content/ until that day`,
		});
	}
	return problems;
}
