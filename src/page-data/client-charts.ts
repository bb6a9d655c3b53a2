import type { Locale } from '@/i18n/locales';
import { useTranslations } from '@/i18n/translate';
import { decisionKind } from '@/kinds/decision/kind';
import { decisionTimeline } from '@/kinds/decision/decision-timeline';
import { effectiveStatuses } from '@/kinds/decision/effective-status';
import type { Decision } from '@/kinds/decision/schema';
import { milestoneKind } from '@/kinds/milestone/kind';
import { milestoneGantt } from '@/kinds/milestone/milestone-gantt';
import type { Milestone } from '@/kinds/milestone/schema';
import type { LoadedClient } from '@/loader/load-content';

/**
 * The Mermaid text of the Gantt chart of a client's milestones (in their kind's order), cancelled
 * ones left out; `undefined` when none is left, and the page shows no chart.
 */
export function milestonesChart(milestones: readonly Milestone[], locale: Locale): string | undefined {
	const t = useTranslations(locale);
	const shown = milestones.filter((milestone) => milestone.status !== 'cancelled');
	if (shown.length === 0) return undefined;
	return milestoneGantt(shown, {
		locale,
		otherPhase: t('diagram.otherPhase'),
		forecastLabel: (_milestone, days) => t('diagram.forecastBar', { days }),
		// The status in words on every bar but planned ones, so colour is never the only carrier.
		barLabel: (milestone) =>
			milestone.status === 'planned'
				? milestone.title
				: t('diagram.barStatus', { title: milestone.title, status: t(`milestoneStatus.${milestone.status}`) }),
	});
}

/**
 * The Mermaid text of a client's decision timeline (decisions in their kind's order, each with the
 * status it displays); `undefined` when there is no decision, and the page shows no chart.
 */
export function decisionsChart(decisions: readonly Decision[], locale: Locale): string | undefined {
	if (decisions.length === 0) return undefined;
	const t = useTranslations(locale);
	const statusOf = effectiveStatuses(decisions);
	const shown = decisions.map((decision) => ({ ...decision, status: statusOf.get(decision.number) ?? decision.status }));
	return decisionTimeline(shown, {
		locale,
		// Accepted is the normal case; only the exceptions are spelled out.
		eventLabel: (decision) =>
			decision.status === 'accepted'
				? t('diagram.decisionEvent', { number: decision.number, title: decision.title })
				: t('diagram.decisionEventStatus', {
						number: decision.number,
						title: decision.title,
						status: t(`decisionStatus.${decision.status}`),
					}),
	});
}

/**
 * The generated charts a client's pages will draw, from the checked content: the build draws them
 * ahead, with the fences, before Astro asks for them (see `drawAhead`). The same functions as the
 * pages, over the same entries in the same order, so the texts are the ones the pages draw.
 */
export function clientChartSources(client: LoadedClient): string[] {
	const locale = client.client?.value.locale;
	if (!locale) return [];
	const entries = <T>(files: ReadonlyArray<{ stem: string; value: T }>) => files.map(({ stem, value }) => ({ id: stem, data: value }));
	const milestones = entries(client.milestones).sort(milestoneKind.order);
	const decisions = entries(client.decisions).sort(decisionKind.order);
	return [
		milestonesChart(
			milestones.map(({ data }) => data),
			locale,
		),
		decisionsChart(
			decisions.map(({ data }) => data),
			locale,
		),
	].filter((source): source is string => source !== undefined);
}
