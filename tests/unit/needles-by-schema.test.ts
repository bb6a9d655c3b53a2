import { describe, expect, it } from 'vitest';
import { z, type ZodTypeAny } from 'zod';
import { IsoDateSchema, SlugSchema } from '@/kinds/common';
import { fileNameOf } from '@/kinds/file-name';
import { MARKDOWN, YAML, type AnyClientKind } from '@/kinds/kind';
import { notSecret } from '@/kinds/not-secret';
import { CLIENT_KINDS } from '@/kinds/registry';
import { riskKind } from '@/kinds/risk/kind';
import { RiskObjectSchema } from '@/kinds/risk/schema';
import { collectNeedles } from '@/leak-scan/collect-needles';
import type { LoadedClient, Parsed } from '@/loader/load-content';
import { parseSource } from '@/loader/source-file';

/** A file of `kind` as the loader would hold it after parsing `text`. */
function parsed(kind: AnyClientKind, file: string, text: string): Parsed<unknown> {
	const source = parseSource(text, file);
	return { source, stem: fileNameOf(file).stem, value: kind.schema.parse(source.data) };
}

/** The needles of one client holding `files` under `property`, scanned with `kinds` (no public or generic text). */
function needleTexts(property: string, files: Parsed<unknown>[], kinds: readonly AnyClientKind[]): string[] {
	const client = { slug: 'acme', dir: 'content/acme', [property]: files } as unknown as LoadedClient;
	return collectNeedles([client], [], [], kinds).map((needle) => needle.text);
}

/** A kind that is not in the registry, as a new one would be added. */
const retroKind = (schema: ZodTypeAny, format = YAML): AnyClientKind => ({ name: 'retro', where: { folder: 'retros' }, format, schema });

const RISK = `id: supply-chain
title: Supplier insolvency
likelihood: medium
impact: high
owner: Ines Okonkwo-Vale
status: open
mitigation: Keep a second quote ready.
raised: 2026-01-09
`;

describe('collectNeedles walks each file with its kind’s schema', () => {
	it('searches for a text field added to a kind’s schema, with no change to the scanner', () => {
		const sponsored = {
			...riskKind,
			schema: RiskObjectSchema.extend({
				sponsor: z.string(),
				board: z.array(z.object({ member: z.string(), seat: z.enum(['chair', 'member']) })).default([]),
			}),
		};
		const kinds = [...CLIENT_KINDS.filter((kind) => kind !== riskKind), sponsored];
		const file = parsed(
			sponsored,
			'content/acme/risks/supply-chain.yaml',
			`${RISK}sponsor: Osprey Venture Holdings\nboard:\n  - member: Marguerite Ashdown-Pell\n    seat: chair\n`,
		);
		const texts = needleTexts('risks', [file], kinds);
		expect(texts).toContain('Osprey Venture Holdings');
		expect(texts).toContain('Marguerite Ashdown-Pell');
		expect(texts).toContain('Supplier insolvency');
		expect(texts).toContain('supply-chain');
	});

	it('leaves out enum values, literals and dates because the schema says so, not because of the field’s name or the text', () => {
		const text = 'mood: zebrafinch-quarterly-review\nsort: osprey-binder-ledger\nheld: 2026-01-09\nnote: Heron marsh retrofit approved\n';
		const marked = retroKind(
			z.object({
				mood: z.enum(['zebrafinch-quarterly-review']),
				sort: z.literal('osprey-binder-ledger'),
				held: IsoDateSchema,
				note: z.string(),
			}),
		);
		const texts = needleTexts('retros', [parsed(marked, 'content/acme/retros/retro.yaml', text)], [marked]);
		expect(texts).toContain('Heron marsh retrofit approved');
		expect(texts).not.toContain('zebrafinch-quarterly-review');
		expect(texts).not.toContain('osprey-binder-ledger');
		// The same fields as free text are searched for.
		const free = retroKind(z.object({ mood: z.string(), sort: z.string(), held: z.string(), note: z.string() }));
		const freeTexts = needleTexts('retros', [parsed(free, 'content/acme/retros/retro.yaml', text)], [free]);
		expect(freeTexts).toEqual(
			expect.arrayContaining(['zebrafinch-quarterly-review', 'osprey-binder-ledger', 'Heron marsh retrofit approved']),
		);
	});

	it('searches again for a schema derived from one marked as never secret', () => {
		const Marked = notSecret(z.string());
		const kind = retroKind(z.object({ code: Marked, label: Marked.min(1) }));
		const texts = needleTexts(
			'retros',
			[parsed(kind, 'content/acme/retros/r.yaml', 'code: kestrel lantern quarry\nlabel: bittern sluice gate\n')],
			[kind],
		);
		expect(texts).toEqual(['bittern sluice gate']);
	});

	it('never leaves out free text in arrays, objects, records, tuples, unions, transformed fields, unknown keys or the body', () => {
		const kind = retroKind(
			z.object({
				items: z.array(z.object({ text: z.string(), state: z.enum(['open', 'done']) })).default([]),
				byPerson: z.record(z.string(), z.string()),
				pair: z.tuple([z.string(), z.number()]),
				// Written as the enum's value, but it fits the text option too.
				either: z.union([z.enum(['kestrel-lantern-quarry']), z.string()]),
				mixed: z.array(z.union([SlugSchema, z.object({ title: z.string() }).strict()])),
				counted: z.string().transform((value) => value.length),
				extra: z.object({}).passthrough(),
			}),
			MARKDOWN,
		);
		const file = parsed(
			kind,
			'content/acme/retros/0001-retro.mdx',
			`---
items:
  - text: Curlew depot handover slipped
    state: open
byPerson:
  Wren Abernathy-Cole: Owns the lamprey migration
pair: [Plover ledger freeze, 3]
either: kestrel-lantern-quarry
mixed:
  - bittern-sluice-gate
  - title: Gannet archive sealed
counted: Avocet pension rollover
extra:
  Dunlin Quay Trust:
    note: Sanderling audit deferred
---

Heron marsh retrofit approved. Nothing else moved.
`,
		);
		const texts = needleTexts('retros', [file], [kind]);
		expect(texts).toEqual(
			expect.arrayContaining([
				'Curlew depot handover slipped',
				'Wren Abernathy-Cole',
				'Owns the lamprey migration',
				'Plover ledger freeze',
				'kestrel-lantern-quarry',
				'bittern-sluice-gate',
				'Gannet archive sealed',
				'Avocet pension rollover',
				'Dunlin Quay Trust',
				'Sanderling audit deferred',
				'Heron marsh retrofit approved',
			]),
		);
	});

	it('walks the files of a kind it was not given whole, object keys included', () => {
		const kind = retroKind(z.object({ byPerson: z.record(z.string(), z.string()) }));
		const file = parsed(kind, 'content/acme/retros/retro.yaml', 'byPerson:\n  Wren Abernathy-Cole: Owns the lamprey migration\n');
		expect(needleTexts('retros', [file], CLIENT_KINDS)).toEqual(
			expect.arrayContaining(['Wren Abernathy-Cole', 'Owns the lamprey migration']),
		);
	});
});
