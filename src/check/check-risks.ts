import { isReviewOverdue } from '@/kinds/risk/risk-review';
import type { LoadedClient } from '@/loader/load-content';
import { reporterFor, type Problem } from './problem';

/**
 * Rules of the risk register: ids are unique, updates' `risks` ids exist, and an open risk is
 * reviewed at least every `riskReviewDays` (a warning: the register is going stale, not wrong).
 */
export function checkRisks(client: LoadedClient, today: string): Problem[] {
	const problems: Problem[] = [];
	const report = reporterFor(problems);
	const ids = new Map<string, string>();
	for (const risk of client.risks) {
		const first = ids.get(risk.value.id);
		if (first) report(risk.source, ['id'], `expected an id not used by another risk, found "${risk.value.id}" (also in ${first})`);
		else ids.set(risk.value.id, risk.source.file);
	}
	const known = [...ids.keys()].join(', ') || 'none yet';
	for (const update of client.updates) {
		update.value.risks.forEach((item, index) => {
			if (typeof item === 'string' && !ids.has(item)) {
				report(update.source, ['risks', index], `expected the id of a risk in ${client.dir}/risks (${known}), found "${item}"`);
			}
		});
	}
	const period = client.client?.value.riskReviewDays;
	if (period === undefined) return problems;
	// The register page marks the same risks "review overdue" (same rule, same day during a build).
	for (const risk of client.risks) {
		if (!isReviewOverdue(risk.value, period, today)) continue;
		const last = risk.value.reviewed ?? risk.value.raised;
		report(
			risk.source,
			[risk.value.reviewed ? 'reviewed' : 'raised'],
			`expected an open risk to be reviewed every ${period} days (riskReviewDays in client.yaml), found it last reviewed ${last}; review it and set "reviewed"`,
			'warning',
		);
	}
	return problems;
}
