import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site';
import type {} from './demo-build'; // declares what `provide('demo', …)` takes
import { atEachRun, startFreshRun } from './fresh-run';
import { DEMO_FOLDER } from './run-output';

/**
 * Global set-up of the tests that read the demo: the run starts from an empty tests/.output and
 * builds the demo once, with the real CLI, for every one of them (`demoBuild()`, `demoOutput()`).
 */
export default function setup(project: TestProject): Promise<void> {
	return atEachRun(project, async () => {
		startFreshRun();
		console.log(`Building the demo once for this run into tests/.output/${DEMO_FOLDER}/…`);
		project.provide('demo', await buildSite(DEMO_FOLDER, 'content'));
	});
}
