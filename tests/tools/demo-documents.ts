/**
 * Writes the demo clients' document attachments (content/<client>/documents/*.pdf|png) from the
 * HTML below, with Chromium: PDFs by `page.pdf()` (real text, so build-time extraction has
 * something to find), images by a screenshot. The output is committed; run this again only to
 * change the demo documents:
 *
 *   npx tsx tests/tools/demo-documents.ts
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from '../../src/bootstrap/find-browser.mjs';

interface Attachment {
	client: string;
	file: string;
	lang: 'en' | 'zh-CN';
	title: string;
	/** Body HTML: sections of the document. */
	body: string;
}

const CONTENT = path.resolve(import.meta.dirname, '../../content');

const STYLE = `
  body { font-family: 'Noto Sans', 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif; color: #1e293b; margin: 0; }
  main { padding: 28px 36px; }
  header { border-bottom: 3px solid #0f766e; margin-bottom: 18px; padding-bottom: 8px; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 15px; margin: 18px 0 6px; color: #0f766e; }
  p, li { font-size: 12px; line-height: 1.55; }
  .meta { font-size: 11px; color: #64748b; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; }
  td, th { border: 1px solid #cbd5e1; padding: 6px 8px; text-align: left; }
  .sign { margin-top: 18px; font-family: cursive; font-size: 20px; color: #1d4ed8; }
`;

const page = (attachment: Attachment) =>
	`<!doctype html><html lang="${attachment.lang}"><head><meta charset="utf-8"><title>${attachment.title}</title><style>${STYLE}</style></head><body><main>${attachment.body}</main></body></html>`;

const ATTACHMENTS: Attachment[] = [
	// Saltbridge Harbour Museum (en)
	{
		client: 'harbour-museum',
		file: 'editor-handbook.pdf',
		lang: 'en',
		title: 'Editor handbook',
		body: `<header><h1>Saltbridge Harbour Museum: editor handbook</h1><p class="meta">Version 1.1 · Brightline Studio · 2 June 2026</p></header>
<h2>1. Signing in</h2><p>Editors sign in to the CMS at the address in the welcome email with their museum account. Two-step verification is required; the collections manager can reset it.</p>
<h2>2. Publishing an event</h2><ol><li>Open Events and choose New event.</li><li>Fill in the title, dates, price band and booking link; the calendar picks it up when you publish.</li><li>Add a photograph of at least 1600 pixels wide and its alt text, describing what is shown.</li></ol>
<h2>3. Collection highlight stories</h2><p>Each story has a lead image, up to 600 words and links to two related objects. Irish-language versions sit beside the English page under the language switch.</p>
<h2>4. Who to ask</h2><p>Questions about the CMS go to support@brightline.studio within the support period; questions about wording go to Eoin Fitzgerald.</p>`,
	},
	{
		client: 'harbour-museum',
		file: 'editor-training-slides.pdf',
		lang: 'en',
		title: 'Editor training: slides',
		body: `<header><h1>Editor training, session 1</h1><p class="meta">Saltbridge Harbour Museum · 20 May 2026 · 2 hours</p></header>
<h2>Agenda</h2><ul><li>A tour of the CMS: pages, events, exhibitions and stories</li><li>Writing for the web: short paragraphs, plain words, one idea per page</li><li>Exercise: publish the summer lantern walk event from start to finish</li><li>Images, alt text and the museum's photography licence</li></ul>
<h2>Exercise sheet</h2><p>Publish a draft event called “Lantern walk on the quay”, preview it on a phone, then ask a colleague to review and publish it.</p>`,
	},
	{
		client: 'harbour-museum',
		file: 'launch-acceptance-form.png',
		lang: 'en',
		title: 'Launch acceptance form',
		body: `<header><h1>Acceptance of the new website</h1><p class="meta">Milestone: Launch · Saltbridge Harbour Museum</p></header>
<table><tr><th>Deliverable</th><th>Accepted</th></tr><tr><td>Public website, about 60 pages</td><td>Yes</td></tr><tr><td>Online booking for tours and events</td><td>Yes</td></tr><tr><td>Editor handbook and training</td><td>Yes</td></tr></table>
<p class="sign">Eoin Fitzgerald</p><p class="meta">Signed for the museum, 26 June 2026</p>`,
	},
	// Tidewater Logistics (en)
	{
		client: 'tidewater-logistics',
		file: 'design-system-guide.pdf',
		lang: 'en',
		title: 'Design system guide',
		body: `<header><h1>Tidewater design system: guide for content editors</h1><p class="meta">Version 2.0 · Brightline Studio</p></header>
<h2>Colours and type</h2><p>Harbour blue is reserved for links and primary buttons; status colours (delivered, in transit, delayed) always come with a word, never colour alone.</p>
<h2>Components</h2><ul><li>Depot card: address, opening hours, a map link and the depot's phone number.</li><li>Shipment status banner: one of five states, with the time of the last scan.</li><li>Service page hero: one sentence, one image, one call to action.</li></ul>
<h2>Accessibility</h2><p>Every component meets WCAG 2.2 AA: focus is always visible, text contrast is at least 4.5:1 and every form field has a visible label.</p>`,
	},
	{
		client: 'tidewater-logistics',
		file: 'cms-training-workbook.pdf',
		lang: 'en',
		title: 'CMS training workbook',
		body: `<header><h1>CMS training for the marketing team</h1><p class="meta">Tidewater Logistics · workbook</p></header>
<h2>Session goals</h2><ul><li>Create and update depot pages without developer help</li><li>Schedule news posts and service notices</li><li>Understand the review and approval workflow</li></ul>
<h2>Exercises</h2><ol><li>Update the opening hours of the Felixstowe depot.</li><li>Draft a service notice about a bank-holiday collection change and send it for review.</li></ol>`,
	},
	{
		client: 'tidewater-logistics',
		file: 'content-model-diagram.png',
		lang: 'en',
		title: 'Content model',
		body: `<header><h1>Content model (signed off)</h1><p class="meta">Milestone: Discovery and content model</p></header>
<table><tr><th>Type</th><th>Fields</th><th>Linked to</th></tr><tr><td>Service</td><td>title, summary, body, hero image</td><td>Depot, Case study</td></tr><tr><td>Depot</td><td>address, hours, phone, map</td><td>Service</td></tr><tr><td>News post</td><td>title, date, body, tags</td><td>Service</td></tr></table>`,
	},
	// 精鸿精密制造 (zh-CN)
	{
		client: 'jinghong-precision',
		file: 'blueprint-design.pdf',
		lang: 'zh-CN',
		title: '业务蓝图设计说明书',
		body: `<header><h1>精鸿精密制造 ERP 业务蓝图设计说明书</h1><p class="meta">版本 1.0 · Brightline Studio</p></header>
<h2>一、总账与成本核算</h2><p>按工单归集直接材料、直接人工和制造费用；月末按标准成本计算差异，并按产品线分摊。</p>
<h2>二、采购与库存</h2><p>采购申请经部门负责人审批后生成采购订单；来料检验合格后入库，批次号与供应商批次对应，支持全程追溯。</p>
<h2>三、生产计划</h2><p>主生产计划每周滚动一次，物料需求计划按安全库存和采购提前期计算建议订单。</p>`,
	},
	{
		client: 'jinghong-precision',
		file: 'key-user-training.pdf',
		lang: 'zh-CN',
		title: '关键用户培训讲义',
		body: `<header><h1>关键用户培训讲义（第一期）</h1><p class="meta">精鸿 ERP 实施项目 · 培训时长 3 小时</p></header>
<h2>培训内容</h2><ul><li>系统登录、菜单与常用查询</li><li>采购订单从申请到入库的完整流程</li><li>工单报工与完工入库</li><li>月末结账的检查清单</li></ul>
<h2>课后练习</h2><p>在培训环境中为一张采购申请生成采购订单，完成收货、检验和入库，并查询该批次的库存。</p>`,
	},
	{
		client: 'jinghong-precision',
		file: 'blueprint-signoff-form.png',
		lang: 'zh-CN',
		title: '蓝图签字确认单',
		body: `<header><h1>业务蓝图签字确认单</h1><p class="meta">里程碑：业务蓝图确认</p></header>
<table><tr><th>模块</th><th>确认结果</th></tr><tr><td>财务（总账、应收应付、成本）</td><td>确认</td></tr><tr><td>供应链（采购、库存、计划）</td><td>确认</td></tr><tr><td>生产执行接口</td><td>确认</td></tr></table>
<p class="sign">沈国华</p><p class="meta">客户方签字</p>`,
	},
	// 岚山茶业 (zh-CN)
	{
		client: 'lanshan-tea',
		file: 'store-operations-manual.pdf',
		lang: 'zh-CN',
		title: '小程序商城运营手册',
		body: `<header><h1>岚山茶业小程序商城运营手册</h1><p class="meta">版本 1.2 · Brightline Studio</p></header>
<h2>一、上架新茶</h2><p>在商品管理中新建商品，填写品名、产地、规格和价格，上传三张以上实拍图片；预售商品需设置发货日期。</p>
<h2>二、会员与积分</h2><p>会员等级按近十二个月消费金额自动调整；积分可在结算时抵扣，每一百积分抵一元。</p>
<h2>三、订单与售后</h2><p>订单在付款后二十四小时内发货；退款申请由客服在一个工作日内处理。</p>`,
	},
	{
		client: 'lanshan-tea',
		file: 'staff-training-notes.pdf',
		lang: 'zh-CN',
		title: '门店员工培训讲义',
		body: `<header><h1>门店员工培训讲义</h1><p class="meta">岚山茶业 · 培训时长 2 小时</p></header>
<h2>培训内容</h2><ul><li>引导顾客注册会员并绑定手机号</li><li>门店核销小程序优惠券</li><li>处理顾客的开票请求</li></ul>
<h2>常见问题</h2><p>顾客更换手机号后，可在“我的—账户设置”中重新绑定，积分和等级保持不变。</p>`,
	},
	{
		client: 'lanshan-tea',
		file: 'launch-acceptance-form.png',
		lang: 'zh-CN',
		title: '上线验收单',
		body: `<header><h1>小程序商城上线验收单</h1><p class="meta">里程碑：正式上线</p></header>
<table><tr><th>验收项</th><th>结果</th></tr><tr><td>商城下单与支付</td><td>通过</td></tr><tr><td>会员迁移与积分</td><td>通过</td></tr><tr><td>门店核销</td><td>通过</td></tr></table>
<p class="sign">岚山茶业</p><p class="meta">客户方签字</p>`,
	},
];

const found = findBrowser();
if (!found) throw new Error('No Chromium found');
const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
try {
	const tab = await browser.newPage({ viewport: { width: 640, height: 400 } });
	for (const attachment of ATTACHMENTS) {
		await tab.setContent(page(attachment), { waitUntil: 'load' });
		const target = path.join(CONTENT, attachment.client, 'documents', attachment.file);
		if (attachment.file.endsWith('.pdf')) await tab.pdf({ path: target, format: 'A4', printBackground: true, tagged: false });
		else await writeFile(target, await tab.screenshot({ type: 'png', fullPage: true }));
		console.log(target);
	}
} finally {
	await browser.close();
}
