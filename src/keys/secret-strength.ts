import { estimateTextBits, zxcvbnPart } from './text-strength';

/**
 * The least a secret must be worth. Every password and link derives from it, so it must be out of
 * reach of any offline search: 128 bits is the strength of AES-128, and 32 random bytes (what
 * `glasshouse secret` prints) are worth 256.
 */
export const MIN_SECRET_BITS = 128;

interface SecretEstimate {
	/** The lowest estimate of any model below, in bits. */
	bits: number;
	/** What the weakest model found, as a phrase for the error message. */
	weakness: string;
}

/**
 * Only the first bytes are examined: a longer secret is worth at least as much as its beginning,
 * and the pattern search below grows with the cube of the length.
 */
const MAX_EXAMINED_BYTES = 256;

/**
 * zxcvbn reads the typed text in pieces this long: its search (l33t spellings above all) slows
 * down sharply on longer text. Patterns are rarely long, and repeats across pieces show in the
 * bytes anyway.
 */
const TYPED_CHUNK = 16;

/**
 * Estimates how much a decoded GLASSHOUSE_SECRET is worth, as the cheapest of several ways to
 * describe it, each the kind of guess an attacker tries before random bytes:
 * - its bytes as literals, runs of one value or of even steps (00 01 02 …), and repeats of
 *   earlier bytes: catches 64 zeros, "0123456789abcdef…", "deadbeef" eight times;
 * - its bytes as draws from the few values it uses: catches hex made of only 0s and 1s;
 * - the text as typed (hex or base64), rated by zxcvbn: catches words and keyboard runs that
 *   decode to random-looking bytes ("ThisIsMySecret…" is valid base64);
 * - the bytes read as text, when they are text, rated as a password would be.
 * Random bytes survive all of them with a wide margin: 32 of them are worth about 250 bits by
 * each model, against a floor of 128.
 */
export function estimateSecretBits(typed: string, encoding: 'hex' | 'base64', decoded: Uint8Array): SecretEstimate {
	const bytes = decoded.subarray(0, MAX_EXAMINED_BYTES);
	const estimates: SecretEstimate[] = [structureBits(bytes), fewValuesBits(bytes), typedTextBits(typed, encoding)];
	const text = asText(bytes);
	if (text !== undefined)
		estimates.push({ bits: estimateTextBits(text).bits, weakness: 'it decodes to readable text (a chosen phrase), not random bytes' });
	return estimates.reduce((lowest, estimate) => (estimate.bits < lowest.bits ? estimate : lowest));
}

type Token = { cost: number; from: number; kind: 'literal' | 'same' | 'steps' | 'repeat' };

/**
 * The cheapest description of the bytes as a sequence of literal bytes (8 bits each), runs in
 * even steps (a start, a step, a length; step 0 is one value repeated) and copies of earlier
 * bytes (where from, how long), found as a shortest path over the positions.
 */
function structureBits(bytes: Uint8Array): SecretEstimate {
	const length = bytes.length;
	const lengthBits = Math.log2(length);
	const best: Array<Token | undefined> = [{ cost: 0, from: -1, kind: 'literal' }];
	const relax = (to: number, from: number, cost: number, kind: Token['kind']) => {
		const total = best[from]!.cost + cost;
		if (!best[to] || total < best[to]!.cost) best[to] = { cost: total, from, kind };
	};
	for (let start = 0; start < length; start++) {
		relax(start + 1, start, 8, 'literal');
		if (start + 1 < length) {
			const step = (bytes[start + 1]! - bytes[start]! + 256) % 256;
			let size = 2;
			while (start + size < length && bytes[start + size] === (bytes[start]! + size * step) % 256) size++;
			for (let end = 3; end <= size; end++) relax(start + end, start, 8 + 8 + lengthBits, step === 0 ? 'same' : 'steps');
		}
		for (let earlier = 0; earlier < start; earlier++) {
			let size = 0;
			while (start + size < length && bytes[earlier + size] === bytes[start + size]) size++;
			for (let end = 2; end <= size; end++) relax(start + end, start, Math.log2(start) + lengthBits, 'repeat');
		}
	}
	// Which kind of token covers most of the bytes names the weakness.
	const covered = { literal: 0, same: 0, steps: 0, repeat: 0 };
	for (let position = length; position > 0; position = best[position]!.from)
		covered[best[position]!.kind] += position - best[position]!.from;
	const worst = (['same', 'steps', 'repeat'] as const).reduce((most, kind) => (covered[kind] > covered[most] ? kind : most));
	const weakness = {
		same: 'it repeats one byte value over and over (like 00 00 00 …)',
		steps: 'it counts up or down in even steps (like 00 01 02 03 …)',
		repeat: 'it repeats a short pattern',
	}[worst];
	return { bits: best[length]!.cost, weakness };
}

/** The bytes as independent draws from the set of values they use, plus the choice of that set. */
function fewValuesBits(bytes: Uint8Array): SecretEstimate {
	const distinct = new Set(bytes).size;
	let chooseSet = 0;
	for (let index = 0; index < distinct; index++) chooseSet += Math.log2((256 - index) / (index + 1));
	const weakness = distinct === 1 ? 'every byte has the same value (like 00 00 00 …)' : `it uses only ${distinct} different byte values`;
	return { bits: chooseSet + bytes.length * Math.log2(distinct), weakness };
}

/**
 * The cheapest reading of the text as typed: zxcvbn finds the patterns (words, keyboard runs,
 * counting, repeats, dates) and what each costs to guess; characters outside any pattern cost
 * what they are worth in this encoding (4 bits a hex digit, 6 a base64 character) instead of
 * zxcvbn's flat 10 guesses, which would rate 43 random base64 characters at barely 140 bits.
 */
function typedTextBits(typed: string, encoding: 'hex' | 'base64'): SecretEstimate {
	const text = (encoding === 'hex' ? typed.toLowerCase() : typed.replace(/=+$/, '')).slice(0, MAX_EXAMINED_BYTES * 2);
	const pools: Array<[RegExp, number]> =
		encoding === 'hex'
			? [
					[/[0-9]/, 10],
					[/[a-f]/, 6],
				]
			: [
					[/[a-z]/, 26],
					[/[A-Z]/, 26],
					[/[0-9]/, 10],
					[/[+/_-]/, 2],
				];
	const perCharacter = Math.log2(pools.reduce((size, [pattern, count]) => (pattern.test(text) ? size + count : size), 0));
	const matching = zxcvbnPart<typeof import('zxcvbn/lib/matching.js').default>('zxcvbn/lib/matching.js');
	const scoring = zxcvbnPart<typeof import('zxcvbn/lib/scoring.js').default>('zxcvbn/lib/scoring.js');
	matching.set_user_input_dictionary([]);
	let bits = 0;
	for (let offset = 0; offset < text.length; offset += TYPED_CHUNK) {
		const chunk = text.slice(offset, offset + TYPED_CHUNK);
		const best = [0, ...Array<number>(chunk.length).fill(Infinity)];
		const endingAt = Array.from({ length: chunk.length + 1 }, () => [] as Array<{ start: number; bits: number }>);
		for (const match of matching.omnimatch(chunk)) {
			endingAt[match.j + 1]!.push({
				start: match.i,
				bits: Math.min(Math.log2(scoring.estimate_guesses(match, chunk)), (match.j + 1 - match.i) * perCharacter),
			});
		}
		for (let end = 1; end <= chunk.length; end++) {
			best[end] = best[end - 1]! + perCharacter;
			for (const { start, bits: cost } of endingAt[end]!) best[end] = Math.min(best[end]!, best[start]! + cost);
		}
		bits += best[chunk.length]!;
	}
	return {
		bits,
		weakness: `its ${encoding} text is made of words, keyboard runs or counting; it looks like a chosen phrase, not random bytes`,
	};
}

/** The bytes as text when they are printable UTF-8 (random bytes practically never are). */
function asText(bytes: Uint8Array): string | undefined {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return /[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u.test(text) ? undefined : text;
	} catch {
		return undefined;
	}
}
