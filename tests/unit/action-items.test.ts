import { describe, expect, it } from 'vitest';
import { openActions, sideOf } from '@/kinds/meeting/action-items';
import { awaitsAcceptance } from '@/kinds/milestone/awaiting-acceptance';
import { meetingSlugs } from '@/kinds/meeting/meeting-slug';
import { meetingTitle } from '@/kinds/meeting/meeting-title';
import { shownCloseout } from '@/kinds/closeout/shown-closeout';
import { useTranslations } from '@/i18n/translate';
import { MeetingSchema, type MeetingInput } from '@/kinds/meeting/schema';
import { MilestoneSchema } from '@/kinds/milestone/schema';

const team = [
	{ name: 'Pat Vendor', side: 'vendor' as const },
	{ name: 'Jo Client', side: 'client' as const },
];
const meeting = (input: Partial<MeetingInput>) =>
	MeetingSchema.parse({ date: '2026-03-02', type: 'weekly', attendees: { client: ['Jo Client'], vendor: ['Pat Vendor'] }, ...input });

describe('sideOf', () => {
	it('takes an explicit side over the team list', () => {
		expect(sideOf({ owner: 'Pat Vendor', side: 'client' }, team)).toBe('client');
	});

	it('finds the side of a team member by name', () => {
		expect(sideOf({ owner: 'Pat Vendor' }, team)).toBe('vendor');
		expect(sideOf({ owner: 'Jo Client' }, team)).toBe('client');
	});

	it('knows no side for someone off the list without one', () => {
		expect(sideOf({ owner: 'Someone Else' }, team)).toBeUndefined();
	});
});

describe('openActions', () => {
	// Newest first, as ClientData lists them.
	const meetings = [
		meeting({
			date: '2026-03-09',
			type: 'steering',
			title: 'Budget review',
			actions: [
				{ text: 'Undated vendor task', owner: 'Pat Vendor' },
				{ text: 'Early client task', owner: 'Jo Client', due: '2026-03-10' },
				{ text: 'Finished', owner: 'Jo Client', due: '2026-03-01', done: true },
			],
		}),
		meeting({
			date: '2026-03-02',
			actions: [
				{ text: 'Nobody knows whose', owner: 'Someone Else', due: '2026-03-03' },
				{ text: 'IT department task', owner: 'IT department', side: 'client', due: '2026-03-12' },
				{ text: 'Same due, older meeting', owner: 'Pat Vendor', due: '2026-03-10' },
			],
		}),
	];

	it('leaves out done items and items no side owes, oldest due first and undated last', () => {
		expect(openActions(meetings, team).map((action) => action.text)).toEqual([
			'Same due, older meeting',
			'Early client task',
			'IT department task',
			'Undated vendor task',
		]);
	});

	it('says which side owes each item, and where it was agreed so the overview can link to it', () => {
		const [older, early, it_, undated] = openActions(meetings, team);
		expect(older).toMatchObject({ side: 'vendor', index: 2, meeting: { date: '2026-03-02', type: 'weekly', slug: '2026-03-02-weekly' } });
		expect(early).toMatchObject({ side: 'client', index: 1, meeting: { slug: '2026-03-09-steering', title: 'Budget review' } });
		expect(it_!.side).toBe('client');
		expect(undated).toMatchObject({ side: 'vendor', index: 0 });
	});

	it('is empty when every item is done', () => {
		expect(openActions([meeting({ actions: [{ text: 'All done', owner: 'Jo Client', done: true }] })], team)).toEqual([]);
	});
});

describe('meetingSlugs', () => {
	it('is the date and type, numbered from the oldest file when a day has two meetings of one type', () => {
		const slugs = meetingSlugs([
			{ date: '2026-03-09', type: 'weekly' },
			{ date: '2026-03-02', type: 'review' },
			{ date: '2026-03-02', type: 'review' },
			{ date: '2026-03-02', type: 'weekly' },
		]);
		expect(slugs).toEqual(['2026-03-09-weekly', '2026-03-02-review-2', '2026-03-02-review', '2026-03-02-weekly']);
	});
});

describe('meetingTitle', () => {
	it("uses the title, else the type and date in the client's language", () => {
		expect(meetingTitle({ date: '2026-03-02', type: 'steering', title: 'Budget' }, 'en', useTranslations('en'))).toBe('Budget');
		expect(meetingTitle({ date: '2026-03-02', type: 'steering' }, 'en', useTranslations('en'))).toBe('Steering committee on March 2, 2026');
		expect(meetingTitle({ date: '2026-03-02', type: 'kickoff' }, 'zh-CN', useTranslations('zh-CN'))).toBe('2026年3月2日 启动会');
	});
});

describe('awaitsAcceptance', () => {
	const done = MilestoneSchema.parse({
		id: 'design',
		title: 'Design',
		start: '2026-01-05',
		due: '2026-02-06',
		completed: '2026-02-05',
		status: 'done',
		owner: 'Pat Vendor',
		deliverables: ['Prototype'],
	});

	it('asks for acceptance of a done milestone with deliverables and no sign-off', () => {
		expect(awaitsAcceptance(done)).toBe(true);
	});

	it('asks nothing once accepted, before it is done, or when nothing was handed over', () => {
		expect(awaitsAcceptance({ ...done, acceptance: { on: '2026-02-09', by: 'Jo Client' } })).toBe(false);
		expect(awaitsAcceptance({ ...done, status: 'in-progress' })).toBe(false);
		expect(awaitsAcceptance({ ...done, deliverables: [] })).toBe(false);
	});
});

describe('shownCloseout', () => {
	it('shows a close-out only once the project is closed', () => {
		expect(shownCloseout({ status: 'closed' }, 'summary')).toBe('summary');
		expect(shownCloseout({ status: 'active' }, 'summary')).toBeUndefined();
		expect(shownCloseout({ status: 'closed' }, undefined)).toBeUndefined();
	});
});
