import { parsedFiles, type LoadedClient } from '@/loader/load-content';
import type { Problem } from './problem';
import type { FieldPath } from '@/loader/source-file';

/** How `glasshouse new` marks text the author still has to write. */
const PLACEHOLDER = /\bTODO\b/;

/**
 * Warns about files that still hold a scaffold's TODO placeholders, once per file at the first
 * one. A warning, not an error: a scaffold must pass the check as written, but a placeholder
 * should never reach a client unnoticed.
 */
export function checkPlaceholders(client: LoadedClient): Problem[] {
	const problems: Problem[] = [];
	for (const { source } of parsedFiles(client)) {
		const field = firstPlaceholder(source.data, []);
		const bodyIndex = source.body.split(/\r?\n/).findIndex((line) => PLACEHOLDER.test(line));
		if (!field && bodyIndex < 0) continue;
		const count = countIn(source.data) + source.body.split(/\r?\n/).filter((line) => PLACEHOLDER.test(line)).length;
		problems.push({
			severity: 'warning',
			file: source.file,
			line: field ? source.lineOf(field) : source.bodyLine + bodyIndex,
			field: field ? field.join('.') : 'body',
			message: `expected your own text, found ${count} TODO placeholder(s) from \`glasshouse new\`; replace them before publishing`,
		});
	}
	return problems;
}

function firstPlaceholder(value: unknown, path: Array<string | number>): FieldPath | undefined {
	if (typeof value === 'string') return PLACEHOLDER.test(value) ? path : undefined;
	if (Array.isArray(value)) {
		for (const [index, item] of value.entries()) {
			const found = firstPlaceholder(item, [...path, index]);
			if (found) return found;
		}
	} else if (value && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) {
			const found = firstPlaceholder(item, [...path, key]);
			if (found) return found;
		}
	}
	return undefined;
}

function countIn(value: unknown): number {
	if (typeof value === 'string') return PLACEHOLDER.test(value) ? 1 : 0;
	if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + countIn(item), 0);
	if (value && typeof value === 'object') return Object.values(value).reduce<number>((sum, item) => sum + countIn(item), 0);
	return 0;
}
