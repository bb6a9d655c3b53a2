import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { jargonLists, parseJargonList } from '@/kinds/glossary/jargon';
import { sortTerms } from '@/kinds/glossary/sort-terms';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = 'tests/fixtures/glossary/content';
const GLOSSARY = `${FIXTURE}/acme/glossary.yaml`;

describe('the glossary and jargon checks (tests/fixtures/glossary)', () => {
	let result: CheckResult;
	beforeAll(async () => {
		result = await checkContent(path.join(ROOT, FIXTURE), { today: '2026-01-10', displayRoot: ROOT });
	});
	const of = (file: string) => result.problems.filter((problem) => problem.file === file).map(formatProblem);

	it('refuses a term twice (ignoring case), a term that is another entry’s alias, a definition that is only the term, and unknown "see also"', () => {
		expect(of(GLOSSARY)).toEqual([
			`${GLOSSARY}:4  terms.1.term: expected each term and alias once in the glossary (ignoring case), found "Sprint" again: it is already the term (line 2); remove one, or merge the two entries`,
			`${GLOSSARY}:9  terms.3.term: expected each term and alias once in the glossary (ignoring case), found "Staging" again: it is already an alias of "staging site" (line 8); remove one, or merge the two entries`,
			`${GLOSSARY}:12  terms.4.definition: expected a definition in plain words, found only the term itself ("The MVP."); say what "MVP" means without using it`,
			`${GLOSSARY}:13  terms.4.seeAlso.1: expected a term of this glossary, found "roadmap" which is none; add it as a term, or write it as one of: "sprint", "Sprint", "staging site", "Staging", "MVP"`,
			`${GLOSSARY}:13  terms.4.seeAlso.2: expected another term, found "MVP", the entry itself; remove it`,
		]);
	});

	it('refuses an empty definition, naming its line', () => {
		expect(of(`${FIXTURE}/beichen/glossary.yaml`)).toEqual([
			`${FIXTURE}/beichen/glossary.yaml:5  terms.1.definition: expected text, found an empty value`,
		]);
	});

	it('warns once per undefined jargon word and file, listing its lines, from front matter and body; code, HTML tags, addresses and defined words are left alone', () => {
		const update = `${FIXTURE}/acme/updates/2026-01-09.mdx`;
		expect(of(update)).toEqual([
			`${update}:4  warning summary: uses the jargon "UAT" (lines 4, 10, 14), which the client's glossary does not define; say it in plain words, or add "UAT" with a plain definition to ${FIXTURE}/acme/glossary.yaml`,
			// The agency's own word, from site.yaml.
			`${update}:14  warning body: uses the jargon "war room" (line 14), which the client's glossary does not define; say it in plain words, or add "war room" with a plain definition to ${FIXTURE}/acme/glossary.yaml`,
		]);
	});

	it('finds Chinese jargon inside running text, with the list of the client’s language', () => {
		const update = `${FIXTURE}/beichen/updates/2026-01-09.md`;
		expect(of(update).map((line) => /jargon "([^"]+)" \(line (\d+)\)/.exec(line)?.slice(1))).toEqual([
			['灰度发布', '7'],
			['上线', '7'],
		]);
	});

	it('reports jargon as warnings only, which never fail a check', () => {
		const jargon = result.problems.filter((problem) => problem.message.includes('uses the jargon'));
		expect(jargon).toHaveLength(4);
		expect(jargon.every((problem) => problem.severity === 'warning')).toBe(true);
	});
});

describe('jargon used all through a client’s files', () => {
	it('names the first three files one by one and gathers the others in one warning, so it cannot bury the rest', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'glasshouse-jargon-'));
		cpSync(path.join(ROOT, FIXTURE), dir, { recursive: true });
		const updates = path.join(dir, 'acme', 'updates');
		const text = readFileSync(path.join(updates, '2026-01-09.mdx'), 'utf8');
		for (const day of ['2025-12-05', '2025-12-12', '2025-12-19', '2025-12-26', '2026-01-02']) {
			writeFileSync(path.join(updates, `${day}.mdx`), text.replace(/2026-01-09/g, day));
		}
		const { problems } = await checkContent(dir, { today: '2026-01-10', displayRoot: dir });
		const uat = problems.filter((problem) => problem.message.includes('the jargon "UAT"'));
		expect(uat.map((problem) => path.basename(problem.file))).toEqual([
			'2025-12-05.mdx',
			'2025-12-12.mdx',
			'2025-12-19.mdx',
			'2025-12-26.mdx',
		]);
		expect(uat[3]!.message).toBe(
			`uses the jargon "UAT" (lines 4, 10, 14), as do 2 more of this client's files (2026-01-02.mdx, 2026-01-09.mdx), which the client's glossary does not define; say it in plain words, or add "UAT" with a plain definition to acme/glossary.yaml`,
		);
		expect(uat.every((problem) => problem.severity === 'warning')).toBe(true);
	});
});

describe('jargon lists and the glossary order', () => {
	it('ships about forty words per language, and adds the agency’s own', async () => {
		const lists = await jargonLists({ jargon: { en: ['war room'] } });
		expect(lists.en.length).toBeGreaterThanOrEqual(40);
		expect(lists['zh-CN'].length).toBeGreaterThanOrEqual(40);
		expect(lists.en).toContain('scope creep');
		expect(lists.en).toContain('war room');
		expect(lists['zh-CN']).toContain('灰度发布');
		expect(parseJargonList('# comment\n\nMVP\n  sprint  \n')).toEqual(['MVP', 'sprint']);
	});

	it('sorts English alphabetically ignoring case, Chinese by pinyin', () => {
		expect(sortTerms([{ term: 'sprint' }, { term: 'API' }, { term: 'backlog' }], 'en').map((entry) => entry.term)).toEqual([
			'API',
			'backlog',
			'sprint',
		]);
		expect(
			sortTerms([{ term: '主数据' }, { term: '上线' }, { term: '打通' }, { term: 'ERP' }], 'zh-CN').map((entry) => entry.term),
		).toEqual(['打通', '上线', '主数据', 'ERP']);
	});
});
