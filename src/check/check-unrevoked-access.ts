import { parse } from 'yaml';
import { committedVersions, type FileVersion } from '@/lib/git-file-versions';
import type { LoadedClient } from '@/loader/load-content';
import type { Problem } from './problem';

/** The highest rotation whose password or link was committed in use and later revoked, and where. */
interface Revocation {
	rotation: number;
	commit: string;
}

/**
 * Warns about an access entry that git history shows in use and then revoked, and that is now let
 * in again at a rotation no higher than the one revoked. Its password or link is derived from
 * client, id and rotation only, so `revoked: false` or a git revert would bring back exactly the
 * credential that was revoked. Covers an un-revoke not yet committed (the working tree against
 * the commits) and one committed long ago. Outside git, or where a shallow clone lacks the
 * version in use before the revocation, there is nothing to compare with and nothing is reported.
 */
export async function checkUnrevokedAccess(contentDir: string, clients: LoadedClient[]): Promise<Problem[]> {
	const active = clients.filter((client) => client.client?.value.access.some((entry) => !entry.revoked));
	if (active.length === 0) return [];
	const history = await committedVersions(contentDir, ':(glob)*/client.yaml');
	const problems: Problem[] = [];
	for (const client of active) {
		const { source, value } = client.client!;
		const revocations = revocationsIn(history.get(`${client.slug}/client.yaml`) ?? []);
		value.access.forEach((entry, index) => {
			const revoked = revocations.get(entry.id);
			if (entry.revoked || !revoked || entry.rotation > revoked.rotation) return;
			const kind = entry.type === 'link' ? 'link' : 'password';
			const chosen =
				entry.type === 'password' && entry.passwordEnv
					? ` and put a new password in $${entry.passwordEnv} (the rotation does not change a chosen password)`
					: '';
			problems.push({
				severity: 'warning',
				file: source.file,
				line: source.lineOf(['access', index, 'rotation']),
				field: `access.${index}.rotation`,
				message:
					`expected a rotation above ${revoked.rotation}, found ${entry.rotation}: "${entry.id}" had rotation ${revoked.rotation} when it was revoked (commit ${revoked.commit.slice(0, 7)}), so letting it in again restores the very ${kind} that was revoked. ` +
					`Set "rotation: ${revoked.rotation + 1}"${chosen} and send the new ${kind} with \`glasshouse share\`; or, if it should stay out, run \`glasshouse revoke ${client.slug} ${entry.id}\`.`,
			});
		});
	}
	return problems;
}

/**
 * Per entry id, the highest rotation at which the entry was in use (not revoked) in one committed
 * version and revoked in a later one. Not the rotation written next to `revoked: true`: `glasshouse
 * revoke` raises it in the same edit, and that new rotation's credential was never handed out.
 */
function revocationsIn(newestFirst: FileVersion[]): Map<string, Revocation> {
	const inUse = new Map<string, number>();
	const revocations = new Map<string, Revocation>();
	for (const { commit, text } of [...newestFirst].reverse()) {
		for (const entry of accessOf(text)) {
			const rotation = entry.rotation === undefined ? 0 : entry.rotation;
			if (typeof entry.id !== 'string' || typeof rotation !== 'number' || !Number.isFinite(rotation)) continue;
			const used = inUse.get(entry.id);
			if (entry.revoked !== true) inUse.set(entry.id, Math.max(used ?? rotation, rotation));
			else if (used !== undefined && used > (revocations.get(entry.id)?.rotation ?? -1))
				revocations.set(entry.id, { rotation: used, commit });
		}
	}
	return revocations;
}

/** The access entries of an old client.yaml, read leniently: an old version may be invalid. */
function accessOf(text: string): Array<Record<string, unknown>> {
	try {
		const data = parse(text, { logLevel: 'silent' }) as { access?: unknown } | null;
		return Array.isArray(data?.access)
			? data.access.filter((entry): entry is Record<string, unknown> => !!entry && typeof entry === 'object')
			: [];
	} catch {
		return [];
	}
}
