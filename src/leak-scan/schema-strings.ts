import {
	ZodArray,
	ZodBranded,
	ZodCatch,
	ZodDefault,
	ZodDiscriminatedUnion,
	ZodEffects,
	ZodIntersection,
	ZodLazy,
	ZodMap,
	ZodNever,
	ZodNullable,
	ZodObject,
	ZodOptional,
	ZodPipeline,
	ZodReadonly,
	ZodRecord,
	ZodSet,
	ZodTuple,
	ZodUnion,
	type ZodTypeAny,
} from 'zod';
import { isNotSecret } from '@/kinds/not-secret';

/**
 * Calls `visit` with every string of `value`, walking `schema` alongside it, except the values of
 * schemas marked as never secret (see `isNotSecret`: enums, literals, dates). Free text is found
 * wherever it sits: in arrays, objects, records (keys too), tuples, and in every option of a union
 * that the value fits. It fails closed: where the schema is unknown (`undefined`), of a type not
 * handled here, or does not describe the value (an object key it does not list), every string
 * below is visited, object keys included.
 */
export function forEachString(value: unknown, schema: ZodTypeAny | undefined, visit: (text: string) => void): void {
	if (schema === undefined) return forEachStringOf(value, visit);
	if (isNotSecret(schema)) return;
	if (schema instanceof ZodOptional || schema instanceof ZodNullable) {
		if (value !== undefined && value !== null) forEachString(value, schema.unwrap(), visit);
	} else if (schema instanceof ZodDefault || schema instanceof ZodCatch || schema instanceof ZodReadonly) {
		forEachString(value, schema._def.innerType, visit);
	} else if (schema instanceof ZodBranded) {
		forEachString(value, schema.unwrap(), visit);
	} else if (schema instanceof ZodLazy) {
		forEachString(value, schema.schema, visit);
	} else if (schema instanceof ZodEffects) {
		// Refinements keep the shape; a transform that changes it makes the walk below fall back to every string.
		forEachString(value, schema.innerType(), visit);
	} else if (schema instanceof ZodPipeline || schema instanceof ZodIntersection) {
		// The value is the input of one side and the output of the other, or fits both: walked by each.
		const [first, second] = schema instanceof ZodPipeline ? [schema._def.in, schema._def.out] : [schema._def.left, schema._def.right];
		forEachString(value, first, visit);
		forEachString(value, second, visit);
	} else if (schema instanceof ZodObject && isPlainObject(value)) {
		const shape = schema.shape as Record<string, ZodTypeAny>;
		const rest = schema._def.catchall instanceof ZodNever ? undefined : schema._def.catchall;
		for (const [key, item] of Object.entries(value)) {
			if (Object.hasOwn(shape, key)) forEachString(item, shape[key], visit);
			else {
				visit(key);
				forEachString(item, rest, visit);
			}
		}
	} else if (schema instanceof ZodArray && Array.isArray(value)) {
		for (const item of value) forEachString(item, schema.element, visit);
	} else if (schema instanceof ZodSet && value instanceof Set) {
		for (const item of value) forEachString(item, schema._def.valueType, visit);
	} else if (schema instanceof ZodTuple && Array.isArray(value)) {
		const items = schema.items as ZodTypeAny[];
		value.forEach((item, index) => forEachString(item, items[index] ?? schema._def.rest ?? undefined, visit));
	} else if (schema instanceof ZodRecord && isPlainObject(value)) {
		for (const [key, item] of Object.entries(value)) {
			forEachString(key, schema.keySchema, visit);
			forEachString(item, schema.valueSchema, visit);
		}
	} else if (schema instanceof ZodMap && value instanceof Map) {
		for (const [key, item] of value) {
			forEachString(key, schema.keySchema, visit);
			forEachString(item, schema.valueSchema, visit);
		}
	} else if (schema instanceof ZodUnion || schema instanceof ZodDiscriminatedUnion) {
		// Which option the author meant is unknown: the value is walked by every option it fits,
		// so a string is left out only when every one of them leaves it out.
		const options = (schema.options as ZodTypeAny[]).filter((option) => option.safeParse(value).success);
		if (options.length === 0) forEachStringOf(value, visit);
		for (const option of options) forEachString(value, option, visit);
	} else {
		// Strings, and anything the schema does not describe.
		forEachStringOf(value, visit);
	}
}

/** Every string of `value`, object keys included. */
function forEachStringOf(value: unknown, visit: (text: string) => void): void {
	if (typeof value === 'string') visit(value);
	else if (Array.isArray(value) || value instanceof Set) for (const item of value) forEachStringOf(item, visit);
	else if (value instanceof Map) for (const [key, item] of value) [key, item].forEach((part) => forEachStringOf(part, visit));
	else if (isPlainObject(value))
		for (const [key, item] of Object.entries(value)) {
			visit(key);
			forEachStringOf(item, visit);
		}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		!(value instanceof Date) &&
		!(value instanceof Map) &&
		!(value instanceof Set)
	);
}
