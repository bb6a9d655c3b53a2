import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { addDays } from '@/lib/calendar';
import { renderSurvey } from '@/scaffold/render-survey';
import { slugify } from '@/scaffold/slugify';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, type Output } from '@/cli/output';
import { requireDateOption, writeScaffold } from './new-shared';

export const newSurveyHelp = `Usage: glasshouse new survey <client> [--milestone ID | --phase NAME | --closeout] [--title T] [--opens D] [--closes D] [--content DIR]

Creates surveys/<opens>-<slug>.yaml: a satisfaction survey with the default questions (overall
satisfaction, communication and quality 1-5, likelihood to recommend 0-10, what went well, what
to do differently), asked in the client's language; they are listed in the file as a comment,
with how to ask your own. The survey page lets stakeholders answer from the opening day to the
closing day; record their replies with "glasshouse record survey".

  --milestone  the id of the milestone it follows (default: the milestone completed last)
  --phase      the phase whose end it marks, as in the milestones' phase
  --closeout   the survey at the project's close, shown with the close-out summary
  --title      the page title (default: from what it follows)
  --opens      the first day answers are taken (default: today)
  --closes     the last day answers are taken (default: two weeks after opens)

Prints the new file's path.`;

interface NewSurveyOptions {
	client?: string;
	milestone?: string;
	phase?: string;
	closeout?: boolean;
	title?: string;
	opens?: string;
	closes?: string;
	content?: string;
}

export async function runNewSurvey(options: NewSurveyOptions, output: Output, context: BuildContext): Promise<number> {
	requireDateOption('--opens', options.opens);
	requireDateOption('--closes', options.closes);
	const chosen = [options.milestone && '--milestone', options.phase && '--phase', options.closeout && '--closeout'].filter(Boolean);
	if (chosen.length > 1) throw new UsageError(`Give one of --milestone, --phase or --closeout, not ${chosen.join(' and ')}.`);
	const { client, settings, folder } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);
	const zh = settings.locale === 'zh-CN';
	const milestones = client.milestones.map((entry) => entry.value);
	let follows: { milestone: string } | { phase: string } | { closeout: true };
	let title: string;
	let slug: string;
	if (options.closeout) {
		follows = { closeout: true };
		title = zh ? '项目收尾' : 'At the close of the project';
		slug = 'close-out';
	} else if (options.phase) {
		follows = { phase: options.phase };
		title = zh ? `${options.phase}阶段结束` : `End of ${options.phase}`;
		slug = slugify(options.phase) ?? 'phase-end';
	} else {
		const id =
			options.milestone ??
			milestones
				.filter((milestone) => milestone.completed)
				.sort((a, b) => a.completed!.localeCompare(b.completed!))
				.at(-1)?.id;
		if (!id)
			throw new UsageError('Say what the survey follows: --milestone <id>, --phase <name> or --closeout (no milestone is completed yet).');
		const milestone = milestones.find((candidate) => candidate.id === id);
		if (!milestone)
			throw new UsageError(
				`--milestone: expected one of ${milestones.map((candidate) => candidate.id).join(', ') || 'none yet'}, found "${id}".`,
			);
		follows = { milestone: id };
		title = zh ? `${milestone.title}之后` : `After ${milestone.title}`;
		slug = id;
	}
	if (options.title) title = options.title;
	const opens = options.opens ?? context.today;
	const closes = options.closes ?? addDays(opens, 14);
	if (closes < opens) throw new UsageError(`--closes: expected a date on or after ${opens}, found ${closes}.`);
	const file = path.join(folder, 'surveys', `${opens}-${(options.title && slugify(options.title)) || slug}.yaml`);
	await writeScaffold('survey', file, renderSurvey({ title, follows, opens, closes, locale: settings.locale }));
	output.info(display(file));
	output.info(`  "${title}", open ${opens} to ${closes}, with the default questions`);
	output.info('  Run `npm run check`, build and share the survey page; record replies with `glasshouse record survey`.');
	return 0;
}
