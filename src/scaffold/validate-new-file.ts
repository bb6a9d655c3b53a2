import { compile } from '@mdx-js/mdx';
import path from 'node:path';
import type { ZodType, ZodTypeDef } from 'zod';
import { ClientSchema } from '@/kinds/client/schema';
import { DecisionSchema } from '@/kinds/decision/schema';
import { FaqSchema } from '@/kinds/faq/schema';
import { MilestoneSchema } from '@/kinds/milestone/schema';
import { SiteSchema } from '@/kinds/site/schema';
import { UpdateSchema } from '@/kinds/update/schema';
import { RiskSchema } from '@/kinds/risk/schema';
import { ChangeSchema } from '@/kinds/change/schema';
import { MeetingSchema } from '@/kinds/meeting/schema';
import { CloseoutSchema } from '@/kinds/closeout/schema';
import { describeIssue } from '@/check/describe-issue';
import { formatProblem, type Problem } from '@/check/problem';
import { parseSource } from '@/loader/source-file';

export type ScaffoldKind = 'client' | 'site' | 'update' | 'decision' | 'milestone' | 'faq' | 'risk' | 'change' | 'meeting' | 'closeout';

const SCHEMAS: Record<ScaffoldKind, ZodType<unknown, ZodTypeDef, unknown>> = {
	client: ClientSchema,
	site: SiteSchema,
	update: UpdateSchema,
	decision: DecisionSchema,
	milestone: MilestoneSchema,
	faq: FaqSchema,
	risk: RiskSchema,
	change: ChangeSchema,
	meeting: MeetingSchema,
	closeout: CloseoutSchema,
};

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
	const result = SCHEMAS[kind].safeParse(source.data);
	if (!result.success) {
		for (const issue of result.error.issues) {
			for (const { path: field, message } of describeIssue(issue, source.data)) {
				problems.push({ severity: 'error', file, line: source.lineOf(field), field: field.join('.'), message });
			}
		}
		return problems;
	}
	const value = result.data as Record<string, unknown>;
	const stem = path.basename(file).replace(/\.[^.]+$/, '');
	if (kind === 'update' && value.date !== stem)
		problems.push({
			severity: 'error',
			file,
			line: source.lineOf(['date']),
			field: 'date',
			message: `expected the file name's date (${stem}), found ${String(value.date)}`,
		});
	if ((kind === 'milestone' || kind === 'risk') && value.id !== stem)
		problems.push({
			severity: 'error',
			file,
			line: source.lineOf(['id']),
			field: 'id',
			message: `expected "${stem}" to match the file name, found "${String(value.id)}"`,
		});
	if (kind === 'decision' || kind === 'change') {
		const prefix = /^(\d{4})-[a-z0-9-]+$/.exec(stem);
		if (!prefix || Number(prefix[1]) !== value.number)
			problems.push({
				severity: 'error',
				file,
				line: source.lineOf(['number']),
				field: 'number',
				message: `expected a file name like ${String(value.number).padStart(4, '0')}-short-title.mdx, found "${path.basename(file)}"`,
			});
	}
	if (kind === 'meeting') {
		const prefix = /^(\d{4}-\d{2}-\d{2})-[a-z0-9-]+$/.exec(stem);
		if (prefix?.[1] !== value.date)
			problems.push({
				severity: 'error',
				file,
				line: source.lineOf(['date']),
				field: 'date',
				message: `expected a file name like ${String(value.date)}-${String(value.type)}.mdx, found "${path.basename(file)}"`,
			});
	}
	if (/\.mdx?$/.test(file)) {
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
