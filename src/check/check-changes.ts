import { describeValue } from './describe-issue';
import type { LoadedClient } from '@/loader/load-content';
import { reporterFor, type Problem } from './problem';
import { scopeMovement } from '@/kinds/change/scope-movement';

/**
 * Rules of the change log: numbers are unique, every change has a description, its decision and
 * milestones exist, and approved changes move scope consistently (nothing removed that was not
 * in scope at the time, nothing added twice).
 */
export function checkChanges(client: LoadedClient): Problem[] {
	const problems: Problem[] = [];
	const report = reporterFor(problems);
	const numbers = new Map<number, string>();
	const decisions = new Set(client.decisions.map((entry) => entry.value.number));
	const milestones = new Set(client.milestones.map((entry) => entry.value.id));
	for (const change of client.changes) {
		const { value, source } = change;
		const first = numbers.get(value.number);
		if (first) report(source, ['number'], `expected a number not used by another change request, found ${value.number} (also in ${first})`);
		else numbers.set(value.number, source.file);
		if (!source.body.trim()) report(source, [], 'expected a description of the change below the frontmatter, found an empty body');
		if (value.decision !== undefined && !decisions.has(value.decision)) {
			report(
				source,
				['decision'],
				`expected a decision number of ${client.slug} (${[...decisions].join(', ') || 'none yet'}), found ${value.decision}`,
			);
		}
		value.milestones.forEach((id, index) => {
			if (!milestones.has(id))
				report(
					source,
					['milestones', index],
					`expected a milestone id of ${client.slug} (${[...milestones].join(', ') || 'none yet'}), found "${id}"`,
				);
		});
	}
	const scope = client.client?.value.scope;
	if (!scope) return problems;
	const movement = scopeMovement(
		scope,
		client.changes.map((entry) => entry.value),
	);
	for (const conflict of movement.conflicts) {
		const change = client.changes.find((entry) => entry.value.number === conflict.change)!;
		const held = conflict.inScope.map((item) => describeValue(item)).join(', ') || 'nothing';
		report(
			change.source,
			['impact', 'scope', conflict.kind, conflict.index],
			conflict.kind === 'removes'
				? `expected an item in scope when this change was approved (${held}), found "${conflict.item}"; copy it exactly from scope.in in client.yaml or from an earlier change's "adds"`
				: `expected an item not yet in scope, found "${conflict.item}" (already in scope when this change was approved)`,
		);
	}
	return problems;
}
