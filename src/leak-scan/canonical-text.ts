/**
 * One spelling for every way the same words can be written, so the leak scan compares needles
 * and published text in it: "Supplier insolvency", "SUPPLIER INSOLVENCY", "supplier-insolvency"
 * (a slug in a path), "Supp\u200Blier insolvency", "Ｓｕｐｐｌｉｅｒ", "Supplier&#x20;insolvency"
 * and "Supplier+insolvency" all become "supplier insolvency".
 *
 * HTML entities are decoded; invisible format characters (zero-width space and joiners, soft
 * hyphen, BOM, bidi marks) removed; text brought to Unicode compatibility form (full-width
 * letters, ligatures); accents and other combining marks dropped and letters Unicode does not
 * decompose folded as slugs fold them (ß → ss); apostrophes removed ("can't" → "cant", as slugs
 * do); everything lower-cased; every run of other characters that are not letters or digits
 * (spaces, punctuation, typographic quotes and dashes, `-`, `_`, `+`, `/`) becomes one space,
 * except between two characters of a script written without spaces (Chinese, Japanese, Thai…),
 * where it is dropped.
 */
export function canonical(text: string): string {
	const source = text.includes('&') ? decodeEntities(text) : text;
	// One pass, character by character, each mapped on its own (and remembered): so the canonical
	// form of a text is the canonical forms of its parts joined, and a needle found in a text's
	// parts is found in the whole. It is also many times faster than normalising whole texts.
	let out: Uint16Array = scratch.length >= source.length + 32 ? scratch : (scratch = new Uint16Array(source.length * 2 + 32));
	let length = 0;
	let space = false;
	for (let at = 0; at < source.length; at++) {
		let code = source.charCodeAt(at);
		if (code < 0x80) {
			// The common case, kept short: ASCII letters and digits, word breaks and apostrophes.
			const unit = ASCII[code]!;
			if (unit === SPACE) space = length > 0;
			else if (unit !== DROP) {
				if (length + 2 > out.length) out = grow(out, length);
				if (space) out[length++] = SPACE;
				space = false;
				out[length++] = unit;
			}
			continue;
		}
		if (code >= 0xd800 && code <= 0xdbff && at + 1 < source.length) {
			const low = source.charCodeAt(at + 1);
			if (low >= 0xdc00 && low <= 0xdfff) {
				code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
				at++;
			}
		}
		// Han and Hangul, most of Chinese and Korean text, stay as they are.
		const mapped = (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3) ? code : mapCodePoint(code);
		if (length + 24 > out.length) out = grow(out, length);
		if (typeof mapped === 'number') {
			if (mapped === SPACE) space = length > 0;
			else {
				// Words of scripts written without spaces stay together across a space or line break.
				if (space && !(isUnspaced(mapped) && isUnspaced(out[length - 1]!))) out[length++] = SPACE;
				space = false;
				out[length++] = mapped;
			}
			continue;
		}
		for (let index = 0; index < mapped.length; index++) {
			const unit = mapped.charCodeAt(index);
			if (unit === SPACE) space = length > 0;
			else {
				if (space && !(isUnspaced(unit) && isUnspaced(out[length - 1]!))) out[length++] = SPACE;
				space = false;
				out[length++] = unit;
			}
		}
	}
	if (space) out[length++] = SPACE;
	return Buffer.from(out.buffer, out.byteOffset, length * 2).toString('utf16le');
}

const SPACE = 0x20;
/** The output buffer, reused from call to call (most calls are for short texts). */
let scratch: Uint16Array = new Uint16Array(4096);

const DROP = -1;
/** ASCII: a letter or digit (lower-cased) as its code, an apostrophe or backtick as DROP, anything else as a space. */
const ASCII = Int32Array.from({ length: 0x80 }, (_, code) => {
	if (code === 0x27 || code === 0x60) return DROP;
	if (code >= 0x41 && code <= 0x5a) return code + 0x20;
	if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return code;
	return SPACE;
});

function grow(out: Uint16Array, length: number): Uint16Array {
	const grown = new Uint16Array(out.length * 2 + 32);
	grown.set(out.subarray(0, length));
	return (scratch = grown);
}

const INVISIBLE = /^[\p{Cf}\u115f\u1160\u3164\uffa0]$/u;
const MARKS = /\p{M}+/gu;
/** Letters that Unicode does not decompose into a base letter plus accents (as `slugify` folds them). */
const FOLDED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ς: 'σ' };
const APOSTROPHES = new Set(['´', 'ʼ', '‘', '’']);
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const mapped = new Map<number, string>();

/** The canonical form of one character other than ASCII: compatibility-decomposed, marks dropped, lower-cased, folded. */
function mapCodePoint(code: number): string {
	let known = mapped.get(code);
	if (known !== undefined) return known;
	const char = String.fromCodePoint(code);
	if (INVISIBLE.test(char) || APOSTROPHES.has(char)) known = '';
	// Hangul syllables would decompose into their letters; they are kept whole, as they are written.
	else if (code >= 0xac00 && code <= 0xd7a3) known = char;
	else {
		known = [...char.normalize('NFKD').replace(MARKS, '').toLowerCase()]
			.map((part) => FOLDED[part] ?? (APOSTROPHES.has(part) || part === "'" ? '' : part))
			.join('')
			.replace(NOT_WORD, ' ');
	}
	mapped.set(code, known);
	return known;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	shy: '',
	zwsp: '',
	zwj: '',
	zwnj: '',
	hellip: '…',
	mdash: '—',
	ndash: '–',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
};

/** Decodes numeric and the common named HTML entities; unknown names and impossible code points stay as written. */
export function decodeEntities(text: string): string {
	return text.replace(
		/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|([a-z]+));/gi,
		(entity, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
			if (hex || decimal) {
				const code = hex ? Number.parseInt(hex, 16) : Number(decimal);
				return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
			}
			return ENTITIES[name!.toLowerCase()] ?? (name === 'ZeroWidthSpace' ? '' : entity);
		},
	);
}

/**
 * Scripts written without spaces between words (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar;
 * surrogates stand for the rarer Han of the supplementary planes). A needle may start or end
 * anywhere inside such text; in other scripts it must start and end at a word boundary.
 */
function isUnspaced(code: number): boolean {
	return (
		(code >= 0x0e00 && code <= 0x0fff) ||
		(code >= 0x1000 && code <= 0x109f) ||
		(code >= 0x1100 && code <= 0x11ff) ||
		(code >= 0x1780 && code <= 0x17ff) ||
		(code >= 0x3040 && code <= 0x30ff) ||
		(code >= 0x3100 && code <= 0x9fff) ||
		(code >= 0xac00 && code <= 0xd7af) ||
		(code >= 0xd800 && code <= 0xdfff) ||
		(code >= 0xf900 && code <= 0xfaff)
	);
}

/** A letter or digit of a script that separates words by spaces, in canonical text (where only words and single spaces remain). */
export function isSpacedWordChar(code: number): boolean {
	return code !== 0x20 && !isUnspaced(code);
}

/** Han, kana and Hangul: one such character says about as much as a short Latin word. */
const isIdeographic = (code: number) =>
	(code >= 0x3040 && code <= 0x30ff) ||
	(code >= 0x3400 && code <= 0x9fff) ||
	(code >= 0xac00 && code <= 0xd7af) ||
	(code >= 0xd800 && code <= 0xdbff) ||
	(code >= 0xf900 && code <= 0xfaff);

/**
 * How much a canonical text says: its weight (letters and digits, an ideograph counting three)
 * and its number of words (space-separated, every two ideographs counting as one word), and
 * whether it holds a letter at all.
 */
export function measure(text: string): { weight: number; words: number; letters: boolean } {
	let weight = 0;
	let words = 0;
	let letters = false;
	for (const token of text.split(' ')) {
		if (!token) continue;
		let ideographs = 0;
		let others = 0;
		for (let at = 0; at < token.length; at++) {
			const code = token.charCodeAt(at);
			if (code >= 0xdc00 && code <= 0xdfff) continue; // The low half of a surrogate pair was counted with its high half.
			if (isIdeographic(code)) ideographs++;
			else others++;
			if (!letters && !(code >= 0x30 && code <= 0x39)) letters = true;
		}
		weight += ideographs * 3 + others;
		words += (others ? 1 : 0) + Math.ceil(ideographs / 2);
	}
	return { weight, words, letters };
}
