import { parseArgs } from 'node:util';
import { terminalOutput, UsageError, UserError, type Output } from './output';
import { removeStaleStaging } from './stale-staging';
import { closeDiagramBrowser } from '@/mermaid/diagram-session';
import { SecretError } from '@/keys/secret';
import { BuildContextError, currentEnvironment, readBuildContext, type BuildContext } from '@/build-context/build-context';

// Only this table is loaded when the CLI starts: each command's module (and through it Astro,
// Mermaid, Playwright, Pagefind…) is imported when that command is asked for, so `--help` and
// `new …` start in a fraction of a second. A new command is one more entry below.

const HELP = `Usage: glasshouse <command> [options]

Commands:
  new       Create a client, update, decision, milestone, FAQ, risk, change request,
            meeting minutes, feedback, close-out summary, survey, document or training from a template
  check     Validate every content file and list all problems
  build     Check, then build and encrypt every client's site into dist/
            (or one shard of the clients, with --shard I/N)
  merge     Verify and assemble shard folders into one site, then scan it for leaks
  digest    Print an update's announcement email to paste into your mail client
  share     Print a client's current passwords and personal links
  revoke    Revoke one access entry of a client (takes effect with the next deploy)
  secret    Print a new random GLASSHOUSE_SECRET
  leak-scan Search a built site for text of private clients
  preview   Serve the last build locally, as a host would
  import    Turn existing decision records (MADR, adr-tools, log4brains) into decisions
  record    Add replies to a survey form (pasted emails) to the survey file

Run "glasshouse <command> --help" for a command's options.`;

const NEW_HELP = `Usage: glasshouse new <kind> … [--content DIR]

Kinds:
  new client <slug>                        a client folder with a fully commented client.yaml
  new update <client> [--date D]           this period's update, continuing from the last one
  new decision <client> "<title>" [--supersedes N]
                                           the next decision record (MADR sections)
  new milestone <client> --title T --due D [--id ID]
                                           a planned milestone
  new faq <client> ["question"]            a question for the FAQ
  new risk <client> "<title>" [--likelihood L] [--impact I] [--owner NAME]
                                           an open entry of the risk register
  new change <client> "<title>" [--requested-by NAME]
                                           the next change request (status requested)
  new meeting <client> <type> [--date D]   minutes: the team as attendees, open actions
                                           of the previous meeting carried over
  new feedback <client> ["<summary>"] [--from NAME] [--channel C] [--kind K]
                                           a piece of the client's feedback (status received)
  new closeout <client>                    the close-out summary, one outcome per objective
  new survey <client> [--milestone ID | --phase NAME | --closeout]
                                           a satisfaction survey with the default questions
  new document <client> "<title>" [--category C] [--file NAME]
                                           a document of the library and its attachments
  new training <client> "<title>" [--trainer NAME] [--audience WHO]
                                           a training session and its materials

Updates, decisions, FAQ answers, change requests, minutes, feedback and close-outs are written as MDX
(.mdx); pass --md for plain Markdown (.md), which needs no components and has none of MDX's
pitfalls. Every file is checked with the same rules as "glasshouse check" before it is written,
and no existing file is ever overwritten. Run "glasshouse new <kind> --help" for details.`;

type Values = Record<string, string | boolean | string[] | undefined>;

/** What a command's module gives once imported: its `--help` text and how to run it. */
interface LoadedCommand {
	help: string;
	/** Runs with the build context read when the command starts (not for `--help`). */
	run(values: Values, output: Output, context: BuildContext): Promise<number>;
}

interface Command {
	options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
	/** Names of the positional arguments, in order. */
	positionals?: string[];
	/** Name under which the positional arguments after `positionals` are passed, as a list (`<file|folder>…`). */
	rest?: string;
	/** Imports the command's module, only when the command is asked for. */
	load(): Promise<LoadedCommand>;
}

/** A command with kinds, like `glasshouse new update`. */
interface CommandGroup {
	help: string;
	subcommands: Record<string, Command>;
}

const content = { content: { type: 'string' } } as const;
/** `--md`: a Markdown kind's new file is written as plain Markdown. */
const md = { md: { type: 'boolean' } } as const;
/** The string-valued options of a command, as its run function takes them. */
const strings = (values: Values) =>
	Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string')) as Record<string, string>;

const newCommands: Record<string, Command> = {
	client: {
		options: { ...content, name: { type: 'string' }, locale: { type: 'string' } },
		positionals: ['slug'],
		load: async () => {
			const { newClientHelp, runNewClient } = await import('./commands/new-client');
			return { help: newClientHelp, run: (values, output, context) => runNewClient(strings(values), output, context) };
		},
	},
	update: {
		options: { ...content, ...md, date: { type: 'string' } },
		positionals: ['client'],
		load: async () => {
			const { newUpdateHelp, runNewUpdate } = await import('./commands/new-update');
			return {
				help: newUpdateHelp,
				run: (values, output, context) => runNewUpdate({ ...strings(values), md: values.md === true }, output, context),
			};
		},
	},
	decision: {
		options: { ...content, ...md, supersedes: { type: 'string' }, date: { type: 'string' } },
		positionals: ['client', 'title'],
		load: async () => {
			const { newDecisionHelp, runNewDecision } = await import('./commands/new-decision');
			return {
				help: newDecisionHelp,
				run: (values, output, context) => runNewDecision({ ...strings(values), md: values.md === true }, output, context),
			};
		},
	},
	milestone: {
		options: {
			...content,
			id: { type: 'string' },
			title: { type: 'string' },
			due: { type: 'string' },
			start: { type: 'string' },
			owner: { type: 'string' },
		},
		positionals: ['client'],
		load: async () => {
			const { newMilestoneHelp, runNewMilestone } = await import('./commands/new-milestone');
			return { help: newMilestoneHelp, run: (values, output, context) => runNewMilestone(strings(values), output, context) };
		},
	},
	faq: {
		options: { ...content, ...md },
		positionals: ['client', 'question'],
		load: async () => {
			const { newFaqHelp, runNewFaq } = await import('./commands/new-faq');
			return {
				help: newFaqHelp,
				run: (values, output, context) => runNewFaq({ ...strings(values), md: values.md === true }, output, context),
			};
		},
	},
	risk: {
		options: {
			...content,
			likelihood: { type: 'string' },
			impact: { type: 'string' },
			owner: { type: 'string' },
			id: { type: 'string' },
			date: { type: 'string' },
		},
		positionals: ['client', 'title'],
		load: async () => {
			const { newRiskHelp, runNewRisk } = await import('./commands/new-risk');
			return { help: newRiskHelp, run: (values, output, context) => runNewRisk(strings(values), output, context) };
		},
	},
	change: {
		options: { ...content, ...md, 'requested-by': { type: 'string' }, date: { type: 'string' } },
		positionals: ['client', 'title'],
		load: async () => {
			const { newChangeHelp, runNewChange } = await import('./commands/new-change');
			return {
				help: newChangeHelp,
				run: (values, output, context) => runNewChange({ ...strings(values), md: values.md === true }, output, context),
			};
		},
	},
	meeting: {
		options: { ...content, ...md, date: { type: 'string' } },
		positionals: ['client', 'type'],
		load: async () => {
			const { newMeetingHelp, runNewMeeting } = await import('./commands/new-meeting');
			return {
				help: newMeetingHelp,
				run: (values, output, context) => runNewMeeting({ ...strings(values), md: values.md === true }, output, context),
			};
		},
	},
	feedback: {
		options: {
			...content,
			...md,
			from: { type: 'string' },
			channel: { type: 'string' },
			kind: { type: 'string' },
			date: { type: 'string' },
		},
		positionals: ['client', 'summary'],
		load: async () => {
			const { newFeedbackHelp, runNewFeedback } = await import('./commands/new-feedback');
			return {
				help: newFeedbackHelp,
				run: (values, output, context) => runNewFeedback({ ...strings(values), md: values.md === true }, output, context),
			};
		},
	},
	closeout: {
		options: { ...content, ...md, date: { type: 'string' } },
		positionals: ['client'],
		load: async () => {
			const { newCloseoutHelp, runNewCloseout } = await import('./commands/new-closeout');
			return {
				help: newCloseoutHelp,
				run: (values, output, context) => runNewCloseout({ ...strings(values), md: values.md === true }, output, context),
			};
		},
	},
	survey: {
		options: {
			...content,
			milestone: { type: 'string' },
			phase: { type: 'string' },
			closeout: { type: 'boolean' },
			title: { type: 'string' },
			opens: { type: 'string' },
			closes: { type: 'string' },
		},
		positionals: ['client'],
		load: async () => {
			const { newSurveyHelp, runNewSurvey } = await import('./commands/new-survey');
			return {
				help: newSurveyHelp,
				run: (values, output, context) => runNewSurvey({ ...strings(values), closeout: values.closeout === true }, output, context),
			};
		},
	},
	document: {
		options: {
			...content,
			category: { type: 'string' },
			file: { type: 'string', multiple: true },
			milestone: { type: 'string' },
			id: { type: 'string' },
			date: { type: 'string' },
		},
		positionals: ['client', 'title'],
		load: async () => {
			const { newDocumentHelp, runNewDocument } = await import('./commands/new-document');
			return {
				help: newDocumentHelp,
				run: (values, output, context) =>
					runNewDocument({ ...strings(values), file: values.file as string[] | undefined }, output, context),
			};
		},
	},
	training: {
		options: {
			...content,
			trainer: { type: 'string' },
			audience: { type: 'string' },
			file: { type: 'string', multiple: true },
			milestone: { type: 'string' },
			id: { type: 'string' },
			date: { type: 'string' },
		},
		positionals: ['client', 'title'],
		load: async () => {
			const { newTrainingHelp, runNewDocument } = await import('./commands/new-document');
			return {
				help: newTrainingHelp,
				run: (values, output, context) =>
					runNewDocument({ ...strings(values), file: values.file as string[] | undefined }, output, context, true),
			};
		},
	},
};

const IMPORT_HELP = `Usage: glasshouse import <kind> …

Kinds:
  import adr <client> <file|folder>…       decision records (MADR 2.x–4.x, Nygard / adr-tools,
                                           log4brains) as decisions of the client

Run "glasshouse import adr --help" for details.`;

const importCommands: Record<string, Command> = {
	adr: {
		options: { ...content, date: { type: 'string' }, status: { type: 'string' }, 'dry-run': { type: 'boolean' } },
		positionals: ['client'],
		rest: 'paths',
		load: async () => {
			const { importAdrHelp, runImportAdr } = await import('./commands/import-adr');
			return {
				help: importAdrHelp,
				run: (values, output, context) =>
					runImportAdr(
						{ ...strings(values), paths: values.paths as string[] | undefined, dryRun: values['dry-run'] === true },
						output,
						context,
					),
			};
		},
	},
};

const RECORD_HELP = `Usage: glasshouse record <kind> …

Kinds:
  record survey <client> <file|->          replies to a survey form (the emails it composes)
                                           as responses in the survey file

Run "glasshouse record survey --help" for details.`;

const recordCommands: Record<string, Command> = {
	survey: {
		options: { ...content, 'dry-run': { type: 'boolean' } },
		positionals: ['client', 'input'],
		load: async () => {
			const { recordSurveyHelp, runRecordSurvey } = await import('./commands/record-survey');
			return {
				help: recordSurveyHelp,
				run: (values, output, context) => runRecordSurvey({ ...strings(values), dryRun: values['dry-run'] === true }, output, context),
			};
		},
	},
};

const commands: Record<string, Command | CommandGroup> = {
	new: { help: NEW_HELP, subcommands: newCommands },
	import: { help: IMPORT_HELP, subcommands: importCommands },
	record: { help: RECORD_HELP, subcommands: recordCommands },
	check: {
		options: { content: { type: 'string' }, today: { type: 'string' }, fix: { type: 'boolean' }, write: { type: 'boolean' } },
		load: async () => {
			const { checkHelp, runCheck } = await import('./commands/check');
			return {
				help: checkHelp,
				run: (values, output, context) =>
					runCheck(
						{
							content: values.content as string | undefined,
							today: values.today as string | undefined,
							fix: values.fix === true,
							write: values.write === true,
						},
						output,
						context,
					),
			};
		},
	},
	build: {
		options: {
			content: { type: 'string' },
			out: { type: 'string' },
			demo: { type: 'boolean' },
			verbose: { type: 'boolean' },
			shard: { type: 'string' },
			full: { type: 'boolean' },
			'batch-pages': { type: 'string' },
			parallel: { type: 'string' },
		},
		load: async () => {
			const { buildHelp, runBuild, batchPagesArgument, parallelArgument } = await import('./commands/build');
			return {
				help: buildHelp,
				run: (values, output, context) =>
					runBuild(
						{
							content: values.content as string | undefined,
							out: values.out as string | undefined,
							demo: values.demo === true,
							verbose: values.verbose === true,
							shard: values.shard as string | undefined,
							full: values.full === true,
							...batchPagesArgument(values['batch-pages'] as string | undefined),
							...parallelArgument(values.parallel as string | undefined),
						},
						output,
						context,
					),
			};
		},
	},
	merge: {
		options: { out: { type: 'string' }, ...content },
		rest: 'shards',
		load: async () => {
			const { mergeHelp, runMerge } = await import('./commands/merge');
			return {
				help: mergeHelp,
				run: (values, output, context) =>
					runMerge(
						{
							shards: values.shards as string[],
							out: values.out as string | undefined,
							content: values.content as string | undefined,
						},
						output,
						context,
					),
			};
		},
	},
	digest: {
		options: { ...content, update: { type: 'string' }, site: { type: 'string' }, base: { type: 'string' }, format: { type: 'string' } },
		positionals: ['client'],
		load: async () => {
			const { digestHelp, runDigest } = await import('./commands/digest');
			return { help: digestHelp, run: (values, output, context) => runDigest(strings(values), output, context) };
		},
	},
	share: {
		options: { content: { type: 'string' }, site: { type: 'string' }, base: { type: 'string' } },
		positionals: ['client'],
		load: async () => {
			const { shareHelp, runShare } = await import('./commands/share');
			return {
				help: shareHelp,
				run: (values, output, context) =>
					runShare(values as { client?: string; site?: string; base?: string; content?: string }, output, context),
			};
		},
	},
	revoke: {
		options: content,
		positionals: ['client', 'entry'],
		load: async () => {
			const { revokeHelp, runRevoke } = await import('./commands/revoke');
			return { help: revokeHelp, run: (values, output, context) => runRevoke(strings(values), output, context) };
		},
	},
	'leak-scan': {
		options: { out: { type: 'string' }, ...content },
		load: async () => {
			const { leakScanHelp, runLeakScan } = await import('./commands/leak-scan');
			return {
				help: leakScanHelp,
				run: (values, output, context) => runLeakScan(values as { out?: string; content?: string }, output, context),
			};
		},
	},
	preview: {
		options: { out: { type: 'string' }, port: { type: 'string' } },
		load: async () => {
			const { previewHelp, runPreview } = await import('./commands/preview');
			return { help: previewHelp, run: (values, output, context) => runPreview(strings(values), output, context) };
		},
	},
	secret: {
		options: {},
		load: async () => {
			const { secretHelp, runSecret } = await import('./commands/secret');
			return { help: secretHelp, run: (_values, output) => runSecret(output) };
		},
	},
};

/**
 * Entry point; returns the process exit code and never throws at the user. The environment is
 * read once, here (tests pass their own output; the environment is this process's).
 */
export async function main(argv: string[], given?: Output, environment = currentEnvironment()): Promise<number> {
	const output = given ?? terminalOutput(environment);
	// Whatever the command: a build that was killed must not leave plaintext behind for long.
	await removeStaleStaging(process.cwd(), output);
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		output.info(HELP);
		return name ? 0 : 1;
	}
	const entry = commands[name];
	if (!entry) {
		output.error(`Unknown command "${name}". Expected one of: ${Object.keys(commands).join(', ')}.\n\n${HELP}`);
		return 1;
	}
	if (!('subcommands' in entry)) return runCommand(entry, rest, output, environment);
	const [kind, ...args] = rest;
	if (!kind || kind === '--help' || kind === '-h') {
		output.info(entry.help);
		return kind ? 0 : 1;
	}
	const command = entry.subcommands[kind];
	if (!command) {
		output.error(
			`Unknown kind "${kind}" for "glasshouse ${name}". Expected one of: ${Object.keys(entry.subcommands).join(', ')}.\n\n${entry.help}`,
		);
		return 1;
	}
	return runCommand(command, args, output, environment);
}

async function runCommand(
	command: Command,
	args: string[],
	output: Output,
	environment: Record<string, string | undefined>,
): Promise<number> {
	const { help, run } = await command.load();
	try {
		const names = command.positionals ?? [];
		const { values, positionals } = parseArgs({
			args,
			options: { ...command.options, help: { type: 'boolean', short: 'h' } },
			strict: true,
			allowPositionals: names.length > 0 || command.rest !== undefined,
		});
		if (values.help) {
			output.info(help);
			return 0;
		}
		if (positionals.length > names.length && !command.rest)
			throw new UsageError(
				`Unexpected argument "${positionals[names.length]}".${names.length ? ` Quote an argument that contains spaces.` : ''}`,
			);
		const named: Values = Object.fromEntries(names.map((name, index) => [name, positionals[index]]));
		if (command.rest) named[command.rest] = positionals.slice(names.length);
		return await run({ ...values, ...named }, output, readBuildContext(environment, process.cwd()));
	} catch (error) {
		if (error instanceof SecretError || error instanceof BuildContextError || (await isAccessError(error))) {
			output.error(`✗ ${(error as Error).message}`);
			return 1;
		}
		if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
			// The usage line is enough to see what was wrong; the full help is one --help away.
			output.error(`${(error as Error).message}\n${help.split('\n')[0]}\n(--help for details)`);
			return 1;
		}
		if (error instanceof UserError) {
			output.error(`✗ ${error.message}`);
			return 1;
		}
		throw error;
	} finally {
		// Whatever happened (a failed build included), no headless browser may outlive the command.
		await closeDiagramBrowser();
	}
}

/**
 * Access errors come from the keyring module, which loads the password-strength dictionary: it is
 * imported only when it may have thrown (then it is already loaded), never on a plain start.
 */
async function isAccessError(error: unknown): Promise<boolean> {
	if (!(error instanceof Error) || error.constructor === Error || error instanceof UserError) return false;
	const { AccessError } = await import('@/keys/build-keyring');
	return error instanceof AccessError;
}
