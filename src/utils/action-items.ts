import type { Contact } from '../schemas/client';
import type { ActionItem, Meeting } from '../schemas/meeting';

/** An action item with the side that owes it and the meeting it came from. */
export interface OwedAction extends ActionItem {
	side: 'vendor' | 'client';
	meeting: { date: string; type: Meeting['type'] };
	/** Position in the meeting's `actions`, for linking to it. */
	index: number;
}

/** The side an owner is on: explicit `side`, else the team member of that name; undefined when neither says. */
export function sideOf(action: Pick<ActionItem, 'owner' | 'side'>, team: Pick<Contact, 'name' | 'side'>[]): 'vendor' | 'client' | undefined {
	return action.side ?? team.find((person) => person.name === action.owner)?.side;
}

/**
 * Open action items of every meeting, oldest due first (undated last), with the side that owes each.
 * An item carried over into later minutes (`glasshouse new meeting` copies the open ones) is the
 * same item, not a second one: items with the same owner and text count once, as the latest
 * minutes state them, and are done as soon as any minutes mark them done.
 */
export function openActions(meetings: Meeting[], team: Pick<Contact, 'name' | 'side'>[]): OwedAction[] {
	const latest = new Map<string, OwedAction>();
	const done = new Set<string>();
	const chronological = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
	for (const meeting of chronological) {
		meeting.actions.forEach((action, index) => {
			const key = `${action.owner}\u0000${action.text}`;
			if (action.done) done.add(key);
			const side = sideOf(action, team);
			if (!action.done && side) latest.set(key, { ...action, side, meeting: { date: meeting.date, type: meeting.type }, index });
		});
	}
	const owed = [...latest].filter(([key]) => !done.has(key)).map(([, action]) => action);
	return owed.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.meeting.date.localeCompare(b.meeting.date));
}
