// zxcvbn's own modules, which its entry point runs in one go: the pattern search and the
// guesses per pattern, used apart to price characters outside any pattern differently.
declare module 'zxcvbn/lib/matching.js' {
	import type { ZXCVBNSequence } from 'zxcvbn';
	const matching: {
		set_user_input_dictionary(words: string[]): void;
		/** Every pattern found anywhere in the text; `i` and `j` are the first and last index. */
		omnimatch(text: string): Array<ZXCVBNSequence & { i: number; j: number }>;
	};
	export default matching;
}

declare module 'zxcvbn/lib/scoring.js' {
	import type { ZXCVBNSequence } from 'zxcvbn';
	const scoring: { estimate_guesses(match: ZXCVBNSequence, text: string): number };
	export default scoring;
}
