import type { Locale } from '@/i18n/locales';
import { line } from './yaml-text';

const WORDS = {
	en: {
		answer: 'TODO: the answer, in plain words. Link to a page or name a contact where that helps.',
		order: 'position in the list, lowest first',
		tags: 'lowercase labels, e.g. [billing, access]',
	},
	'zh-CN': {
		answer: 'TODO：用简单的话回答这个问题，需要时注明相关页面或联系人。',
		order: '在列表中的位置，数字小的在前',
		tags: '小写标签，例如 [billing, access]',
	},
} as const;

/** `faq/<slug>.md`: one question; the body is the answer. */
export function renderFaq(question: string, order: number, locale: Locale): string {
	return [
		'---',
		line('question', question),
		line('order', order, WORDS[locale].order),
		line('tags', [], WORDS[locale].tags),
		'---',
		'',
		WORDS[locale].answer,
		'',
	].join('\n');
}
