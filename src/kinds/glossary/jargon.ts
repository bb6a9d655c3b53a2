import { readFile } from 'node:fs/promises';
import { LOCALES, type Locale } from '@/i18n/locales';
import type { Site } from '@/kinds/site/schema';

/** Agency and IT words a client may not know, by client language. */
export type JargonLists = Record<Locale, string[]>;

/** The terms of a jargon list file: one per line, `#` starts a comment line, blank lines ignored. */
export function parseJargonList(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'));
}

/**
 * The jargon `check` looks for in each language: the list shipped with Glasshouse
 * (`jargon/<locale>.txt` next to this file) and the agency's own from site.yaml's `jargon`.
 */
export async function jargonLists(site: { jargon: Partial<Site['jargon']> } | undefined): Promise<JargonLists> {
	const lists = await Promise.all(
		LOCALES.map(async (locale) => {
			const shipped = parseJargonList(await readFile(new URL(`./jargon/${locale}.txt`, import.meta.url), 'utf8'));
			// One list per locale: site.yaml's `jargon` has a field for each (a type error here otherwise).
			const own: string[] = site?.jargon[locale] ?? [];
			return [locale, [...shipped, ...own]] as const;
		}),
	);
	return Object.fromEntries(lists) as JargonLists;
}
