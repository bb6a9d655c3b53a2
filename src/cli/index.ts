import { parseArgs } from 'node:util';
import { buildHelp, runBuild } from './commands/build';
import { checkHelp, runCheck } from './commands/check';
import { leakScanHelp, runLeakScan } from './commands/leak-scan';
import { runSecret, secretHelp } from './commands/secret';
import { runShare, shareHelp } from './commands/share';
import { consoleOutput, UserError, type Output } from './output';
import { AccessError } from '../integrations/gate/build-keyring';
import { closeDiagramBrowser } from '../integrations/diagrams/diagram-session';
import { SecretError } from '../integrations/gate/secret';

const HELP = `Usage: glasshouse <command> [options]

Commands:
  check     Validate every content file and list all problems
  build     Check, then build and encrypt every client's site into dist/
  share     Print a client's current passwords and personal links
  secret    Print a new random GLASSHOUSE_SECRET
  leak-scan Search a built site for text of private clients

Run "glasshouse <command> --help" for a command's options.`;

interface Command {
	help: string;
	options: Record<string, { type: 'string' | 'boolean' }>;
	/** Names of the positional arguments, in order. */
	positionals?: string[];
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
		options: { content: { type: 'string' }, out: { type: 'string' }, demo: { type: 'boolean' } },
		run: (values, output) => runBuild({ content: values.content as string | undefined, out: values.out as string | undefined, demo: values.demo === true }, output),
	},
	share: {
		help: shareHelp,
		options: { content: { type: 'string' }, site: { type: 'string' }, base: { type: 'string' } },
		positionals: ['client'],
		run: (values, output) => runShare(values as { client?: string; site?: string; base?: string; content?: string }, output),
	},
	'leak-scan': {
		help: leakScanHelp,
		options: { out: { type: 'string' }, content: { type: 'string' } },
		run: (values, output) => runLeakScan(values as { out?: string; content?: string }, output),
	},
	secret: {
		help: secretHelp,
		options: {},
		run: (_values, output) => runSecret(output),
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
		const names = command.positionals ?? [];
		const { values, positionals } = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: names.length > 0 });
		if (values.help) {
			output.info(command.help);
			return 0;
		}
		if (positionals.length > names.length) throw new UserError(`Unexpected argument "${positionals[names.length]}".`);
		const named = Object.fromEntries(names.map((name, index) => [name, positionals[index]]));
		return await command.run({ ...values, ...named }, output);
	} catch (error) {
		if (error instanceof SecretError || error instanceof AccessError) {
			output.error(`✗ ${error.message}`);
			return 1;
		}
		if (error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
			output.error(`${(error as Error).message}\n\n${command.help}`);
			return 1;
		}
		throw error;
	} finally {
		// Whatever happened (a failed build included), no headless browser may outlive the command.
		await closeDiagramBrowser();
	}
}
