/** The CLI's only way to talk to the user, so tests can capture it and library code stays quiet. */
export interface Output {
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
}

const colour = (code: number, text: string) => (process.stderr.isTTY && !process.env.NO_COLOR ? `\u001b[${code}m${text}\u001b[0m` : text);

export const consoleOutput: Output = {
	info: (message) => process.stdout.write(`${message}\n`),
	warn: (message) => process.stderr.write(`${colour(33, message)}\n`),
	error: (message) => process.stderr.write(`${colour(31, message)}\n`),
};

/** Collects output in memory (for tests). */
export function memoryOutput(): Output & { lines: string[] } {
	const lines: string[] = [];
	return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

/** An error meant for the user: printed as its message, without a stack trace. */
export class UserError extends Error {}
