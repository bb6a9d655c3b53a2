import type { MessageKey, Translate } from '@/i18n/translate';
import { DEFAULT_QUESTIONS, type DefaultQuestionId, type SurveyScale, type Survey } from './schema';

/** A question with its words, as the form and the results ask it. */
export interface SurveyQuestion {
	id: string;
	text: string;
	scale?: SurveyScale;
}

/** The survey's own questions, or the default ones in the client's language. */
export function surveyQuestions(survey: Pick<Survey, 'questions'>, t: Translate): SurveyQuestion[] {
	if (survey.questions) return survey.questions;
	return DEFAULT_QUESTIONS.map((question) => ({ ...question, text: t(defaultQuestionKey(question.id)) }));
}

function defaultQuestionKey(id: DefaultQuestionId): MessageKey {
	return `surveyQuestion.${id}`;
}
