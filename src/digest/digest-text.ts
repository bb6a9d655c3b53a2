import { useTranslations } from '@/i18n/translate';
import { HEALTH_SYMBOL } from '@/kinds/health-symbol';
import type { Digest, DigestItem } from './compose-digest';

/** What stands in for the link when no site URL is known: visibly unfinished, never a broken address. */
export function missingLink(digest: Digest): string {
	return useTranslations(digest.locale)('digest.missingLink');
}

/** The English placeholder, as an English client's digest shows it. */
export const MISSING_LINK = useTranslations('en')('digest.missingLink');

/**
 * "text (owner, due …)" in the client's language. `wrap` marks up the text and the bracketed
 * detail (the HTML escapes and styles them); the template itself is ours, never content.
 */
export function itemLine(
	digest: Digest,
	item: DigestItem,
	wrap: { text(text: string): string; detail(detail: string): string } = { text: (text) => text, detail: (detail) => detail },
): string {
	if (!item.detail) return wrap.text(item.text);
	const t = useTranslations(digest.locale);
	return t('digest.item', { text: wrap.text(item.text), detail: wrap.detail(t('digest.detail', { detail: item.detail })) });
}

/** "Label: " in English, "标签：" in Chinese (a full-width colon takes no space after it). */
export function labelPrefix(digest: Digest, label: string): string {
	return useTranslations(digest.locale)('digest.label', { label });
}

/** The email body as plain text, one paragraph per line so the mail client wraps it. */
export function digestText(digest: Digest): string {
	const labelled = (label: string, value: string) => `${labelPrefix(digest, label)}${value}`;
	const lines = [
		digest.greeting,
		'',
		digest.intro,
		'',
		labelled(digest.health.label, `${HEALTH_SYMBOL[digest.health.status]} ${digest.health.text}`),
		'',
		digest.summary,
		'',
		labelPrefix(digest, digest.needs.heading).trimEnd(),
		...(digest.needs.items.length ? digest.needs.items.map((item) => `- ${itemLine(digest, item)}`) : [digest.needs.none]),
		'',
	];
	// Only when something was answered: an empty "you said, we did" would read as nothing done.
	if (digest.feedback.items.length)
		lines.push(
			labelPrefix(digest, digest.feedback.heading).trimEnd(),
			...digest.feedback.items.map((item) => `- ${itemLine(digest, item)}`),
			'',
		);
	if (digest.surveys.items.length)
		lines.push(
			labelPrefix(digest, digest.surveys.heading).trimEnd(),
			...digest.surveys.items.map((item) => `- ${itemLine(digest, item)}`),
			'',
		);
	if (digest.nextMilestone) lines.push(labelled(digest.nextMilestone.label, digest.nextMilestone.text), '');
	lines.push(
		digest.link ? labelled(digest.link.label, digest.link.url) : missingLink(digest),
		digest.access,
		'',
		digest.signOff,
		...digest.signature,
	);
	return `${lines.join('\n')}\n`;
}
