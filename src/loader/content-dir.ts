/**
 * Folder holding `site.yaml` and one folder per client. `GLASSHOUSE_CONTENT` points the build and
 * the checker at another folder (the test fixtures and benchmarks use this). Read at call time:
 * the CLI sets it after this module may already have been loaded.
 */
export function contentDir(): string {
	return process.env.GLASSHOUSE_CONTENT || './content';
}
