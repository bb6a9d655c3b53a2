import type { Locale } from '@/i18n/locales';

type DateStyle = 'long' | 'medium' | 'short';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats a `YYYY-MM-DD` day for a locale; the day is read as UTC so no time zone shifts it. */
export function formatDate(isoDay: string, locale: Locale, style: DateStyle = 'medium'): string {
	const key = `${locale}|${style}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
		formatters.set(key, formatter);
	}
	return formatter.format(new Date(`${isoDay}T00:00:00Z`));
}
