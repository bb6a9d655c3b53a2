/**
 * The field tables of docs/authoring.md, one per content kind, made from the schemas themselves:
 * which fields exist, their types, what is required and the defaults come from walking the Zod
 * schema; what each field means comes from its JSDoc (schema-comments.ts). A field without a
 * comment is an error, so a new field cannot reach the docs undescribed.
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { IsoDateSchema, SlugSchema, TextSchema } from '@/kinds/common';
import { schemaComments } from './schema-comments';

/** One content kind: its folder under src/kinds/ and the table of its fields. */
export interface KindTable {
	kind: string;
	/** Markdown: the schema's own comment, then the table. */
	markdown: string;
}

interface Row {
	path: string;
	type: string;
	required: string;
	doc: string;
}

/** `milestone` → `MilestoneSchema`: the schema a kind's schema.ts exports for its files. */
const schemaName = (kind: string) => `${kind.charAt(0).toUpperCase()}${kind.slice(1)}Schema`;

/** The kinds, found as folders of src/kinds/ holding a schema.ts (not from a registry, so this cannot drift from one). */
export function schemaKinds(srcDir: string): string[] {
	const kindsDir = path.join(srcDir, 'kinds');
	return readdirSync(kindsDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && existsSync(path.join(kindsDir, entry.name, 'schema.ts')))
		.map((entry) => entry.name)
		.sort();
}

const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/** `a`, `b` or `c`. */
function orList(items: string[]): string {
	return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

interface Unwrapped {
	schema: z.ZodTypeAny;
	optional: boolean;
	defaultValue?: unknown;
}

/** Looks through `.optional()`, `.default()` and refinements to the type a value must have. */
function unwrap(schema: z.ZodTypeAny): Unwrapped {
	let current = schema;
	let optional = false;
	let defaultValue: unknown;
	for (;;) {
		if (current === IsoDateSchema) break;
		if (current instanceof z.ZodOptional) optional = true;
		else if (current instanceof z.ZodDefault) defaultValue ??= current._def.defaultValue();
		else if (!(current instanceof z.ZodEffects)) break;
		current = current instanceof z.ZodEffects ? current._def.schema : current._def.innerType;
	}
	return { schema: current, optional, defaultValue };
}

/** The object options whose fields are listed under a field: an object, a list of objects, a union with objects. */
function objectsUnder(schema: z.ZodTypeAny): z.ZodObject<z.ZodRawShape>[] {
	const inner = unwrap(schema).schema;
	if (inner instanceof z.ZodObject) return [inner];
	if (inner instanceof z.ZodArray) return objectsUnder(inner.element);
	if (inner instanceof z.ZodUnion || inner instanceof z.ZodDiscriminatedUnion)
		return (inner.options as z.ZodTypeAny[]).flatMap((option) => objectsUnder(option));
	return [];
}

/** The field that tells the options of a discriminated union apart (an access entry's `type`), looking through lists. */
function discriminatorOf(schema: z.ZodTypeAny): string | undefined {
	const inner = unwrap(schema).schema;
	if (inner instanceof z.ZodArray) return discriminatorOf(inner.element);
	return inner instanceof z.ZodDiscriminatedUnion ? (inner.discriminator as string) : undefined;
}

/** What a value must be, in words; `many` gives the plural, for the items of a list. */
function describeType(schema: z.ZodTypeAny, many = false): string {
	const inner = unwrap(schema).schema;
	const noun = (one: string, several: string) => (many ? several : one);
	if (inner === IsoDateSchema) return noun('date', 'dates');
	if (inner === TextSchema) return noun('text', 'texts');
	if (inner === SlugSchema) return noun('slug', 'slugs');
	if (inner instanceof z.ZodString) {
		const checks = inner._def.checks;
		if (checks.some((check) => check.kind === 'email')) return noun('email address', 'email addresses');
		if (checks.some((check) => check.kind === 'url')) return noun('URL', 'URLs');
		const regex = checks.find((check) => check.kind === 'regex');
		if (regex?.message) return regex.message.replace(/^expected /, '');
		const max = checks.find((check) => check.kind === 'max');
		return `${noun('text', 'texts')}${max && 'value' in max ? ` of at most ${max.value} characters` : ''}`;
	}
	if (inner instanceof z.ZodNumber) {
		const checks = inner._def.checks;
		const int = checks.some((check) => check.kind === 'int');
		const min = checks.find((check) => check.kind === 'min');
		const max = checks.find((check) => check.kind === 'max');
		const positive = min && 'inclusive' in min && min.value === 0 && !min.inclusive;
		const base = `${positive ? 'positive ' : ''}${int ? noun('whole number', 'whole numbers') : noun('number', 'numbers')}`;
		if (min && max && 'value' in min && 'value' in max) return `${base} from ${min.value} to ${max.value}`;
		return base;
	}
	if (inner instanceof z.ZodBoolean) return '`true` or `false`';
	if (inner instanceof z.ZodEnum) return orList((inner.options as string[]).map(code));
	if (inner instanceof z.ZodLiteral) return code(inner.value);
	if (inner instanceof z.ZodArray) return `list of ${describeType(inner.element, true)}`;
	if (inner instanceof z.ZodRecord)
		return `${noun('map', 'maps')} from ${describeType(inner.keySchema, true)} to ${describeType(inner.valueSchema, true)}`;
	if (inner instanceof z.ZodObject || inner instanceof z.ZodDiscriminatedUnion)
		return noun('fields below', 'entries with the fields below');
	if (inner instanceof z.ZodUnion) return orList((inner.options as z.ZodTypeAny[]).map((option) => describeType(option, many)));
	throw new Error(`no description for a ${inner._def.typeName} field`);
}

function describeRequired({ optional, defaultValue }: Unwrapped): string {
	if (defaultValue === undefined) return optional ? 'no' : 'yes';
	if (typeof defaultValue === 'object') return 'no'; // an empty list or group
	return `no (default ${code(defaultValue)})`;
}

/** Every field under `schema`, depth first, as rows; list items are written `field[].sub`. */
function collectRows(schema: z.ZodTypeAny, prefix: string, rows: Row[], docs: Map<string, string>, missing: string[]): void {
	const objects = objectsUnder(schema);
	const keys = [...new Set(objects.flatMap((object) => Object.keys(object.shape)))];
	for (const key of keys) {
		const owners = objects.filter((object) => key in object.shape);
		const fields = owners.map((object) => object.shape[key] as z.ZodTypeAny);
		const field = fields[0]!;
		const unwrapped = unwrap(field);
		// A frontmatter `slug` only exists to be refused; authoring.md says so once.
		if (unwrapped.schema instanceof z.ZodUndefined) continue;
		const display = `${prefix}${key}`;
		const docKey = display.replace(/\[\]/g, '');
		const doc = docs.get(docKey) ?? '';
		if (!doc) missing.push(docKey);
		// A field of some options of a union only (an access entry's `passwordEnv`) says which.
		let required = describeRequired(unwrapped);
		let type = describeType(field);
		const discriminator = discriminatorOf(schema);
		if (owners.length < objects.length && discriminator) {
			const values = owners.map((object) => (unwrap(object.shape[discriminator] as z.ZodTypeAny).schema as z.ZodLiteral<string>).value);
			required += `; only with \`${discriminator}: ${values.join(' | ')}\``;
		} else if (fields.length > 1 && fields.every((one) => unwrap(one).schema instanceof z.ZodLiteral)) {
			type = orList(fields.map((one) => code((unwrap(one).schema as z.ZodLiteral<string>).value)));
		}
		rows.push({ path: display, type, required, doc });
		const listed = unwrapped.schema instanceof z.ZodArray;
		if (objectsUnder(field).length) collectRows(field, `${display}${listed ? '[]' : ''}.`, rows, docs, missing);
	}
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The tables of every kind; throws, naming each one, when a field has no JSDoc. */
export async function kindTables(srcDir: string): Promise<KindTable[]> {
	const tables: KindTable[] = [];
	const missing: string[] = [];
	for (const kind of schemaKinds(srcDir)) {
		const file = path.join(srcDir, 'kinds', kind, 'schema.ts');
		const name = schemaName(kind);
		const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
		const schema = module[name];
		if (!(schema instanceof z.ZodType)) throw new Error(`src/kinds/${kind}/schema.ts exports no ${name}`);
		const comments = schemaComments(file, name, srcDir);
		const rows: Row[] = [];
		const undocumented: string[] = [];
		collectRows(schema, '', rows, comments.fields, undocumented);
		missing.push(...undocumented.map((field) => `${kind}: ${field}`));
		const lines = [
			...(comments.summary ? [comments.summary, ''] : []),
			'| field | type | required | meaning |',
			'| --- | --- | --- | --- |',
			...rows.map((row) => `| \`${row.path}\` | ${cell(row.type)} | ${cell(row.required)} | ${cell(row.doc)} |`),
		];
		tables.push({ kind, markdown: lines.join('\n') });
	}
	if (missing.length)
		throw new Error(
			`These schema fields have no JSDoc comment, which docs/authoring.md is generated from:\n  ${missing.join('\n  ')}\n` +
				'Write a /** … */ comment on its own line above each field (in src/kinds/<kind>/ or the file its schema comes from).',
		);
	return tables;
}
