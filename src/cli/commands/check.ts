import { checkContent, type CheckOptions, type CheckResult } from '@/check/check-content';
import type { BuildContext } from '@/build-context/build-context';
import { formatProblem } from '@/check/problem';
import { parsedFiles } from '@/loader/load-content';
import { UsageError, type Output } from '@/cli/output';
import { deriveParseCacheMacKey } from '@/keys/derive-credentials';
import path from 'node:path';

export const checkHelp = `Usage: glasshouse check [--content DIR] [--today YYYY-MM-DD] [--fix [--write]]

Validates every file of every client and lists all problems at once as
  path:line  field: expected …, found …
Exits with 1 when any error exists; warnings (such as an overdue update) do not fail.

  --fix      rewrite the MDX pitfalls of text pasted from plain Markdown into their
             safe forms: <https://…> → [https://…](https://…), <!-- … --> → {/* … */},
             a bare <tag> → \\<tag>, a literal {…} → \\{…\\}; and in .md and .mdx files,
             links between pages written as file names (0013-use-postgres.md) → the
             page's link (../13/). Prints a unified diff per file and writes nothing;
             exits with 1 when there is something to rewrite. Names the files that
             use no components (they could be renamed to .md).
  --write    with --fix: write the rewrites, then check again and report as usual.`;

interface CheckCommandOptions {
	content?: string;
	today?: string;
	fix?: boolean;
	write?: boolean;
}

/** Runs the content check (after rewriting MDX pitfalls and links to files, with --fix) and prints its report; returns the exit code. */
export async function runCheck(options: CheckCommandOptions, output: Output, context: BuildContext): Promise<number> {
	if (options.write && !options.fix) throw new UsageError('--write only goes with --fix: glasshouse check --fix --write');
	if (options.fix) {
		const { describeFileFix, fixContent, writeFileFixes } = await import('@/fix/fix-content');
		const fixes = await fixContent(path.resolve(options.content ?? context.contentDir), context.checkCache, process.cwd());
		for (const fix of fixes) for (const line of describeFileFix(fix, options.write === true)) output.info(line);
		const changed = fixes.filter((fix) => fix.before !== fix.after);
		const rewrites = changed.reduce((sum, fix) => sum + fix.fixes.length, 0);
		if (changed.length === 0) output.info('No MDX pitfall or link to rewrite.');
		else if (!options.write) {
			output.info(
				`\n${rewrites} rewrite(s) in ${changed.length} file(s) shown above; nothing was written. Run \`glasshouse check --fix --write\` to write them.`,
			);
			return 1;
		} else {
			await writeFileFixes(changed);
			output.info(`\n✓ Wrote ${rewrites} rewrite(s) into ${changed.length} file(s). Checking again…\n`);
		}
	}
	const parseCacheKey = await parseCacheKeyOf(context);
	const result = await checkAndReport(options, output, context, { rememberParsedFiles: true, ...(parseCacheKey ? { parseCacheKey } : {}) });
	return result.errors.length ? 1 : 0;
}

/**
 * The parse cache's MAC key (see `deriveParseCacheMacKey`) when the context has a usable secret:
 * `check` then signs what it parses for the build to reuse. Without one (or a weak one, which the
 * build refuses with its own message), none.
 */
export async function parseCacheKeyOf(context: BuildContext): Promise<Uint8Array | undefined> {
	if (!context.hasSecret) return undefined;
	try {
		return await deriveParseCacheMacKey(context.secret());
	} catch {
		return undefined;
	}
}

/** Runs the content check and prints its report; returns what it loaded, which `build` reuses. */
export async function checkAndReport(
	options: CheckCommandOptions,
	output: Output,
	context: BuildContext,
	{
		rememberParsedFiles = false,
		parseCacheKey,
		clients,
		onDiagrams,
	}: Pick<CheckOptions, 'rememberParsedFiles' | 'parseCacheKey' | 'onDiagrams'> & { clients?: readonly string[] } = {},
): Promise<CheckResult> {
	const { checkCache, diagramCache } = context;
	const result = await checkContent(options.content ?? context.contentDir, {
		today: options.today ?? context.today,
		checkCache,
		diagramCache,
		rememberParsedFiles,
		...(parseCacheKey ? { parseCacheKey } : {}),
		...(clients ? { clients } : {}),
		...(onDiagrams ? { onDiagrams } : {}),
	});
	for (const problem of result.problems) (problem.severity === 'error' ? output.error : output.warn)(formatProblem(problem));
	const files = result.clients.reduce((sum, client) => sum + parsedFiles(client).length, 0);
	const summary = `${result.clients.length} client(s), ${result.errors.length} error(s), ${result.warnings.length} warning(s)`;
	if (result.errors.length) {
		output.error(
			`\n✗ Content check failed: ${summary}. Fix the errors above (\`glasshouse check --fix\` rewrites MDX pitfalls and links written as file names) and run \`npm run check\` again.`,
		);
		return result;
	}
	output.info(`✓ Content check passed: ${summary} (${files} valid files).`);
	return result;
}
