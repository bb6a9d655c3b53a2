/** The dialects `glasshouse import adr` reads; reported per file so the user sees how each was read. */
export type AdrFormat = 'madr-front-matter' | 'madr' | 'nygard' | 'log4brains' | 'markdown';

/**
 * Which dialect a record is written in. Reading does not depend on it (every dialect's metadata is
 * looked for in every file); it is reported so a surprising result can be explained.
 */
export function detectFormat(input: { hasFrontMatter: boolean; text: string; fileName: string }): AdrFormat {
	const { text, fileName } = input;
	if (input.hasFrontMatter && /^(?:status|date|decision-makers|deciders)[ \t]*:/im.test(text.split(/\n---/)[0] ?? ''))
		return 'madr-front-matter';
	if (/^\d{8}-/.test(fileName) && /^- (?:Status|Date):/m.test(text)) return 'log4brains';
	if (/^##[ \t]+Status[ \t]*$/im.test(text) && /^##[ \t]+Context[ \t]*$/im.test(text)) return 'nygard';
	if (/^##[ \t]+(?:Context and Problem Statement|Considered Options|Decision Outcome)/im.test(text)) return 'madr';
	return 'markdown';
}
