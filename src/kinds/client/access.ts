import { z } from 'zod';
import { SlugSchema, TextSchema } from '@/kinds/common';

const AccessBase = {
	/** Stable id, part of a personal link's fragment; never published in the site itself. */
	id: SlugSchema,
	/** Who this entry is for, e.g. "Aoife Brennan (CFO)"; shown to the PM by `glasshouse share`. */
	label: TextSchema,
	/** Bump to replace this entry's password or link on the next build (others are unaffected). */
	rotation: z.number().int().min(0).default(0),
	/** `true` removes this entry's key slot on the next build. */
	revoked: z.boolean().default(false),
};

/** A password shared with a group; derived from GLASSHOUSE_SECRET unless set through `passwordEnv`. */
const PasswordAccessSchema = z
	.object({
		...AccessBase,
		/** `password`: one password shared by a group. */
		type: z.literal('password'),
		/**
		 * Name of an environment variable holding a password chosen by you. It must be at least 12
		 * characters and about 60 bits strong, or the build stops.
		 */
		passwordEnv: z
			.string()
			.regex(/^[A-Z][A-Z0-9_]*$/, 'expected an environment variable name like "ACME_PASSWORD"')
			.optional(),
	})
	.strict();

/** A personal link carrying a 256-bit token in its fragment; revoke one person without touching anyone else. */
const LinkAccessSchema = z
	.object({
		...AccessBase,
		/** `link`: a personal link for one person. */
		type: z.literal('link'),
	})
	.strict();

/** One way into a client's site: a key slot in its keyring. */
export const AccessEntrySchema = z.discriminatedUnion('type', [PasswordAccessSchema, LinkAccessSchema]);

export type AccessEntryInput = z.input<typeof AccessEntrySchema>;
export type AccessEntry = z.infer<typeof AccessEntrySchema>;
