import type { LoadedClient } from '@/loader/load-content';
import { respondentProblem } from '@/kinds/survey/respondent';
import { reporterFor, type Problem } from './problem';

/**
 * Rules of satisfaction surveys across files: what a survey follows exists (a milestone, a
 * phase of the milestones), there is at most one close-out survey, whoever answered is a
 * client-side team member or a named outsider, what we changed links to feedback items and
 * decisions that exist, and no answer is dated in the future. Scores, question ids, duplicate
 * respondents and dates within a file are the schema's rules (see `surveyRules`).
 */
export function checkSurveys(client: LoadedClient, today: string): Problem[] {
	const problems: Problem[] = [];
	const report = reporterFor(problems);
	const team = client.client?.value.team ?? [];
	const milestones = new Set(client.milestones.map((entry) => entry.value.id));
	const phases = new Set(client.milestones.flatMap((entry) => (entry.value.phase ? [entry.value.phase] : [])).sort());
	const feedback = new Set(client.feedback.map((entry) => entry.value.number));
	const decisions = new Set(client.decisions.map((entry) => entry.value.number));
	const list = (values: Iterable<string | number>) => [...values].join(', ') || 'none yet';
	let closeoutSurvey: string | undefined;
	for (const { value, source } of client.surveys) {
		if (value.milestone && !milestones.has(value.milestone))
			report(
				source,
				['milestone'],
				`expected the id of a milestone in ${client.dir}/milestones (${list(milestones)}), found "${value.milestone}"`,
			);
		if (value.phase && !phases.has(value.phase))
			report(
				source,
				['phase'],
				`expected a phase named in the milestones (${list([...phases].map((phase) => `"${phase}"`))}), found "${value.phase}"`,
			);
		if (value.closeout) {
			if (closeoutSurvey)
				report(
					source,
					['closeout'],
					`expected one close-out survey, found a second one (the first is ${closeoutSurvey}); attach this one to a milestone or phase`,
				);
			else closeoutSurvey = source.file;
		}
		value.responses.forEach((response, index) => {
			if (client.client) {
				const problem = respondentProblem(response, team);
				if (problem) report(source, ['responses', index, problem.field], problem.message, problem.severity);
			}
			if (response.date > today)
				report(
					source,
					['responses', index, 'date'],
					`expected a date on or before today (${today}), found ${response.date}; correct the date`,
					'warning',
				);
		});
		value.changed.forEach((action, index) => {
			action.feedback.forEach((number, position) => {
				if (!feedback.has(number))
					report(
						source,
						['changed', index, 'feedback', position],
						`expected a feedback number of ${client.slug} (${list(feedback)}), found ${number}`,
					);
			});
			action.decisions.forEach((number, position) => {
				if (!decisions.has(number))
					report(
						source,
						['changed', index, 'decisions', position],
						`expected a decision number of ${client.slug} (${list(decisions)}), found ${number}`,
					);
			});
		});
	}
	return problems;
}
