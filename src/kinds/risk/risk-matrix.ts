import { LEVELS, type Level } from '@/kinds/level';
import type { Risk } from '@/kinds/risk/schema';
import { riskSeverity } from './risk-severity';

/** One cell of the likelihood × impact matrix. */
interface RiskMatrixCell {
	likelihood: Level;
	impact: Level;
	severity: Level;
	/** The live risks in this cell, in the order given. */
	risks: Risk[];
}

/** Live risks are the ones still to be watched or handled: everything but closed. */
export function isLiveRisk(risk: Pick<Risk, 'status'>): boolean {
	return risk.status !== 'closed';
}

/**
 * The 3 × 3 matrix of live risks as it is drawn: rows from high likelihood (top) to low, cells
 * from low impact (left) to high, so the most severe corner is top right.
 */
export function riskMatrix(risks: readonly Risk[]): RiskMatrixCell[][] {
	const live = risks.filter(isLiveRisk);
	return [...LEVELS].reverse().map((likelihood) =>
		LEVELS.map((impact) => ({
			likelihood,
			impact,
			severity: riskSeverity(likelihood, impact),
			risks: live.filter((risk) => risk.likelihood === likelihood && risk.impact === impact),
		})),
	);
}
