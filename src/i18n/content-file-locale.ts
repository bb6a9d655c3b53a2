import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Locale } from './locales';

const locales = new Map<string, Promise<Locale>>();

/**
 * The language of the client a content file belongs to, for words a Markdown plugin adds to its
 * body (a diagram's or a scroll region's fallback name). A file sits at `<client>/<file>`
 * (closeout.mdx) or `<client>/<folder>/<file>`; the nearer client.yaml decides. English when
 * there is none.
 */
export function contentFileLocale(filePath: string | undefined): Promise<Locale> {
	if (!filePath) return Promise.resolve('en');
	const folder = path.dirname(filePath);
	return localeIn(path.join(folder, 'client.yaml'), () =>
		localeIn(path.join(path.dirname(folder), 'client.yaml'), () => Promise.resolve('en')),
	);
}

function localeIn(clientFile: string, otherwise: () => Promise<Locale>): Promise<Locale> {
	let locale = locales.get(clientFile);
	if (!locale) {
		locale = readFile(clientFile, 'utf8').then(
			(text) => ((parseYaml(text) as { locale?: string } | null)?.locale === 'zh-CN' ? 'zh-CN' : 'en') as Locale,
			() => otherwise(),
		);
		locales.set(clientFile, locale);
	}
	return locale;
}
