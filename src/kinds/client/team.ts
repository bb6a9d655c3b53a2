import type { Contact } from '@/kinds/client/schema';

type Member = Pick<Contact, 'name' | 'side' | 'primary'>;

/**
 * The vendor-side person questions and answers go to: the primary vendor contact, or the first
 * vendor contact when none is marked primary (the schema allows that); undefined without any.
 */
export function projectManager<T extends Pick<Contact, 'side' | 'primary'>>(team: T[]): T | undefined {
	const vendors = team.filter((person) => person.side === 'vendor');
	return vendors.find((person) => person.primary) ?? vendors[0];
}

/** Names of the team members on one side, in the order of client.yaml. */
export function namesOnSide(team: Member[], side: Contact['side']): string[] {
	return team.filter((person) => person.side === side).map((person) => person.name);
}
