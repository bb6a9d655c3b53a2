import type { Locale } from '@/i18n/locales';
import type { Update } from '@/kinds/update/schema';
import { bodyComment, type BodyFormat } from './body-comment';
import { UPDATE_SECTIONS, updateSectionNames } from './headings';
import { sectionItems } from './section-items';
import { stripDefaults } from './strip-defaults';
import { block, line } from './yaml-text';

/** The update a new one continues from. */
interface PreviousUpdate {
	value: Update;
	/** Markdown/MDX body after the frontmatter. */
	body: string;
}

interface UpdateScaffold {
	text: string;
	/** What was carried over, for the command's summary. */
	carried: { nextItems: number; openNeeds: number; risks: number; health?: string };
}

const PLACEHOLDERS = {
	en: {
		summary: (since?: string) =>
			`TODO: two or three plain sentences for executives: where the project stands${since ? ` and what changed since ${since}` : ''}.`,
		done: (since?: string) => `TODO: what was finished${since ? ` since ${since}` : ''}`,
		inProgress: 'TODO: what the team is working on now',
		next: 'TODO: what comes next',
		movedHint: (since: string) => `In progress on ${since}; move what is finished to Done:`,
		title: 'A short headline',
		titleNote: (date: string) => `optional; defaults to "Status update of ${date}"`,
		reassess: (since: string, fields: string[]) => {
			const others = fields.filter((field) => field !== 'progress').join(', ');
			return `Carried over from ${since}: reassess ${others}${fields.includes('progress') ? ' and progress' : ''} before publishing.`;
		},
		health: 'on-track, at-risk or off-track',
		healthReason: 'One sentence why',
		healthReasonNote: 'required unless on-track',
		progress: 'percent complete',
		needsCarried: (since: string) => `open items carried over from ${since}; set done: true once delivered`,
		needs: 'what the client must do: - text, owner, due, done: false',
		risksCarried: (since: string) => `carried over from ${since}; update or remove those that are closed`,
		risks: 'ids from the risk register (risks/<id>.yaml), or - title, level (low, medium, high), mitigation, owner',
		decisions: 'numbers of decisions this update refers to, e.g. [7]',
		milestones: 'ids of milestones this update refers to, e.g. [go-live]',
	},
	'zh-CN': {
		summary: (since?: string) => `TODO：用两三句话向管理层说明项目现状${since ? `，以及自 ${since} 以来的变化` : ''}。`,
		done: (since?: string) => `TODO：${since ? `自 ${since} 以来` : ''}完成的工作`,
		inProgress: 'TODO：正在进行的工作',
		next: 'TODO：接下来的工作',
		movedHint: (since: string) => `${since} 时进行中的工作，已完成的请移到“已完成”：`,
		title: '简短的标题',
		titleNote: (date: string) => `可选；默认为“${date} 状态周报”`,
		reassess: (since: string, fields: string[]) => `沿用自 ${since}：发布前请重新评估 ${fields.join('、')}。`,
		health: 'on-track、at-risk 或 off-track',
		healthReason: '用一句话说明原因',
		healthReasonNote: '除 on-track 外必填',
		progress: '完成百分比',
		needsCarried: (since: string) => `沿用自 ${since} 的未完成事项；交付后设为 done: true`,
		needs: '需要客户做的事：- text、owner、due、done: false',
		risksCarried: (since: string) => `沿用自 ${since}；更新或删除已关闭的风险`,
		risks: '风险登记册中的 id（risks/<id>.yaml），或 - title、level（low、medium、high）、mitigation、owner',
		decisions: '本周报涉及的决策编号，例如 [7]',
		milestones: '本周报涉及的里程碑 id，例如 [go-live]',
	},
} as const;

/**
 * A new update's text, continuing from `previous`: last period's "Next" items become this
 * period's "In progress", open needs and risks carry over, and health (with its reason,
 * dimensions and progress) carries over behind a comment asking to reassess it.
 */
export function renderUpdate(date: string, locale: Locale, previous?: PreviousUpdate, format: BodyFormat = 'mdx'): UpdateScaffold {
	const words = PLACEHOLDERS[locale];
	const headings = UPDATE_SECTIONS[locale];
	const since = previous?.value.date;
	const last = previous?.value;
	const openNeeds = (last?.needs ?? []).filter((need) => !need.done);
	const risks = last?.risks ?? [];
	const next = previous ? sectionItems(previous.body, updateSectionNames('next')) : [];
	const inProgress = previous ? sectionItems(previous.body, updateSectionNames('inProgress')) : [];

	const front: string[] = [line('date', date), `# ${line('title', words.title, words.titleNote(date))}`];
	if (last) {
		const reassessed = ['health', ...(last.healthReason ? ['healthReason'] : []), ...(last.dimensions ? ['dimensions'] : [])];
		if (last.progress !== undefined) reassessed.push('progress');
		front.push(`# ${words.reassess(since!, reassessed)}`);
		front.push(line('health', last.health, words.health));
		if (last.healthReason) front.push(line('healthReason', last.healthReason));
		else front.push(`# ${line('healthReason', words.healthReason, words.healthReasonNote)}`);
		if (last.dimensions && Object.keys(last.dimensions).length) front.push(block('dimensions', last.dimensions));
		if (last.progress !== undefined) front.push(line('progress', last.progress, words.progress));
	} else {
		front.push(line('health', 'on-track', words.health));
		front.push(`# ${line('healthReason', words.healthReason, words.healthReasonNote)}`);
		front.push(`# ${line('progress', 0, words.progress)}`);
	}
	front.push(line('summary', words.summary(since)));
	front.push(openNeeds.length ? block('needs', openNeeds.map(stripDefaults), words.needsCarried(since!)) : line('needs', [], words.needs));
	front.push(
		risks.length
			? block(
					'risks',
					risks.map((risk) => (typeof risk === 'string' ? risk : stripDefaults(risk))),
					words.risksCarried(since!),
				)
			: line('risks', [], words.risks),
	);
	front.push(line('decisions', [], words.decisions));
	front.push(line('milestones', [], words.milestones));

	const body: string[] = [`## ${headings.done}`, '', `- ${words.done(since)}`, ''];
	if (inProgress.length && since) body.push(bodyComment([words.movedHint(since), ...inProgress.map((item) => `- ${item}`)], format), '');
	body.push(`## ${headings.inProgress}`, '', ...(next.length ? next.map((item) => `- ${item}`) : [`- ${words.inProgress}`]), '');
	body.push(`## ${headings.next}`, '', `- ${words.next}`, '');

	return {
		text: `---\n${front.join('\n')}\n---\n\n${body.join('\n')}`,
		carried: { nextItems: next.length, openNeeds: openNeeds.length, risks: risks.length, health: last?.health },
	};
}
