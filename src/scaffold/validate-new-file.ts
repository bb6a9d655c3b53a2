import { compile } from '@mdx-js/mdx';
import path from 'node:path';
import { MARKDOWN, type Kind } from '@/kinds/kind';
import { fileNameOf } from '@/kinds/file-name';
import { kindNamed, type KindName } from '@/kinds/registry';
import { describeIssue } from '@/check/describe-issue';
import { formatProblem, type Problem } from '@/check/problem';
import { parseSource } from '@/loader/source-file';

export type ScaffoldKind = KindName;

/**
 * Everything `glasshouse check` would say about this one file on its own: YAML syntax, the
 * schema, the rules tying the file name to its fields, and whether the body compiles. Rules
 * across files (references, supersession) are the caller's, which knows the other files.
 */
export async function problemsOfNewFile(kind: ScaffoldKind, file: string, text: string): Promise<Problem[]> {
	const source = parseSource(text, file);
	const problems: Problem[] = source.syntaxErrors.map((error) => ({
		severity: 'error',
		file,
		line: error.line,
		field: '',
		message: error.message,
	}));
	if (source.data === undefined) return problems;
	const rules: Kind = kindNamed(kind);
	const result = rules.schema.safeParse(source.data);
	if (!result.success) {
		for (const issue of result.error.issues) {
			for (const { path: field, message } of describeIssue(issue, source.data)) {
				problems.push({ severity: 'error', file, line: source.lineOf(field), field: field.join('.'), message });
			}
		}
		return problems;
	}
	// The scaffold chose the file name, so the checker's advice on renaming (`fix`) is left out.
	const misnamed = rules.fileName?.(fileNameOf(file), result.data);
	if (misnamed)
		problems.push({
			severity: 'error',
			file,
			line: source.lineOf(misnamed.field),
			field: misnamed.field.join('.'),
			message: misnamed.message,
		});
	if (MARKDOWN.extensions.includes(path.extname(file))) {
		try {
			await compile(source.body, { format: file.endsWith('.mdx') ? 'mdx' : 'md' });
		} catch (error) {
			problems.push({
				severity: 'error',
				file,
				line: source.bodyLine,
				field: 'body',
				message: `expected valid ${file.endsWith('.mdx') ? 'MDX' : 'Markdown'}, found an error: ${(error as { reason?: string }).reason ?? String(error)}`,
			});
		}
	}
	return problems;
}

/** The problems as `glasshouse check` prints them, one per line. */
export function describeProblems(problems: Problem[]): string {
	return problems.map((problem) => `  ${formatProblem(problem)}`).join('\n');
}
