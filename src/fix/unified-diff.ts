/**
 * A unified diff (`diff -u` style, 3 lines of context) of two texts with the same number of lines,
 * which is what `fixMdxBody` promises, so lines pair up one to one and need no matching.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
	const old = before.split('\n');
	const now = after.split('\n');
	if (old.length !== now.length) throw new Error(`unifiedDiff: ${file} changed its number of lines`);
	const changed = old.flatMap((line, index) => (line === now[index] ? [] : [index]));
	if (changed.length === 0) return '';
	// Changed lines closer than twice the context share one hunk.
	const hunks: Array<[number, number]> = [];
	for (const index of changed) {
		const last = hunks.at(-1);
		if (last && index - last[1] <= 2 * context) last[1] = index;
		else hunks.push([index, index]);
	}
	const lines = [`--- a/${file}`, `+++ b/${file}`];
	for (const [first, last] of hunks) {
		const from = Math.max(0, first - context);
		const to = Math.min(old.length - 1, last + context);
		const size = to - from + 1;
		lines.push(`@@ -${from + 1},${size} +${from + 1},${size} @@`);
		for (let index = from; index <= to; ) {
			if (old[index] === now[index]) {
				lines.push(` ${old[index]}`);
				index++;
				continue;
			}
			// A run of changed lines: all removed, then all added, as diff -u shows them.
			let end = index;
			while (end <= to && old[end] !== now[end]) end++;
			lines.push(...old.slice(index, end).map((line) => `-${line}`), ...now.slice(index, end).map((line) => `+${line}`));
			index = end;
		}
	}
	return lines.join('\n');
}
