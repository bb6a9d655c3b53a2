import type { Contact } from '../schemas/client';

type Member = Pick<Contact, 'name' | 'side' | 'primary'>;

/** The vendor's main contact: the primary vendor-side member, else the first vendor-side one. */
export function primaryVendor(team: Member[]): string | undefined {
	const vendors = team.filter((person) => person.side === 'vendor');
	return (vendors.find((person) => person.primary) ?? vendors[0])?.name;
}

/** Names of the team members on one side, in the order of client.yaml. */
export function namesOnSide(team: Member[], side: Contact['side']): string[] {
	return team.filter((person) => person.side === side).map((person) => person.name);
}
