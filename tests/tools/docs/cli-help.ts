/**
 * The usage of every command in docs/cli.md, as the CLI itself prints it with `--help`. The
 * commands are read from the CLI's own lists ("Commands:" of `glasshouse --help`, "Kinds:" of
 * `glasshouse new --help`), so a new command appears in the docs without touching this file.
 */
import { main } from '@/cli/index';
import type { Output } from '@/cli/output';

/** What `glasshouse <argv> --help` prints. */
async function helpOf(argv: string[]): Promise<string> {
	const lines: string[] = [];
	const output: Output = {
		info: (message) => lines.push(message),
		// Only a notice about leftovers of a killed build can come here; it is not part of the help.
		warn: () => undefined,
		error: (message) => lines.push(message),
	};
	const code = await main([...argv, '--help'], output);
	const text = lines.join('\n');
	if (code !== 0) throw new Error(`glasshouse ${argv.join(' ')} --help failed:\n${text}`);
	return text;
}

/** Names listed under `heading` in a help text, e.g. the commands under "Commands:". */
function listedUnder(help: string, heading: string, pattern: RegExp): string[] {
	const lines = help.split('\n');
	const start = lines.indexOf(heading);
	if (start < 0) throw new Error(`expected a "${heading}" list in:\n${help}`);
	const names: string[] = [];
	for (const line of lines.slice(start + 1)) {
		if (line.trim() === '') break;
		const match = pattern.exec(line);
		if (match && !names.includes(match[1]!)) names.push(match[1]!);
	}
	return names;
}

const block = (heading: string, help: string) => `${heading}\n\n\`\`\`text\n${help}\n\`\`\``;

/** Markdown: the overall help, then one section per command and per kind of `new` and `import`. */
export async function cliHelpMarkdown(): Promise<string> {
	const overview = await helpOf([]);
	const sections = [`\`\`\`text\n${overview}\n\`\`\``];
	for (const command of listedUnder(overview, 'Commands:', /^ {2}([a-z][\w-]*)\s/)) {
		const help = await helpOf([command]);
		sections.push(block(`### \`glasshouse ${command}\``, help));
		if (command !== 'new' && command !== 'import') continue;
		for (const kind of listedUnder(help, 'Kinds:', new RegExp(`^ {2}${command} ([a-z][\\w-]*)`)))
			sections.push(block(`#### \`glasshouse ${command} ${kind}\``, await helpOf([command, kind])));
	}
	return sections.join('\n\n');
}
