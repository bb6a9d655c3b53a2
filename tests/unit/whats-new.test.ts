import { describe, expect, it } from 'vitest';
import { markOf, timeAttributes } from '@/page-data/change-marks';
import { beginVisit, lastVisitKey, sinceKey } from '@/runtime/visit-store';

const memory = () => {
	const items = new Map<string, string>();
	return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
};
const at = (iso: string) => Date.parse(iso);

describe('timeAttributes and markOf', () => {
	it('writes known times as ISO attributes and leaves unknown ones out', () => {
		expect(timeAttributes({ createdAt: at('2026-03-01T10:00:00Z'), changedAt: at('2026-03-05T08:30:00Z') })).toEqual({
			'data-created-at': '2026-03-01T10:00:00.000Z',
			'data-changed-at': '2026-03-05T08:30:00.000Z',
		});
		expect(timeAttributes({})).toEqual({});
	});

	it('marks what was created after the last visit as new, what only changed as updated, the rest not at all', () => {
		const since = at('2026-03-03T00:00:00Z');
		expect(markOf('2026-03-04T00:00:00Z', '2026-03-04T00:00:00Z', since)).toBe('new');
		expect(markOf('2026-03-01T00:00:00Z', '2026-03-04T00:00:00Z', since)).toBe('updated');
		expect(markOf('2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', since)).toBeUndefined();
		expect(markOf(undefined, undefined, since)).toBeUndefined();
		expect(markOf('garbage', '2026-03-04T00:00:00Z', since)).toBe('updated');
	});
});

describe('beginVisit', () => {
	it('marks nothing on a first visit and remembers only the time of this one', () => {
		const local = memory();
		const session = memory();
		expect(beginVisit('/acme', local, session, at('2026-03-01T09:00:00Z'))).toBeNull();
		expect([...local.items]).toEqual([[lastVisitKey('/acme'), '2026-03-01T09:00:00.000Z']]);
	});

	it('compares every page of a session with the visit before it, while the stored visit moves on', () => {
		const local = memory();
		beginVisit('/acme', local, memory(), at('2026-03-01T09:00:00Z'));
		const session = memory();
		expect(beginVisit('/acme', local, session, at('2026-03-08T09:00:00Z'))).toBe(at('2026-03-01T09:00:00Z'));
		// A later page of the same session still shows what changed since 1 March.
		expect(beginVisit('/acme', local, session, at('2026-03-08T09:05:00Z'))).toBe(at('2026-03-01T09:00:00Z'));
		expect(local.items.get(lastVisitKey('/acme'))).toBe('2026-03-08T09:05:00.000Z');
		// The next session compares with this one.
		expect(beginVisit('/acme', local, memory(), at('2026-03-15T09:00:00Z'))).toBe(at('2026-03-08T09:05:00Z'));
	});

	it('keeps clients apart, and a first visit stays a first visit for its whole session', () => {
		const local = memory();
		const session = memory();
		beginVisit('/acme', local, memory(), at('2026-03-01T09:00:00Z'));
		expect(beginVisit('/beta', local, session, at('2026-03-08T09:00:00Z'))).toBeNull();
		expect(beginVisit('/beta', local, session, at('2026-03-08T09:01:00Z'))).toBeNull();
		expect(session.items.get(sinceKey('/beta'))).toBe('first');
	});

	it('never compares with a time after now (a clock set back since)', () => {
		const local = memory();
		local.setItem(lastVisitKey('/acme'), '2027-01-01T00:00:00.000Z');
		expect(beginVisit('/acme', local, memory(), at('2026-03-08T09:00:00Z'))).toBe(at('2026-03-08T09:00:00Z'));
	});
});
