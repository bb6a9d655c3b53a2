import { line } from './yaml-text';

interface MilestoneScaffoldInput {
	id: string;
	title: string;
	start: string;
	due: string;
	owner: string;
	/** Ids of the client's other milestones, offered in a comment for `dependsOn`. */
	otherIds: string[];
}

/** `milestones/<id>.yaml`: a planned milestone, optional fields commented out with their meaning. */
export function renderMilestone(input: MilestoneScaffoldInput): string {
	const known = input.otherIds.length ? `: ${input.otherIds.join(', ')}` : '';
	return [
		line('id', input.id, 'must match the file name; updates refer to it'),
		line('title', input.title),
		'# phase: Build  # groups milestones on the timeline',
		line('start', input.start, 'when work towards it starts'),
		line('due', input.due),
		'# forecast: YYYY-MM-DD  # the current forecast once it has slipped',
		line('status', 'planned', 'planned, in-progress, done, at-risk, late or cancelled'),
		line('owner', input.owner, 'who is accountable'),
		line('dependsOn', [], `ids of milestones that must finish first${known}`),
		line('deliverables', [], 'what is handed over, e.g. ["Signed-off test report"]'),
		'# completed: YYYY-MM-DD  # the actual date, together with "status: done"',
		"# acceptance:  # the client's sign-off, once completed",
		'#   on: YYYY-MM-DD',
		'#   by: Name on the client side',
		'',
	].join('\n');
}
