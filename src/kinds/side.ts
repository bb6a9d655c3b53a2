import { z } from 'zod';

/** The two organisations on a project: the agency (vendor) and its client. */
export const SideSchema = z.enum(['vendor', 'client']);
export type Side = z.infer<typeof SideSchema>;
