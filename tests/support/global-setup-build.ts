import type { TestProject } from 'vitest/node';
import { atEachRun, startFreshRun } from './fresh-run';
import { DEMO_FOLDER } from './run-output';

/**
 * Global set-up of the build tests that build their own sites (fixtures, failing builds): the run
 * starts from an empty tests/.output, so every folder a test reads was written by this run. The
 * demo's folder is the demo project's (global-setup-demo.ts), which may have filled it already.
 */
export default function setup(project: TestProject): Promise<void> {
	return atEachRun(project, () => startFreshRun({ keep: DEMO_FOLDER }));
}
