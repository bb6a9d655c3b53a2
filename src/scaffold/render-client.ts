import type { Locale } from '@/i18n/locales';
import { addDays } from '@/lib/calendar';
import { inlineValue } from './yaml-text';

interface ClientScaffoldInput {
	slug: string;
	name: string;
	locale: Locale;
	today: string;
}

/**
 * `<client>/client.yaml` with every field present and explained: required ones filled with
 * placeholders that pass the check, optional ones commented out with an example.
 */
export function renderClient({ slug, name, locale, today }: ClientScaffoldInput): string {
	const currency = locale === 'zh-CN' ? 'CNY' : 'EUR';
	const passwordEnv = `${slug.toUpperCase().replace(/-/g, '_')}_PASSWORD`;
	return `# Who ${name} is and how the project runs. Every field is explained in docs/authoring.md.
# Run \`npm run check\` after editing; it lists every mistake at once.

# The client organisation's display name.
name: ${inlineValue(name)}

project:
  # Project name, shown in the header of every page.
  name: ${inlineValue('TODO: project name')}
  # One paragraph on what the project is for, shown on the overview.
  summary: ${inlineValue('TODO: one paragraph on what the project delivers, for whom, and by when.')}
  # What the project must achieve, one line each; the close-out summary reports an outcome
  # against each (\`glasshouse new closeout ${slug}\` lists them for you).
  objectives: []
  #  - Launch the new website before the spring campaign

# Interface language, date format and <html lang>: en or zh-CN.
locale: ${locale}
# ISO 4217 code for cost figures (decision impact).
currency: ${currency}
# Project start and planned end (YYYY-MM-DD); the end must not be before the start.
start: ${today}
plannedEnd: ${addDays(today, 91)}

# Contacts on both sides. side: vendor (your team) or client. Exactly one vendor contact
# should be primary: true, the person questions go to.
team:
  - name: ${inlineValue('TODO: your name')}
    role: Project manager
    side: vendor
    email: pm@example.com
    # phone: "+44 20 7946 0000"  # optional, written as it should be dialled
    primary: true
  # - name: Client sponsor's name
  #   role: Project sponsor
  #   side: client
  #   email: sponsor@example.com

# How both sides stay in touch; shown on the contacts page.
communication:
  # When a status update is due: every week, two-weeks or month, on a weekday (monday … sunday).
  # Drives "next update expected", \`glasshouse new update\` and the check's overdue warning.
  cadence:
    every: week
    day: friday
  # Recurring meetings: name and rhythm.
  meetings: []
  #  - name: Weekly status call
  #    rhythm: Thursdays 10:00, 30 min
  # Channels for day-to-day contact: name and detail.
  channels: []
  #  - name: Email
  #    detail: pm@example.com for approvals and change requests
  # Who to go to when something is stuck, in order: who and when.
  escalation: []
  #  - who: Project manager
  #    when: A question has been blocked for more than 2 working days

# What the project delivers (in) and what it explicitly does not (out).
scope:
  in: []
  out: []

# Accent colour of the client's site, as #rrggbb.
# accent: "#0f766e"
# Logo file next to client.yaml (.svg or .png, at most 100 kB), shown in the header.
# logo: logo.svg

# Who may open the site. Each entry is its own key slot, so one can be revoked without the others.
#   id: stable, lowercase; part of personal links
#   label: who it is for; shown only to you by \`glasshouse share\`
#   type: password (shared by a group) or link (a personal link for one person)
#   rotation: raise by one to issue a new password or link for this entry only
#   revoked: true removes the entry on the next deploy (\`glasshouse revoke ${slug} <id>\`)
#   passwordEnv: (passwords only) an environment variable holding a password you chose
# \`npm run glasshouse -- share ${slug}\` prints the current passwords and links.
access:
  - id: project-team
    label: ${inlineValue(`${name} project team (shared password)`)}
    type: password
    rotation: 0
    revoked: false
    # passwordEnv: ${passwordEnv}
  # - id: jane-doe
  #   label: Jane Doe, project sponsor
  #   type: link

# true publishes this client's site unencrypted. Every client is private unless it says so.
public: false
# active while work goes on; closed shows the close-out summary (closeout.mdx) on the overview.
status: active
# Days after which \`npm run check\` warns about an open risk (risks/) that has not been reviewed.
riskReviewDays: 30
# Days a remembered device stays unlocked (0: never remember, at most 365).
rememberDays: 30
`;
}

/** \`site.yaml\` for a content folder that has none yet. */
export function renderSite(): string {
	return `# Settings shared by every client's site.
agency:
  # Your agency or team, shown in footers and on the lock screen.
  name: ${inlineValue('TODO: your agency name')}
  # url: https://example.com  # your public website
# Title of the neutral page at the site root (it lists no clients).
title: Project status
`;
}
