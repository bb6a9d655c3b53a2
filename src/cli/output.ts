import { createInterface } from 'node:readline/promises';
import { terminalProgress, type ProgressLine } from './progress';

/** The CLI's only way to talk to the user, so tests can capture it and library code stays quiet. */
export interface Output {
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
	/**
	 * Asks the person at the terminal and resolves to their trimmed answer. Absent when nobody can
	 * answer (a pipe, CI, a test), so commands then fail with a clear message instead of hanging.
	 */
	ask?(question: string): Promise<string>;
	/** The progress line of a terminal (see `progress.ts`); absent in a pipe, on CI and in tests. */
	progress?: ProgressLine;
}

async function askInTerminal(question: string): Promise<string> {
	const prompt = createInterface({ input: process.stdin, output: process.stderr });
	try {
		return (await prompt.question(`${question} `)).trim();
	} finally {
		prompt.close();
	}
}

/**
 * The terminal, following the conventions of `environment` (read once by the CLI): NO_COLOR
 * turns colours off, and CI=true means nobody can answer a question. Prompts only when a person
 * is at a terminal.
 */
export function terminalOutput(environment: Readonly<Record<string, string | undefined>>): Output {
	const colour = (code: number, text: string) => (process.stderr.isTTY && !environment.NO_COLOR ? `\u001b[${code}m${text}\u001b[0m` : text);
	const interactive = process.stdin.isTTY === true && !environment.CI;
	const progress = environment.CI ? undefined : terminalProgress(process.stderr);
	// Every message first removes the progress line, which is then drawn again below it.
	const write = (stream: NodeJS.WriteStream, text: string) =>
		progress ? progress.around(() => stream.write(`${text}\n`)) : stream.write(`${text}\n`);
	return {
		info: (message) => write(process.stdout, message),
		warn: (message) => write(process.stderr, colour(33, message)),
		error: (message) => write(process.stderr, colour(31, message)),
		...(interactive ? { ask: askInTerminal } : {}),
		...(progress ? { progress } : {}),
	};
}

/**
 * Collects output in memory (for tests). With `answers`, it also answers questions in order, as
 * a person at a terminal would; each question is recorded in `lines` prefixed with "? ".
 */
export function memoryOutput(answers?: string[]): Output & { lines: string[] } {
	const lines: string[] = [];
	const output: Output & { lines: string[] } = {
		lines,
		info: (m) => lines.push(m),
		warn: (m) => lines.push(m),
		error: (m) => lines.push(m),
	};
	if (answers) {
		const queue = [...answers];
		output.ask = async (question) => {
			lines.push(`? ${question}`);
			return (queue.shift() ?? '').trim();
		};
	}
	return output;
}

/** An error meant for the user: printed as its message, without a stack trace. */
export class UserError extends Error {}

/** A mistake in how the command was called: printed with the command's help. */
export class UsageError extends UserError {}
