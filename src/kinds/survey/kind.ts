import { defineKind, YAML } from '@/kinds/kind';
import { datedWords } from '@/kinds/file-name';
import { SurveyObjectSchema, SurveySchema, surveyRules } from './schema';

/** `surveys/2026-03-02-after-discovery.yaml`: one satisfaction survey, its responses and what we changed. */
export const surveyKind = defineKind({
	name: 'survey',
	where: { folder: 'surveys' },
	format: YAML,
	schema: SurveySchema,
	salvage: { object: SurveyObjectSchema, rules: surveyRules },
	fileName: datedWords('opens', (survey: { opens: string }) => `${survey.opens}-after-discovery.yaml`),
	// Newest first; two opening the same day by file name, last first.
	order: (a, b) => b.data.opens.localeCompare(a.data.opens) || b.id.localeCompare(a.id),
	search: { label: 'type.survey' },
});
