import { describe, expect, it } from 'vitest';
import { ClientSchema } from '@/kinds/client/schema';
import { IsoDateSchema, isRealIsoDate } from '@/kinds/common';
import { DecisionSchema } from '@/kinds/decision/schema';
import { MilestoneSchema } from '@/kinds/milestone/schema';
import { UpdateSchema } from '@/kinds/update/schema';

const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
	result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('dates', () => {
	it('accepts real days and rejects impossible ones', () => {
		expect(isRealIsoDate('2028-02-29')).toBe(true);
		expect(isRealIsoDate('2026-02-29')).toBe(false);
		expect(isRealIsoDate('2026-04-31')).toBe(false);
		expect(isRealIsoDate('2026-1-9')).toBe(false);
	});

	it('normalises YAML Date objects and strings to YYYY-MM-DD', () => {
		expect(IsoDateSchema.parse(new Date(Date.UTC(2026, 0, 9)))).toBe('2026-01-09');
		expect(IsoDateSchema.parse('2026-01-09')).toBe('2026-01-09');
		expect(IsoDateSchema.safeParse('09/01/2026').success).toBe(false);
	});
});

describe('UpdateSchema', () => {
	const update = { date: '2026-01-09', health: 'on-track', summary: 'All good.' };

	it('fills defaults for lists', () => {
		expect(UpdateSchema.parse(update)).toMatchObject({ needs: [], risks: [], decisions: [], milestones: [] });
	});

	it('requires a reason when not on track', () => {
		expect(messages(UpdateSchema.safeParse({ ...update, health: 'off-track' }))).toEqual([
			'healthReason: expected one sentence explaining why the project is off-track, found nothing',
		]);
		expect(UpdateSchema.safeParse({ ...update, health: 'off-track', healthReason: 'Supplier is late.' }).success).toBe(true);
	});

	it('forbids a frontmatter slug and unknown fields', () => {
		expect(messages(UpdateSchema.safeParse({ ...update, slug: 'x' }))[0]).toContain('slug: is not allowed');
		expect(UpdateSchema.safeParse({ ...update, helth: 'on-track' }).success).toBe(false);
	});

	it('keeps progress between 0 and 100', () => {
		expect(UpdateSchema.safeParse({ ...update, progress: 101 }).success).toBe(false);
		expect(UpdateSchema.safeParse({ ...update, progress: 100 }).success).toBe(true);
	});
});

describe('MilestoneSchema', () => {
	const milestone = { id: 'launch', title: 'Launch', start: '2026-01-01', due: '2026-02-01', status: 'planned', owner: 'Pat' };

	it('requires a completion date once done, and done once completed', () => {
		expect(messages(MilestoneSchema.safeParse({ ...milestone, status: 'done' }))[0]).toContain('completed: expected the completion date');
		expect(messages(MilestoneSchema.safeParse({ ...milestone, completed: '2026-02-01' }))[0]).toContain('status: expected "done"');
		expect(MilestoneSchema.safeParse({ ...milestone, status: 'done', completed: '2026-02-01' }).success).toBe(true);
	});

	it('rejects a due date before the start', () => {
		expect(messages(MilestoneSchema.safeParse({ ...milestone, due: '2025-12-31' }))[0]).toContain('due: expected a date on or after start');
	});

	it('needs completion before acceptance', () => {
		expect(messages(MilestoneSchema.safeParse({ ...milestone, acceptance: { on: '2026-02-02', by: 'Jo' } }))[0]).toContain('acceptance');
	});
});

describe('DecisionSchema', () => {
	it('accepts a MADR-style record and rejects an unknown status', () => {
		const decision = { number: 1, title: 'Use a headless CMS', date: '2026-01-05', status: 'accepted', deciders: { client: ['Jo'] } };
		expect(DecisionSchema.parse(decision)).toMatchObject({ tags: [], consulted: [], deciders: { vendor: [] } });
		expect(DecisionSchema.safeParse({ ...decision, status: 'maybe' }).success).toBe(false);
	});
});

describe('ClientSchema', () => {
	const client = {
		name: 'Acme',
		project: { name: 'Portal', summary: 'A portal.' },
		start: '2026-01-01',
		plannedEnd: '2026-06-30',
		team: [{ name: 'Pat', role: 'PM', side: 'vendor', email: 'pat@example.com' }],
		access: [{ id: 'sponsor', label: 'Sponsor', type: 'link' }],
	};

	it('defaults to English, EUR, a weekly Friday cadence, private, and 30 remembered days', () => {
		expect(ClientSchema.parse(client)).toMatchObject({
			locale: 'en',
			currency: 'EUR',
			communication: { cadence: { every: 'week', day: 'friday' } },
			public: false,
			rememberDays: 30,
			access: [{ id: 'sponsor', type: 'link', rotation: 0, revoked: false }],
		});
	});

	it('needs at least one working access entry unless the site is public', () => {
		expect(messages(ClientSchema.safeParse({ ...client, access: [] }))[0]).toContain(
			'access: expected at least one access entry that is not revoked',
		);
		expect(messages(ClientSchema.safeParse({ ...client, access: [{ id: 'a', label: 'A', type: 'link', revoked: true }] }))[0]).toContain(
			'access',
		);
		expect(ClientSchema.safeParse({ ...client, access: [], public: true }).success).toBe(true);
	});

	it('refuses duplicate access ids, unknown entry types and bad variable names', () => {
		const twice = [
			{ id: 'a', label: 'A', type: 'link' },
			{ id: 'a', label: 'B', type: 'password' },
		];
		expect(messages(ClientSchema.safeParse({ ...client, access: twice }))).toEqual([
			'access.1.id: expected an id not used by another access entry, found "a" twice',
		]);
		expect(ClientSchema.safeParse({ ...client, access: [{ id: 'a', label: 'A', type: 'sms' }] }).success).toBe(false);
		expect(
			ClientSchema.safeParse({ ...client, access: [{ id: 'a', label: 'A', type: 'password', passwordEnv: 'lower-case' }] }).success,
		).toBe(false);
	});

	it('rejects an end before the start, a bad colour and an unknown locale', () => {
		expect(messages(ClientSchema.safeParse({ ...client, plannedEnd: '2025-12-31' }))[0]).toContain('plannedEnd');
		expect(ClientSchema.safeParse({ ...client, accent: 'teal' }).success).toBe(false);
		expect(ClientSchema.safeParse({ ...client, locale: 'de' }).success).toBe(false);
	});
});
