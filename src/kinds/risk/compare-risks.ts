import type { Risk, RiskStatus } from '@/kinds/risk/schema';
import { riskScore } from './risk-severity';

const STATUS_ORDER: Record<RiskStatus, number> = { occurred: 0, open: 1, mitigating: 2, closed: 3 };

/** Register order: live risks before closed ones, then most severe first, then impact, then oldest. */
export function compareRisks(a: Risk, b: Risk): number {
	const live = (risk: Risk) => (risk.status === 'closed' ? 1 : 0);
	return (
		live(a) - live(b) ||
		riskScore(b.likelihood, b.impact) - riskScore(a.likelihood, a.impact) ||
		riskScore('high', b.impact) - riskScore('high', a.impact) ||
		STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
		a.raised.localeCompare(b.raised) ||
		a.id.localeCompare(b.id)
	);
}
