/** The two ways a Markdown kind's file is written: plain Markdown (`.md`) or MDX (`.mdx`). */
export type BodyFormat = 'md' | 'mdx';

/** The format of a file, from its extension. */
export function bodyFormatOf(file: string): BodyFormat {
	return file.endsWith('.mdx') ? 'mdx' : 'md';
}

/**
 * A comment kept in the source for the author and never rendered as text. No one form is valid
 * in both formats: MDX 3 rejects HTML comments, and Markdown shows `{/* … *\/}` as text. So each
 * format gets its own, with its closing sequence broken up inside so the comment cannot end early.
 */
export function bodyComment(lines: string[], format: BodyFormat): string {
	const text = lines.join('\n');
	return format === 'mdx' ? `{/*\n${text.replaceAll('*/', '* /')}\n*/}` : `<!--\n${text.replaceAll('-->', '-- >')}\n-->`;
}
