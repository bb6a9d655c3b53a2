import { defineKind, YAML } from '@/kinds/kind';
import { namedById } from '@/kinds/file-name';
import { MilestoneObjectSchema, MilestoneSchema, milestoneRules } from './schema';

/** `milestones/<id>.yaml`: one milestone per file. */
export const milestoneKind = defineKind({
	name: 'milestone',
	where: { folder: 'milestones' },
	format: YAML,
	schema: MilestoneSchema,
	salvage: { object: MilestoneObjectSchema, rules: milestoneRules },
	fileName: namedById('id'),
	// By due date.
	order: (a, b) => a.data.due.localeCompare(b.data.due) || a.data.id.localeCompare(b.data.id),
	search: { label: 'type.milestone' },
});
