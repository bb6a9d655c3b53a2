import type { Level } from '@/kinds/level';

const SCORE: Record<Level, number> = { low: 1, medium: 2, high: 3 };

/**
 * Severity of a risk from its likelihood and impact on the usual 3 × 3 matrix: a score of
 * 6 or 9 is high, 3 or 4 medium, 1 or 2 low, so one "high" paired with "low" stays medium.
 */
export function riskSeverity(likelihood: Level, impact: Level): Level {
	const score = riskScore(likelihood, impact);
	if (score >= 6) return 'high';
	if (score >= 3) return 'medium';
	return 'low';
}

/** Likelihood × impact, 1 to 9; sorts risks within a severity. */
export function riskScore(likelihood: Level, impact: Level): number {
	return SCORE[likelihood] * SCORE[impact];
}
