import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';

/** Why responses could not be added to a survey file's text; written for the person running the command. */
export class AppendError extends Error {}

/**
 * A survey file's text with `responses` added at the end of its `responses:` list. The list is
 * found with the yaml Document API and the new items are spliced into the original text, so
 * every comment, blank line, quote style and indentation stays as the author wrote it (as
 * `glasshouse revoke` does for client.yaml). The result is parsed again and must equal the file's
 * data with exactly these responses added, or nothing is returned.
 */
export function appendResponses(text: string, responses: readonly object[]): string {
	const doc = parseDocument(text);
	if (doc.errors.length)
		throw new AppendError(`the file is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); run \`glasshouse check\` to see where.`);
	if (!isMap(doc.contents))
		throw new AppendError('the file does not hold a survey (fields like title: and opens:); run `glasshouse check`.');
	const pair = doc.contents.items.find((item) => (item.key as { value?: unknown } | null)?.value === 'responses');
	const list = pair?.value;
	let changed: string;
	if (isSeq(list) && !list.flow && list.items.length > 0) {
		const start = list.range![0];
		const column = start - (text.lastIndexOf('\n', start - 1) + 1);
		const last = list.items[list.items.length - 1] as { range?: [number, number, number] };
		const end = last.range![1];
		// After the line the last item ends on (its range may stop before the line's end or comment).
		const lineEnd = text[end - 1] === '\n' ? end - 1 : text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
		changed = `${text.slice(0, lineEnd)}\n${items(responses, column)}${text.slice(lineEnd)}`;
	} else if (
		pair &&
		(list === null || list === undefined || (isSeq(list) && list.items.length === 0) || (list as { value?: unknown }).value === null)
	) {
		// `responses: []`, or `responses:` with nothing: the list goes on the lines after the key.
		const keyEnd = (pair.key as { range: [number, number, number] }).range[1];
		const valueRange = (list as { range?: [number, number, number] } | null)?.range;
		const from = valueRange && valueRange[1] > valueRange[0] ? valueRange[0] : keyEnd + 1;
		const to = valueRange && valueRange[1] > valueRange[0] ? valueRange[1] : keyEnd + 1;
		const lineEnd = text.indexOf('\n', to) === -1 ? text.length : text.indexOf('\n', to);
		const rest = text.slice(to, lineEnd);
		changed = `${text.slice(0, from).replace(/[ \t]+$/, '')}${rest.trim() ? ` ${rest.trim()}` : ''}\n${items(responses, 2)}${text.slice(lineEnd)}`;
	} else if (!pair) {
		changed = `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}responses:\n${items(responses, 2)}\n`;
	} else {
		throw new AppendError('its responses: is not a list; run `glasshouse check` to see where.');
	}
	const expected = doc.toJS() as Record<string, unknown>;
	expected.responses = [...((expected.responses as unknown[] | null | undefined) ?? []), ...responses];
	const after = parseDocument(changed);
	if (after.errors.length || !isDeepStrictEqual(after.toJS(), expected))
		throw new AppendError('the responses could not be added without changing anything else; add them by hand.');
	return changed;
}

/** The responses as block list items at `column`, without a trailing line break. */
function items(responses: readonly object[], column: number): string {
	const indent = ' '.repeat(column);
	return stringify(responses, { lineWidth: 0 })
		.trimEnd()
		.split('\n')
		.map((line) => `${indent}${line}`)
		.join('\n');
}
