import { createRequire } from 'node:module';
import { CHINESE_NUMERALS, COMMON_PHRASES, FREQUENT_HAN, NUMBER_UNITS, ORDERED_SEQUENCES, PINYIN_WORDS } from './common-phrases';

/**
 * zxcvbn's dictionaries take a quarter of a second to load, and every CLI command loads this module
 * (through the build context): it is loaded on the first estimate instead, so commands that judge
 * no secret or password (`--help`, `new …`, `check`) do not pay for it.
 */
export function zxcvbnPart<T>(name: 'zxcvbn' | 'zxcvbn/lib/matching.js' | 'zxcvbn/lib/scoring.js'): T {
	return createRequire(import.meta.url)(name) as T;
}

/**
 * What made a text cheap to guess, in words a project manager understands. Listed in the
 * refusal so they can see why their password was turned down (never quoting the password).
 */
export type Weakness = 'words' | 'names' | 'sequence' | 'keyboard' | 'repeat' | 'numbers';

/** The script a text is mostly written in, which decides what advice to give. */
export type MainScript = 'latin' | 'chinese' | 'japanese' | 'korean' | 'other';

interface TextEstimate {
	/** log2 of the guesses an attacker who tries likely texts first needs. */
	bits: number;
	weaknesses: Set<Weakness>;
	mainScript: MainScript;
}

/**
 * Only the first characters are rated: a longer text is at least as strong as its beginning,
 * and zxcvbn's matching (and the phrase and repeat search here) grows faster than the length.
 */
const MAX_RATED_CHARACTERS = 256;

/**
 * Guesses per character, by class, for characters no pattern explains. Han uses the ~3,500
 * characters of everyday use (China's common-character list); the most frequent few hundred are
 * tried first and so cost less. Letters of alphabets other than Latin get zxcvbn's rate for a
 * character it cannot place (10 guesses): there is no dictionary for them here, and a person
 * typing them is most likely typing words, which carry far less than a random letter.
 */
const GUESSES_PER_CHARACTER = {
	han: 3500,
	kana: 86,
	hangul: 2350,
	jamo: 51,
	letter: 10,
	numeral: 13,
	other: 32,
} as const;
type CharacterClass = keyof typeof GUESSES_PER_CHARACTER | 'frequentHan' | 'mark';

const FREQUENT = new Set(FREQUENT_HAN);
const NUMERALS = new Set(CHINESE_NUMERALS);
const UNITS = new Set(NUMBER_UNITS);
/** Lists are compared in the form texts are rated in (NFKC turns ㅂ into ᄇ, ｐ into p). */
const comparable = (text: string) => text.normalize('NFKC').toLowerCase();
const PHRASES = new Set(COMMON_PHRASES.map(comparable));
/** Picking one phrase of the list: every phrase is among the first an attacker tries. */
const PHRASE_BITS = Math.log2(PHRASES.size);
const LONGEST_PHRASE = Math.max(...[...PHRASES].map((phrase) => [...phrase].length));
const SEQUENCES = ORDERED_SEQUENCES.map((sequence) => [...comparable(sequence)]);
/** Where each character sits in the ordered sequences, to follow a run along one. */
const SEQUENCE_POSITIONS = new Map<string, Array<[sequence: string[], index: number]>>();
for (const sequence of SEQUENCES)
	sequence.forEach((character, index) =>
		SEQUENCE_POSITIONS.set(character, [...(SEQUENCE_POSITIONS.get(character) ?? []), [sequence, index]]),
	);
/** Picking a start in one of the sequences, and a direction. */
const SEQUENCE_START_BITS = Math.log2(2 * SEQUENCES.reduce((total, sequence) => total + sequence.length, 0));

const FREQUENT_HAN_BITS = Math.log2(FREQUENT.size) + 1;

/** Guesses per character that `advice` assumes when it says how many characters to use. */
export const TYPICAL_BITS_PER_CHARACTER: Record<Exclude<MainScript, 'latin' | 'other'>, number> = {
	chinese: FREQUENT_HAN_BITS,
	japanese: Math.log2(GUESSES_PER_CHARACTER.kana),
	korean: Math.log2(GUESSES_PER_CHARACTER.hangul),
};

/**
 * Estimates how many guesses a text needs, in bits. Latin (ASCII) runs go to zxcvbn, as they
 * always did; runs of other scripts are rated character by character by class, but a common
 * phrase, a run along a known order (一二三四, あいうえお, a keyboard row), a repeat of earlier
 * text and a number written in Chinese numerals each count as one cheap guess. The client's and
 * entry's names (`context`) count as known phrases in any script.
 */
export function estimateTextBits(text: string, context: string[] = []): TextEstimate {
	const normalized = [...foldLatin(text.normalize('NFKC'))].slice(0, MAX_RATED_CHARACTERS);
	const weaknesses = new Set<Weakness>();
	const contextWords = context.filter(Boolean).map(comparable);
	const seenRuns: string[] = [];
	let bits = 0;
	for (const run of splitRuns(normalized)) {
		const joined = run.characters.join('');
		// A run that repeats an earlier one ("密码abc密码abc") costs only the choice of which.
		if (seenRuns.includes(joined)) {
			bits += Math.log2(seenRuns.length) + 1;
			// (A separator such as a space between words is not worth mentioning.)
			if (run.characters.length > 1) weaknesses.add('repeat');
		} else {
			bits += run.latin ? latinBits(joined, contextWords, weaknesses) : scriptBits(run.characters, contextWords, weaknesses);
		}
		seenRuns.push(joined);
	}
	return { bits, weaknesses, mainScript: mainScript(normalized) };
}

/** "é" → "e", so accented Latin words reach zxcvbn's dictionaries; other scripts stay as they are. */
function foldLatin(text: string): string {
	return text.replace(/\p{Script=Latin}/gu, (character) => {
		const folded = character.normalize('NFD').replace(/\p{M}/gu, '');
		return /^[\x20-\x7e]+$/.test(folded) ? folded : character;
	});
}

function splitRuns(characters: string[]): Array<{ latin: boolean; characters: string[] }> {
	const runs: Array<{ latin: boolean; characters: string[] }> = [];
	for (const character of characters) {
		const latin = character.charCodeAt(0) < 0x80;
		const last = runs.at(-1);
		if (last && last.latin === latin) last.characters.push(character);
		else runs.push({ latin, characters: [character] });
	}
	return runs;
}

/**
 * zxcvbn's estimate. zxcvbn rates characters it finds no pattern in at 10 guesses each, which
 * undersells truly random strings; when nothing matched a pattern, the alphabet size is the
 * fairer measure.
 */
function latinBits(text: string, context: string[], weaknesses: Set<Weakness>): number {
	const result = zxcvbnPart<typeof import('zxcvbn')>('zxcvbn')(text, [...context, ...PINYIN_WORDS]);
	const estimate = Math.log2(10) * result.guesses_log10;
	if (result.sequence.every((match) => match.pattern === 'bruteforce')) return Math.max(estimate, randomStringBits(text));
	for (const match of result.sequence) {
		if (match.pattern === 'dictionary')
			weaknesses.add(match.dictionary_name === 'user_inputs' && context.includes(match.matched_word) ? 'names' : 'words');
		else if (match.pattern === 'spatial') weaknesses.add('keyboard');
		else if (match.pattern === 'sequence') weaknesses.add('sequence');
		else if (match.pattern === 'repeat') weaknesses.add('repeat');
		else if (match.pattern === 'date' || match.pattern === 'regex') weaknesses.add('numbers');
	}
	return estimate;
}

/** Bits of a string of independent random characters from the character classes it uses. */
function randomStringBits(text: string): number {
	const pools: Array<[RegExp, number]> = [
		[/[a-z]/, 26],
		[/[A-Z]/, 26],
		[/[0-9]/, 10],
		[/[ -/:-@[-`{-~]/, 33],
		[/[^\x00-\x7f]/, 100],
	];
	const pool = pools.reduce((size, [pattern, count]) => (pattern.test(text) ? size + count : size), 0);
	return [...text].length * Math.log2(Math.max(pool, 2));
}

type Step = { cost: number; from: number; kind: 'character' | 'phrase' | 'context' | 'sequence' | 'repeat' | 'number' };

/**
 * The cheapest way to spell out a run of non-Latin text from single characters, phrases, runs
 * along an ordered sequence and repeats of earlier parts: a shortest path over the positions, as
 * zxcvbn does for Latin text. Its cost is the estimate; the steps on it say what made it weak.
 */
function scriptBits(original: string[], context: string[], weaknesses: Set<Weakness>): number {
	const characters = original.map((character) => character.toLowerCase());
	const length = characters.length;
	const lengthBits = Math.log2(length + 1);
	const best: Array<Step | undefined> = [{ cost: 0, from: -1, kind: 'character' }];
	const relax = (to: number, from: number, cost: number, kind: Step['kind']) => {
		const total = best[from]!.cost + cost;
		if (!best[to] || total < best[to]!.cost) best[to] = { cost: total, from, kind };
	};
	const contextPhrases = context.map((word) => [...word]);
	for (let start = 0; start < length; start++) {
		const characterClass = classify(characters[start]!);
		const afterNumeral = start > 0 && NUMERALS.has(characters[start - 1]!);
		relax(start + 1, start, characterBits(characterClass), characterClass === 'numeral' ? 'number' : 'character');
		if (afterNumeral && UNITS.has(characters[start]!)) relax(start + 1, start, 1, 'number');
		for (let size = 1; size <= Math.min(LONGEST_PHRASE, length - start); size++) {
			if (PHRASES.has(characters.slice(start, start + size).join(''))) relax(start + size, start, PHRASE_BITS, 'phrase');
		}
		for (const phrase of contextPhrases) {
			if (phrase.length > 0 && phrase.every((character, offset) => characters[start + offset] === character))
				relax(start + phrase.length, start, Math.log2(context.length + 1), 'context');
		}
		for (const [sequence, index] of SEQUENCE_POSITIONS.get(characters[start]!) ?? []) {
			for (const direction of [1, -1]) {
				let size = 1;
				while (start + size < length && characters[start + size] === sequence[index + direction * size]) size++;
				for (let end = 3; end <= size; end++) relax(start + end, start, SEQUENCE_START_BITS + lengthBits, 'sequence');
			}
		}
		// Neighbouring code points (①②③, ⅰⅱⅲ, runs the lists above do not hold).
		for (const direction of [1, -1]) {
			let size = 1;
			while (start + size < length && characters[start + size]!.codePointAt(0) === characters[start]!.codePointAt(0)! + direction * size)
				size++;
			for (let end = 3; end <= size; end++) relax(start + end, start, characterBits(characterClass) + 1 + lengthBits, 'sequence');
		}
		// A copy of text that came earlier: which place, and how long.
		for (let earlier = 0; earlier < start; earlier++) {
			let size = 0;
			while (start + size < length && characters[earlier + size] === characters[start + size]) size++;
			for (let end = 1; end <= size; end++) relax(start + end, start, Math.log2(start) + lengthBits, 'repeat');
		}
	}
	for (let position = length; position > 0; position = best[position]!.from) {
		const { kind } = best[position]!;
		if (kind === 'phrase') weaknesses.add('words');
		else if (kind === 'context') weaknesses.add('names');
		else if (kind === 'sequence' || kind === 'repeat' || kind === 'number') weaknesses.add(kind === 'number' ? 'numbers' : kind);
	}
	return best[length]!.cost;
}

function classify(character: string): CharacterClass {
	if (NUMERALS.has(character) || /\p{Nd}/u.test(character)) return 'numeral';
	if (/\p{Script=Han}/u.test(character)) return FREQUENT.has(character) ? 'frequentHan' : 'han';
	if (/[\p{Script=Hiragana}\p{Script=Katakana}ー]/u.test(character)) return 'kana';
	if (/[\u3130-\u318f\u1100-\u11ff]/u.test(character)) return 'jamo';
	if (/\p{Script=Hangul}/u.test(character)) return 'hangul';
	if (/\p{M}/u.test(character)) return 'mark';
	if (/\p{L}/u.test(character)) return 'letter';
	return 'other';
}

function characterBits(characterClass: CharacterClass): number {
	if (characterClass === 'frequentHan') return FREQUENT_HAN_BITS;
	if (characterClass === 'mark') return 1;
	return Math.log2(GUESSES_PER_CHARACTER[characterClass]);
}

function mainScript(characters: string[]): MainScript {
	const count = (pattern: RegExp) => characters.filter((character) => pattern.test(character)).length;
	const scripts: Array<[MainScript, number]> = [
		['latin', count(/[A-Za-z]/)],
		['chinese', count(/\p{Script=Han}/u)],
		['japanese', count(/[\p{Script=Hiragana}\p{Script=Katakana}]/u)],
		['korean', count(/\p{Script=Hangul}/u)],
		['other', count(/[^\p{Script=Latin}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\P{L}]/u)],
	];
	// Kanji with any kana is Japanese.
	if (scripts[2]![1] > 0) scripts[2]![1] += scripts[1]![1];
	const [main, size] = scripts.reduce((most, entry) => (entry[1] > most[1] ? entry : most));
	return size === 0 ? 'latin' : main;
}
