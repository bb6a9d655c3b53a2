import type { Health } from '@/kinds/common';
import { HEALTH_SYMBOL } from '@/kinds/health-symbol';
import type { Digest } from './compose-digest';
import { itemLine, labelPrefix, missingLink } from './digest-text';
import { escapeHtml } from '@/lib/escape-html';

/** Text colours with enough contrast on white; the symbol and label carry the meaning too. */
const HEALTH_COLOUR: Record<Health, string> = { 'on-track': '#15803d', 'at-risk': '#b45309', 'off-track': '#b91c1c' };

// Inline styles only: mail clients drop <style> blocks and classes when HTML is pasted or sent.
const STYLE = {
	body: 'font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2937;max-width:640px',
	p: 'margin:0 0 14px',
	health: (colour: string) => `margin:0 0 14px;padding:8px 12px;border-left:4px solid ${colour};background:#f9fafb`,
	heading: 'font-size:16px;font-weight:bold;margin:20px 0 8px;color:#111827',
	list: 'margin:0 0 14px;padding-left:22px',
	item: 'margin:0 0 6px',
	detail: 'color:#4b5563',
	link: (accent: string) => `color:${accent};font-weight:bold`,
};

/**
 * The email body as simple HTML (paragraphs, headings, lists, no tables, inline styles)
 * that keeps its look when pasted into Outlook or Gmail. Every piece of content is escaped.
 */
export function digestHtml(digest: Digest): string {
	const e = escapeHtml;
	const colour = HEALTH_COLOUR[digest.health.status];
	const markup = { text: e, detail: (detail: string) => `<span style="${STYLE.detail}">${e(detail)}</span>` };
	const items = digest.needs.items.map((item) => `  <li style="${STYLE.item}">${itemLine(digest, item, markup)}</li>`);
	const parts = [
		`<div lang="${e(digest.locale)}" style="${STYLE.body}">`,
		`<p style="${STYLE.p}">${e(digest.greeting)}</p>`,
		`<p style="${STYLE.p}">${e(digest.intro)}</p>`,
		`<p style="${STYLE.health(colour)}"><strong>${e(labelPrefix(digest, digest.health.label))}</strong><span style="color:${colour};font-weight:bold">${HEALTH_SYMBOL[digest.health.status]}</span> ${e(digest.health.text)}</p>`,
		`<p style="${STYLE.p}">${e(digest.summary)}</p>`,
		`<p style="${STYLE.heading}">${e(digest.needs.heading)}</p>`,
		items.length ? [`<ul style="${STYLE.list}">`, ...items, '</ul>'].join('\n') : `<p style="${STYLE.p}">${e(digest.needs.none)}</p>`,
	];
	if (digest.feedback.items.length)
		parts.push(
			`<p style="${STYLE.heading}">${e(digest.feedback.heading)}</p>`,
			[
				`<ul style="${STYLE.list}">`,
				...digest.feedback.items.map((item) => `  <li style="${STYLE.item}">${itemLine(digest, item, markup)}</li>`),
				'</ul>',
			].join('\n'),
		);
	if (digest.surveys.items.length)
		parts.push(
			`<p style="${STYLE.heading}">${e(digest.surveys.heading)}</p>`,
			[
				`<ul style="${STYLE.list}">`,
				...digest.surveys.items.map((item) => `  <li style="${STYLE.item}">${itemLine(digest, item, markup)}</li>`),
				'</ul>',
			].join('\n'),
		);
	if (digest.nextMilestone)
		parts.push(
			`<p style="${STYLE.p}"><strong>${e(labelPrefix(digest, digest.nextMilestone.label))}</strong>${e(digest.nextMilestone.text)}</p>`,
		);
	parts.push(
		digest.link
			? `<p style="${STYLE.p}"><a href="${e(digest.link.url)}" style="${STYLE.link(e(digest.accent))}">${e(digest.link.label)} →</a><br>${e(digest.access)}</p>`
			: `<p style="${STYLE.p}">${e(missingLink(digest))}<br>${e(digest.access)}</p>`,
		`<p style="${STYLE.p}">${[digest.signOff, ...digest.signature].map(e).join('<br>')}</p>`,
		'</div>',
	);
	return parts.join('\n');
}

/** A whole page around the email, to save as .html, open in a browser, and copy from. */
export function digestHtmlDocument(digest: Digest): string {
	return `<!DOCTYPE html>\n<html lang="${escapeHtml(digest.locale)}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(digest.subject)}</title>\n</head>\n<body>\n${digestHtml(digest)}\n</body>\n</html>\n`;
}
