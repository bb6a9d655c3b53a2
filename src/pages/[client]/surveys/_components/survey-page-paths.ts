import { listClientSlugs, loadClient } from '@/page-data/client-data';
import { surveyViews } from '@/page-data/survey-view';
import { useTranslations } from '@/i18n/translate';

/**
 * The paths of a page per survey of every client, shared by the results page and the form: the
 * client and the survey's segment (its opening day, not the file name, so a URL stays readable by
 * anyone: see `surveySegments`), with the survey's place among the client's `surveyViews` as the
 * page's `index` prop.
 */
export async function surveyPagePaths(today: string, base: string) {
	const clients = await Promise.all((await listClientSlugs()).map(loadClient));
	return clients.flatMap((data) =>
		surveyViews(data, useTranslations(data.locale), today, base).map((view, index) => ({
			params: { client: data.slug, survey: view.segment },
			props: { index },
		})),
	);
}
