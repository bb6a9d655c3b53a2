import type { Contact } from '../schemas/client';
import type { ActionItem, Meeting } from '../schemas/meeting';
import { meetingSlugs } from './meeting-slug';

/** An action item with the side that owes it and the meeting it came from. */
export interface OwedAction extends ActionItem {
	side: 'vendor' | 'client';
	/** The meeting it was agreed in; `slug` is its URL segment (see `meetingSlugs`). */
	meeting: { date: string; type: Meeting['type']; title?: string; slug: string };
	/** Position in the meeting's `actions`, for linking to it (`#action-<index>`). */
	index: number;
}

/** The side an owner is on: explicit `side`, else the team member of that name; undefined when neither says. */
export function sideOf(action: Pick<ActionItem, 'owner' | 'side'>, team: Pick<Contact, 'name' | 'side'>[]): 'vendor' | 'client' | undefined {
	return action.side ?? team.find((person) => person.name === action.owner)?.side;
}

/**
 * Open action items of every meeting, oldest due first (undated last), with the side that owes each.
 * `meetings` is the client's whole list in display order, so the meeting slugs match its pages.
 */
export function openActions(meetings: Meeting[], team: Pick<Contact, 'name' | 'side'>[]): OwedAction[] {
	const owed: OwedAction[] = [];
	const slugs = meetingSlugs(meetings);
	meetings.forEach((meeting, position) => {
		meeting.actions.forEach((action, index) => {
			const side = sideOf(action, team);
			if (action.done || !side) return;
			owed.push({ ...action, side, meeting: { date: meeting.date, type: meeting.type, title: meeting.title, slug: slugs[position]! }, index });
		});
	});
	return owed.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.meeting.date.localeCompare(b.meeting.date) || a.index - b.index);
}
