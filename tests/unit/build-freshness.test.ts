import { describe, expect, it } from 'vitest';
import { newestBuild, noteBuild } from '@/runtime/build-freshness';

/** A Storage stand-in, with a switch to make it fail as blocked storage does. */
function memoryStorage(fail = false) {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (key: string) => {
			if (fail) throw new DOMException('blocked', 'SecurityError');
			return items.get(key) ?? null;
		},
		setItem: (key: string, value: string) => {
			if (fail) throw new DOMException('blocked', 'SecurityError');
			items.set(key, value);
		},
	};
}

const OLD = { id: 'old-build-id-000000000a', time: '2026-11-20T08:00:00Z' };
const NEW = { id: 'new-build-id-000000000b', time: '2026-11-27T08:00:00Z' };

describe('noteBuild', () => {
	it('remembers the newest build per client and flags an older one, without forgetting the newest', () => {
		const storage = memoryStorage();
		expect(noteBuild(storage, '/acme', NEW)).toBeUndefined();
		expect(noteBuild(storage, '/acme', OLD)).toEqual(NEW);
		expect(noteBuild(storage, '/acme', OLD)).toEqual(NEW);
		expect(noteBuild(storage, '/acme', NEW)).toBeUndefined();
		// Another client's history is its own.
		expect(noteBuild(storage, '/globex', OLD)).toBeUndefined();
	});

	it('moves forward with each newer build and accepts another build of the same second', () => {
		const storage = memoryStorage();
		noteBuild(storage, '/acme', OLD);
		expect(noteBuild(storage, '/acme', NEW)).toBeUndefined();
		expect(JSON.parse(storage.items.get('glasshouse:newest-build:/acme')!)).toEqual(NEW);
		expect(noteBuild(storage, '/acme', { id: 'same-second-other-id-c', time: NEW.time })).toBeUndefined();
	});

	it('reads the newest build without writing anything, as the gate does before the page is unlocked', () => {
		const storage = memoryStorage();
		expect(newestBuild(storage, '/acme')).toBeUndefined();
		expect(storage.items.size).toBe(0);
		noteBuild(storage, '/acme', NEW);
		expect(newestBuild(storage, '/acme')).toEqual(NEW);
		expect(newestBuild(storage, '/globex')).toBeUndefined();
		expect(newestBuild(memoryStorage(true), '/acme')).toBeUndefined();
	});

	it('treats junk in storage, or storage that throws, as nothing remembered', () => {
		const junk = memoryStorage();
		junk.items.set('glasshouse:newest-build:/acme', '{"id":1');
		expect(noteBuild(junk, '/acme', OLD)).toBeUndefined();
		junk.items.set('glasshouse:newest-build:/acme', JSON.stringify({ id: 'x', time: 'not a date' }));
		expect(noteBuild(junk, '/acme', OLD)).toBeUndefined();
		expect(noteBuild(memoryStorage(true), '/acme', OLD)).toBeUndefined();
		expect(noteBuild(undefined, '/acme', OLD)).toBeUndefined();
	});
});
