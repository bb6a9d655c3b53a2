import type { Risk, RiskStatus } from '@/kinds/risk/schema';
import { riskScore } from './risk-severity';
import { isLiveRisk } from './risk-matrix';

/** Risk statuses in the order they need attention: what happened, what is open, what is being handled, what is over. */
export const RISK_STATUSES_BY_URGENCY: readonly RiskStatus[] = ['occurred', 'open', 'mitigating', 'closed'];

/** Register order: live risks before closed ones, then most severe first, then impact, then oldest. */
export function compareRisks(a: Risk, b: Risk): number {
	const live = (risk: Risk) => (isLiveRisk(risk) ? 0 : 1);
	return (
		live(a) - live(b) ||
		riskScore(b.likelihood, b.impact) - riskScore(a.likelihood, a.impact) ||
		riskScore('high', b.impact) - riskScore('high', a.impact) ||
		RISK_STATUSES_BY_URGENCY.indexOf(a.status) - RISK_STATUSES_BY_URGENCY.indexOf(b.status) ||
		a.raised.localeCompare(b.raised) ||
		a.id.localeCompare(b.id)
	);
}
