import { z } from 'zod';

export const LEVELS = ['low', 'medium', 'high'] as const;

/** Three-step scale for likelihood, impact and severity. */
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;
