import type { Locale } from '@/i18n/locales';
import type { Translate } from '@/i18n/translate';

/** "1 working day", "4.5 working days" (a median may fall between two items) in the client's language. */
export function formatWorkingDays(days: number, locale: Locale, t: Translate): string {
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(days);
	return t(days === 1 ? 'feedback.workingDay' : 'feedback.workingDays', { days: number });
}
