import type { BuildContext } from '@/build-context/build-context';
import { isRealIsoDate } from '@/kinds/common';
import { composeDigest, DigestError, type Digest } from '@/digest/compose-digest';
import { digestHtmlDocument } from '@/digest/digest-html';
import { digestText } from '@/digest/digest-text';
import { requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';

export const digestHelp = `Usage: glasshouse digest <client> [--update YYYY-MM-DD] [--site URL] [--base PATH] [--format text|html|both] [--content DIR]

Prints the announcement email of an update, in the client's language, to paste into your
mail client: subject, health, summary, what we need from the client (open needs of the
update, open client-side action items from meeting minutes, change requests awaiting their
approval), the feedback answered since the previous update ("you said, we did"), the surveys
open for answers, the next milestone and the link to the update's page.

  --update   the update's date (default: the latest)
  --site     the public URL of the site (default: GLASSHOUSE_SITE); without one, the email
             has a TODO placeholder where the link goes
  --base     the base path (default: GLASSHOUSE_BASE, or /)
  --format   text, html or both (default: both, between "=====" marker lines)

The HTML uses inline styles only: save it as a .html file, open it in a browser, and copy
and paste it into the message. The email holds no passwords or personal links; send those
separately with "glasshouse share <client>".`;

interface DigestOptions {
	client?: string;
	update?: string;
	site?: string;
	base?: string;
	format?: string;
	content?: string;
}

const FORMATS = ['text', 'html', 'both'] as const;

export async function runDigest(options: DigestOptions, output: Output, context: BuildContext): Promise<number> {
	const format = options.format ?? 'both';
	if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected text, html or both, found "${format}".`);
	if (options.update !== undefined && !isRealIsoDate(options.update))
		throw new UsageError(`--update: expected the date of an update as YYYY-MM-DD, found "${options.update}".`);
	const siteUrl = options.site ?? (context.siteGiven ? context.site : undefined);
	if (siteUrl !== undefined && !/^https?:\/\/[^/]/.test(siteUrl))
		throw new UsageError(`--site: expected the site's address, like https://status.example.com, found "${siteUrl}".`);
	const base = options.base ?? context.base;

	const { client, settings, loaded } = await requireClient(options.content ?? context.contentDir, options.client, output);
	let digest: Digest;
	try {
		digest = composeDigest({
			slug: client.slug,
			client: settings,
			agency: loaded.site?.agency.name,
			updates: client.updates.map((entry) => entry.value),
			meetings: client.meetings.map((entry) => entry.value),
			changes: client.changes.map((entry) => entry.value),
			milestones: client.milestones.map((entry) => entry.value),
			feedback: client.feedback.map((entry) => entry.value),
			surveys: client.surveys.map((entry) => ({ stem: entry.stem, survey: entry.value })),
			today: context.today,
			date: options.update,
			site: siteUrl ? { url: siteUrl, base } : undefined,
		});
	} catch (error) {
		if (error instanceof DigestError) throw new UserError(error.message);
		throw error;
	}

	// Notes for the PM go to stderr, so `--format html > email.html` holds only the email.
	const errors = loaded.problems.filter((problem) => problem.severity === 'error' && problem.file.startsWith(`${client.dir}/`)).length;
	if (errors)
		output.warn(`# ${client.dir} has ${errors} error(s): files with errors are left out of this email. Run \`glasshouse check\`.`);
	if (!digest.link)
		output.warn('# No site URL known: the email has a TODO placeholder where the link goes. Pass --site https://… or set GLASSHOUSE_SITE.');
	output.warn(`# Note: the email holds no passwords or personal links; send access separately with \`glasshouse share ${client.slug}\`.`);

	if (format === 'text') output.info(`Subject: ${digest.subject}\n\n${digestText(digest).trimEnd()}`);
	else if (format === 'html') output.info(digestHtmlDocument(digest).trimEnd());
	else {
		output.info(
			[
				'===== Subject =====',
				digest.subject,
				'===== Plain text =====',
				digestText(digest).trimEnd(),
				'===== HTML (save as .html, open it in a browser, copy and paste into the message) =====',
				digestHtmlDocument(digest).trimEnd(),
				'===== End =====',
			].join('\n'),
		);
	}
	return 0;
}
