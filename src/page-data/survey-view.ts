import type { ClientData, SurveyEntry } from './client-data';
import type { Translate } from '@/i18n/translate';
import { href } from '@/lib/href';
import type { Survey } from '@/kinds/survey/schema';
import { surveyQuestions, type SurveyQuestion } from '@/kinds/survey/survey-questions';
import { surveySegments } from '@/kinds/survey/survey-paths';
import { surveyState, type SurveyState } from '@/kinds/survey/survey-state';

/** A survey as its pages show it. */
export interface SurveyView {
	entry: SurveyEntry;
	survey: Survey;
	/** URL segment of its pages (see `surveySegments`). */
	segment: string;
	/** Where it stands on the build's day. */
	state: SurveyState;
	/** Its questions in the client's language. */
	questions: SurveyQuestion[];
	/** What it follows, in words: a milestone, a phase's end or the close-out. */
	follows: string;
	/** Its results page. */
	resultsHref: string;
	/** Its form. */
	answerHref: string;
}

/** Every survey of the client, in the client's order (newest first), as its pages show it. */
export function surveyViews(data: ClientData, t: Translate, today: string, base: string): SurveyView[] {
	const segments = surveySegments(data.surveys.map((entry) => entry.data));
	return data.surveys.map((entry, index) => {
		const survey = entry.data;
		const segment = segments[index]!;
		return {
			entry,
			survey,
			segment,
			state: surveyState(survey, today),
			questions: surveyQuestions(survey, t),
			follows: followsText(survey, data, t),
			resultsHref: href(base, data.slug, 'surveys', segment),
			answerHref: href(base, data.slug, 'surveys', segment, 'answer'),
		};
	});
}

function followsText(survey: Survey, data: ClientData, t: Translate): string {
	if (survey.closeout) return t('surveys.followsCloseout');
	if (survey.phase) return t('surveys.followsPhase', { phase: survey.phase });
	const milestone = data.milestones.find((entry) => entry.data.id === survey.milestone);
	return t('surveys.followsMilestone', { title: milestone?.data.title ?? survey.milestone ?? '' });
}

/** The survey the close-out shows: the one marked `closeout: true`, else none. */
export function finalSurvey(views: readonly SurveyView[]): SurveyView | undefined {
	return views.find((view) => view.survey.closeout);
}
