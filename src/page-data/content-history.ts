import { pageContext } from 'virtual:glasshouse/page-context';
import { timeAttributes } from './change-marks';
import { contentTimes, type TimesOf } from './content-times';

/** When each entry of this build's content folder was created and last changed (see `contentTimes`). */
export function entryTimes(): Promise<TimesOf> {
	return contentTimes(pageContext.contentDir);
}

/** The `data-created-at` / `data-changed-at` attributes of each entry, in the entries' order. */
export async function timeAttributesOf(entries: ReadonlyArray<{ filePath?: string }>): Promise<Array<Record<string, string>>> {
	const timesOf = await entryTimes();
	return Promise.all(entries.map(async (entry) => timeAttributes(await timesOf(entry))));
}
