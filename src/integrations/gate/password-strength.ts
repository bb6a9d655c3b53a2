import zxcvbn from 'zxcvbn';

export const MIN_PASSWORD_LENGTH = 12;
export const MIN_PASSWORD_BITS = 60;

export interface PasswordVerdict {
	ok: boolean;
	/** Estimated strength: log2 of the guesses zxcvbn expects an attacker to need. */
	bits: number;
	reason?: string;
}

/**
 * Judges a password set by a person (derived passphrases are strong by construction). zxcvbn
 * catches the dictionary words, dates, keyboard walks and l33t substitutions that a simple
 * length × alphabet count would rate as strong.
 */
export function judgePassword(password: string, context: string[] = []): PasswordVerdict {
	const result = zxcvbn(password, context);
	let estimate = Math.log2(10) * result.guesses_log10;
	// zxcvbn rates characters it finds no pattern in at 10 guesses each, which undersells truly
	// random strings; when nothing matched a pattern, the alphabet size is the fairer measure.
	if (result.sequence.every((match) => match.pattern === 'bruteforce')) estimate = Math.max(estimate, randomStringBits(password));
	const bits = Math.round(estimate * 10) / 10;
	if ([...password].length < MIN_PASSWORD_LENGTH) {
		return { ok: false, bits, reason: `it is ${[...password].length} characters long; at least ${MIN_PASSWORD_LENGTH} are required` };
	}
	if (bits < MIN_PASSWORD_BITS) {
		return { ok: false, bits, reason: `it is estimated at ${bits} bits; at least ${MIN_PASSWORD_BITS} are required (use five or more random words)` };
	}
	return { ok: true, bits };
}

function randomStringBits(password: string): number {
	const pools: Array<[RegExp, number]> = [[/[a-z]/, 26], [/[A-Z]/, 26], [/[0-9]/, 10], [/[ -/:-@[-`{-~]/, 33], [/[^\x00-\x7f]/, 100]];
	const pool = pools.reduce((size, [pattern, count]) => (pattern.test(password) ? size + count : size), 0);
	return [...password].length * Math.log2(Math.max(pool, 2));
}
