const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/**
 * The list items under a level-2 heading of a Markdown body (`## Next`), each with its
 * continuation and nested lines kept as written. `names` are the heading texts that count,
 * compared without case. Deeper headings stay inside the section; the next `#` or `##` ends it.
 */
export function sectionItems(body: string, names: readonly string[]): string[] {
	const wanted = new Set(names.map((name) => name.toLowerCase()));
	const items: string[] = [];
	let inSection = false;
	let inFence = false;
	let inItem = false;
	for (const line of body.split(/\r?\n/)) {
		if (FENCE.test(line)) inFence = !inFence;
		const heading = inFence ? null : HEADING.exec(line);
		if (heading && heading[1]!.length <= 2) {
			inSection = wanted.has(heading[2]!.toLowerCase());
			inItem = false;
			continue;
		}
		if (!inSection) continue;
		const item = inFence ? null : ITEM.exec(line);
		if (item) {
			items.push(item[1]!.trimEnd());
			inItem = true;
		} else if (inItem && /^[ \t]+\S/.test(line)) {
			items[items.length - 1] += `\n${line.trimEnd()}`;
		} else if (line.trim()) {
			// A paragraph between lists ends the item it follows.
			inItem = false;
		}
	}
	return items.filter((item) => item.trim());
}
