/**
 * The survey form: its answers become an email to the project manager, composed in the
 * visitor's own mail program (nothing is sent from the site, which has no server). The email
 * carries the machine-readable block that `glasshouse record survey` reads back. The text is
 * also shown on the page, for a visitor whose mail program does not open.
 */
import { mailtoHref } from '@/lib/mailto';
import { composeReplyBlock, type SurveyReply } from '@/kinds/survey/reply-block';

const OTHER = '';

/** Today on the visitor's calendar, as YYYY-MM-DD. */
function localDay(now = new Date()): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-survey-form]')) {
	const { client = '', survey = '', to = '', subject = '', intro = '' } = form.dataset;
	const select = form.querySelector<HTMLSelectElement>('select[name="respondent"]')!;
	const other = form.querySelector<HTMLElement>('[data-other]')!;
	const error = form.querySelector<HTMLElement>('[data-error]')!;
	const composed = document.querySelector<HTMLElement>('[data-composed]')!;
	const showOther = () => {
		other.hidden = select.value !== OTHER || select.selectedIndex === 0;
	};
	select.addEventListener('change', showOther);
	showOther();

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const fields = new FormData(form);
		const text = (name: string) => String(fields.get(name) ?? '').trim();
		const someoneElse = select.selectedIndex > 0 && select.value === OTHER;
		const respondent = someoneElse ? text('otherName') : select.value;
		const outsider = someoneElse ? text('otherRole') : '';
		const scores: Record<string, number> = {};
		const comments: Record<string, string> = {};
		for (const [name, value] of fields) {
			if (name.startsWith('score.')) scores[name.slice('score.'.length)] = Number(value);
			else if (name.startsWith('comment.') && String(value).trim()) comments[name.slice('comment.'.length)] = String(value).trim();
		}
		const problem =
			!respondent || (someoneElse && !outsider)
				? 'missingName'
				: Object.keys(scores).length + Object.keys(comments).length === 0
					? 'missingAnswer'
					: '';
		if (problem) {
			error.textContent = error.dataset[problem] ?? '';
			error.hidden = false;
			(problem === 'missingName'
				? someoneElse
					? form.querySelector<HTMLElement>(respondent ? '[name="otherRole"]' : '[name="otherName"]')!
					: select
				: form.querySelector<HTMLElement>('fieldset[data-question] input, textarea')!
			).focus();
			return;
		}
		error.hidden = true;
		const reply: SurveyReply = { client, survey, respondent, ...(outsider ? { outsider } : {}), date: localDay(), scores, comments };
		const body = `${intro}${composeReplyBlock(reply)}\n`;
		const link = mailtoHref({ to, subject, body });
		const reopen = composed.querySelector<HTMLAnchorElement>('[data-mailto]')!;
		reopen.href = link;
		composed.querySelector<HTMLTextAreaElement>('textarea')!.value = body;
		composed.hidden = false;
		composed.querySelector<HTMLElement>('h2')!.focus();
		window.location.assign(link);
	});
	// Disabled in the HTML until the listener above exists (see SurveyForm.astro).
	form.querySelector<HTMLButtonElement>('[data-submit]')!.disabled = false;
}
