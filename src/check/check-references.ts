import { nextUpdateDate } from '@/kinds/update/next-update-date';
import type { LoadedClient, Parsed } from '@/loader/load-content';
import type { Problem } from './problem';
import type { FieldPath, SourceFile } from '@/loader/source-file';

type Report = (source: SourceFile, field: FieldPath, message: string, severity?: Problem['severity']) => void;

/**
 * Rules that span files of one client: references resolve within the client, ids are unique,
 * supersession points back in time without cycles, milestone dependencies form no loop.
 * `today` (YYYY-MM-DD) drives the warning for a client whose latest update is overdue.
 */
export function checkReferences(client: LoadedClient, today: string): Problem[] {
	const problems: Problem[] = [];
	const report: Report = (source, field, message, severity = 'error') =>
		problems.push({ severity, file: source.file, line: source.lineOf(field), field: field.join('.'), message });

	const decisions = uniqueBy(
		client.decisions,
		(entry) => entry.value.number,
		(entry, first) =>
			report(
				entry.source,
				['number'],
				`expected a number not used by another decision, found ${entry.value.number} (also in ${first.source.file})`,
			),
	);
	const milestones = uniqueBy(
		client.milestones,
		(entry) => entry.value.id,
		(entry, first) =>
			report(
				entry.source,
				['id'],
				`expected an id not used by another milestone, found "${entry.value.id}" (also in ${first.source.file})`,
			),
	);
	const known = (ids: Iterable<string | number>) => [...ids].join(', ') || 'none yet';

	for (const update of client.updates) {
		update.value.decisions.forEach((number, index) => {
			const decision = decisions.get(number);
			if (!decision)
				report(
					update.source,
					['decisions', index],
					`expected a decision number of ${client.slug} (${known(decisions.keys())}), found ${number}`,
				);
			else if (decision.value.date > update.value.date)
				report(
					update.source,
					['decisions', index],
					`expected a decision dated on or before this update (${update.value.date}), found decision ${number} dated ${decision.value.date}`,
					'warning',
				);
		});
		update.value.milestones.forEach((id, index) => {
			if (!milestones.has(id))
				report(
					update.source,
					['milestones', index],
					`expected a milestone id of ${client.slug} (${known(milestones.keys())}), found "${id}"`,
				);
		});
	}

	const supersededBy = new Map<number, Parsed<(typeof client.decisions)[number]['value']>>();
	for (const decision of client.decisions) {
		const target = decision.value.supersedes;
		if (target === undefined) continue;
		const older = decisions.get(target);
		if (!older) {
			report(
				decision.source,
				['supersedes'],
				`expected the number of an existing decision of ${client.slug} (${known(decisions.keys())}), found ${target}`,
			);
			continue;
		}
		if (target >= decision.value.number || older.value.date > decision.value.date) {
			report(
				decision.source,
				['supersedes'],
				`expected an older decision (lower number, earlier or same date), found decision ${target} dated ${older.value.date}`,
			);
		}
		const previous = supersededBy.get(target);
		if (previous)
			report(
				decision.source,
				['supersedes'],
				`expected decision ${target} to be superseded once, found it also superseded by decision ${previous.value.number}`,
			);
		else supersededBy.set(target, decision);
	}
	for (const cycle of findCycles(
		new Map([...decisions].map(([number, entry]) => [number, entry.value.supersedes === undefined ? [] : [entry.value.supersedes]])),
	)) {
		const entry = decisions.get(cycle[0]!)!;
		report(entry.source, ['supersedes'], `expected no cycle of supersession, found ${cycle.join(' → ')}`);
	}
	for (const decision of client.decisions) {
		const successor = supersededBy.get(decision.value.number);
		if (decision.value.status === 'superseded' && !successor) {
			report(
				decision.source,
				['status'],
				`expected a later decision with "supersedes: ${decision.value.number}" for a superseded decision, found none`,
			);
		}
		if (successor?.value.status === 'accepted' && decision.value.status !== 'superseded') {
			report(
				decision.source,
				['status'],
				`expected "superseded" because accepted decision ${successor.value.number} supersedes it, found "${decision.value.status}"`,
				'warning',
			);
		}
	}

	for (const milestone of client.milestones) {
		milestone.value.dependsOn.forEach((id, index) => {
			if (id === milestone.value.id)
				report(milestone.source, ['dependsOn', index], `expected another milestone's id, found the milestone itself ("${id}")`);
			else if (!milestones.has(id))
				report(
					milestone.source,
					['dependsOn', index],
					`expected a milestone id of ${client.slug} (${known(milestones.keys())}), found "${id}"`,
				);
		});
	}
	for (const cycle of findCycles(new Map([...milestones].map(([id, entry]) => [id, entry.value.dependsOn.filter((dep) => dep !== id)])))) {
		report(milestones.get(cycle[0]!)!.source, ['dependsOn'], `expected no cycle of dependencies, found ${cycle.join(' → ')}`);
	}

	const cadence = client.client?.value.communication.cadence;
	const latest = client.updates
		.map((update) => update.value.date)
		.sort()
		.at(-1);
	// A closed project publishes no more updates.
	if (cadence && latest && client.client && client.client.value.status !== 'closed') {
		const due = nextUpdateDate(latest, cadence);
		if (due < today) {
			report(
				client.client.source,
				['communication', 'cadence'],
				`expected an update since ${due} (cadence: every ${cadence.every} on ${cadence.day}), found the latest dated ${latest}`,
				'warning',
			);
		}
	}
	return problems;
}

function uniqueBy<T, K>(entries: T[], key: (entry: T) => K, onDuplicate: (entry: T, first: T) => void): Map<K, T> {
	const seen = new Map<K, T>();
	for (const entry of entries) {
		const first = seen.get(key(entry));
		if (first) onDuplicate(entry, first);
		else seen.set(key(entry), entry);
	}
	return seen;
}

/** Each cycle of a directed graph once, as the list of nodes starting and ending at the same node. */
export function findCycles<K>(edges: Map<K, K[]>): K[][] {
	const cycles: K[][] = [];
	const state = new Map<K, 'visiting' | 'done'>();
	const stack: K[] = [];
	const visit = (node: K) => {
		state.set(node, 'visiting');
		stack.push(node);
		for (const next of edges.get(node) ?? []) {
			if (!edges.has(next)) continue;
			if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(node, 'done');
	};
	for (const node of edges.keys()) if (!state.has(node)) visit(node);
	return cycles;
}
