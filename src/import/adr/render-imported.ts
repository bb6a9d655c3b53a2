import type { Locale } from '@/i18n/locales';
import { line } from '@/scaffold/yaml-text';
import type { PlannedDecision } from './plan-import';

/** The comments an imported decision carries, in the client's language. */
const WORDS = {
	en: {
		imported: (source: string) => `Imported from ${source} by "glasshouse import adr".`,
		status: 'proposed, accepted, rejected, deprecated or superseded',
		client: 'the record does not say who is on which side: move client-side names here',
		vendor: 'the deciders the record names',
		consulted: 'people whose opinion was sought',
		tags: 'lowercase labels for the decision log filter',
	},
	'zh-CN': {
		imported: (source: string) => `由 "glasshouse import adr" 从 ${source} 导入。`,
		status: 'proposed、accepted、rejected、deprecated 或 superseded',
		client: '原记录未区分双方：请把客户方人员移到这里',
		vendor: '原记录列出的决策人',
		consulted: '征询过意见的人员',
		tags: '决策记录筛选用的小写标签',
	},
} as const satisfies Record<Locale, unknown>;

/** The `.md` file of an imported decision: commented front matter, then the record's own text. */
export function renderImported(decision: PlannedDecision, source: string, locale: Locale): string {
	const words = WORDS[locale];
	const front = [
		`# ${words.imported(source)}`,
		line('number', decision.number),
		line('title', decision.title),
		line('date', decision.date),
		line('status', decision.status, words.status),
		'deciders:',
		`  ${line('client', [], words.client)}`,
		`  ${line('vendor', decision.deciders, words.vendor)}`,
		line('consulted', decision.consulted, words.consulted),
	];
	if (decision.supersedes !== undefined) front.push(line('supersedes', decision.supersedes));
	front.push(line('tags', decision.tags, words.tags));
	return `---\n${front.join('\n')}\n---\n\n${decision.body.trim()}\n`;
}
