import { defineKind, YAML } from '@/kinds/kind';
import { namedById } from '@/kinds/file-name';
import { compareRisks } from './compare-risks';
import { RiskObjectSchema, RiskSchema, riskRules } from './schema';

/** `risks/<id>.yaml`: one entry of the risk register per file. */
export const riskKind = defineKind({
	name: 'risk',
	where: { folder: 'risks' },
	format: YAML,
	schema: RiskSchema,
	salvage: { object: RiskObjectSchema, rules: riskRules },
	fileName: namedById('id'),
	// Register order: live before closed, most severe first.
	order: (a, b) => compareRisks(a.data, b.data),
	search: { label: 'type.risk' },
});
