import type { FieldPath, SourceFile } from '@/loader/source-file';

/** One finding of `npm run check`: where it is and what was expected. */
export interface Problem {
	severity: 'error' | 'warning';
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** 1-based line, when the finding can be pinned to one. */
	line?: number;
	/** Dotted field path such as `needs.0.due`; empty for whole-file findings. */
	field: string;
	/** "expected …, found …" wording. */
	message: string;
}

/** `content/acme/updates/2026-01-09.mdx:7  health: expected …` */
export function formatProblem(problem: Problem): string {
	const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
	const label = problem.severity === 'warning' ? 'warning ' : '';
	return `${where}  ${label}${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

/** Records a finding against a field of a parsed file, on the field's line. */
type Report = (source: SourceFile, field: FieldPath, message: string, severity?: Problem['severity']) => void;

/** A `Report` that appends to `problems`. */
export function reporterFor(problems: Problem[]): Report {
	return (source, field, message, severity = 'error') =>
		problems.push({ severity, file: source.file, line: source.lineOf(field), field: field.join('.'), message });
}
