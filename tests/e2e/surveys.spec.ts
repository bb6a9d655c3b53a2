import { mkdtempSync, cpSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { main } from '@/cli/index';
import { memoryOutput } from '@/cli/output';
import { loadContent } from '@/loader/load-content';
import { projectManager } from '@/kinds/client/team';
import { BLOCK_BEGIN, readReplyBlocks } from '@/kinds/survey/reply-block';
import { DEMO_CONTENT, unlockWithLink } from './unlock';

const CLIENT = 'tidewater-logistics';
const SURVEY = '2026-11-16-tracking-portal';

/** Today on this machine's calendar, as the form dates a reply. */
const localDay = (now = new Date()) =>
	`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

test('the survey form composes an email to the PM with the answers block, which record survey puts into the survey file', async ({
	page,
}) => {
	const loaded = await loadContent(DEMO_CONTENT);
	const pm = projectManager(loaded.clients.find((client) => client.slug === CLIENT)!.client!.value.team)!;
	await unlockWithLink(page, CLIENT, 'aoife-brennan');
	await page.goto(`${CLIENT}/surveys/`);
	await page.locator('#main').waitFor();
	await page.getByRole('link', { name: 'Answer the survey' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Answer the survey: After the tracking portal integration');

	// Nothing chosen: the error is announced and nothing is composed.
	await page.getByRole('button', { name: 'Compose the email' }).click();
	await expect(page.getByRole('alert')).toHaveText('Choose your name, or give your name and role.');
	await expect(page.locator('[data-composed]')).toBeHidden();

	await page.getByRole('combobox', { name: 'Your name' }).selectOption('Declan Murphy');
	await page
		.getByRole('group', { name: /Overall, how satisfied/ })
		.getByRole('radio', { name: '4', exact: true })
		.check();
	await page
		.getByRole('group', { name: /How likely are you to recommend/ })
		.getByRole('radio', { name: '8', exact: true })
		.check();
	await page.getByRole('textbox', { name: /What should we do differently/ }).fill('Tell us about delays "early".\nThanks.');
	await page.getByRole('button', { name: 'Compose the email' }).click();
	await expect(page.getByRole('heading', { name: 'Your email is ready' })).toBeFocused();

	const href = (await page.getByRole('link', { name: 'Open the email again' }).getAttribute('href'))!;
	const mail = new URL(href);
	expect(mail.protocol).toBe('mailto:');
	expect(decodeURIComponent(mail.pathname)).toBe(pm.email);
	const project = loaded.clients.find((client) => client.slug === CLIENT)!.client!.value.project.name;
	expect(mail.searchParams.get('subject')).toBe(`Survey answers: After the tracking portal integration (${project})`);
	const body = mail.searchParams.get('body')!;
	expect(body).toContain(`Hello ${pm.name},`);
	expect(body).toContain(BLOCK_BEGIN);
	// The same text is on the page, for a visitor whose mail program does not open.
	expect((await page.getByRole('textbox', { name: "The email's text" }).inputValue()).replace(/\n/g, '\r\n')).toBe(body);
	const { replies, problems } = readReplyBlocks(body);
	expect(problems).toEqual([]);
	expect(replies.map((read) => read.reply)).toEqual([
		{
			client: CLIENT,
			survey: SURVEY,
			respondent: 'Declan Murphy',
			date: localDay(),
			scores: { overall: 4, recommend: 8 },
			comments: { improve: 'Tell us about delays "early".\nThanks.' },
		},
	]);

	// The PM pastes the reply (quoted, as a mail client forwards it) into glasshouse record survey.
	const folder = mkdtempSync(path.join(tmpdir(), 'glasshouse-survey-'));
	try {
		const content = path.join(folder, 'content');
		cpSync(DEMO_CONTENT, content, { recursive: true });
		const pasted = path.join(folder, 'reply.txt');
		writeFileSync(pasted, `From: Declan Murphy\n\n${body.replace(/\r\n/g, '\n').replace(/^/gm, '> ')}`);
		const output = memoryOutput();
		expect(await main(['record', 'survey', CLIENT, pasted, '--content', content], output), output.lines.join('\n')).toBe(0);
		const survey = (await loadContent(content)).clients
			.find((client) => client.slug === CLIENT)!
			.surveys.find((entry) => entry.stem === SURVEY)!;
		expect(survey.value.responses.at(-1)).toEqual({
			respondent: 'Declan Murphy',
			date: localDay(),
			scores: { overall: 4, recommend: 8 },
			comments: { improve: 'Tell us about delays "early".\nThanks.' },
		});
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// The form is one level below the pages the a11y spec enumerates; audited here, in both languages.
for (const { client, entry, survey, scheme, width } of [
	{ client: CLIENT, entry: 'aoife-brennan', survey: '2026-11-16', scheme: 'light', width: 390 },
	{ client: 'jinghong-precision', entry: 'shen-guohua', survey: '2026-11-16', scheme: 'dark', width: 1280 },
] as const) {
	test(`axe: the survey form and results of ${client} (${scheme}, ${width} px)`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await page.emulateMedia({ colorScheme: scheme });
		await unlockWithLink(page, client, entry);
		for (const address of [`${client}/surveys/${survey}/answer/`, `${client}/surveys/${survey}/`, `${client}/surveys/`]) {
			await page.goto(address);
			await page.locator('#main').waitFor();
			if (address.endsWith('answer/')) await page.getByRole('combobox').selectOption({ index: people(client) });
			const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
			expect(
				result.violations.map(
					(violation) => `${address} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
				),
			).toEqual([]);
		}
	});
}

/** The "someone else" option (the last), so the name and role fields show too. */
function people(client: string): number {
	return client === CLIENT ? 5 : 6;
}

// Screenshots of the survey pages for people to look at (tests/.output/screenshots), in both
// languages, on a phone (dark) and a desktop (light); the assertion catches sideways overflow.
const SCREENS = [
	{ client: CLIENT, entry: 'aoife-brennan', pages: ['surveys/', 'surveys/2026-10-05/', 'surveys/2026-11-16/answer/'] },
	{ client: 'jinghong-precision', entry: 'shen-guohua', pages: ['surveys/', 'surveys/2026-10-08/', 'surveys/2026-11-16/answer/'] },
	{ client: 'harbour-museum', entry: 'margaret-doyle', pages: ['', 'surveys/2026-06-29/'] },
	{ client: 'lanshan-tea', entry: 'fang-zhiyuan', pages: ['closeout/', 'surveys/2026-07-06/'] },
];
for (const { client, entry, pages } of SCREENS)
	for (const viewport of [
		{ name: 'phone', width: 390, height: 844 },
		{ name: 'desktop', width: 1280, height: 900 },
	])
		test(`survey pages of ${client} fit a ${viewport.name} screen`, async ({ browser }) => {
			const context = await browser.newContext({ viewport, colorScheme: viewport.name === 'phone' ? 'dark' : 'light' });
			const page = await context.newPage();
			await unlockWithLink(page, client, entry);
			for (const address of pages) {
				await page.goto(`${client}/${address}`);
				await page.getByRole('main').and(page.locator('#main')).waitFor();
				await page.evaluate('document.fonts.ready');
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `${client}/${address} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
				const name = `${client}-${address.replace(/\W+/g, '-') || 'overview'}-${viewport.name}`.replace(/-+/g, '-');
				await page.screenshot({ path: `tests/.output/screenshots/${name}.png`, fullPage: true });
			}
			await context.close();
		});
