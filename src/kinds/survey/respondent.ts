import type { Contact } from '@/kinds/client/schema';

/**
 * What is wrong with who answered, given client.yaml's team: someone on our side, or someone
 * outside the team without the role that says who they are. Shared by the checker and
 * `glasshouse record survey`.
 */
export function respondentProblem(
	respondent: { respondent: string; outsider?: string },
	team: readonly Contact[],
): { field: 'respondent' | 'outsider'; message: string; severity: 'error' | 'warning' } | undefined {
	const member = team.find((person) => person.name === respondent.respondent);
	const clientSide = team.filter((person) => person.side === 'client').map((person) => person.name);
	if (member && member.side !== 'client')
		return {
			field: 'respondent',
			message: `expected someone on the client side, found "${respondent.respondent}" (on the ${member.side} side in client.yaml)`,
			severity: 'error',
		};
	if (member && respondent.outsider)
		return {
			field: 'outsider',
			message: `expected no outsider for ${respondent.respondent} (a team member in client.yaml), found "${respondent.outsider}"; remove it`,
			severity: 'warning',
		};
	if (!member && !respondent.outsider)
		return {
			field: 'respondent',
			message: `expected a client-side team member of client.yaml (${clientSide.join(', ') || 'none yet'}), or "outsider: <who they are>" for someone else, found "${respondent.respondent}"`,
			severity: 'error',
		};
	return undefined;
}
