import type { Locale } from '@/i18n/locales';
import type { Translate } from '@/i18n/translate';
import type { Meeting } from '@/kinds/meeting/schema';
import { formatDate } from '@/lib/format-date';

/** The meeting's own title, or its type and date ("Steering committee on 6 Oct 2026") in the client's language. */
export function meetingTitle(meeting: Pick<Meeting, 'title' | 'date' | 'type'>, locale: Locale, t: Translate): string {
	return (
		meeting.title ?? t('meetings.defaultTitle', { type: t(`meetingType.${meeting.type}`), date: formatDate(meeting.date, locale, 'long') })
	);
}
