import type { Locale } from '@/i18n/locales';
import type { GlossaryTerm } from './schema';

/**
 * A glossary's terms in the order its page lists them: alphabetically in English; in Chinese by
 * pinyin, the order of the dictionaries and indexes mainland readers know (Chinese terms first,
 * by the pinyin of each character, then Latin abbreviations such as "ERP" alphabetically, as ICU's
 * pinyin collation puts them). Stroke order is the other convention, but few readers look a word
 * up by its strokes on a screen; as written would leave the order to chance.
 */
export function sortTerms<T extends Pick<GlossaryTerm, 'term'>>(terms: readonly T[], locale: Locale): T[] {
	const collator = new Intl.Collator(locale === 'zh-CN' ? 'zh-CN-u-co-pinyin' : 'en', { sensitivity: 'base', numeric: true });
	return [...terms].sort((a, b) => collator.compare(a.term, b.term) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}
