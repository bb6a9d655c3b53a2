import en from './en.json';
import zhCN from './zh-CN.json';
import type { Locale } from './locales';
import { formatMessage } from './format-message';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/**
 * Returns `t(key, vars)` for a locale: `{name}` placeholders are replaced from `vars`, and
 * `{name, plural, one {…} other {…}}` takes the locale's plural form (see `format-message.ts`).
 */
export function useTranslations(locale: Locale): Translate {
	const catalogue = catalogues[locale];
	return (key, vars = {}) => formatMessage(catalogue[key], vars, locale);
}
