/**
 * Mermaid's error message on one line, for `path:line  body: …` reports. Mermaid quotes the
 * offending line and points at it with `----^` underneath; on one line that picture means
 * nothing, so those two lines are dropped and the rest is kept word for word.
 */
export function describeMermaidError(message: string): string {
	const lines = message.split(/\r?\n/);
	const caret = lines.findIndex((line) => /^-*\^\s*$/.test(line));
	const kept = caret > 0 ? [...lines.slice(0, caret - 1), ...lines.slice(caret + 1)] : lines;
	return kept
		.map((line) => line.trim())
		.filter(Boolean)
		.join(' ')
		.replace(/\s+/g, ' ');
}

/** The wording shared by `npm run check` and a failing build. */
export function invalidDiagramMessage(mermaidMessage: string): string {
	return `expected a valid Mermaid diagram, found ${describeMermaidError(mermaidMessage)}`;
}
