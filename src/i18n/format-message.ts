/**
 * Fills in a catalogue message: `{name}` is replaced by the value of `name`, and
 * `{name, plural, one {# day} other {# days}}` picks the form for that number by the language's
 * plural rules (`Intl.PluralRules`; the choices and `#` are ICU MessageFormat's, so translators
 * know them): English says "1 day" and "2 days", Chinese needs no choice at all ("{days} 天").
 * `=N` picks an exact number first (`=1 {every day}`); `other` is required. A placeholder whose
 * value is not given is left as written. No catalogue is imported here, so browser code can use it.
 */
export function formatMessage(message: string, vars: Readonly<Record<string, string | number>>, locale: string): string {
	let result = '';
	let index = 0;
	while (index < message.length) {
		const open = message.indexOf('{', index);
		if (open === -1) break;
		const close = matchingBrace(message, open);
		result += message.slice(index, open) + formatArgument(message.slice(open + 1, close), message.slice(open, close + 1), vars, locale);
		index = close + 1;
	}
	return result + message.slice(index);
}

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/;
const CHOICE = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

function formatArgument(inner: string, written: string, vars: Readonly<Record<string, string | number>>, locale: string): string {
	const plural = PLURAL.exec(inner);
	const name = plural ? plural[1]! : inner.trim();
	if (!(name in vars)) return written;
	const value = vars[name]!;
	if (!plural) return String(value);
	const choices = pluralChoices(plural[2]!, written);
	const number = Number(value);
	const chosen = choices.get(`=${number}`) ?? choices.get(pluralRules(locale).select(number)) ?? choices.get('other')!;
	// `#` is the number, in the choice's own text only: a `#` in a value filled in below (a title) stays.
	const shown = typeof value === 'number' ? numberFormat(locale).format(value) : value;
	return formatMessage(chosen.replace(/#/g, NUMBER_MARK), vars, locale).replaceAll(NUMBER_MARK, shown);
}

/** Stands for `#` while the choice's other arguments are filled in; no catalogue or content text holds it. */
const NUMBER_MARK = '\u0000';

const rulesByLocale = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
	let rules = rulesByLocale.get(locale);
	if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
	return rules;
}

// Made once per locale: building an Intl formatter costs far more than using it, and pages format numbers in every header.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string): Intl.NumberFormat {
	let format = numberFormats.get(locale);
	if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
	return format;
}

/** `one {…} other {…}` as a map from choice to text; a message without `other` is a mistake in the catalogue. */
function pluralChoices(text: string, written: string): Map<string, string> {
	const choices = new Map<string, string>();
	let rest = text;
	while (rest.trim()) {
		const choice = CHOICE.exec(rest);
		if (!choice) throw new Error(`Message argument ${written}: expected choices like "one {…} other {…}", found "${rest.trim()}"`);
		const open = choice[0].length - 1;
		const close = matchingBrace(rest, open);
		choices.set(choice[1]!, rest.slice(open + 1, close));
		rest = rest.slice(close + 1);
	}
	if (!choices.has('other')) throw new Error(`Message argument ${written}: expected an "other {…}" choice, found none`);
	return choices;
}

/** Index of the `}` closing the `{` at `open`. */
function matchingBrace(text: string, open: number): number {
	let depth = 0;
	for (let index = open; index < text.length; index++) {
		if (text[index] === '{') depth++;
		else if (text[index] === '}' && --depth === 0) return index;
	}
	throw new Error(`Message "${text}": expected a "}" for the "{" at ${open}, found none`);
}
