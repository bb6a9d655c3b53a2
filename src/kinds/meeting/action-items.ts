import type { Contact } from '@/kinds/client/schema';
import type { ActionItem, Meeting } from '@/kinds/meeting/schema';
import type { Side } from '@/kinds/side';
import { meetingSlugs } from './meeting-slug';

/** An action item with the side that owes it and the meeting it came from. */
export interface OwedAction extends ActionItem {
	side: Side;
	/** The meeting it was agreed in; `slug` is its URL segment (see `meetingSlugs`). */
	meeting: { date: string; type: Meeting['type']; title?: string; slug: string };
	/** Position in the meeting's `actions`, for linking to it (`#action-<index>`). */
	index: number;
}

/** The side an owner is on: explicit `side`, else the team member of that name; undefined when neither says. */
export function sideOf(action: Pick<ActionItem, 'owner' | 'side'>, team: Pick<Contact, 'name' | 'side'>[]): Side | undefined {
	return action.side ?? team.find((person) => person.name === action.owner)?.side;
}

/**
 * Open action items of every meeting, oldest due first (undated last), with the side that owes each.
 * `meetings` is the client's whole list in display order, so the meeting slugs match its pages.
 * An item carried over into later minutes (`glasshouse new meeting` copies the open ones) is the
 * same item, not a second one: items with the same owner and text count once, as the latest
 * minutes state them, and are done as soon as any minutes mark them done.
 */
export function openActions(meetings: Meeting[], team: Pick<Contact, 'name' | 'side'>[]): OwedAction[] {
	const slugs = meetingSlugs(meetings);
	const latest = new Map<string, OwedAction>();
	const done = new Set<string>();
	const chronological = meetings
		.map((meeting, position) => ({ meeting, slug: slugs[position]! }))
		.sort((a, b) => a.meeting.date.localeCompare(b.meeting.date));
	for (const { meeting, slug } of chronological) {
		meeting.actions.forEach((action, index) => {
			const key = `${action.owner}\u0000${action.text}`;
			if (action.done) done.add(key);
			const side = sideOf(action, team);
			if (!action.done && side)
				latest.set(key, { ...action, side, meeting: { date: meeting.date, type: meeting.type, title: meeting.title, slug }, index });
		});
	}
	const owed = [...latest].filter(([key]) => !done.has(key)).map(([, action]) => action);
	return owed.sort(
		(a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.meeting.date.localeCompare(b.meeting.date) || a.index - b.index,
	);
}
