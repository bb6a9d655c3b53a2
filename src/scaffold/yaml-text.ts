import { stringify } from 'yaml';

/**
 * Scaffolds are written as text rather than serialised objects so they can carry comments that
 * explain each field where the author will read them. These helpers quote values safely.
 */

/** One value as YAML on a single line (quoted when needed), e.g. `"Approve: the copy"` or `[7, 8]`. */
export function inlineValue(value: unknown): string {
	if (Array.isArray(value) && value.length === 0) return '[]';
	return stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd();
}

/** `key: value` with an optional trailing comment. */
export function line(key: string, value: unknown, comment?: string): string {
	return `${key}: ${inlineValue(value)}${comment ? `  # ${comment}` : ''}`;
}

/** A block (`key:` followed by an indented list or map), or `key: []` when the list is empty. */
export function block(key: string, value: unknown[] | Record<string, unknown>, comment?: string): string {
	if (Array.isArray(value) && value.length === 0) return line(key, [], comment);
	const text = stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
	if (!comment) return text;
	const [first, ...rest] = text.split('\n');
	return [first, `  # ${comment}`, ...rest].join('\n');
}
