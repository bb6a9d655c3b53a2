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
	},
	'zh-CN': {
		summary: (since?: string) => `TODO：用两三句话向管理层说明项目现状${since ? `，以及自 ${since} 以来的变化` : ''}。`,
		done: (since?: string) => `TODO：${since ? `自 ${since} 以来` : ''}完成的工作`,
		inProgress: 'TODO：正在进行的工作',
		next: 'TODO：接下来的工作',
		movedHint: (since: string) => `${since} 时进行中的工作，已完成的请移到“已完成”：`,
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

	const front: string[] = [
		line('date', date),
		`# ${line('title', 'A short headline', `optional; defaults to "Status update of ${date}"`)}`,
	];
	if (last) {
		front.push(
			`# Carried over from ${since}: reassess health${last.healthReason ? ', healthReason' : ''}${last.dimensions ? ', dimensions' : ''}${last.progress !== undefined ? ' and progress' : ''} before publishing.`,
		);
		front.push(line('health', last.health, 'on-track, at-risk or off-track'));
		if (last.healthReason) front.push(line('healthReason', last.healthReason));
		else front.push(`# ${line('healthReason', 'One sentence why', 'required unless on-track')}`);
		if (last.dimensions && Object.keys(last.dimensions).length) front.push(block('dimensions', last.dimensions));
		if (last.progress !== undefined) front.push(line('progress', last.progress, 'percent complete'));
	} else {
		front.push(line('health', 'on-track', 'on-track, at-risk or off-track'));
		front.push(`# ${line('healthReason', 'One sentence why', 'required unless on-track')}`);
		front.push(`# ${line('progress', 0, 'percent complete')}`);
	}
	front.push(line('summary', words.summary(since)));
	front.push(
		openNeeds.length
			? block('needs', openNeeds.map(stripDefaults), `open items carried over from ${since}; set done: true once delivered`)
			: line('needs', [], 'what the client must do: - text, owner, due, done: false'),
	);
	front.push(
		risks.length
			? block(
					'risks',
					risks.map((risk) => (typeof risk === 'string' ? risk : stripDefaults(risk))),
					`carried over from ${since}; update or remove those that are closed`,
				)
			: line('risks', [], 'ids from the risk register (risks/<id>.yaml), or - title, level (low, medium, high), mitigation, owner'),
	);
	front.push(line('decisions', [], 'numbers of decisions this update refers to, e.g. [7]'));
	front.push(line('milestones', [], 'ids of milestones this update refers to, e.g. [go-live]'));

	const body: string[] = [`## ${headings.done}`, '', `- ${words.done(since)}`, ''];
	if (inProgress.length && since) body.push(bodyComment([words.movedHint(since), ...inProgress.map((item) => `- ${item}`)], format), '');
	body.push(`## ${headings.inProgress}`, '', ...(next.length ? next.map((item) => `- ${item}`) : [`- ${words.inProgress}`]), '');
	body.push(`## ${headings.next}`, '', `- ${words.next}`, '');

	return {
		text: `---\n${front.join('\n')}\n---\n\n${body.join('\n')}`,
		carried: { nextItems: next.length, openNeeds: openNeeds.length, risks: risks.length, health: last?.health },
	};
}
