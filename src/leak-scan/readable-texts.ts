import { constants, gunzipSync, inflateSync } from 'node:zlib';
import { FILE_MAGIC } from '@/runtime/crypto/envelope';

/** A text to search, and how it was obtained from the file ('' when read as written). */
interface ReadableText {
	text: string;
	via: string;
	/**
	 * The text runs of a Glasshouse file envelope's ciphertext: random bytes, where a short text
	 * turns up by chance (see `chanceBits` in leak-scan.ts), not text anyone wrote.
	 */
	ciphertext?: true;
}

/** Decompressed streams larger than this are refused rather than read: a file that size has no place in a status site. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** Encodings inside encodings (base64 → gzip → base64 …) are followed this deep. */
const MAX_DEPTH = 4;
/** Base64 shorter than this holds less than 12 bytes, too little for any needle to hide in. */
const MIN_BASE64 = 16;
/** A base64 run is peeked at before being decoded in full: this many characters (24 bytes). */
const PEEK = 32;

/** A file the scan cannot read, which must therefore not be published. */
export class UnreadableFileError extends Error {}

/** Binary file envelope of the encryption step: ciphertext after the magic, nothing to decode. */
const FILE_ENVELOPE_MAGIC = Buffer.from(FILE_MAGIC);

/**
 * Every text a published file shows to someone who decodes it: the file read as UTF-8 (binary
 * data: its runs of text), or as UTF-16 (with a byte-order mark, or runs of text with every other
 * byte NUL, also inside binary data); gzip and zlib streams inflated; markup read as its text
 * with the tags removed and, apart, the tags; a view with JSON/JavaScript `\u` and `\x` escapes
 * and URL %-escapes decoded; and the payload of every `data:` URI and of every base64 run that
 * decodes to text, compressed data or UTF-16, followed recursively. Comparison in canonical form
 * (case, entities, zero-width characters, punctuation and slugs, `+` for spaces) is the caller's.
 *
 * Ciphertext costs little: a Glasshouse file envelope (`GHE2` …, and the decoys that look like one) is read as text runs, with no
 * decoder; a base64 run is decoded only if its first bytes look like text, a compressed stream
 * or UTF-16, which random bytes practically never do (so an envelope's `ct` is not decoded,
 * unless it was not encrypted after all). Long random-looking base64 runs are blanked out of the
 * texts, so needles are not matched by chance inside ciphertext.
 */
export function readableTexts(bytes: Buffer, via = '', depth = 0): ReadableText[] {
	if (startsWith(bytes, FILE_ENVELOPE_MAGIC)) return [{ text: utf8Runs(bytes), via, ciphertext: true }];
	const compression = compressionOf(bytes);
	const inflated = compression && inflate(bytes, compression);
	if (!compression || !inflated) return uncompressedTexts(bytes, via, depth);
	const texts = depth < MAX_DEPTH ? readableTexts(inflated, join(via, compression), depth + 1) : [];
	// A zlib header is two bytes plain text can start with ("x^"): such a file is read as text too.
	if (compression === 'zlib' && isUtf8Text(bytes.subarray(0, PEEK), true)) texts.push(...uncompressedTexts(bytes, via, depth));
	return texts;
}

function uncompressedTexts(bytes: Buffer, via: string, depth: number): ReadableText[] {
	const utf16 = utf16Bom(bytes);
	if (utf16) return textViews(decodeUtf16(bytes.subarray(2), utf16), join(via, utf16), depth);
	// Text never holds a NUL byte; binary data (and UTF-16 without a byte-order mark) does.
	const binary = bytes.includes(0);
	const texts = textViews(binary ? utf8Runs(bytes) : bytes.toString('utf8'), via, depth, binary);
	if (binary) for (const [encoding, text] of utf16Runs(bytes)) texts.push(...textViews(text, join(via, encoding), depth));
	return texts;
}

function textViews(text: string, via: string, depth: number, binary = false): ReadableText[] {
	const seen = new Set<string>();
	const views: ReadableText[] = [];
	/** Blanks the text's ciphertext, and reads what its base64 runs and data: URIs hold. */
	const read = (source: string, sourceVia: string): string => {
		const runs: string[] = [];
		const blanked = blankCiphertext(source, depth < MAX_DEPTH ? runs : undefined);
		for (const run of runs) {
			if (seen.has(run)) continue;
			seen.add(run);
			const bytes = Buffer.from(run, 'base64');
			if (compressionOf(bytes) || utf16Bom(bytes) || isUtf8Text(bytes))
				views.push(...readableTexts(bytes, join(sourceVia, 'base64'), depth + 1));
		}
		if (depth < MAX_DEPTH && source.includes('data:')) {
			for (const [, dataType, payload] of source.matchAll(DATA_URI)) {
				// A declared payload is read whatever it holds: text chunks of a PNG are text too.
				if (seen.has(`data:${payload}`)) continue;
				seen.add(`data:${payload}`);
				views.push(...readableTexts(Buffer.from(payload!, 'base64'), join(sourceVia, `data:${dataType}`), depth + 1));
			}
		}
		return blanked;
	};
	const raw = read(text, via);
	// Binary data read as text is noise to decoders; its text is found as UTF-8 or UTF-16 runs.
	if (binary) return [{ text: raw, via }, ...views];
	views.unshift(...splitMarkup(raw, via));
	// Escapes decoded (ciphertext is already blanked: it holds none), in a view of its own.
	const decoded = decodeEscapes(raw);
	if (decoded !== raw) views.push(...splitMarkup(read(decoded, join(via, 'decoded')), join(via, 'decoded')));
	return views;
}

/**
 * Markup as two texts: its character data with the tags removed, so text split by tags
 * (`Supp<b>lier</b>`) reads whole, and the tags themselves, with their attributes. Together they
 * hold the text once, not twice.
 */
function splitMarkup(text: string, via: string): ReadableText[] {
	if (!TAG.test(text)) return [{ text, via }];
	const tags: string[] = [];
	const content = text.replace(MARKUP, (tag, name?: string) => {
		tags.push(tag);
		return name === undefined || INLINE.has(name.toLowerCase()) ? '' : ' ';
	});
	return [
		{ text: content, via },
		{ text: tags.join('\n'), via },
	];
}

const join = (via: string, step: string) => (via ? `${via} → ${step}` : step);
const startsWith = (bytes: Buffer, prefix: Buffer) => bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);

const DATA_URI = /data:([\w/+.-]*)(?:;[\w=.-]+)*;base64,([A-Za-z0-9+/_-]+={0,2})/gi;
/** Standard or URL-safe base64 (Node decodes both), from the start of a run of such characters. */
const BASE64_RUN = new RegExp(`(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{${MIN_BASE64},}={0,2}`, 'g');
/** Base64 this long is taken for ciphertext when it also mixes characters as random bytes do (see `looksRandom`). */
const CIPHERTEXT_LENGTH = 64;

/**
 * Whether a base64 run mixes capitals, small letters and digits as the encoding of random bytes
 * does (about 40 %, 40 % and 16 %), unlike a long path, slug or identifier written by a person.
 */
function looksRandom(run: string): boolean {
	let upper = 0;
	let lower = 0;
	let digits = 0;
	for (let at = 0; at < run.length; at++) {
		const code = run.charCodeAt(at);
		if (code >= 0x41 && code <= 0x5a) upper++;
		else if (code >= 0x61 && code <= 0x7a) lower++;
		else if (code >= 0x30 && code <= 0x39) digits++;
	}
	return upper * 8 >= run.length && lower * 8 >= run.length && digits * 32 >= run.length;
}

/**
 * The text with ciphertext-like base64 runs blanked out, so that no needle is matched by chance
 * in random characters. Adds to `decodable` each base64 run whose first bytes look like text, a
 * compressed stream or UTF-16, to be decoded in full and read.
 */
function blankCiphertext(text: string, decodable?: string[]): string {
	return text.replace(BASE64_RUN, (run) => {
		if (decodable && looksDecodable(run)) decodable.push(run);
		return run.length >= CIPHERTEXT_LENGTH && looksRandom(run) ? ' ' : run;
	});
}

/** The text with string and URL escapes decoded, for text written as a string literal or in a URL. */
export function decodeEscapes(text: string): string {
	let out = text;
	if (ESCAPE.test(out)) out = unescapeString(out);
	if (PERCENT.test(out)) out = percentDecode(out);
	return out;
}

const ESCAPE = /\\(?:u[0-9a-fA-F{]|x[0-9a-fA-F]{2})/;
const PERCENT = /%[0-9a-fA-F]{2}/;
const TAG = /<\/?[a-zA-Z]|<!--/;

/** JSON and JavaScript string escapes: `\u4f9b`, `\u{1F600}`, `\x41`, `\n`, `\"`, `\/`. */
export function unescapeString(text: string): string {
	return text.replace(
		/\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([nrtbfv0"'\\/]))/g,
		(escape, braced?: string, unit?: string, byte?: string, char?: string) => {
			if (braced) {
				const code = Number.parseInt(braced, 16);
				return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
			}
			if (unit || byte) return String.fromCharCode(Number.parseInt((unit ?? byte)!, 16));
			return SIMPLE_ESCAPES[char!] ?? char!;
		},
	);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** %-escapes decoded as UTF-8 (twice, for doubly escaped text); invalid sequences become U+FFFD, never an error. `+` is left to the canonical form, where it separates words. */
export function percentDecode(text: string): string {
	let out = text;
	for (let pass = 0; pass < 2 && PERCENT.test(out); pass++) {
		out = out.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
	}
	return out;
}

/** Elements that may sit inside a word (`Supp<b>lier</b>`) are removed; others separate words. */
const INLINE = new Set([
	'a',
	'abbr',
	'b',
	'bdi',
	'bdo',
	'cite',
	'code',
	'data',
	'del',
	'dfn',
	'em',
	'font',
	'i',
	'ins',
	'kbd',
	'mark',
	'q',
	's',
	'samp',
	'small',
	'span',
	'strong',
	'sub',
	'sup',
	'time',
	'tspan',
	'tt',
	'u',
	'var',
	'wbr',
]);
/** A comment, or a tag: a name right after `<` or `</`, then attributes, then `>`. */
const MARKUP = /<!--[^]*?-->|<\/?([a-zA-Z][\w:-]*)(?:\s[^<>]*)?\/?>/g;

type Compression = 'gzip' | 'zlib';

function compressionOf(bytes: Uint8Array): Compression | undefined {
	if (bytes.length < 3) return undefined;
	if (bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8) return 'gzip';
	// RFC 1950: deflate with a window of at most 32 KiB, and a header that is a multiple of 31.
	if ((bytes[0]! & 0x0f) === 8 && bytes[0]! >> 4 <= 7 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0) return 'zlib';
	return undefined;
}

/** The inflated stream, or `undefined` when the bytes only looked compressed. */
function inflate(bytes: Buffer, compression: Compression): Buffer | undefined {
	try {
		const options = { maxOutputLength: MAX_INFLATED_BYTES, finishFlush: constants.Z_SYNC_FLUSH };
		return compression === 'gzip' ? gunzipSync(bytes, options) : inflateSync(bytes, options);
	} catch (error) {
		if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
			throw new UnreadableFileError(`it inflates to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB (${compression}), too much to check`);
		}
		return undefined;
	}
}

type Utf16 = 'UTF-16LE' | 'UTF-16BE';

function utf16Bom(bytes: Uint8Array): Utf16 | undefined {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
	return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: Utf16): string {
	return new TextDecoder(encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be').decode(bytes);
}

/** Text inside binary data is looked for in runs of at least this many characters. */
const MIN_RUN = 4;

/** Printable ASCII, tab and line breaks: what text is made of besides characters above U+007F. */
const isTextByte = (byte: number) => (byte >= 0x20 && byte !== 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * The text runs of binary data, like `strings`: sequences of at least four printable ASCII or
 * well-formed UTF-8 characters, one per line. Reading a whole binary file as UTF-8 instead would
 * make most of it U+FFFD, slow to compare and never a match.
 */
function utf8Runs(bytes: Uint8Array): string {
	const runs: string[] = [];
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let start = 0;
	let chars = 0;
	let at = 0;
	const end = (stop: number) => {
		if (chars >= MIN_RUN) runs.push(buffer.toString('utf8', start, stop));
		chars = 0;
	};
	while (at < bytes.length) {
		const byte = bytes[at]!;
		let size = 0;
		if (byte < 0x80) size = isTextByte(byte) ? 1 : 0;
		else if (byte >= 0xc2 && byte <= 0xdf) size = 2;
		else if (byte >= 0xe0 && byte <= 0xef) size = 3;
		else if (byte >= 0xf0 && byte <= 0xf4) size = 4;
		for (let next = 1; next < size; next++) if (((bytes[at + next] ?? 0) & 0xc0) !== 0x80) size = 0;
		if (size === 0) {
			end(at);
			start = ++at;
			continue;
		}
		if (chars === 0) start = at;
		chars++;
		at += size;
	}
	end(at);
	return runs.join('\n');
}

/**
 * Text stored as UTF-16 without a byte-order mark, in a file or among binary data: runs of at
 * least four characters below U+0100 (letters, digits, punctuation, spaces) whose other byte is
 * NUL, at either alignment. Such text from scripts above U+00FF has no NUL bytes and is not
 * found this way.
 */
function utf16Runs(bytes: Uint8Array): Array<[Utf16, string]> {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const little: string[] = [];
	const big: string[] = [];
	for (const alignment of [0, 1]) {
		let littleStart = -1;
		let bigStart = -1;
		for (let at = alignment; at <= bytes.length; at += 2) {
			const first = at + 1 < bytes.length ? bytes[at]! : -1;
			const second = at + 1 < bytes.length ? bytes[at + 1]! : -1;
			const isLittle = second === 0 && isTextByte(first);
			const isBig = first === 0 && isTextByte(second);
			if (isLittle && littleStart < 0) littleStart = at;
			else if (!isLittle && littleStart >= 0) {
				if (at - littleStart >= MIN_RUN * 2) little.push(buffer.toString('utf16le', littleStart, at));
				littleStart = -1;
			}
			if (isBig && bigStart < 0) bigStart = at;
			else if (!isBig && bigStart >= 0) {
				if (at - bigStart >= MIN_RUN * 2) big.push(Buffer.from(bytes.subarray(bigStart, at)).swap16().toString('utf16le'));
				bigStart = -1;
			}
		}
	}
	const found: Array<[Utf16, string]> = [];
	if (little.length) found.push(['UTF-16LE', little.join('\n')]);
	if (big.length) found.push(['UTF-16BE', big.join('\n')]);
	return found;
}

/** Values of base64 and base64url characters; -1 for others. */
const BASE64_VALUES = Int8Array.from({ length: 128 }, (_, code) =>
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(String.fromCharCode(code)),
);
BASE64_VALUES[0x2d] = 62; // -
BASE64_VALUES[0x5f] = 63; // _

/**
 * Whether a base64 run could hold text, a compressed stream or UTF-16, judged from its first
 * bytes: the first three (from four characters, decoded here) rule out most ciphertext at once,
 * then the first 24 decide.
 */
function looksDecodable(run: string): boolean {
	const quad =
		(BASE64_VALUES[run.charCodeAt(0)]! << 18) |
		(BASE64_VALUES[run.charCodeAt(1)]! << 12) |
		(BASE64_VALUES[run.charCodeAt(2)]! << 6) |
		BASE64_VALUES[run.charCodeAt(3)]!;
	const first = (quad >> 16) & 0xff;
	const second = (quad >> 8) & 0xff;
	const third = quad & 0xff;
	const texty = (byte: number) => isTextByte(byte) || byte >= 0x80;
	const magic = (first === 0x1f && second === 0x8b) || (first & 0x0f) === 8 || first === 0xff || first === 0xfe;
	if (!magic && !(texty(first) && texty(second) && texty(third))) return false;
	const head = Buffer.from(run.slice(0, PEEK), 'base64');
	return compressionOf(head) !== undefined || utf16Bom(head) !== undefined || isUtf8Text(head, true);
}

/**
 * Well-formed UTF-8 without control characters other than tab and line breaks (checked by
 * structure, not every rule of the standard). `truncated`: the bytes may end inside a character.
 */
function isUtf8Text(bytes: Uint8Array, truncated = false): boolean {
	let at = 0;
	while (at < bytes.length) {
		const byte = bytes[at]!;
		if (byte < 0x80) {
			if (!isTextByte(byte)) return false;
			at++;
			continue;
		}
		const size = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
		if (size === 0) return false;
		for (let next = 1; next < size; next++) {
			if (at + next >= bytes.length) return truncated;
			if ((bytes[at + next]! & 0xc0) !== 0x80) return false;
		}
		at += size;
	}
	return true;
}
