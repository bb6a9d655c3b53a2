import type { Locale } from '@/i18n/locales';
import type { Level } from '@/kinds/level';
import { line } from './yaml-text';

interface RiskScaffoldInput {
	id: string;
	title: string;
	likelihood: Level;
	impact: Level;
	owner: string;
	/** The day it is recorded. */
	raised: string;
	locale: Locale;
	/** riskReviewDays of client.yaml, named in the comment on `reviewed`. */
	reviewDays: number;
}

const WORDS = {
	en: {
		mitigation: 'TODO: what is being done to make it less likely or less harmful',
		severity: [
			'One entry of the risk register. Severity is derived, never written: likelihood × impact',
			'scores 1-9 (low 1, medium 2, high 3); 6 or 9 is high, 3 or 4 medium, 1 or 2 low.',
		],
		id: 'must match the file name; an update lists it under "risks"',
		title: 'what could happen, in one line',
		description: 'description: Cause, trigger and what it would affect  # optional background',
		likelihood: 'how likely it is to happen: low, medium or high',
		impact: 'how much it would hurt if it happened: low, medium or high',
		owner: 'who watches it and acts on it',
		status: 'open, mitigating (actions under way), closed (no longer a threat) or occurred (it happened)',
		contingency: 'contingency: What we do if it happens anyway  # optional',
		raised: 'when it was first recorded',
		reviewed: (days: number) =>
			`reviewed: YYYY-MM-DD  # set at every review; \`check\` warns when an open risk goes ${days} days without one (riskReviewDays in client.yaml)`,
		tags: 'lowercase labels for filtering, e.g. [supplier, schedule]',
	},
	'zh-CN': {
		mitigation: 'TODO：为降低发生的可能性或减轻影响正在采取的措施',
		severity: [
			'风险登记册中的一项。严重程度由系统推算，无需填写：可能性 × 影响',
			'得 1-9 分（low 1、medium 2、high 3）；6 或 9 为高，3 或 4 为中，1 或 2 为低。',
		],
		id: '必须与文件名一致；周报在 "risks" 中引用它',
		title: '可能发生什么，一句话',
		description: 'description: 原因、触发条件和影响范围  # 可选的背景说明',
		likelihood: '发生的可能性：low、medium 或 high',
		impact: '一旦发生的影响程度：low、medium 或 high',
		owner: '负责跟踪和应对的人',
		status: 'open、mitigating（正在采取措施）、closed（不再构成威胁）或 occurred（已发生）',
		contingency: 'contingency: 万一发生时的应对方案  # 可选',
		raised: '首次记录的日期',
		reviewed: (days: number) =>
			`reviewed: YYYY-MM-DD  # 每次复核时更新；开放风险超过 ${days} 天未复核时 \`check\` 会警告（client.yaml 中的 riskReviewDays）`,
		tags: '筛选用的小写标签，例如 [supplier, schedule]',
	},
} as const;

/**
 * `risks/<id>.yaml`: an open entry of the risk register. Severity is not a field: the site
 * derives it from likelihood × impact, so the comment says how instead of offering a field that
 * could contradict them.
 */
export function renderRisk(input: RiskScaffoldInput): string {
	const words = WORDS[input.locale];
	return [
		...words.severity.map((text) => `# ${text}`),
		line('id', input.id, words.id),
		line('title', input.title, words.title),
		`# ${words.description}`,
		line('likelihood', input.likelihood, words.likelihood),
		line('impact', input.impact, words.impact),
		line('owner', input.owner, words.owner),
		line('status', 'open', words.status),
		line('mitigation', words.mitigation),
		`# ${words.contingency}`,
		line('raised', input.raised, words.raised),
		`# ${words.reviewed(input.reviewDays)}`,
		line('tags', [], words.tags),
		'',
	].join('\n');
}
