import type { Level } from '@/kinds/level';
import type { Risk, RiskStatus } from '@/kinds/risk/schema';
import type { UpdateRiskItem } from '@/kinds/update/schema';
import { riskSeverity } from '@/kinds/risk/risk-severity';

/** A risk as an update shows it, whether written in place or taken from the register. */
interface RiskView {
	/** Register id, when the risk comes from `risks/<id>.yaml`. */
	id?: string;
	title: string;
	/** Level written in place, or the register entry's derived severity. */
	level: Level;
	mitigation: string;
	owner?: string;
	status?: RiskStatus;
}

/** Replaces register ids by their entries; ids not in the register (caught by `check`) are dropped. */
export function resolveUpdateRisks(items: UpdateRiskItem[], register: ReadonlyMap<string, Risk>): RiskView[] {
	return items.flatMap((item): RiskView[] => {
		if (typeof item !== 'string') return [item];
		const risk = register.get(item);
		if (!risk) return [];
		return [
			{
				id: risk.id,
				title: risk.title,
				level: riskSeverity(risk.likelihood, risk.impact),
				mitigation: risk.mitigation,
				owner: risk.owner,
				status: risk.status,
			},
		];
	});
}
