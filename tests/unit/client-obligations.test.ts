import { describe, expect, it } from 'vitest';
import { clientObligations, type ObligationSources } from '@/kinds/client/obligations';
import { ChangeSchema, type ChangeInput } from '@/kinds/change/schema';
import { MeetingSchema } from '@/kinds/meeting/schema';
import { MilestoneSchema, type MilestoneInput } from '@/kinds/milestone/schema';
import { UpdateSchema } from '@/kinds/update/schema';

const team = [
	{ name: 'Pat Vendor', side: 'vendor' as const },
	{ name: 'Jo Client', side: 'client' as const },
];
const change = (number: number, status: ChangeInput['status'], requestedOn: string) =>
	ChangeSchema.parse({ number, title: `CR ${number}`, requestedBy: 'Jo Client', requestedOn, status, impact: {} });
const milestone = (id: string, due: string, overrides: Partial<MilestoneInput> = {}) =>
	MilestoneSchema.parse({ id, title: id, start: '2026-03-02', due, owner: 'Pat Vendor', status: 'planned', ...overrides });
const delivered = (id: string, due: string, completed: string) =>
	milestone(id, due, { status: 'done', completed, deliverables: [`${id} files`] });

const sources: ObligationSources = {
	update: UpdateSchema.parse({
		date: '2026-03-06',
		health: 'on-track',
		summary: 'Fine.',
		needs: [
			{ text: 'Open need', owner: 'Jo Client' },
			{ text: 'Done need', owner: 'Jo Client', done: true },
		],
	}),
	// Newest first, as the pages list them.
	meetings: [
		MeetingSchema.parse({
			date: '2026-03-10',
			type: 'weekly',
			attendees: { client: ['Jo Client'], vendor: ['Pat Vendor'] },
			actions: [{ text: 'Later client task', owner: 'Jo Client' }],
		}),
		MeetingSchema.parse({
			date: '2026-03-04',
			type: 'weekly',
			attendees: { client: ['Jo Client'], vendor: ['Pat Vendor'] },
			actions: [
				{ text: 'Client task', owner: 'Jo Client', due: '2026-03-09' },
				{ text: 'Vendor task', owner: 'Pat Vendor' },
			],
		}),
	],
	changes: [change(3, 'awaiting-client', '2026-03-05'), change(1, 'awaiting-client', '2026-03-03'), change(2, 'requested', '2026-03-03')],
	milestones: [
		delivered('late-due', '2026-03-20', '2026-03-05'),
		delivered('early-due', '2026-03-04', '2026-03-04'),
		delivered('after-period', '2026-03-12', '2026-03-12'),
		milestone('accepted', '2026-03-04', {
			status: 'done',
			completed: '2026-03-04',
			deliverables: ['x'],
			acceptance: { on: '2026-03-05', by: 'Jo Client' },
		}),
		milestone('open', '2026-04-01', { deliverables: ['y'] }),
	],
	team,
};

describe('clientObligations', () => {
	it('without a period end: open needs, client-side actions, change requests by number, milestones to accept by due date', () => {
		const owed = clientObligations(sources);
		expect(owed.needs.map((need) => need.text)).toEqual(['Open need']);
		expect(owed.actions.map((action) => `${action.text} @ ${action.meeting.slug}`)).toEqual([
			'Client task @ 2026-03-04-weekly',
			'Later client task @ 2026-03-10-weekly',
		]);
		expect(owed.toDecide.map((entry) => entry.number)).toEqual([1, 3]);
		expect(owed.toAccept.map((entry) => entry.id)).toEqual(['early-due', 'after-period', 'late-due']);
	});

	it('leaves out minutes, requests and completions dated on or after the end of the period', () => {
		const owed = clientObligations(sources, '2026-03-05');
		expect(owed.actions.map((action) => action.text)).toEqual(['Client task']);
		expect(owed.toDecide.map((entry) => entry.number)).toEqual([1]);
		expect(owed.toAccept.map((entry) => entry.id)).toEqual(['early-due']);
	});

	it('does not reorder the lists it is given', () => {
		const before = sources.milestones.map((entry) => entry.id);
		clientObligations(sources);
		expect(sources.milestones.map((entry) => entry.id)).toEqual(before);
		expect(sources.changes.map((entry) => entry.number)).toEqual([3, 1, 2]);
	});
});
