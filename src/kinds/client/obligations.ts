import type { Change } from '@/kinds/change/schema';
import type { Meeting } from '@/kinds/meeting/schema';
import type { Milestone } from '@/kinds/milestone/schema';
import type { Need, Update } from '@/kinds/update/schema';
import { openActions, type OwedAction } from '@/kinds/meeting/action-items';
import { awaitsAcceptance } from '@/kinds/milestone/awaiting-acceptance';
import type { Contact } from './schema';

/** The client's parsed entries that obligations are drawn from. */
export interface ObligationSources {
	/** The update that speaks for the period: its open needs are asked for. */
	update: Pick<Update, 'needs'>;
	/** The client's minutes in display order (newest first), so action items link to the right pages. */
	meetings: Meeting[];
	changes: Change[];
	milestones: Milestone[];
	/** The client's team, which tells the side of an action item's owner. */
	team: Pick<Contact, 'name' | 'side'>[];
}

/** "What we need from you": everything the client owes, one list per source. */
interface ClientObligations {
	/** Open needs of the update. */
	needs: Need[];
	/** Change requests awaiting the client's answer, by number. */
	toDecide: Change[];
	/** Open client-side action items of the minutes, oldest due first (see `openActions`). */
	actions: OwedAction[];
	/** Done milestones whose deliverables wait for the client's acceptance, by due date (see `awaitsAcceptance`). */
	toAccept: Milestone[];
}

/**
 * What the client owes: the update's open needs, change requests to decide, their open action
 * items from the minutes and milestones to accept. The overview shows them for the latest update;
 * the digest for the update it announces, where `until` is the date of the next update: minutes,
 * requests and completions from that day on belong to the next period. Without `until`, nothing
 * is left out.
 */
export function clientObligations(sources: ObligationSources, until?: string): ClientObligations {
	const inPeriod = (date: string | undefined) => until === undefined || date === undefined || date < until;
	const meetings = sources.meetings.filter((meeting) => inPeriod(meeting.date));
	return {
		needs: sources.update.needs.filter((need) => !need.done),
		toDecide: sources.changes
			.filter((change) => change.status === 'awaiting-client' && inPeriod(change.requestedOn))
			.sort((a, b) => a.number - b.number),
		actions: openActions(meetings, sources.team).filter((action) => action.side === 'client'),
		toAccept: sources.milestones
			.filter((milestone) => awaitsAcceptance(milestone) && inPeriod(milestone.completed))
			.sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id)),
	};
}
