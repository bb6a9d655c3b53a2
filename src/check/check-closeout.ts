import type { LoadedClient } from '@/loader/load-content';
import { reporterFor, type Problem } from './problem';

/**
 * Rules of the close-out summary: a closed project has one, it reports on every objective of
 * client.yaml, and its support contacts are team members the client can find on the contacts page.
 */
export function checkCloseout(client: LoadedClient): Problem[] {
	const problems: Problem[] = [];
	const report = reporterFor(problems);
	const settings = client.client;
	const closeout = client.closeout;
	if (!settings) return problems;
	if (settings.value.status === 'closed' && !closeout) {
		report(
			settings.source,
			['status'],
			`expected a close-out summary (${client.dir}/closeout.mdx) for a closed project, found none; run "glasshouse new closeout ${client.slug}" to scaffold one, or set "status: active"`,
			'warning',
		);
	}
	if (!closeout) return problems;
	const objectives = settings.value.project.objectives;
	const reported = new Set(closeout.value.outcomes.map((outcome) => outcome.objective));
	for (const objective of objectives) {
		if (!reported.has(objective))
			report(
				closeout.source,
				['outcomes'],
				`expected an outcome for the objective "${objective}" (project.objectives in client.yaml), found none`,
				'warning',
			);
	}
	closeout.value.outcomes.forEach((outcome, index) => {
		if (objectives.length && !objectives.includes(outcome.objective)) {
			report(
				closeout.source,
				['outcomes', index, 'objective'],
				`expected one of the objectives in client.yaml (${objectives.map((o) => `"${o}"`).join(', ')}), found "${outcome.objective}"`,
			);
		}
	});
	const team = new Set(settings.value.team.map((person) => person.name));
	closeout.value.support?.contacts.forEach((name, index) => {
		if (!team.has(name))
			report(
				closeout.source,
				['support', 'contacts', index],
				`expected a team member from client.yaml (${[...team].join(', ')}), found "${name}"`,
			);
	});
	if (closeout.value.date < settings.value.start) {
		report(
			closeout.source,
			['date'],
			`expected a date on or after the project start (${settings.value.start}), found ${closeout.value.date}`,
		);
	}
	return problems;
}
