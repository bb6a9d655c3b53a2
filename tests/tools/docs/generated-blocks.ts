/**
 * Generated parts of a hand-written Markdown file live between two comments:
 *
 *   <!-- begin generated: fields client (npm run docs:generate) -->
 *   …
 *   <!-- end generated: fields client -->
 *
 * so the prose around them is kept and only what is derived from the code is rewritten.
 */

export const REGENERATE = 'npm run docs:generate';

const begin = (id: string) => `<!-- begin generated: ${id} (${REGENERATE}) -->`;
const end = (id: string) => `<!-- end generated: ${id} -->`;

/** The empty block an author writes where a generated part should go. */
export const emptyBlock = (id: string) => `${begin(id)}\n${end(id)}`;

/** `markdown` with each block's content replaced; throws when a block's markers are missing or repeated. */
export function fillBlocks(markdown: string, file: string, blocks: Map<string, string>): string {
	let result = markdown;
	for (const [id, content] of blocks) {
		const start = result.indexOf(begin(id));
		const stop = result.indexOf(end(id));
		if (start < 0 || stop < start)
			throw new Error(`${file} has no place for "${id}": add these two lines where it belongs, then run ${REGENERATE}:\n${emptyBlock(id)}`);
		if (result.indexOf(begin(id), start + 1) >= 0) throw new Error(`${file} has the block "${id}" twice; keep one.`);
		result = `${result.slice(0, start)}${begin(id)}\n\n${content.trim()}\n\n${result.slice(stop)}`;
	}
	const stray = [...result.matchAll(/<!-- begin generated: (.+?) \(/g)].map((match) => match[1]!).filter((id) => !blocks.has(id));
	if (stray.length) throw new Error(`${file} has generated blocks nothing generates any more: ${stray.join(', ')}; remove them.`);
	return result;
}
