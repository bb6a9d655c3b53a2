import type { Survey } from './schema';

/** Where a survey stands on a day: not open yet, taking answers, or closed. */
export type SurveyState = 'upcoming' | 'open' | 'closed';

export function surveyState(survey: Pick<Survey, 'opens' | 'closes'>, today: string): SurveyState {
	if (today < survey.opens) return 'upcoming';
	return today > survey.closes ? 'closed' : 'open';
}
