import { estimateTextBits, TYPICAL_BITS_PER_CHARACTER, type MainScript, type Weakness } from './text-strength';

const MIN_PASSWORD_LENGTH = 12;
export const MIN_PASSWORD_BITS = 60;

interface PasswordVerdict {
	ok: boolean;
	/** Estimated strength: log2 of the guesses an attacker who tries likely passwords first needs. */
	bits: number;
	/** What is wrong, in plain words; never quotes the password. */
	reason?: string;
	/** What to do instead, for the script the password is written in. */
	advice?: string;
}

/** How each weakness reads in a refusal. */
const WEAKNESS_WORDS: Record<Weakness, string> = {
	words: 'common words or phrases',
	names: 'the client’s or group’s name',
	sequence: 'counting or alphabet runs (like 123, abc or 一二三)',
	keyboard: 'keyboard patterns (like qwerty)',
	repeat: 'repeated parts',
	numbers: 'numbers or dates',
};

/**
 * Judges a password set by a person (derived passphrases are strong by construction). zxcvbn
 * catches the dictionary words, dates, keyboard walks and l33t substitutions of Latin text that a
 * simple length × alphabet count would rate as strong; Chinese, Japanese, Korean and other
 * scripts get the same treatment from `estimateTextBits` (common phrases, counting, repeats).
 */
export function judgePassword(password: string, context: string[] = []): PasswordVerdict {
	const estimate = estimateTextBits(password, context);
	const bits = Math.round(estimate.bits * 10) / 10;
	const length = [...password].length;
	if (length < MIN_PASSWORD_LENGTH) {
		return {
			ok: false,
			bits,
			reason: `it is ${length} characters long; at least ${MIN_PASSWORD_LENGTH} are required`,
			advice: advice(estimate.mainScript),
		};
	}
	if (bits < MIN_PASSWORD_BITS) {
		const found = [...estimate.weaknesses].map((weakness) => WEAKNESS_WORDS[weakness]);
		const madeOf = found.length ? `, because it is built from ${list(found)}, which attackers try first` : '';
		return {
			ok: false,
			bits,
			reason: `it could be guessed quickly${madeOf} (estimated at ${bits} bits; at least ${MIN_PASSWORD_BITS} are required)`,
			advice: advice(estimate.mainScript),
		};
	}
	return { ok: true, bits };
}

/** What to type instead, sized so a password of that kind clears both floors. */
function advice(script: MainScript): string {
	const passphrase = 'Remove "passwordEnv" to use the derived six-word passphrase';
	if (script === 'latin' || script === 'other') return `${passphrase}, or choose five or more random words`;
	const count = Math.max(MIN_PASSWORD_LENGTH, Math.ceil(MIN_PASSWORD_BITS / TYPICAL_BITS_PER_CHARACTER[script]));
	const what = { chinese: 'Chinese characters', japanese: 'kanji or kana', korean: 'Korean syllables' }[script];
	return `${passphrase}, or choose at least ${count} unrelated ${what}: no phrase, name, date, counting (like 一二三) or repeats`;
}

function list(items: string[]): string {
	return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0]!;
}
