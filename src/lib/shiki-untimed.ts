import type { ShikiTransformer } from 'shiki';

/**
 * Lifts Shiki's time limit on tokenizing one line. Shiki gives each line 500 ms of wall-clock time
 * (`tokenizeTimeLimit`, made for editors) and emits the rest of a line it has not finished as one
 * plain token. On a loaded machine a long line (a wide table row in a code block) ran out of time
 * in one build and not in the next, so the same content rendered differently from build to build:
 * a build's output must depend on its input alone (two builds of one content are compared page by
 * page, and a client's cached folder must be what a new build would write). Astro passes no such
 * option through, but a transformer's `preprocess` gets the options object tokenizing then reads.
 */
export const shikiUntimed: ShikiTransformer = {
	name: 'glasshouse:untimed-tokenizing',
	preprocess(_code, options) {
		options.tokenizeTimeLimit = 0;
	},
};
