import en from '@/i18n/en.json';
import zhCN from '@/i18n/zh-CN.json';
import { LOCALES } from '@/i18n/locales';
import { renderChange } from '@/scaffold/render-change';
import { renderClient, renderSite } from '@/scaffold/render-client';
import { renderCloseout } from '@/scaffold/render-closeout';
import { renderDecision } from '@/scaffold/render-decision';
import { renderFaq } from '@/scaffold/render-faq';
import { renderMeeting } from '@/scaffold/render-meeting';
import { renderMilestone } from '@/scaffold/render-milestone';
import { renderRisk } from '@/scaffold/render-risk';
import { renderUpdate } from '@/scaffold/render-update';
import type { Update } from '@/kinds/update/schema';
import { runtimeText } from './runtime-text';

const DAY = '2026-01-05';

/**
 * The project's own words: every interface string (split at its `{placeholders}`) and every line
 * the `glasshouse new …` scaffolds write, in every locale (section headings such as "Options
 * considered" or "备选方案", TODO prompts, field comments), and the browser runtime's strings. They are public (in this repository,
 * and on any site that uses the templates), so no text found in them is a client's secret.
 */
export function templateText(): string[] {
	const interfaceText = [...Object.values(en), ...Object.values(zhCN)].flatMap((message) => message.split(/\{\w+\}/));
	const scaffolds = LOCALES.flatMap((locale) => {
		const previous: { value: Update; body: string } = {
			value: {
				date: DAY,
				health: 'at-risk',
				healthReason: 'Reason',
				needs: [{ text: 'Need', owner: 'Owner', done: false }],
				risks: ['risk'],
				progress: 10,
				dimensions: { scope: 'at-risk' },
			} as unknown as Update,
			body: '## In progress\n\n- Item\n\n## Next\n\n- Item\n',
		};
		return [
			renderSite(),
			renderClient({ slug: 'client', name: 'Client', locale, today: DAY }),
			renderUpdate(DAY, locale).text,
			renderUpdate(DAY, locale, previous).text,
			renderDecision({
				number: 1,
				title: 'Title',
				date: DAY,
				locale,
				currency: 'EUR',
				supersedes: { number: 1, file: 'decisions/0001-title.mdx' },
			}),
			renderChange({
				number: 1,
				title: 'Title',
				requestedBy: 'Name',
				requestedOn: DAY,
				locale,
				currency: 'EUR',
				inScope: ['Scope'],
				milestoneIds: ['milestone'],
			}),
			renderMeeting({
				date: DAY,
				type: 'weekly',
				locale,
				team: { client: [], vendor: [] },
				previous: { date: DAY, actions: [{ text: 'Action', owner: 'Owner', done: false }] },
			}).text,
			renderMilestone({ id: 'milestone', title: 'Title', start: DAY, due: DAY, owner: 'Owner', otherIds: ['other'], locale }),
			renderRisk({
				id: 'risk',
				title: 'Title',
				likelihood: 'medium',
				impact: 'medium',
				owner: 'Owner',
				raised: DAY,
				locale,
				reviewDays: 30,
			}),
			renderFaq('Question', 10, locale),
			renderCloseout({ date: DAY, locale, objectives: [], contacts: [] }),
		];
	});
	// Line by line, so no needle is made generic by the end of one line running into the next.
	return [...interfaceText, ...scaffolds.flatMap((text) => text.split('\n')), ...runtimeText()];
}
