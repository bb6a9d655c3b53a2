import { parsedFiles, type LoadedClient } from '@/loader/load-content';
import type { Problem } from './problem';
import type { FieldPath } from '@/loader/source-file';

/** How `glasshouse new` marks text the author still has to write. */
const PLACEHOLDER = /\bTODO\b/;

/** Comments a reader never sees: HTML comments (Markdown) and brace-slash-star comments (MDX). */
const COMMENT = /<!--[\s\S]*?-->|\{\s*\/\*[\s\S]*?\*\/\s*\}/g;

/**
 * Warns about files that still hold a scaffold's TODO placeholders: one warning per file, at the
 * first one, naming the line of every one, so a single run lists them all. A TODO inside a comment
 * is the author's own note that no reader sees, so it is not a placeholder and not counted. A
 * warning, not an error: a scaffold must pass the check as written, but a placeholder should
 * never reach a client unnoticed.
 */
export function checkPlaceholders(client: LoadedClient): Problem[] {
	const problems: Problem[] = [];
	for (const { source } of parsedFiles(client)) {
		const fields = placeholders(source.data, []);
		const visible = source.body.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ''));
		const bodyLines = visible.split(/\r?\n/).flatMap((line, index) => (PLACEHOLDER.test(line) ? [source.bodyLine + index] : []));
		const lines = [...new Set([...fields.map((field) => source.lineOf(field)), ...bodyLines])].sort((a, b) => a - b);
		if (lines.length === 0) continue;
		const count = fields.length + bodyLines.length;
		const first = fields.find((field) => source.lineOf(field) === lines[0]);
		problems.push({
			severity: 'warning',
			file: source.file,
			line: lines[0],
			field: first ? first.join('.') : 'body',
			message: `expected your own text, found ${count} TODO placeholder(s) from \`glasshouse new\` (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}); replace them before publishing`,
		});
	}
	return problems;
}

/** Every field whose text holds a placeholder, in the file's order. */
function placeholders(value: unknown, path: Array<string | number>): FieldPath[] {
	if (typeof value === 'string') return PLACEHOLDER.test(value) ? [path] : [];
	if (Array.isArray(value)) return value.flatMap((item, index) => placeholders(item, [...path, index]));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => placeholders(item, [...path, key]));
	return [];
}
