/** A place in a text where one of the matcher's names was found. */
export interface TermMatch {
	/** Index of the entry (in the list given to `termMatcher`) whose term or alias matched. */
	entry: number;
	start: number;
	end: number;
	/** The text as written there ("sprints", "uat"). */
	text: string;
}

export interface TermMatcher {
	/** Every match in `text`, left to right; where two names start at one place, the longer wins. */
	matches(text: string): TermMatch[];
}

const HAN = /\p{Script=Han}/u;
// Letters and digits of Latin-script words: a name must not start or end inside one. Han characters
// do not count, so "MES" is found in "与现有MES打通" as in "the MES".
const WORD_CHARACTER = '[\\p{Script=Latin}\\p{N}]';

/**
 * Finds terms in running text, the way a reader would: Latin-script names as whole words,
 * ignoring case, with simple plurals ("sprint" finds "Sprints", "entry" finds "entries");
 * names with Chinese characters as substrings (Chinese has no spaces between words), the
 * longest name first so "灰度发布" wins over "发布". `entries` are each a list of names
 * (a term and its aliases); runs of spaces in a name match any white space.
 */
export function termMatcher(entries: ReadonlyArray<readonly string[]>): TermMatcher {
	const sorted = entries
		.flatMap((names, entry) => names.map((name) => ({ entry, name: name.trim() })))
		.filter(({ name }) => name.length > 0)
		.sort((a, b) => b.name.length - a.name.length);
	if (sorted.length === 0) return { matches: () => [] };
	// Names with Chinese characters first: where one and a Latin-script name both match at a place, the
	// Chinese one is the longer (the Latin one cannot hold its Chinese characters), so longest still wins.
	// The Latin-script names share one pair of word-boundary checks: written around each name, the
	// look-behind was evaluated once per name at every place of the text (a third of a large check).
	const han = sorted.filter(({ name }) => HAN.test(name));
	const latin = sorted.filter(({ name }) => !HAN.test(name));
	const names = [...han, ...latin];
	const alternatives = (group: typeof names) => group.map(({ name }) => `(${namePattern(name)})`).join('|');
	const parts = [
		...(han.length ? [alternatives(han)] : []),
		...(latin.length ? [`(?<!${WORD_CHARACTER})(?:${alternatives(latin)})(?!${WORD_CHARACTER})`] : []),
	];
	const pattern = new RegExp(parts.join('|'), 'giu');
	return {
		matches(text) {
			const found: TermMatch[] = [];
			for (const match of text.matchAll(pattern)) {
				const group = match.slice(1).findIndex((value) => value !== undefined);
				found.push({ entry: names[group]!.entry, start: match.index, end: match.index + match[0].length, text: match[0] });
			}
			return found;
		},
	};
}

/** The key two names are compared under: case and spacing ignored ("Scope  creep" is "scope creep"). */
export function nameKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** A name's pattern: its words and, for a Latin-script name, its plurals (the word boundaries are added around all of them). */
function namePattern(name: string): string {
	const words = name.split(/\s+/).map(escapeRegExp).join('\\s+');
	if (HAN.test(name)) return words;
	// Any name + "s" / "es"; a name ending in a consonant and "y" also + "ies" ("entry" → "entries").
	const forms = [`${words}(?:s|es)?`];
	if (/[^aeiou]y$/i.test(name)) forms.push(`${words.slice(0, -1)}ies`);
	return `(?:${forms.join('|')})`;
}

function escapeRegExp(text: string): string {
	return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
