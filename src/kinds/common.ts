import { z } from 'zod';
import { notSecret } from './not-secret';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is `YYYY-MM-DD` naming a day that exists (no 30 February). */
export function isRealIsoDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar day, resolved to `YYYY-MM-DD`.
 * YAML parsers disagree: Astro's turns `2026-01-09` into a `Date`, the checker keeps the string,
 * so both are accepted and normalised. Only the string form can prove the day is real
 * (a `Date` for 30 February has already rolled over), which is why `npm run check` parses strings.
 */
export const IsoDateSchema = z
	.union([z.string(), z.date()])
	.superRefine((value, ctx) => {
		if (value instanceof Date) {
			if (Number.isNaN(value.getTime()))
				ctx.addIssue({ code: 'custom', message: 'expected a real date (YYYY-MM-DD), found an invalid date' });
			return;
		}
		if (!isRealIsoDate(value)) {
			ctx.addIssue({ code: 'custom', message: `expected a real date as YYYY-MM-DD, found "${value}"` });
		}
	})
	.transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));
// A day says nothing about a client, and pages' addresses show dates: the leak scan leaves them out.
notSecret(IsoDateSchema);

/** Overall or per-dimension health, shown as green / amber / red with a text label. */
export const HealthSchema = z.enum(['on-track', 'at-risk', 'off-track']);
export type Health = z.infer<typeof HealthSchema>;

/** A non-empty trimmed line of text. */
export const TextSchema = z.string().trim().min(1, 'expected text, found an empty value');

/** Lowercase words joined by hyphens, safe in a URL: `website-replatforming`. */
export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lowercase letters, digits and hyphens (like "phase-1")');

/** Free-form labels used for filtering. */
export const TagsSchema = z.array(SlugSchema).default([]);

/**
 * Astro's glob loader takes a frontmatter `slug` as the entry id, which would drop the client
 * folder from the id and let one client's entry collide with another's, so it is refused.
 */
export const NoSlugSchema = z.undefined({ invalid_type_error: 'is not allowed: the file name is the id (remove "slug")' }).optional();
