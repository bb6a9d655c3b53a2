import type { DecisionStatus } from '@/kinds/decision/schema';

/** Words other tools use for each of our statuses (the first word of the status, lowercased). */
const WORDS: Record<string, DecisionStatus> = {
	proposed: 'proposed',
	proposal: 'proposed',
	draft: 'proposed',
	open: 'proposed',
	pending: 'proposed',
	review: 'proposed',
	wip: 'proposed',
	accepted: 'accepted',
	approved: 'accepted',
	adopted: 'accepted',
	decided: 'accepted',
	done: 'accepted',
	agreed: 'accepted',
	implemented: 'accepted',
	rejected: 'rejected',
	declined: 'rejected',
	deprecated: 'deprecated',
	obsolete: 'deprecated',
	retired: 'deprecated',
	superseded: 'superseded',
	superceded: 'superseded',
	superseeded: 'superseded',
};

/**
 * Our status for a status as another tool wrote it ("Accepted", "PROPOSED", "superseded by
 * [ADR-0005](…)", "draft"), or `undefined` when the words mean none of ours.
 */
export function mapStatus(text: string): DecisionStatus | undefined {
	const word = /[\p{L}]+/u.exec(text.toLowerCase())?.[0];
	return word === undefined ? undefined : WORDS[word];
}
