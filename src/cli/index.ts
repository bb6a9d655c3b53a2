import { parseArgs } from 'node:util';
import { buildHelp, runBuild } from './commands/build';
import { checkHelp, runCheck } from './commands/check';
import { consoleOutput, UserError, type Output } from './output';

const HELP = `Usage: glasshouse <command> [options]

Commands:
  check     Validate every content file and list all problems
  build     Check, then build every client's site into dist/

Run "glasshouse <command> --help" for a command's options.`;

interface Command {
	help: string;
	options: Record<string, { type: 'string' | 'boolean' }>;
	run(values: Record<string, string | boolean | undefined>, output: Output): Promise<number>;
}

const commands: Record<string, Command> = {
	check: {
		help: checkHelp,
		options: { content: { type: 'string' }, today: { type: 'string' } },
		run: (values, output) => runCheck({ content: values.content as string | undefined, today: values.today as string | undefined }, output),
	},
	build: {
		help: buildHelp,
		options: { content: { type: 'string' }, out: { type: 'string' } },
		run: (values, output) => runBuild({ content: values.content as string | undefined, out: values.out as string | undefined }, output),
	},
};

/** Entry point; returns the process exit code and never throws at the user. */
export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		output.info(HELP);
		return name ? 0 : 1;
	}
	const command = commands[name];
	if (!command) {
		output.error(`Unknown command "${name}". Expected one of: ${Object.keys(commands).join(', ')}.\n\n${HELP}`);
		return 1;
	}
	try {
		const { values } = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
		if (values.help) {
			output.info(command.help);
			return 0;
		}
		return await command.run(values, output);
	} catch (error) {
		if (error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
			output.error(`${(error as Error).message}\n\n${command.help}`);
			return 1;
		}
		throw error;
	}
}
