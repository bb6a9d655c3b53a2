import type { BuildContext } from '@/build-context/build-context';
import { loadContent, type LoadedClient } from '@/loader/load-content';
import { resolveCredentials, shareLink } from '@/keys/build-keyring';
import { UsageError, UserError, type Output } from '@/cli/output';

export const shareHelp = `Usage: glasshouse share <client> [--site URL] [--base PATH] [--content DIR]

Prints each access entry of a client with its current password or personal link.
Needs GLASSHOUSE_SECRET (environment or .env), the same one the site was built with.
The site URL and base path default to GLASSHOUSE_SITE and GLASSHOUSE_BASE.
Send each person only their own link; revoke one with "revoked: true" in client.yaml.`;

interface ShareOptions {
	client?: string;
	site?: string;
	base?: string;
	content?: string;
}

/** The lines `glasshouse share` prints for one client; `variables` hold the passwords `passwordEnv` names. */
export async function describeAccess(
	client: LoadedClient,
	master: Uint8Array,
	site: string,
	base: string,
	variables: BuildContext['variables'],
): Promise<string[]> {
	const settings = client.client!.value;
	if (settings.public) return [`${client.slug}: public (not encrypted), ${shareLink(site, base, client.slug, '', '').replace(/#\.$/, '')}`];
	const credentials = await resolveCredentials(client.slug, settings.access, master, variables);
	const lines = [`${settings.name} (${client.slug})`];
	for (const { entry, password, token } of credentials) {
		const value = password !== undefined ? `password: ${password}` : `link:     ${shareLink(site, base, client.slug, entry.id, token!)}`;
		lines.push(`  ${entry.label} [${entry.id}]`, `    ${value}`);
	}
	const revoked = settings.access.filter((entry) => entry.revoked);
	if (revoked.length) lines.push(`  revoked: ${revoked.map((entry) => entry.id).join(', ')}`);
	return lines;
}

export async function runShare(options: ShareOptions, output: Output, context: BuildContext): Promise<number> {
	const content = await loadContent(options.content ?? context.contentDir);
	const known = content.clients.map((client) => client.slug);
	if (!options.client) throw new UsageError(`Name a client. Known clients: ${known.join(', ') || 'none'}.`);
	const client = content.clients.find((candidate) => candidate.slug === options.client);
	if (!client?.client) throw new UserError(`Unknown client "${options.client}". Known clients: ${known.join(', ') || 'none'}.`);
	const site = options.site ?? context.site;
	const base = options.base ?? context.base;
	for (const line of await describeAccess(client, context.secret(), site, base, context.variables)) output.info(line);
	return 0;
}
