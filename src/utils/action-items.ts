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

/** Open action items of every meeting, oldest due first (undated last), with the side that owes each. */
export function openActions(meetings: Meeting[], team: Pick<Contact, 'name' | 'side'>[]): OwedAction[] {
	const owed: OwedAction[] = [];
	for (const meeting of meetings) {
		meeting.actions.forEach((action, index) => {
			const side = sideOf(action, team);
			if (action.done || !side) return;
			owed.push({ ...action, side, meeting: { date: meeting.date, type: meeting.type }, index });
		});
	}
	return owed.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.meeting.date.localeCompare(b.meeting.date));
}
