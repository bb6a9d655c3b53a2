import { checkContent, type CheckResult } from '@/check/check-content';
import type { BuildContext } from '@/build-context/build-context';
import { formatProblem } from '@/check/problem';
import { parsedFiles } from '@/loader/load-content';
import type { Output } from '@/cli/output';

export const checkHelp = `Usage: glasshouse check [--content DIR] [--today YYYY-MM-DD]

Validates every file of every client and lists all problems at once as
  path:line  field: expected …, found …
Exits with 1 when any error exists; warnings (such as an overdue update) do not fail.`;

interface CheckCommandOptions {
	content?: string;
	today?: string;
}

/** Runs the content check and prints its report; returns the exit code. */
export async function runCheck(options: CheckCommandOptions, output: Output, context: BuildContext): Promise<number> {
	return (await checkAndReport(options, output, context)).errors.length ? 1 : 0;
}

/** Runs the content check and prints its report; returns what it loaded, which `build` reuses. */
export async function checkAndReport(options: CheckCommandOptions, output: Output, context: BuildContext): Promise<CheckResult> {
	const { checkCache, diagramCache } = context;
	const result = await checkContent(options.content ?? context.contentDir, {
		today: options.today ?? context.today,
		checkCache,
		diagramCache,
	});
	for (const problem of result.problems) (problem.severity === 'error' ? output.error : output.warn)(formatProblem(problem));
	const files = result.clients.reduce((sum, client) => sum + parsedFiles(client).length, 0);
	const summary = `${result.clients.length} client(s), ${result.errors.length} error(s), ${result.warnings.length} warning(s)`;
	if (result.errors.length) {
		output.error(`\n✗ Content check failed: ${summary}. Fix the errors above and run \`npm run check\` again.`);
		return result;
	}
	output.info(`✓ Content check passed: ${summary} (${files} valid files).`);
	return result;
}
