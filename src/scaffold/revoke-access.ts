import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';

/** Why an entry could not be revoked; the message is written for the person running the command. */
export class RevokeError extends Error {}

interface RevokeResult {
	text: string;
	label?: string;
	type?: string;
	/** The environment variable a chosen password comes from, which the rotation does not change. */
	passwordEnv?: string;
	/** The entry's rotation after revoking: one above the one whose password or link was revoked. */
	rotation: number;
}

/**
 * `client.yaml` text with `revoked: true` on the access entry `id`, and its `rotation` raised by
 * one, so that setting `revoked: false` later never brings back the revoked password or link (a
 * git revert would undo both; `check` warns about that). The yaml Document API finds
 * the entry; each change is spliced into the original text at the node's source range, so every
 * comment, blank line, quote style and indentation stays exactly as the author wrote it
 * (re-serialising the document would also re-wrap long lines and re-indent lists).
 */
export function revokeAccessEntry(text: string, id: string): RevokeResult {
	const doc = parseDocument(text);
	if (doc.errors.length)
		throw new RevokeError(`client.yaml is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); run \`npm run check\` to see where.`);
	const entries = accessEntries(doc);
	if (!entries.length) throw new RevokeError('client.yaml has no access entries to revoke.');
	const ids = entries.map((entry) => String(entry.get('id')));
	const entry = entries.find((candidate) => candidate.get('id') === id);
	if (!entry) throw new RevokeError(`No access entry "${id}". Known entries: ${ids.join(', ')}.`);
	const label = entry.get('label') as string | undefined;
	const type = entry.get('type') as string | undefined;
	const passwordEnv = entry.get('passwordEnv') as string | undefined;
	if (entry.get('revoked') === true)
		throw new RevokeError(
			`Access entry "${id}" is already revoked. To let it in again, set "revoked: false" and raise its rotation (the old ${type === 'link' ? 'link' : 'password'} stays invalid).`,
		);
	const othersActive = entries.some((candidate) => candidate !== entry && candidate.get('revoked') !== true);
	if (!othersActive && doc.get('public') !== true) {
		throw new RevokeError(
			`"${id}" is the last access entry that is not revoked; revoking it would leave a private site nobody can open. Add another entry first (or set "public: true").`,
		);
	}
	const current = entry.get('rotation') ?? 0;
	if (typeof current !== 'number' || !Number.isInteger(current) || current < 0)
		throw new RevokeError(
			`Access entry "${id}" has rotation ${JSON.stringify(current)}, not a whole number; run \`npm run check\` to see where.`,
		);
	const rotation = current + 1;

	const index = entries.indexOf(entry);
	const rotated = spliceField(text, entry, 'rotation', String(rotation));
	const changed = spliceField(rotated, accessEntries(parseDocument(rotated))[index]!, 'revoked', 'true');
	// The splices must change exactly these two fields; anything else would be a bug, so nothing is written.
	const before = doc.toJS() as { access: Array<Record<string, unknown>> };
	const expected = structuredClone(before);
	const target = expected.access.filter((item) => item && typeof item === 'object')[index]!;
	target.rotation = rotation;
	target.revoked = true;
	const after = parseDocument(changed);
	if (after.errors.length || !isDeepStrictEqual(after.toJS(), expected))
		throw new Error(
			`Could not add "revoked: true" and "rotation: ${rotation}" to "${id}" without changing anything else; edit client.yaml by hand.`,
		);
	return { text: changed, label, type, passwordEnv, rotation };
}

function accessEntries(doc: ReturnType<typeof parseDocument>): YAMLMap[] {
	const access = doc.get('access', true);
	return isSeq(access) ? access.items.filter(isMap) : [];
}

/** `key: value` on the entry: the existing value replaced in place, or a new pair after its last one. */
function spliceField(text: string, entry: YAMLMap, key: string, value: string): string {
	const existing = entry.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
	if (existing && isScalar(existing.value) && existing.value.range) {
		const [start, end] = existing.value.range;
		return `${text.slice(0, start)}${value}${text.slice(end)}`;
	}
	if (entry.flow) {
		// `{ id: x, type: link }`: add the pair before the closing brace.
		const close = text.lastIndexOf('}', entry.range![1]);
		let at = close;
		while (at > 0 && /\s/.test(text[at - 1]!)) at -= 1;
		return `${text.slice(0, at)}, ${key}: ${value}${text.slice(at)}`;
	}
	// A new line after the entry's last field, at the column of its keys.
	const firstKey = entry.items[0]!.key as { range?: [number, number, number] };
	const keyStart = firstKey.range![0];
	const column = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
	const last = entry.items[entry.items.length - 1]!;
	const lastEnd =
		(last.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (last.key as { range: [number, number, number] }).range[1];
	if (text[lastEnd - 1] === '\n') return `${text.slice(0, lastEnd)}${' '.repeat(column)}${key}: ${value}\n${text.slice(lastEnd)}`;
	const lineEnd = text.indexOf('\n', lastEnd);
	const at = lineEnd === -1 ? text.length : lineEnd;
	return `${text.slice(0, at)}\n${' '.repeat(column)}${key}: ${value}${text.slice(at)}`;
}
