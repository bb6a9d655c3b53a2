import { parsedFiles, type LoadedClient } from '@/loader/load-content';
import { CLIENT_KINDS } from '@/kinds/registry';
import type { Problem } from './problem';

/**
 * A second `---` block of `key: value` lines at the top of a body: front matter pasted from
 * another tool (an ADR's own, a static site generator's). Markdown would render its last line
 * as a heading and the rest as a paragraph, so the client would read the raw fields.
 */
const FOREIGN = /^((?:[ \t]*\r?\n)*)---[ \t]*\r?\n([A-Za-z_][\w-]*[ \t]*:.*\r?\n(?:.*\r?\n)*?)---[ \t]*(?:\r?\n|$)/;

const KINDS_WITH_BODY = CLIENT_KINDS.filter((kind) => kind.format.body);

/** Reports every body that starts with a pasted front matter block, with its lines and keys. */
export function checkForeignFrontMatter(client: LoadedClient): Problem[] {
	const problems: Problem[] = [];
	for (const { source } of parsedFiles(client, KINDS_WITH_BODY)) {
		const match = FOREIGN.exec(source.body);
		if (!match) continue;
		const start = source.bodyLine + match[1]!.split('\n').length - 1;
		const end = start + match[2]!.split('\n').length;
		const keys = [...match[2]!.matchAll(/^([A-Za-z_][\w-]*)[ \t]*:/gm)].map((key) => key[1]).join(', ');
		problems.push({
			severity: 'error',
			file: source.file,
			line: start,
			field: 'body',
			message: `expected the page's text after the front matter, found a second front matter block (lines ${start}–${end}: ${keys}) pasted into the body, which would show as a heading; move the fields Glasshouse knows into the front matter at the top and delete the block`,
		});
	}
	return problems;
}
