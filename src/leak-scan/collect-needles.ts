import type { AnyClientKind } from '@/kinds/kind';
import { CLIENT_KINDS } from '@/kinds/registry';
import { siteKind } from '@/kinds/site/kind';
import { propertyOf, type LoadedClient, type LoadedContent, type Parsed } from '@/loader/load-content';
import { canonical, isSpacedWordChar, measure } from './canonical-text';
import { templateText } from './template-text';
import { TextMatcher } from './text-matcher';
import { forEachString } from './schema-strings';

/** A distinctive piece of a client's source that must never appear in clear in the output. */
export interface Needle {
	text: string;
	/** Where it came from, for the error message. */
	source: string;
}

/** Text shorter than this (in letters and digits, an ideograph counting three) is distinctive only with two words or more. */
const MIN_WEIGHT_ONE_WORD = 14;
/** Two words or more must still weigh this much: "Q3 plan" does, "a b" does not. */
const MIN_WEIGHT = 5;
/** Numbers alone (dates, amounts, a year) say nothing; a phone number or an account number does. */
const MIN_DIGITS = 10;

/**
 * Every distinctive string a private client's content holds: every string of every file's front
 * matter or YAML, found by walking the data with the schema of its kind (see `forEachString`:
 * names, emails, titles, ids, tags, whatever a field is called, in a field added tomorrow too;
 * only what the schema marks as never secret, such as enums and dates, is left out), every
 * sentence and line of every body, and the words of every file name (its date or number prefix
 * is part of the public page address). A property of a client holding parsed files of a kind not
 * in `kinds` is walked whole.
 *
 * Left out: text that is not distinctive (see `isDistinctive`); text equal to a `publicText`
 * entry (the agency's name, the site title, client folder names), though text merely containing
 * one is still searched for; and generic text, which occurs in `genericText` (the project's own
 * templates and interface strings, public clients' content): it is public, so finding it in the
 * output proves nothing, and a public client using the same template must still build.
 * Comparisons are made in canonical form (see `canonical`), as the scan matches.
 */
export function collectNeedles(
	clients: LoadedClient[],
	publicText: string[] = [],
	genericText: string[] = templateText(),
	kinds: readonly AnyClientKind[] = CLIENT_KINDS,
): Needle[] {
	// Every canonical form met, with its needle, or null when it is no needle (judged once).
	const judged = new Map<string, Needle | null>(publicText.map((text) => [canonical(text).trim(), null]));
	const seen = new Set<string>();
	for (const client of clients) {
		forEachClientString(client, kinds, (text, source) => {
			if (seen.has(text)) return;
			seen.add(text);
			for (const fragment of fragments(text)) {
				const form = canonical(fragment).trim();
				if (!judged.has(form)) judged.set(form, isDistinctive(form) ? { text: fragment, source } : null);
			}
		});
	}
	const forms = [...judged.keys()].filter((form) => judged.get(form));
	const candidates = forms.map((form) => judged.get(form)!);
	const matcher = new TextMatcher(forms, isSpacedWordChar);
	const generic = new Set<number>();
	for (const text of genericText) matcher.findIn(canonical(text), generic);
	return candidates.filter((_, id) => !generic.has(id));
}

/**
 * Calls `visit` with every string of a client's loaded content and the file it came from: every
 * parsed file is found generically (any property of the client that holds `Parsed` files), and
 * its schema-checked value and its data as written are walked with its kind's schema, its body whole.
 */
function forEachClientString(client: LoadedClient, kinds: readonly AnyClientKind[], visit: (text: string, source: string) => void): void {
	const schemaOf = new Map(kinds.map((kind) => [propertyOf(kind), kind.schema]));
	for (const [property, held] of Object.entries(client)) {
		const schema = schemaOf.get(property);
		for (const item of Array.isArray(held) ? held : [held]) {
			if (!isParsed(item)) continue;
			const source = item.source.file;
			forEachString(item.value, schema, (text) => visit(text, source));
			forEachString(item.source.data, schema, (text) => visit(text, source));
			visit(item.source.body, source);
			visit(fileNameWords(item.stem), source);
		}
	}
}

function isParsed(value: unknown): value is Parsed<unknown> {
	return typeof value === 'object' && value !== null && 'source' in value && 'value' in value && 'stem' in value;
}

/**
 * The author's words in a file name: `0007-supplier-insolvency` → `supplier-insolvency`. The date
 * or number a file name starts with is part of the page's public address (see docs/security.md).
 */
function fileNameWords(stem: string): string {
	return stem.replace(/^\d{4}-\d{2}-\d{2}(?:-|$)/, '').replace(/^\d{4}(?:-|$)/, '');
}

/** Whole short texts, or the sentences and lines of longer ones, stripped of Markdown syntax. */
function fragments(text: string): string[] {
	const out: string[] = [];
	for (const rawLine of text.split(/\r?\n/)) {
		const line = rawLine
			.replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/, '')
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/[*`~]+/g, '')
			// Emphasis, but not the underscores of a name such as ACME_PASSWORD.
			.replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
			.trim();
		if (!line) continue;
		for (const sentence of line.split(/(?<=[.!?;:])\s+|(?<=[。！？；：])/)) {
			const trimmed = sentence.trim().replace(/[.!?;:。！？；：,，、]+$/, '');
			if (trimmed) out.push(trimmed);
		}
	}
	return out;
}

/**
 * Whether a text (in canonical form) is worth searching for: whether finding it in the output
 * means it came from the client rather than by chance. A single word needs 14 letters or digits
 * (shorter ones are dictionary words, or turn up in random base64); two words or more need 5
 * ("Q3 plan", "go-live"); a Han, kana or Hangul character counts three, since one says about as
 * much as a short Latin word (so "北京站" counts, "方案" does not). Text without a letter needs
 * 10 digits: a phone number is distinctive, a date or an amount is not.
 */
export function isDistinctive(form: string): boolean {
	// Words are separated by single spaces, so this holds at least 14 letters or digits.
	if (form.length >= 2 * MIN_WEIGHT_ONE_WORD) return true;
	const { weight, words, letters } = measure(form);
	if (!letters) return weight >= MIN_DIGITS;
	return weight >= MIN_WEIGHT_ONE_WORD || (words >= 2 && weight >= MIN_WEIGHT);
}

/**
 * The needles of every private client. Public by design, so never needles: every string of
 * site.yaml (agency name and address, site title) and the client folder names, as whole texts
 * only (a private client's project name inside the site title is a leak, not a generic phrase);
 * and, as generic text, everything public clients wrote, besides the project's templates.
 */
export function needlesOf(content: LoadedContent): Needle[] {
	const isPrivate = (client: LoadedClient) => client.client !== undefined && !client.client.value.public;
	const publicText = [...content.clients.map((client) => client.slug)];
	forEachString(content.site, siteKind.schema, (text) => publicText.push(text));
	const genericText = templateText();
	for (const client of content.clients.filter((candidate) => candidate.client && !isPrivate(candidate)))
		forEachClientString(client, CLIENT_KINDS, (text) => genericText.push(...text.split('\n')));
	return collectNeedles(content.clients.filter(isPrivate), publicText, genericText);
}
