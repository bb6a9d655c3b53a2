import { sideOf } from '@/kinds/meeting/action-items';
import type { LoadedClient } from '@/loader/load-content';
import { reporterFor, type Problem } from './problem';

/**
 * Rules of meeting minutes: decisions taken exist, and every action item's owner is on one side,
 * either as a team member of client.yaml or with `side` set, so it can reach the overview's
 * "what we need from you" or "our commitments".
 */
export function checkMeetings(client: LoadedClient): Problem[] {
	const problems: Problem[] = [];
	const report = reporterFor(problems);
	const decisions = new Set(client.decisions.map((entry) => entry.value.number));
	const team = client.client?.value.team ?? [];
	const names = team.map((person) => person.name).join(', ') || 'none';
	for (const { value, source } of client.meetings) {
		value.decisions.forEach((number, index) => {
			if (!decisions.has(number))
				report(
					source,
					['decisions', index],
					`expected a decision number of ${client.slug} (${[...decisions].join(', ') || 'none yet'}), found ${number}`,
				);
		});
		if (!client.client) continue;
		value.actions.forEach((action, index) => {
			const member = team.find((person) => person.name === action.owner);
			if (member && action.side && member.side !== action.side) {
				report(
					source,
					['actions', index, 'side'],
					`expected "${member.side}" (${member.name} is on the ${member.side} side in client.yaml), found "${action.side}"`,
				);
			} else if (!sideOf(action, team)) {
				report(
					source,
					['actions', index, 'owner'],
					`expected a team member from client.yaml (${names}), or "side: client" / "side: vendor" for someone else, found "${action.owner}"`,
				);
			}
		});
	}
	return problems;
}
