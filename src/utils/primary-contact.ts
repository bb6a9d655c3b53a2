/**
 * The person questions go to: the vendor contact marked `primary: true` in client.yaml, else the
 * first vendor contact listed. Undefined when the team lists no vendor contact.
 */
export function primaryVendor<T extends { side: string; primary?: boolean }>(team: readonly T[]): T | undefined {
	const vendors = team.filter((person) => person.side === 'vendor');
	return vendors.find((person) => person.primary) ?? vendors[0];
}
