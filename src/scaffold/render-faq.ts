import type { Locale } from '@/i18n/locales';
import { line } from './yaml-text';

const ANSWER = {
	en: 'TODO: the answer, in plain words. Link to a page or name a contact where that helps.',
	'zh-CN': 'TODO：用简单的话回答这个问题，需要时注明相关页面或联系人。',
} as const;

/** `faq/<slug>.md`: one question; the body is the answer. */
export function renderFaq(question: string, order: number, locale: Locale): string {
	return [
		'---',
		line('question', question),
		line('order', order, 'position in the list, lowest first'),
		line('tags', [], 'lowercase labels, e.g. [billing, access]'),
		'---',
		'',
		ANSWER[locale],
		'',
	].join('\n');
}
