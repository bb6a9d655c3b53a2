import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { pageContext } from 'virtual:glasshouse/page-context';
import { SiteSchema, type Site } from '@/kinds/site/schema';

let site: Promise<Site> | undefined;

/** `content/site.yaml`, validated (the checker has already reported any problem in it). */
export function loadSite(): Promise<Site> {
	site ??= readFile(path.join(pageContext.contentDir, 'site.yaml'), 'utf8').then((text) => SiteSchema.parse(parse(text)));
	return site;
}
