import type { Survey } from './schema';

/**
 * URL segments of a client's surveys, parallel to `surveys`: the opening day, then "-2", "-3" …
 * for further surveys opening the same day, counted from the end of the list (newest first, so
 * the oldest keeps the plain date). Never the file name, whose words would be readable by anyone
 * in the address. Pass the client's whole list in its display order.
 */
export function surveySegments(surveys: ReadonlyArray<Pick<Survey, 'opens'>>): string[] {
	const seen = new Map<string, number>();
	const segments: string[] = new Array(surveys.length);
	for (let index = surveys.length - 1; index >= 0; index--) {
		const base = surveys[index]!.opens;
		const count = (seen.get(base) ?? 0) + 1;
		seen.set(base, count);
		segments[index] = count === 1 ? base : `${base}-${count}`;
	}
	return segments;
}
