import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { ROOT } from '../support/build-site';

// acme reviews risks every 14 days, beta keeps the default of 30, gamma sets an impossible 0.
const CONTENT = path.join(ROOT, 'tests/fixtures/broken-risks/content');
const DIR = 'tests/fixtures/broken-risks/content';
const TODAY = '2026-03-20';

let result: CheckResult;
beforeAll(async () => {
	result = await checkContent(CONTENT, { today: TODAY, displayRoot: ROOT });
});

/** The problems reported for one file (relative to the fixture), as printed. */
function reported(file: string, severity: 'error' | 'warning'): string[] {
	return result.problems.filter((problem) => problem.file === `${DIR}/${file}` && problem.severity === severity).map(formatProblem);
}

describe('risk register rules on broken content', () => {
	it.each([
		[
			'acme/risks/same.yml',
			1,
			'id: expected an id not used by another risk, found "same" (also in tests/fixtures/broken-risks/content/acme/risks/same.yaml)',
		],
		['acme/risks/renamed.yaml', 1, 'id: expected "renamed" to match the file name, found "old-name"'],
		['acme/risks/backwards.yaml', 9, 'reviewed: expected a date on or after raised (2026-03-10), found 2026-03-01'],
		[
			'acme/updates/2026-03-13.mdx',
			7,
			'risks.1: expected the id of a risk in tests/fixtures/broken-risks/content/acme/risks (closed-old, fresh, never-reviewed, occurred-old, old-name, same, stale), found "ghost"',
		],
		['acme/updates/2026-03-20.mdx', 7, 'risks.0.level: expected one of "low", "medium", "high", found "severe"'],
		['gamma/client.yaml', 7, 'riskReviewDays: expected at least 1, found 0'],
	])('%s:%i %s', (file, line, message) => {
		expect(reported(file, 'error')).toEqual([`${DIR}/${file}:${line}  ${message}`]);
	});

	it('rejects unknown levels, statuses and fields, and requires an owner and a mitigation', () => {
		expect(reported('acme/risks/bad-fields.yaml', 'error').map((line) => line.split('  ')[1])).toEqual([
			'likelihood: expected one of "low", "medium", "high", found "extreme"',
			'status: expected one of "open", "mitigating", "closed", "occurred", found "resolved"',
			'severity: expected a known field, found an unknown one (check the spelling against the docs)',
		]);
		expect(reported('acme/risks/no-mitigation.yaml', 'error').map((line) => line.split('  ')[1]!.split(':')[0])).toEqual([
			'owner',
			'mitigation',
		]);
	});

	it('reports the first file of a duplicated id only once, and a valid reference not at all', () => {
		expect(reported('acme/risks/same.yaml', 'error')).toEqual([]);
		expect(result.problems.filter((problem) => problem.file.endsWith('2026-03-13.mdx'))).toHaveLength(1);
	});
});

describe('the stale risk warning', () => {
	const warned = () => result.warnings.map((problem) => `${problem.file.slice(DIR.length + 1)} ${problem.field}`);

	it('warns about open and mitigating risks not reviewed within riskReviewDays, on the date that is late', () => {
		expect(reported('acme/risks/stale.yaml', 'warning')).toEqual([
			`${DIR}/acme/risks/stale.yaml:9  warning reviewed: expected an open risk to be reviewed every 14 days (riskReviewDays in client.yaml), found it last reviewed 2026-02-28; review it and set "reviewed"`,
		]);
		expect(reported('acme/risks/never-reviewed.yaml', 'warning')).toEqual([
			`${DIR}/acme/risks/never-reviewed.yaml:8  warning raised: expected an open risk to be reviewed every 14 days (riskReviewDays in client.yaml), found it last reviewed 2026-01-12; review it and set "reviewed"`,
		]);
	});

	it("measures against the client's own period: the same risk is not stale with the default of 30 days", async () => {
		expect(warned()).toContain('acme/risks/stale.yaml reviewed');
		expect(warned()).not.toContain('beta/risks/stale.yaml reviewed');
		// Ten more days and beta's risk is past its 30 days too.
		const later = await checkContent(CONTENT, { today: '2026-03-31', displayRoot: ROOT });
		expect(later.warnings.map((problem) => problem.file)).toContain(`${DIR}/beta/risks/stale.yaml`);
	});

	it('leaves closed risks, risks that occurred and recently reviewed ones alone', () => {
		expect(warned().sort()).toEqual(['acme/risks/never-reviewed.yaml raised', 'acme/risks/stale.yaml reviewed']);
	});
});
