import { describe, expect, it } from 'vitest';
import type { Level } from '@/kinds/level';
import { RiskSchema, type Risk, type RiskInput } from '@/kinds/risk/schema';
import { compareRisks } from '@/kinds/risk/compare-risks';
import { resolveUpdateRisks } from '@/kinds/update/resolve-update-risks';
import { isLiveRisk, riskMatrix } from '@/kinds/risk/risk-matrix';
import { isReviewOverdue, needsReview, reviewDue } from '@/kinds/risk/risk-review';
import { riskScore, riskSeverity } from '@/kinds/risk/risk-severity';

function risk(fields: Partial<RiskInput> & { id: string }): Risk {
	return RiskSchema.parse({
		title: `Risk ${fields.id}`,
		likelihood: 'medium',
		impact: 'medium',
		owner: 'Pat',
		status: 'open',
		mitigation: 'Watch it.',
		raised: '2026-03-02',
		...fields,
	});
}

describe('riskSeverity', () => {
	it.each<[Level, Level, Level, number]>([
		['high', 'high', 'high', 9],
		['high', 'medium', 'high', 6],
		['medium', 'high', 'high', 6],
		['medium', 'medium', 'medium', 4],
		['high', 'low', 'medium', 3],
		['low', 'high', 'medium', 3],
		['medium', 'low', 'low', 2],
		['low', 'medium', 'low', 2],
		['low', 'low', 'low', 1],
	])('likelihood %s × impact %s is %s (score %i)', (likelihood, impact, severity, score) => {
		expect(riskSeverity(likelihood, impact)).toBe(severity);
		expect(riskScore(likelihood, impact)).toBe(score);
	});
});

describe('compareRisks', () => {
	const order = (risks: Risk[]) => [...risks].sort(compareRisks).map((entry) => entry.id);

	it('puts live risks before closed ones, however severe the closed one is', () => {
		expect(
			order([
				risk({ id: 'closed', likelihood: 'high', impact: 'high', status: 'closed' }),
				risk({ id: 'minor', likelihood: 'low', impact: 'low' }),
			]),
		).toEqual(['minor', 'closed']);
	});

	it('sorts by score, then by impact, so a likely nuisance follows an unlikely disaster of the same score', () => {
		const risks = [
			risk({ id: 'medium-medium', likelihood: 'medium', impact: 'medium' }),
			risk({ id: 'likely-nuisance', likelihood: 'high', impact: 'low' }),
			risk({ id: 'unlikely-disaster', likelihood: 'low', impact: 'high' }),
			risk({ id: 'worst', likelihood: 'high', impact: 'high' }),
		];
		expect(order(risks)).toEqual(['worst', 'medium-medium', 'unlikely-disaster', 'likely-nuisance']);
	});

	it('breaks ties by status (occurred first), then the oldest, then the id', () => {
		const risks = [
			risk({ id: 'b-mitigating', status: 'mitigating' }),
			risk({ id: 'c-open-new', raised: '2026-04-01' }),
			risk({ id: 'b-open-old', raised: '2026-01-05' }),
			risk({ id: 'a-open-old', raised: '2026-01-05' }),
			risk({ id: 'z-occurred', status: 'occurred' }),
		];
		expect(order(risks)).toEqual(['z-occurred', 'a-open-old', 'b-open-old', 'c-open-new', 'b-mitigating']);
	});
});

describe('resolveUpdateRisks', () => {
	const register = new Map([
		[
			'migration',
			risk({
				id: 'migration',
				title: 'Migration slips',
				likelihood: 'high',
				impact: 'medium',
				owner: 'Nora',
				status: 'mitigating',
				mitigation: 'Trial runs.',
			}),
		],
	]);

	it('replaces a register id by its entry with the derived severity, and keeps inline risks as written', () => {
		const inline = { title: 'Wi-Fi too weak', level: 'low' as const, mitigation: 'Survey.' };
		expect(resolveUpdateRisks(['migration', inline], register)).toEqual([
			{ id: 'migration', title: 'Migration slips', level: 'high', mitigation: 'Trial runs.', owner: 'Nora', status: 'mitigating' },
			inline,
		]);
	});

	it('drops ids that are not in the register (check reports them)', () => {
		expect(resolveUpdateRisks(['ghost'], register)).toEqual([]);
	});
});

describe('riskMatrix', () => {
	const risks = [
		risk({ id: 'a', likelihood: 'high', impact: 'high' }),
		risk({ id: 'b', likelihood: 'medium', impact: 'medium', status: 'mitigating' }),
		risk({ id: 'c', likelihood: 'medium', impact: 'medium', status: 'occurred' }),
		risk({ id: 'd', likelihood: 'medium', impact: 'medium', status: 'closed' }),
		risk({ id: 'e', likelihood: 'low', impact: 'high' }),
	];
	const matrix = riskMatrix(risks);

	it("draws high likelihood on top and high impact on the right, with each cell's severity", () => {
		expect(matrix.map((row) => row.map((cell) => `${cell.likelihood}/${cell.impact}:${cell.severity}`))).toEqual([
			['high/low:medium', 'high/medium:high', 'high/high:high'],
			['medium/low:low', 'medium/medium:medium', 'medium/high:high'],
			['low/low:low', 'low/medium:low', 'low/high:medium'],
		]);
	});

	it('counts live risks only: open, mitigating and occurred, not closed', () => {
		expect(matrix.map((row) => row.map((cell) => cell.risks.map((entry) => entry.id).join('')))).toEqual([
			['', '', 'a'],
			['', 'bc', ''],
			['', '', 'e'],
		]);
		expect(risks.filter(isLiveRisk).map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'e']);
	});
});

describe('risk reviews', () => {
	it('are due a period after the last review, or after the risk was raised when never reviewed', () => {
		expect(reviewDue({ raised: '2026-01-05', reviewed: '2026-02-20' }, 14)).toBe('2026-03-06');
		expect(reviewDue({ raised: '2026-01-05' }, 30)).toBe('2026-02-04');
	});

	it('are overdue only after the due day, and only for open and mitigating risks', () => {
		const open = risk({ id: 'open', reviewed: '2026-03-02' });
		expect(isReviewOverdue(open, 14, '2026-03-16')).toBe(false);
		expect(isReviewOverdue(open, 14, '2026-03-17')).toBe(true);
		expect(isReviewOverdue({ ...open, status: 'mitigating' }, 14, '2026-03-17')).toBe(true);
		expect(isReviewOverdue({ ...open, status: 'closed' }, 14, '2027-01-01')).toBe(false);
		expect(isReviewOverdue({ ...open, status: 'occurred' }, 14, '2027-01-01')).toBe(false);
		expect(['open', 'mitigating', 'occurred', 'closed'].filter((status) => needsReview({ status: status as Risk['status'] }))).toEqual([
			'open',
			'mitigating',
		]);
	});
});
