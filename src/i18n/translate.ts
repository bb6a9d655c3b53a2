import en from './en.json';
import zhCN from './zh-CN.json';
import type { Locale } from './locales';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** Returns `t(key, vars)` for a locale; `{name}` placeholders are replaced from `vars`. */
export function useTranslations(locale: Locale): Translate {
	const catalogue = catalogues[locale];
	return (key, vars = {}) =>
		catalogue[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in vars ? String(vars[name]) : placeholder));
}
