import type { LoadedClient } from '@/loader/load-content';
import { isOpenFeedback } from '@/kinds/feedback/schema';
import { missedTarget } from '@/kinds/feedback/response-times';
import { workingDaysBetween } from '@/lib/calendar';
import { withoutComments } from '@/lib/without-comments';
import { reporterFor, type Problem } from './problem';

const DATES = ['receivedOn', 'acknowledgedOn', 'answeredOn'] as const;

/**
 * Rules of the feedback log: numbers are unique, whoever gave it is a client-side team member of
 * client.yaml or a named outsider, an answered item has its response (the body), what it led to
 * exists, no date lies in the future, and open items past the response-time targets of
 * client.yaml are flagged (a warning: the log is right, the team is late).
 */
export function checkFeedback(client: LoadedClient, today: string): Problem[] {
	const problems: Problem[] = [];
	const report = reporterFor(problems);
	const numbers = new Map<number, string>();
	const team = client.client?.value.team ?? [];
	const clientSide = team.filter((person) => person.side === 'client').map((person) => person.name);
	const decisions = new Set(client.decisions.map((entry) => entry.value.number));
	const changes = new Set(client.changes.map((entry) => entry.value.number));
	const risks = new Set(client.risks.map((entry) => entry.value.id));
	const meetings = new Set(client.meetings.map((entry) => entry.value.date));
	const list = (values: Iterable<string | number>) => [...values].join(', ') || 'none yet';
	for (const { value, source } of client.feedback) {
		const first = numbers.get(value.number);
		if (first) report(source, ['number'], `expected a number not used by another feedback item, found ${value.number} (also in ${first})`);
		else numbers.set(value.number, source.file);

		if (!isOpenFeedback(value.status) && !withoutComments(source.body))
			report(
				source,
				['status'],
				`expected our response below the front matter for feedback that is ${value.status}, found none (the body is empty or only comments); write the answer, or set status: in-progress`,
			);

		if (client.client) {
			const member = team.find((person) => person.name === value.from);
			if (member && member.side !== 'client')
				report(source, ['from'], `expected someone on the client side, found "${value.from}" (on the ${member.side} side in client.yaml)`);
			else if (member && value.outsider)
				report(
					source,
					['outsider'],
					`expected no outsider for ${value.from} (a team member in client.yaml), found "${value.outsider}"; remove it`,
					'warning',
				);
			else if (!member && !value.outsider)
				report(
					source,
					['from'],
					`expected a client-side team member of client.yaml (${list(clientSide)}), or "outsider: <who they are>" for someone else, found "${value.from}"`,
				);
		}

		value.decisions.forEach((number, index) => {
			if (!decisions.has(number))
				report(source, ['decisions', index], `expected a decision number of ${client.slug} (${list(decisions)}), found ${number}`);
		});
		value.changes.forEach((number, index) => {
			if (!changes.has(number))
				report(source, ['changes', index], `expected a change request number of ${client.slug} (${list(changes)}), found ${number}`);
		});
		value.risks.forEach((id, index) => {
			if (!risks.has(id))
				report(source, ['risks', index], `expected the id of a risk in ${client.dir}/risks (${list(risks)}), found "${id}"`);
		});
		value.meetings.forEach((date, index) => {
			if (!meetings.has(date))
				report(
					source,
					['meetings', index],
					`expected the date of a meeting in ${client.dir}/meetings (${list([...meetings].sort())}), found ${date}`,
				);
		});

		for (const field of DATES) {
			const date = value[field];
			if (date !== undefined && date > today)
				report(source, [field], `expected a date on or before today (${today}), found ${date}; correct the date`, 'warning');
		}

		const targets = client.client?.value.feedbackTargets;
		const missed = targets && missedTarget(value, targets, today);
		if (targets && missed) {
			const waited = workingDaysBetween(value.receivedOn, today);
			const [within, step] =
				missed === 'answer'
					? [targets.answerWithin, 'answer it and set answeredOn and status: answered']
					: [targets.acknowledgeWithin, 'acknowledge it and set acknowledgedOn and status: acknowledged'];
			report(
				source,
				['status'],
				`expected feedback received ${value.receivedOn} to be ${missed === 'answer' ? 'answered' : 'acknowledged'} within ${within} working days (feedbackTargets.${missed}Within in client.yaml), found it ${value.status} after ${waited} working days; ${step}`,
				'warning',
			);
		}
	}
	return problems;
}
