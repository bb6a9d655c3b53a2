import type { Translate } from '@/i18n/translate';
import type { Locale } from '@/i18n/locales';
import type { Change } from '@/kinds/change/schema';
import { formatDays, formatMoney } from './format-impact';

export type ChangeAnswer = 'approve' | 'reject';

/**
 * An email answering a change request, split around the page link: the link is the page's own
 * address, known for certain only in the browser (the site URL may not be set at build time).
 */
interface ChangeReply {
	subject: string;
	/** Body text up to the link. */
	before: string;
	/** Body text after the link, ending with a line for conditions or reasons. */
	after: string;
}

interface ChangeReplyInput {
	answer: ChangeAnswer;
	change: Pick<Change, 'number' | 'title' | 'impact'>;
	/** Who the email goes to, for the greeting. */
	recipient: string;
	locale: Locale;
	currency: string;
	t: Translate;
}

/** The subject and body of an "Approve" or "Reject" email, in the client's language. */
export function changeReply({ answer, change, recipient, locale, currency, t }: ChangeReplyInput): ChangeReply {
	const vars = { number: change.number, title: change.title };
	const list = new Intl.ListFormat(locale, { type: 'conjunction' });
	const lines = [
		t('changes.mail.greeting', { name: recipient }),
		'',
		t(answer === 'approve' ? 'changes.mail.approve' : 'changes.mail.reject', vars),
	];
	const impact = change.impact;
	if (impact) {
		lines.push(
			t('changes.mail.impact', { schedule: formatDays(impact.scheduleDays, locale), cost: formatMoney(impact.cost, currency, locale) }),
		);
		if (impact.scope.adds.length) lines.push(t('changes.mail.adds', { items: list.format(impact.scope.adds) }));
		if (impact.scope.removes.length) lines.push(t('changes.mail.removes', { items: list.format(impact.scope.removes) }));
	}
	// The link line is translated whole ("Change request: {link}"), so each language places it.
	const [linkBefore = '', linkAfter = ''] = t('changes.mail.link').split('{link}');
	lines.push('', linkBefore);
	return {
		subject: t(answer === 'approve' ? 'changes.mail.approveSubject' : 'changes.mail.rejectSubject', vars),
		before: lines.join('\n'),
		after: `${linkAfter}\n\n${t(answer === 'approve' ? 'changes.mail.conditions' : 'changes.mail.reasons')}`,
	};
}

/** The full body with the page link in its place. */
export const replyBody = (reply: Pick<ChangeReply, 'before' | 'after'>, link: string) => `${reply.before}${link}${reply.after}`;
