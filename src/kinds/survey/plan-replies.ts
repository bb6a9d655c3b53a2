import type { Contact } from '@/kinds/client/schema';
import { isRealIsoDate } from '@/kinds/common';
import type { ReadReply } from './reply-block';
import { personKey, questionShapes, responseProblems, type Survey } from './schema';
import { respondentProblem } from './respondent';

/** A survey file of the client, as `glasshouse record survey` finds it. */
export interface SurveyFile {
	/** File name without extension: what a reply's `survey:` names. */
	stem: string;
	survey: Survey;
}

/** A response to add, as it is written into the survey file. */
export interface NewResponse {
	respondent: string;
	outsider?: string;
	date: string;
	scores?: Record<string, number>;
	comments?: Record<string, string>;
}

/** A reply that is not recorded, and why. */
export interface RefusedReply {
	/** Line of the pasted text its block starts on. */
	line: number;
	respondent?: string;
	message: string;
}

/**
 * Which replies go into which survey file, and which are refused: a reply for another client or
 * an unknown survey, from someone who is neither on the client side of the team nor a named
 * outsider, from someone who already answered (in the file or earlier in the pasted text), dated
 * outside the survey's days, or with scores and comments the survey's questions do not allow.
 */
export function planReplies(
	replies: readonly ReadReply[],
	surveys: readonly SurveyFile[],
	client: string,
	team: readonly Contact[],
): { additions: Map<string, NewResponse[]>; refused: RefusedReply[] } {
	const additions = new Map<string, NewResponse[]>();
	const refused: RefusedReply[] = [];
	const known = surveys.map((file) => file.stem).join(', ') || 'none yet (create one with "glasshouse new survey")';
	for (const { line, reply } of replies) {
		const refuse = (message: string) => refused.push({ line, respondent: reply.respondent, message });
		if (reply.client !== client) {
			refuse(
				`expected a reply to a survey of ${client}, found one for "${reply.client}"; record it with glasshouse record survey ${reply.client}`,
			);
			continue;
		}
		const file = surveys.find((candidate) => candidate.stem === reply.survey);
		if (!file) {
			refuse(`expected one of ${client}'s surveys (${known}), found "${reply.survey}"`);
			continue;
		}
		const { survey } = file;
		const problems: string[] = [];
		if (!isRealIsoDate(reply.date)) problems.push(`expected a real date as YYYY-MM-DD, found "${reply.date}"`);
		else if (reply.date < survey.opens || reply.date > survey.closes)
			problems.push(
				`expected a date from ${survey.opens} to ${survey.closes} (the survey's days), found ${reply.date}; extend closes in the survey file to take a late answer`,
			);
		const member = team.find((person) => person.name === reply.respondent);
		const who = { respondent: reply.respondent, outsider: member ? undefined : reply.outsider };
		const person = respondentProblem(who, team);
		if (person?.severity === 'error') problems.push(person.message);
		const key = personKey(reply.respondent);
		const earlier = survey.responses.find((response) => personKey(response.respondent) === key);
		if (earlier)
			problems.push(
				`expected one response per person, found ${reply.respondent} already answered on ${earlier.date}; edit the survey file to change an answer`,
			);
		else if ((additions.get(file.stem) ?? []).some((response) => personKey(response.respondent) === key))
			problems.push(`expected one response per person, found a second reply from ${reply.respondent} in the pasted text; keep one`);
		for (const problem of responseProblems(reply, questionShapes(survey))) problems.push(problem.message);
		if (problems.length) {
			refuse(problems.join('; '));
			continue;
		}
		const response: NewResponse = { respondent: reply.respondent, ...(who.outsider ? { outsider: who.outsider } : {}), date: reply.date };
		if (Object.keys(reply.scores).length) response.scores = reply.scores;
		if (Object.keys(reply.comments).length) response.comments = reply.comments;
		additions.set(file.stem, [...(additions.get(file.stem) ?? []), response]);
	}
	return { additions, refused };
}
