import { ZodEnum, ZodLiteral, ZodNativeEnum, type ZodTypeAny } from 'zod';

const marked = new WeakSet<ZodTypeAny>();

/**
 * Marks a schema whose values never tell anything about a client (a calendar day), so the leak
 * scan does not search the output for them. Only this schema object is marked: one derived from
 * it (`.regex()`, `.extend()`, a new `z.string()`) is searched for again, so a new field can only
 * leave the scan on purpose.
 */
export function notSecret<T extends ZodTypeAny>(schema: T): T {
	marked.add(schema);
	return schema;
}

/**
 * Whether the values of a schema are never a client's secret: marked by `notSecret`, or one of a
 * fixed set of values written in this code (an enum, a literal), which every page may show.
 */
export function isNotSecret(schema: ZodTypeAny): boolean {
	return marked.has(schema) || schema instanceof ZodEnum || schema instanceof ZodNativeEnum || schema instanceof ZodLiteral;
}
