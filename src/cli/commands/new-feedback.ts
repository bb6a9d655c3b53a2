import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { FEEDBACK_CHANNELS, FEEDBACK_KINDS, type FeedbackChannel, type FeedbackKindValue } from '@/kinds/feedback/schema';
import { renderFeedback } from '@/scaffold/render-feedback';
import { slugify } from '@/scaffold/slugify';
import { answerOrFail } from '@/cli/ask';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, type Output } from '@/cli/output';
import { markdownExtension, MD_OPTION_HELP, nextNumber, requireDateOption, writeScaffold } from './new-shared';

export const newFeedbackHelp = `Usage: glasshouse new feedback <client> ["<summary>"] [--from NAME] [--channel C] [--kind K] [--date YYYY-MM-DD] [--md] [--content DIR]

Creates feedback/NNNN-<slug>.mdx (.md with --md) with the next free number: a piece of the
client's feedback with status "received", received today, for the "You said, we did" log.
Use it to log a reply to "Ask about this", a remark in a meeting or a survey comment. The
acknowledgement and answer dates, the reason (for declined) and the links to decisions, change
requests, risks and meetings are there as comments saying when each becomes required; the body
is where our response goes.

  --from      who gave it: a client-side team member as named in client.yaml; anyone else
              gets an "outsider" line to fill in (default: a TODO to fill in)
  --channel   meeting, email, call, survey or site (default: email)
  --kind      question, request, concern, complaint or praise (default: question)
  --date      the day it was received instead of today
${MD_OPTION_HELP}

Prints the new file's path.`;

interface NewFeedbackOptions {
	client?: string;
	summary?: string;
	from?: string;
	channel?: string;
	kind?: string;
	date?: string;
	content?: string;
	md?: boolean;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
	if (value === undefined) return fallback;
	if ((allowed as readonly string[]).includes(value)) return value as T;
	throw new UsageError(`${option}: expected ${allowed.join(', ')}, found "${value}".`);
}

export async function runNewFeedback(options: NewFeedbackOptions, output: Output, context: BuildContext): Promise<number> {
	requireDateOption('--date', options.date);
	const channel = oneOf<FeedbackChannel>('--channel', options.channel, FEEDBACK_CHANNELS, 'email');
	const kind = oneOf<FeedbackKindValue>('--kind', options.kind, FEEDBACK_KINDS, 'question');
	const { client, settings, folder } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);
	const summary = await answerOrFail(
		output,
		options.summary,
		'What did they say? (one or two sentences, e.g. "Can the tracking page show the van on delivery day?"):',
		'Give the feedback a summary, e.g. glasshouse new feedback acme "Can the tracking page show the van on delivery day?" --from "Aoife Brennan".',
		UsageError,
	);
	const zh = settings.locale === 'zh-CN';
	const given = options.from?.trim();
	const from = given || (zh ? 'TODO：提出人姓名' : 'TODO: who said it');
	const member = settings.team.find((person) => person.name === from);
	const receivedOn = options.date ?? context.today;
	const number = await nextNumber(
		path.join(folder, 'feedback'),
		client.feedback.map((item) => item.value.number),
	);
	const extension = markdownExtension(options.md);
	const file = path.join(folder, 'feedback', `${String(number).padStart(4, '0')}-${slugify(summary) ?? 'feedback'}${extension}`);
	await writeScaffold(
		'feedback',
		file,
		renderFeedback({
			number,
			summary,
			from,
			outsider: given !== undefined && given !== '' && !member,
			channel,
			kind,
			receivedOn,
			locale: settings.locale,
			format: extension === '.md' ? 'md' : 'mdx',
		}),
	);
	output.info(display(file));
	output.info(`  feedback #${number} (${kind}, ${channel}) from ${from}, received ${receivedOn}, status received`);
	if (member && member.side !== 'client')
		output.info(`  Note: ${from} is on the ${member.side} side in client.yaml; feedback comes from the client side.`);
	output.info(
		'  Once acknowledged, set acknowledgedOn and status: acknowledged; once answered, write the response below the front matter.',
	);
	output.info('  Replace the TODO placeholders, then run `npm run check`.');
	return 0;
}
