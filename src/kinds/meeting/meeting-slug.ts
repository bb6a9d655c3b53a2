import type { Meeting } from '@/kinds/meeting/schema';

/**
 * URL segments of a client's meetings, parallel to `meetings`: "<date>-<type>", then "-2", "-3" …
 * for further meetings of the same day and type, counted from the end of the list (the client's
 * meetings are listed newest first, so the oldest file keeps the plain name). Built from the data,
 * never from the file name, which may carry words of the client's text into a URL anyone can read.
 * Pass the client's whole list in its display order so every page gets the same segments.
 */
export function meetingSlugs(meetings: ReadonlyArray<Pick<Meeting, 'date' | 'type'>>): string[] {
	const seen = new Map<string, number>();
	const slugs: string[] = new Array(meetings.length);
	for (let index = meetings.length - 1; index >= 0; index--) {
		const base = `${meetings[index]!.date}-${meetings[index]!.type}`;
		const count = (seen.get(base) ?? 0) + 1;
		seen.set(base, count);
		slugs[index] = count === 1 ? base : `${base}-${count}`;
	}
	return slugs;
}
