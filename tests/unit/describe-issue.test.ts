import { describe, expect, it } from 'vitest';
import { describeIssue } from '@/check/describe-issue';
import { UpdateObjectSchema } from '@/kinds/update/schema';
import { IsoDateSchema } from '@/kinds/common';

/** Messages the checker would print for `input` against the update's `risks` field. */
function risksMessages(risks: unknown): string[] {
	const input = { risks };
	const result = UpdateObjectSchema.pick({ risks: true }).safeParse(input);
	if (result.success) return [];
	return result.error.issues.flatMap((issue) => describeIssue(issue, input).map(({ path, message }) => `${path.join('.')}: ${message}`));
}

describe('describeIssue on a union (a risk id or a risk written in place)', () => {
	it('accepts both forms', () => {
		expect(risksMessages(['payment-provider', { title: 'Late content', level: 'high', mitigation: 'Chase weekly' }])).toEqual([]);
	});

	it('reports a malformed id against the id form', () => {
		expect(risksMessages(['Payment Provider'])).toEqual([
			'risks.0: expected lowercase letters, digits and hyphens (like "phase-1"), found "Payment Provider"',
		]);
	});

	it('reports the missing fields of an inline risk, not that it is not text', () => {
		expect(risksMessages([{ title: 'Late content', level: 'severe' }])).toEqual([
			'risks.0.level: expected one of "low", "medium", "high", found "severe"',
			'risks.0.mitigation: expected text, found nothing (the field is required)',
		]);
	});

	it('names both forms when the value is neither', () => {
		expect(risksMessages([42])).toEqual(['risks.0: expected text or a group of fields, found 42']);
	});
});

describe('describeIssue on a date', () => {
	it('reports an impossible day as a date problem', () => {
		const result = IsoDateSchema.safeParse('2026-02-30');
		expect(result.success).toBe(false);
		if (!result.success)
			expect(describeIssue(result.error.issues[0]!, '2026-02-30')[0]!.message).toBe(
				'expected a real date as YYYY-MM-DD, found "2026-02-30"',
			);
	});

	it('reports a number as a date problem', () => {
		const result = IsoDateSchema.safeParse(20260101);
		expect(result.success).toBe(false);
		if (!result.success)
			expect(describeIssue(result.error.issues[0]!, 20260101)[0]!.message).toBe('expected a date as YYYY-MM-DD, found 20260101');
	});
});
