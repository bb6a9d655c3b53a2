/**
 * Folder holding `site.yaml` and one folder per client. `GLASSHOUSE_CONTENT` points the build and
 * the checker at another folder (the test fixtures and benchmarks use this).
 */
export const CONTENT_DIR = process.env.GLASSHOUSE_CONTENT || './content';
