import { expect } from 'vitest';
import { formatProblem, type Problem } from '@/check/problem';

/**
 * The one problem `problems` holds for `file` and `field` (of `severity`, when given), as
 * `npm run check` prints it; fails listing every problem when there is none or more than one.
 */
export function onlyProblem(problems: Problem[], file: string, field: string, severity?: Problem['severity']): string {
	const matches = problems.filter(
		(problem) => problem.file === file && problem.field === field && (!severity || problem.severity === severity),
	);
	expect(matches, `${file} ${field}: ${problems.map(formatProblem).join('\n')}`).toHaveLength(1);
	return formatProblem(matches[0]!);
}
