import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { SlugSchema } from '@/kinds/common';
import { LEVELS, type Level } from '@/kinds/level';
import { riskSeverity } from '@/kinds/risk/risk-severity';
import { renderRisk } from '@/scaffold/render-risk';
import { firstFreeName, slugify } from '@/scaffold/slugify';
import { projectManager } from '@/kinds/client/team';
import { answerOrFail } from '@/cli/ask';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';
import { anyExists, requireDateOption, writeScaffold } from './new-shared';

export const newRiskHelp = `Usage: glasshouse new risk <client> "<title>" [--likelihood L] [--impact I] [--owner NAME] [--id ID] [--date YYYY-MM-DD] [--content DIR]

Creates risks/<id>.yaml, an open entry of the risk register raised today. Severity is not
written: the site derives it from likelihood × impact and sorts the register by it.

  --likelihood   low, medium or high (default: medium)
  --impact       low, medium or high (default: medium)
  --owner        who watches it and acts on it (default: the primary vendor contact)
  --id           lowercase id that updates use in "risks" (default: made from the title;
                 risk-N for a title with no ASCII spelling)
  --date         the day it was raised instead of today

Refuses an id the register already has. Prints the new file's path.`;

interface NewRiskOptions {
	client?: string;
	title?: string;
	likelihood?: string;
	impact?: string;
	owner?: string;
	id?: string;
	date?: string;
	content?: string;
}

export async function runNewRisk(options: NewRiskOptions, output: Output, context: BuildContext): Promise<number> {
	const likelihood = levelOption('--likelihood', options.likelihood);
	const impact = levelOption('--impact', options.impact);
	requireDateOption('--date', options.date);
	if (options.id !== undefined && !SlugSchema.safeParse(options.id).success)
		throw new UsageError(`--id: expected lowercase letters, digits and hyphens (like "supplier-delay"), found "${options.id}".`);
	const { client, settings, folder } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);
	const title = await answerOrFail(
		output,
		options.title,
		'The risk in one line (what could happen, e.g. "Payment provider delivers the API late"):',
		'Give the risk a title, e.g. glasshouse new risk acme "Payment provider delivers the API late".',
		UsageError,
	);
	const raised = options.date ?? context.today;

	const taken = new Map(client.risks.map((risk) => [risk.value.id, risk.source.file]));
	// A file that failed to load still holds its id.
	const exists = async (id: string) =>
		taken.has(id) || (await anyExists(['.yaml', '.yml'].map((extension) => path.join(folder, 'risks', `${id}${extension}`))));
	let id = options.id ?? slugify(title);
	if (id && (await exists(id))) {
		throw new UserError(
			`${client.slug} already has a risk "${id}" (${taken.get(id) ?? display(path.join(folder, 'risks', `${id}.yaml`))}); edit it, or choose another id with --id. Nothing was written.`,
		);
	}
	id ??= await firstFreeName('risk', exists);

	const owner =
		options.owner ?? projectManager(settings.team)?.name ?? (settings.locale === 'zh-CN' ? 'TODO：负责跟踪的人' : 'TODO: who watches it');
	const file = path.join(folder, 'risks', `${id}.yaml`);
	await writeScaffold(
		'risk',
		file,
		renderRisk({ id, title, likelihood, impact, owner, raised, locale: settings.locale, reviewDays: settings.riskReviewDays }),
	);
	output.info(display(file));
	output.info(
		`  risk "${id}", open, severity ${riskSeverity(likelihood, impact)} (likelihood ${likelihood} × impact ${impact}), owner ${owner}`,
	);
	output.info('  Replace the TODO placeholders, then run `npm run check`.');
	return 0;
}

function levelOption(option: string, value: string | undefined): Level {
	if (value === undefined) return 'medium';
	if (!(LEVELS as readonly string[]).includes(value)) throw new UsageError(`${option}: expected low, medium or high, found "${value}".`);
	return value as Level;
}
