import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedClient } from '@/loader/load-content';
import { documentKind } from '@/kinds/document/kind';
import { isFileOf } from '@/kinds/registry';
import { MAX_ATTACHMENT_BYTES } from '@/runtime/crypto/attachment';
import { reporterFor, type Problem } from './problem';

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Rules of the document library: every attachment a document names is a file next to it and at
 * most 200 MB, no two documents share an id, a linked milestone exists, and a file in documents/
 * that no document names is flagged (it would not be published).
 */
export function checkDocuments(client: LoadedClient, contentDir: string): Problem[] {
	const problems: Problem[] = [];
	const report = reporterFor(problems);
	const folder = path.join(contentDir, client.slug, documentKind.where.folder);
	const milestones = new Set(client.milestones.map((entry) => entry.value.id));
	const named = new Set<string>();
	for (const { value, source } of client.documents) {
		value.files.forEach((file, index) => {
			named.add(file);
			const info = statSync(path.join(folder, file), { throwIfNoEntry: false });
			if (!info?.isFile())
				report(
					source,
					['files', index],
					`expected a file ${client.dir}/${documentKind.where.folder}/${file} next to this document, found none; put the file there, or correct the name (names are case-sensitive)`,
				);
			else if (info.size > MAX_ATTACHMENT_BYTES)
				report(
					source,
					['files', index],
					`expected an attachment of at most 200 MB, found ${megabytes(info.size)}; compress it, split it, or link to it instead`,
				);
		});
		if (value.milestone && !milestones.has(value.milestone))
			report(
				source,
				['milestone'],
				`expected a milestone id of ${client.slug} (${[...milestones].join(', ') || 'none yet'}), found "${value.milestone}"`,
			);
	}
	let entries: string[] = [];
	try {
		entries = readdirSync(folder);
	} catch {
		return problems;
	}
	for (const name of entries.sort()) {
		if (name.startsWith('.') || isFileOf(documentKind, name) || named.has(name)) continue;
		if (!statSync(path.join(folder, name), { throwIfNoEntry: false })?.isFile()) continue;
		problems.push({
			severity: 'warning',
			file: `${client.dir}/${documentKind.where.folder}/${name}`,
			field: '',
			message: 'expected an attachment named by a document (files: in its .yaml), found none naming it; it is not published',
		});
	}
	return problems;
}
