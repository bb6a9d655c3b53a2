import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDiagrams } from '@/check/check-diagrams';

describe('checkDiagrams', () => {
	it('remembers the diagrams it found valid, so the next check needs no browser for them, and never the invalid ones', async () => {
		const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-check-diagrams-'));
		const [diagramCache, checkCache] = [path.join(work, 'diagrams'), path.join(work, 'check')];
		const fences = [
			{ file: 'a.mdx', line: 3, source: 'flowchart LR\n  A --> B' },
			{ file: 'b.mdx', line: 9, source: 'flowchart LR\n  A --> ' },
		];
		const first = await checkDiagrams(fences, diagramCache, checkCache);
		expect(first.map((problem) => `${problem.file}:${problem.line}`)).toEqual(['b.mdx:9']);
		expect(readdirSync(checkCache)).toHaveLength(1);
		// The same text with Windows line ends and a trailing newline is the same diagram.
		const again = await checkDiagrams([{ ...fences[0]!, source: 'flowchart LR\r\n  A --> B\n' }, fences[1]!], diagramCache, checkCache);
		expect(again.map((problem) => `${problem.file}:${problem.line}`)).toEqual(['b.mdx:9']);
		expect(readdirSync(checkCache)).toHaveLength(1);
	}, 120_000);
});
