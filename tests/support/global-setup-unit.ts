import type { TestProject } from 'vitest/node';
import { atEachRun, emptyRunCaches } from './fresh-run';

/**
 * Global set-up of the unit tests: the checks they run in-process keep their caches in the run's
 * output (RUN_CACHES, set by tests/vitest.config.ts), emptied here so no run reads another's.
 * Only the caches: a run of unit tests alone leaves the builds of the last build tests alone.
 */
export default function setup(project: TestProject): Promise<void> {
	return atEachRun(project, emptyRunCaches);
}
