/** Comments a reader never sees: HTML comments (Markdown) and brace-slash-star comments (MDX). */
const COMMENT = /<!--[\s\S]*?-->|\{\s*\/\*[\s\S]*?\*\/\s*\}/g;

/** A Markdown or MDX body without its comments, trimmed: empty when a reader would see nothing. */
export function withoutComments(body: string): string {
	return body.replace(COMMENT, '').trim();
}
