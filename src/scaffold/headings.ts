import type { Locale } from '@/i18n/locales';

/**
 * Section headings authors write in each locale (docs/authoring.md). They are content,
 * not interface strings: the site renders whatever the author wrote, so they live here, next to
 * the scaffolds, rather than in the interface translations.
 */
export const UPDATE_SECTIONS = {
	en: { done: 'Done', inProgress: 'In progress', next: 'Next' },
	'zh-CN': { done: '已完成', inProgress: '进行中', next: '下一步' },
} as const satisfies Record<Locale, Record<string, string>>;

export const DECISION_SECTIONS = {
	en: { context: 'Context', options: 'Options considered', decision: 'Decision', consequences: 'Consequences' },
	'zh-CN': { context: '背景', options: '备选方案', decision: '决定', consequences: '影响' },
} as const satisfies Record<Locale, Record<string, string>>;

type UpdateSection = keyof (typeof UPDATE_SECTIONS)['en'];

/** Every spelling of one update section across locales, so a heading in the "wrong" language still counts. */
export function updateSectionNames(section: UpdateSection): string[] {
	return Object.values(UPDATE_SECTIONS).map((names) => names[section]);
}

export const CHANGE_SECTIONS = {
	en: { why: 'Why', what: 'What changes', impact: 'Impact' },
	'zh-CN': { why: '原因', what: '变更内容', impact: '影响' },
} as const satisfies Record<Locale, Record<string, string>>;

export const MEETING_SECTIONS = {
	en: { summary: 'Summary', notes: 'Notes' },
	'zh-CN': { summary: '摘要', notes: '会议记录' },
} as const satisfies Record<Locale, Record<string, string>>;

export const CLOSEOUT_SECTIONS = {
	en: { summary: 'Summary', thanks: 'Thank you' },
	'zh-CN': { summary: '总结', thanks: '致谢' },
} as const satisfies Record<Locale, Record<string, string>>;
