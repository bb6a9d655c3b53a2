import { scaleRange, type SurveyScale, type SurveyResponse } from './schema';

/** What a scored question's answers add up to. */
export interface ScoreSummary {
	/** How many gave a score. */
	count: number;
	/** Their mean, to one decimal place; undefined when nobody scored it. */
	average?: number;
	/** How many gave each score, lowest score first. */
	distribution: Array<{ score: number; count: number }>;
	/**
	 * Net promoter score of a 0–10 question: percent of 9s and 10s minus percent of 0s to 6s
	 * (undefined on other scales or without scores).
	 */
	netPromoter?: number;
}

/** Average, distribution (and, for 0–10, net promoter score) of one question's scores. */
export function summariseScores(responses: readonly Pick<SurveyResponse, 'scores'>[], id: string, scale: SurveyScale): ScoreSummary {
	const { min, max } = scaleRange(scale);
	const scores = responses.map((response) => response.scores[id]).filter((score): score is number => score !== undefined);
	const distribution = Array.from({ length: max - min + 1 }, (_, offset) => ({
		score: min + offset,
		count: scores.filter((score) => score === min + offset).length,
	}));
	if (scores.length === 0) return { count: 0, distribution };
	const average = Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10) / 10;
	const summary: ScoreSummary = { count: scores.length, average, distribution };
	if (scale === '0-10') {
		const promoters = scores.filter((score) => score >= 9).length;
		const detractors = scores.filter((score) => score <= 6).length;
		summary.netPromoter = Math.round(((promoters - detractors) / scores.length) * 100);
	}
	return summary;
}
