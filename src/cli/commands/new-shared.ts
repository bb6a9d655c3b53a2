import { problemsOfNewFile, describeProblems, type ScaffoldKind } from '../../scaffold/validate-new-file';
import { FileExistsError, writeNewFile } from '../../scaffold/write-new-file';
import { display } from '../client-lookup';
import { UserError } from '../output';

/**
 * Validates a scaffold exactly as `glasshouse check` would validate the file, then writes it
 * without overwriting anything. Problems usually come from what was typed (an id with capitals,
 * an empty title), so they are reported to the user and nothing is written.
 */
export async function writeScaffold(kind: ScaffoldKind, file: string, text: string): Promise<void> {
	const problems = await problemsOfNewFile(kind, display(file), text);
	if (problems.length) throw new UserError(`The new file would not pass \`glasshouse check\`, so it was not written:\n${describeProblems(problems)}`);
	try {
		await writeNewFile(file, text);
	} catch (error) {
		if (error instanceof FileExistsError) throw new UserError(`${display(file)} already exists; nothing was overwritten.`);
		throw error;
	}
}
