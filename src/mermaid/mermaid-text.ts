/**
 * Makes free text (milestone and decision titles, phase names) safe inside a generated Mermaid
 * diagram. Mermaid's grammars split on `:`, start comments at `#` or `%%`, end statements at `;`
 * and read some words at the start of a line as keywords ("title", "section", …), so a title such
 * as `Sign-off: phase #2; "final"` would break the diagram or silently turn into something else.
 * Mermaid's own escape is an entity code (`#58;` for `:`), which it turns back into the
 * character in the SVG, so the reader sees the title exactly as written.
 */

const ESCAPED = /[#:;%"<>{}\\]/g;

/** Words that open a statement in the gantt or timeline grammar when they start a line. */
const KEYWORD_START =
	/^(?:gantt|timeline|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|section|click|acctitle|accdescr|accdescription)\b|^\d{4}-\d{2}-\d{2}/i;

const entity = (character: string) => `#${character.codePointAt(0)};`;

/** One line of display text for a gantt task, gantt section, timeline period or timeline event. */
export function mermaidText(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	const escaped = line.replace(ESCAPED, entity);
	// Escaping the first character is enough to stop the lexer from seeing a keyword.
	return KEYWORD_START.test(line) ? `${entity(escaped[0]!)}${escaped.slice(1)}` : escaped;
}
