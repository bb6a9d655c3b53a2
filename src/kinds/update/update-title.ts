import type { Locale } from '@/i18n/locales';
import type { Translate } from '@/i18n/translate';
import { formatDate } from '@/lib/format-date';

/** The update's own title, or "Status update of <date>" in the client's language. */
export function updateTitle(update: { title?: string; date: string }, locale: Locale, t: Translate): string {
	return update.title ?? t('updates.defaultTitle', { date: formatDate(update.date, locale, 'long') });
}
