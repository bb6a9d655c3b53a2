import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeSmallFileIn } from '@/lib/small-files';

const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-small-files-'));
// Linux's shared-memory tmpfs: another file system than the temporary folder's, where no hard link can go.
const elsewhere = mkdtempSync(path.join('/dev/shm', 'glasshouse-small-files-'));
afterAll(() => {
	rmSync(work, { recursive: true, force: true });
	rmSync(elsewhere, { recursive: true, force: true });
});

describe('placeSmallFileIn', () => {
	it('links the file into a new folder (one file, no bytes written) and returns the bytes read back from the target', () => {
		const source = path.join(work, 'cache', 'page.html');
		mkdirSync(path.dirname(source), { recursive: true });
		writeFileSync(source, '<p>sealed</p>');
		const made = new Set<string>();
		const target = path.join(work, 'out', 'acme', 'updates', 'index.html');
		expect(placeSmallFileIn(made, source, target).toString()).toBe('<p>sealed</p>');
		expect(statSync(target).ino).toBe(statSync(source).ino);
		expect(statSync(source).nlink).toBe(2);
		expect(made).toEqual(new Set([path.dirname(target)]));
	});

	it('returns what is at the target: a name swapped at the source afterwards changes neither', () => {
		const source = path.join(work, 'cache', 'swap.html');
		writeFileSync(source, 'verified');
		const target = path.join(work, 'out', 'swap.html');
		const bytes = placeSmallFileIn(new Set(), source, target);
		// A new file under the old name (as the cache's store and a restored CI cache write them).
		rmSync(source);
		writeFileSync(source, 'swapped in');
		expect(bytes.toString()).toBe('verified');
		expect(readFileSync(target, 'utf8')).toBe('verified');
	});

	it('refuses a missing source and a target that exists', () => {
		expect(() => placeSmallFileIn(new Set(), path.join(work, 'cache', 'missing.html'), path.join(work, 'out', 'missing.html'))).toThrow(
			/ENOENT/,
		);
		const source = path.join(work, 'cache', 'twice.html');
		writeFileSync(source, 'once');
		placeSmallFileIn(new Set(), source, path.join(work, 'out', 'twice.html'));
		expect(() => placeSmallFileIn(new Set(), source, path.join(work, 'out', 'twice.html'))).toThrow(/EEXIST/);
	});

	it('copies across file systems, where a link cannot go', () => {
		expect(statSync(elsewhere).dev).not.toBe(statSync(work).dev);
		const source = path.join(work, 'cache', 'far.html');
		writeFileSync(source, '<p>far</p>');
		const target = path.join(elsewhere, 'out', 'far.html');
		expect(placeSmallFileIn(new Set(), source, target).toString()).toBe('<p>far</p>');
		expect(readFileSync(target, 'utf8')).toBe('<p>far</p>');
		expect(statSync(source).nlink).toBe(1);
	});
});
