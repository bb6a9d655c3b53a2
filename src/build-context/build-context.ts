import path from 'node:path';
import { z } from 'zod';
import { isRealIsoDate } from '@/kinds/common';
import { localToday } from '@/lib/calendar';
import { readDotEnv, requireSecret } from '@/keys/secret';

/**
 * Everything a command or a build takes from its environment, read once and checked with Zod
 * (this is the one module that reads `process.env`). The CLI reads it when a command starts and
 * hands it on as a parameter: to the checker, the scaffolds, and through `astroConfig` to the
 * integrations, the post-build steps and (as the page context) the pages. `astro build`,
 * `astro dev` and `astro check` run directly read it once, in the Astro configuration.
 */
export interface BuildContext {
	/** The project folder: `.env` is read here and relative folders below are resolved from it. */
	readonly root: string;
	/** Absolute folder holding `site.yaml` and one folder per client (GLASSHOUSE_CONTENT, default ./content). */
	readonly contentDir: string;
	/** The site's public URL (GLASSHOUSE_SITE), `http://localhost:4321` when unset. */
	readonly site: string;
	/** Whether GLASSHOUSE_SITE was set: without it an email has no link to give (see `glasshouse digest`). */
	readonly siteGiven: boolean;
	/** The base path the site is served under (GLASSHOUSE_BASE, default `/`), like `/repo/` on GitHub Pages. */
	readonly base: string;
	/**
	 * The day checks, pages and scaffolds are dated by (GLASSHOUSE_TODAY, for tests or rebuilding
	 * as of a date), otherwise today on the machine's calendar: a PM in Shanghai writing on Monday
	 * morning means Monday, even while it is still Sunday in UTC. CI runs in UTC, so a deployed
	 * build counts in UTC days.
	 */
	readonly today: string;
	/** Where drawn diagrams are cached between builds (GLASSHOUSE_DIAGRAM_CACHE); never in the output. */
	readonly diagramCache: string;
	/** Where bodies that compiled are remembered between checks (GLASSHOUSE_CHECK_CACHE). */
	readonly checkCache: string;
	/**
	 * Where each client's finished (encrypted, indexed) folder is kept between builds
	 * (GLASSHOUSE_CLIENT_CACHE), so a build renders only the clients that changed (see `src/build-cache/`).
	 */
	readonly clientCache: string;
	/** A file to write each build phase's time to, as JSON (GLASSHOUSE_TIMINGS; `npm run bench`). */
	readonly timingsFile: string | undefined;
	/** GLASSHOUSE_BENCHMARK_PLAIN=1: build the pages as Astro alone would (see post-build/plain-benchmark.ts). */
	readonly plainBenchmark: boolean;
	/** Astro's log level for `glasshouse build` (GLASSHOUSE_LOG_LEVEL=debug, else info). */
	readonly logLevel: 'info' | 'debug';
	/** GLASSHOUSE_DEBUG: show a failed build's stack trace. */
	readonly debug: boolean;
	/** The environment as read, for the variables client.yaml names (`passwordEnv`) and the terminal's conventions. */
	readonly variables: Readonly<Record<string, string | undefined>>;
	/** Whether a secret was found (GLASSHOUSE_SECRET in the environment, else in `.env`), valid or not. */
	readonly hasSecret: boolean;
	/**
	 * The decoded secret. Decoded at the first call and kept, so a build decodes it once however
	 * many steps need it; throws a `SecretError` saying what to do when it is missing or weak.
	 */
	secret(): Uint8Array;
}

/** An environment variable that holds something unusable, worded as what to do about it. */
export class BuildContextError extends Error {}

/** Unset and empty are the same: `GLASSHOUSE_BASE=` in a CI file means "not set". */
const given = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const EnvironmentSchema = z.object({
	GLASSHOUSE_CONTENT: given(z.string()),
	GLASSHOUSE_SITE: given(
		z.string().refine((value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value), {
			message: "expected the site's full address, like https://status.example.com",
		}),
	),
	GLASSHOUSE_BASE: given(z.string()),
	GLASSHOUSE_TODAY: given(z.string().refine(isRealIsoDate, { message: 'expected a real date as YYYY-MM-DD' })),
	GLASSHOUSE_DIAGRAM_CACHE: given(z.string()),
	GLASSHOUSE_CHECK_CACHE: given(z.string()),
	GLASSHOUSE_CLIENT_CACHE: given(z.string()),
	GLASSHOUSE_TIMINGS: given(z.string()),
	GLASSHOUSE_BENCHMARK_PLAIN: given(z.string()),
	GLASSHOUSE_LOG_LEVEL: given(z.string()),
	GLASSHOUSE_DEBUG: given(z.string()),
	// Not emptied: an empty secret is reported as such, not replaced by the one in `.env`.
	GLASSHOUSE_SECRET: z.string().optional(),
});

const LOCAL_SITE = 'http://localhost:4321';

/** A copy of this process's environment, taken once by whoever starts the work (the CLI, the Astro configuration). */
export function currentEnvironment(): Record<string, string | undefined> {
	return { ...process.env };
}

/**
 * Reads and checks the context from `env` (this process's environment unless given) and `.env`
 * in `root`. Throws a `BuildContextError` naming each unusable variable, what was expected and
 * what it holds.
 */
export function readBuildContext(
	env: Readonly<Record<string, string | undefined>> = currentEnvironment(),
	root: string = process.cwd(),
	now: Date = new Date(),
): BuildContext {
	const parsed = EnvironmentSchema.safeParse(env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => {
			const name = String(issue.path[0]);
			return `${name}: ${issue.message}, found "${env[name]}".`;
		});
		throw new BuildContextError(lines.join('\n'));
	}
	const values = parsed.data;
	const projectRoot = path.resolve(root);
	const caches = defaultCaches(projectRoot);
	const secretText = values.GLASSHOUSE_SECRET ?? readDotEnv(projectRoot).GLASSHOUSE_SECRET;
	return withSecretText(
		{
			root: projectRoot,
			contentDir: path.resolve(projectRoot, values.GLASSHOUSE_CONTENT ?? './content'),
			site: values.GLASSHOUSE_SITE ?? LOCAL_SITE,
			siteGiven: values.GLASSHOUSE_SITE !== undefined,
			base: values.GLASSHOUSE_BASE ?? '/',
			today: values.GLASSHOUSE_TODAY ?? localToday(now),
			diagramCache: values.GLASSHOUSE_DIAGRAM_CACHE ? path.resolve(projectRoot, values.GLASSHOUSE_DIAGRAM_CACHE) : caches.diagramCache,
			checkCache: values.GLASSHOUSE_CHECK_CACHE ? path.resolve(projectRoot, values.GLASSHOUSE_CHECK_CACHE) : caches.checkCache,
			clientCache: values.GLASSHOUSE_CLIENT_CACHE ? path.resolve(projectRoot, values.GLASSHOUSE_CLIENT_CACHE) : caches.clientCache,
			timingsFile: values.GLASSHOUSE_TIMINGS ? path.resolve(projectRoot, values.GLASSHOUSE_TIMINGS) : undefined,
			plainBenchmark: values.GLASSHOUSE_BENCHMARK_PLAIN === '1',
			logLevel: values.GLASSHOUSE_LOG_LEVEL === 'debug' ? 'debug' : 'info',
			debug: values.GLASSHOUSE_DEBUG !== undefined,
			variables: Object.freeze({ ...env }),
		},
		secretText,
	);
}

/**
 * Where the caches live unless GLASSHOUSE_DIAGRAM_CACHE, GLASSHOUSE_CHECK_CACHE or GLASSHOUSE_CLIENT_CACHE say otherwise:
 * beside Astro's own cache in the project's node_modules, never in the output, since all hold
 * client content. A CI workflow can keep them between runs with `actions/cache` on `node_modules/.cache/`.
 */
export function defaultCaches(root: string): Pick<BuildContext, 'diagramCache' | 'checkCache' | 'clientCache'> {
	const cache = (name: string) => path.join(root, 'node_modules', '.cache', name);
	return { diagramCache: cache('glasshouse-diagrams'), checkCache: cache('glasshouse-check'), clientCache: cache('glasshouse-clients') };
}

/**
 * The same context with the secret taken from `text` (`glasshouse build --demo` brings its own
 * throwaway secret), decoded at most once.
 */
export function withSecretText(context: Omit<BuildContext, 'hasSecret' | 'secret'>, text: string | undefined): BuildContext {
	let decoded: Uint8Array | undefined;
	return {
		...context,
		hasSecret: Boolean(text),
		secret: () => (decoded ??= requireSecret(text)),
	};
}

/** The same context reading content from `dir` (a command's `--content`), resolved from the project folder. */
export function withContentDir(context: BuildContext, dir: string): BuildContext {
	return { ...context, contentDir: path.resolve(context.root, dir) };
}

/** A build context as structured data, for a worker thread (see `toPortableContext`). */
export interface PortableContext extends Omit<BuildContext, 'secret'> {
	/** The decoded secret, when there is one and it was accepted. */
	secretBytes?: Uint8Array;
}

/**
 * The context as data a worker thread can be handed (`postMessage` copies no function): the
 * secret travels decoded, within the process, when it decodes; a thread's `secret()` then throws
 * as the missing secret's would, which only a build that refused the secret before can meet.
 */
export function toPortableContext(context: BuildContext): PortableContext {
	const { secret, ...values } = context;
	let secretBytes: Uint8Array | undefined;
	try {
		secretBytes = context.hasSecret ? secret() : undefined;
	} catch {
		secretBytes = undefined;
	}
	return { ...values, ...(secretBytes ? { secretBytes } : {}) };
}

/** The context again on a worker thread, from `toPortableContext`. */
export function fromPortableContext(portable: PortableContext): BuildContext {
	const { secretBytes, ...values } = portable;
	return { ...values, secret: () => secretBytes ?? requireSecret(undefined) };
}
