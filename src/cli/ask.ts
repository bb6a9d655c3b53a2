import type { Output, UserError } from './output';

/**
 * `value` when given; otherwise the answer of a person at the terminal; otherwise (CI, a pipe,
 * an empty answer) an error with `missing` as its message. Never waits for input nobody can give.
 */
export async function answerOrFail(
	output: Output,
	value: string | undefined,
	question: string,
	missing: string,
	ErrorType: new (message: string) => UserError,
): Promise<string> {
	if (value !== undefined && value.trim() !== '') return value.trim();
	const answer = output.ask ? await output.ask(question) : '';
	if (!answer) throw new ErrorType(missing);
	return answer;
}
