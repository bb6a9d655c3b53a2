import { z } from 'zod';
import { IsoDateSchema, NoSlugSchema, SlugSchema, TextSchema } from '@/kinds/common';

/** The score scales a question can be answered on; a question without one is answered in words. */
export const SURVEY_SCALES = ['1-5', '0-10'] as const;
export type SurveyScale = (typeof SURVEY_SCALES)[number];

/** The lowest and highest score of a scale. */
export function scaleRange(scale: SurveyScale): { min: number; max: number } {
	return scale === '1-5' ? { min: 1, max: 5 } : { min: 0, max: 10 };
}

/** A question as the checker and the pages know it, before its words are chosen (see `surveyQuestions`). */
export interface QuestionShape {
	id: string;
	scale?: SurveyScale;
}

/**
 * The questions of a survey that lists none: overall satisfaction, communication and quality
 * (1–5), likelihood to recommend (0–10), and two open questions. Their words are in the i18n
 * catalogues (`surveyQuestion.<id>`), so they are asked in the client's language.
 */
export const DEFAULT_QUESTIONS = [
	{ id: 'overall', scale: '1-5' },
	{ id: 'communication', scale: '1-5' },
	{ id: 'quality', scale: '1-5' },
	{ id: 'recommend', scale: '0-10' },
	{ id: 'went-well' },
	{ id: 'improve' },
] as const satisfies readonly QuestionShape[];

export type DefaultQuestionId = (typeof DEFAULT_QUESTIONS)[number]['id'];

/** One question of a survey that sets its own. */
export const QuestionSchema = z
	.object({
		/** Short id the answers are filed under, e.g. "handover"; unique in the survey. */
		id: SlugSchema,
		/** The question as the client reads it, in the client's language. */
		text: TextSchema,
		/** "1-5" or "0-10" for a score; leave out for an open question answered in words. */
		scale: z.enum(SURVEY_SCALES).optional(),
	})
	.strict();

/** One person's answers (one per person), as recorded by `glasshouse record survey`. */
export const ResponseSchema = z
	.object({
		/** Who answered: a client-side team member's name exactly as in client.yaml's team, or a named outsider (then set `outsider`). */
		respondent: TextSchema,
		/** For someone outside client.yaml's team: who they are to the project, e.g. "Chair of the visitor panel". */
		outsider: TextSchema.optional(),
		/** The day they answered; between the survey's opens and closes. */
		date: IsoDateSchema,
		/** Scores by question id, e.g. `overall: 4`; whole numbers within each question's scale. */
		scores: z.record(SlugSchema, z.number()).default({}),
		/** Answers to the open questions by question id, in the respondent's words. */
		comments: z.record(SlugSchema, TextSchema).default({}),
	})
	.strict();

/** Something we changed because of what the survey told us. */
export const SurveyActionSchema = z
	.object({
		/** What we changed, in a sentence the client recognises. */
		what: TextSchema,
		/** Numbers of the feedback items it answers (files in feedback/). */
		feedback: z.array(z.number().int().positive()).default([]),
		/** Numbers of the decisions it led to. */
		decisions: z.array(z.number().int().positive()).default([]),
	})
	.strict();

/** `content/<client>/surveys/<opens>-<slug>.yaml`: one satisfaction survey, its responses and what we changed. */
export const SurveyObjectSchema = z
	.object({
		/** What the survey is about, e.g. "After the discovery phase"; the page's title. */
		title: TextSchema,
		/** Id of the milestone it follows (a file in milestones/); give exactly one of milestone, phase or closeout. */
		milestone: SlugSchema.optional(),
		/** The phase whose end it marks, as written in the milestones' `phase`. */
		phase: TextSchema.optional(),
		/** `true` for the survey at the project's close, shown with the close-out summary; one per client. */
		closeout: z.literal(true).optional(),
		/** First day answers are taken; the file name starts with it. */
		opens: IsoDateSchema,
		/** Last day answers are taken; the form is offered from opens to closes. */
		closes: IsoDateSchema,
		/** A sentence above the form, e.g. why we ask and how long it takes. */
		intro: TextSchema.optional(),
		/** The questions; leave out for the default six (overall, communication, quality, recommend, went-well, improve) in the client's language. */
		questions: z.array(QuestionSchema).min(1, 'expected at least one question (or leave questions out for the default ones)').optional(),
		/** One entry per person who answered. */
		responses: z.array(ResponseSchema).default([]),
		/** What we changed in response, linked to the feedback items and decisions it came with. */
		changed: z.array(SurveyActionSchema).default([]),
		slug: NoSlugSchema,
	})
	.strict();

type SurveyFields = Partial<z.infer<typeof SurveyObjectSchema>>;
type ResponseFields = z.infer<typeof ResponseSchema>;

/** The survey's questions without their words: its own, or the default ones. */
export function questionShapes(survey: Pick<SurveyFields, 'questions'>): readonly QuestionShape[] {
	return survey.questions ?? DEFAULT_QUESTIONS;
}

/** A name as compared for duplicates: case, spacing and Unicode form do not make another person. */
export function personKey(name: string): string {
	return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * What is wrong with one response against the survey's questions: each problem with the path
 * (inside the response) and message the checker shows. Shared by the checker and
 * `glasshouse record survey`, so a reply is refused for exactly what `check` would refuse.
 */
export function responseProblems(
	response: Pick<ResponseFields, 'scores' | 'comments'>,
	questions: readonly QuestionShape[],
): Array<{ path: Array<string | number>; message: string }> {
	const problems: Array<{ path: Array<string | number>; message: string }> = [];
	// The first question of an id counts: a repeated id is reported on its own.
	const byId = new Map<string, QuestionShape>();
	for (const question of questions) if (!byId.has(question.id)) byId.set(question.id, question);
	const scored = questions.filter((question) => question.scale).map((question) => question.id);
	const open = questions.filter((question) => !question.scale).map((question) => question.id);
	const list = (ids: string[]) => ids.join(', ') || 'none';
	for (const [id, score] of Object.entries(response.scores)) {
		const question = byId.get(id);
		if (!question)
			problems.push({ path: ['scores', id], message: `expected the id of a scored question (${list(scored)}), found "${id}"` });
		else if (!question.scale)
			problems.push({
				path: ['scores', id],
				message: `expected a score only for a scored question, found one for "${id}" (an open question: put its answer under comments)`,
			});
		else {
			const { min, max } = scaleRange(question.scale);
			if (!Number.isInteger(score) || score < min || score > max)
				problems.push({ path: ['scores', id], message: `expected a whole number from ${min} to ${max} for "${id}", found ${score}` });
		}
	}
	for (const id of Object.keys(response.comments)) {
		const question = byId.get(id);
		if (!question) problems.push({ path: ['comments', id], message: `expected the id of an open question (${list(open)}), found "${id}"` });
		else if (question.scale)
			problems.push({
				path: ['comments', id],
				message: `expected words only for an open question, found some for "${id}" (scored ${question.scale}: put a number under scores)`,
			});
	}
	if (Object.keys(response.scores).length === 0 && Object.keys(response.comments).length === 0)
		problems.push({ path: [], message: 'expected at least one score or comment, found an empty response' });
	return problems;
}

/** Rules across fields; written for partial data so the checker can apply them to a file with other errors. */
export function surveyRules(survey: SurveyFields, ctx: z.RefinementCtx): void {
	const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
	const attachments = (['milestone', 'phase', 'closeout'] as const).filter((field) => survey[field] !== undefined);
	if (attachments.length !== 1)
		issue(
			attachments.length ? [attachments[1]!] : [],
			attachments.length
				? `expected exactly one of milestone, phase or closeout, found ${attachments.join(' and ')}; keep the one the survey follows`
				: 'expected what the survey follows: "milestone: <id>", "phase: <name>" or "closeout: true", found none of them',
		);
	const { opens, closes } = survey;
	if (opens && closes && closes < opens) issue(['closes'], `expected a date on or after opens (${opens}), found ${closes}`);
	const ids = new Set<string>();
	survey.questions?.forEach((question, index) => {
		if (ids.has(question.id))
			issue(['questions', index, 'id'], `expected an id not used by another question, found "${question.id}" twice`);
		ids.add(question.id);
	});
	const questions = questionShapes(survey);
	const seen = new Map<string, number>();
	survey.responses?.forEach((response, index) => {
		const key = personKey(response.respondent);
		const first = seen.get(key);
		if (first !== undefined)
			issue(
				['responses', index, 'respondent'],
				`expected one response per person, found a second one from ${response.respondent} (the first is response ${first + 1}); keep one`,
			);
		else seen.set(key, index);
		if (opens && response.date < opens)
			issue(['responses', index, 'date'], `expected a date on or after opens (${opens}), found ${response.date}`);
		if (closes && response.date > closes)
			issue(
				['responses', index, 'date'],
				`expected a date on or before closes (${closes}), found ${response.date}; extend closes to take a late answer`,
			);
		for (const problem of responseProblems(response, questions)) issue(['responses', index, ...problem.path], problem.message);
	});
}

export const SurveySchema = SurveyObjectSchema.superRefine(surveyRules);

export type SurveyInput = z.input<typeof SurveySchema>;
export type Survey = z.infer<typeof SurveySchema>;
export type SurveyResponse = z.infer<typeof ResponseSchema>;
export type SurveyAction = z.infer<typeof SurveyActionSchema>;
