import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { RevokeError, revokeAccessEntry } from '@/scaffold/revoke-access';
import { answerOrFail } from '@/cli/ask';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';

export const revokeHelp = `Usage: glasshouse revoke <client> <entry id> [--content DIR]

Sets "revoked: true" on one access entry in the client's client.yaml and raises its
rotation, keeping every comment and all formatting. Nobody else's password or link changes.
It takes effect with the next deploy: until a new build is published, the entry still opens
the current site. A revoked shared password locks out the whole group that used it. Because
the rotation was raised, setting "revoked: false" later gives the entry a new password or
link; the revoked one never works again.`;

interface RevokeOptions {
	client?: string;
	entry?: string;
	content?: string;
}

export async function runRevoke(options: RevokeOptions, output: Output, context: BuildContext): Promise<number> {
	const { settings, folder } = await requireClient(options.content ?? context.contentDir, options.client, output);
	const ids = settings.access.map((entry) => entry.id);
	const id = await answerOrFail(
		output,
		options.entry,
		`Which access entry? (${ids.join(', ')})`,
		`Name the access entry to revoke. Known entries: ${ids.join(', ') || 'none'}.`,
		UsageError,
	);
	const file = path.join(folder, 'client.yaml');
	let result;
	try {
		result = revokeAccessEntry(await readFile(file, 'utf8'), id);
	} catch (error) {
		if (error instanceof RevokeError) throw new UserError(`${display(file)}: ${error.message}`);
		throw error;
	}
	await writeFile(file, result.text);
	output.info(
		`✓ Revoked "${id}"${result.label ? ` (${result.label})` : ''} in ${display(file)}, and raised its rotation to ${result.rotation}.`,
	);
	output.info('  It takes effect with the next deploy: commit and push client.yaml (or build and publish dist/).');
	output.info('  Until then the current site still opens with it. Afterwards, its remembered devices are told access has changed;');
	output.info('  copies of earlier builds (caches, archives) still open with it: see docs/security.md, "Old copies".');
	if (result.passwordEnv)
		output.info(
			`  Should it be let in again ("revoked: false"), put a new password in $${result.passwordEnv} first: the rotation does not change a chosen password.`,
		);
	else
		output.info('  Should it be let in again ("revoked: false"), it gets a new password or link: the revoked one never opens a new build.');
	if (result.type === 'password')
		output.info(
			'  This was a shared password: everyone who used it is locked out. Give the others a new entry and run `glasshouse share`.',
		);
	return 0;
}
