/**
 * What a reader expects the first result to be, for queries a client would type: titles, words
 * only found in a body, phrases, and words the site does not have. `page` is relative to the
 * client; `section` is the heading id the result must link to, where one section clearly answers
 * the query (left out where the words are spread over the page). `page: null`: no result at all.
 */
export interface RelevanceCase {
	query: string;
	page: string | null;
	section?: string;
}

export const CASES: Record<string, RelevanceCase[]> = {
	'tidewater-logistics': [
		{ query: 'Use Sanity as the headless CMS', page: 'decisions/1/' },
		{ query: 'Adopt a new URL structure', page: 'decisions/4/' },
		{ query: 'Add a live vehicle map to the tracking page', page: 'decisions/6/' },
		{ query: 'Launch the website on 20 January', page: 'decisions/7/' },
		{ query: 'Project kickoff', page: 'meetings/2026-08-04-kickoff/' },
		{ query: 'Harbourmaster', page: 'decisions/3/' },
		{ query: 'Contentful', page: 'decisions/1/', section: 'options-considered' },
		{ query: 'Strapi', page: 'decisions/1/', section: 'options-considered' },
		{ query: 'content freeze', page: 'faq/', section: 'q-old-site-switch-off' },
		{ query: 'track.php links in past shipment emails', page: 'faq/', section: 'q-old-site-switch-off' },
		{ query: 'escalation path', page: 'faq/', section: 'q-who-to-contact' },
		{ query: 'shared Teams channel', page: 'faq/', section: 'q-who-to-contact' },
		{ query: 'test numbers listed on the staging home page', page: 'faq/', section: 'q-staging-site' },
		{ query: 'prioritised in one place', page: 'faq/', section: 'q-change-requests' },
		// Quoted, as a reader marks a phrase; a feedback answer and an update hold it too, the FAQ explains it.
		{ query: '"content freeze"', page: 'faq/', section: 'q-old-site-switch-off' },
		{ query: 'pallet scans', page: 'feedback/3/' },
		{ query: 'Steering group, November', page: 'meetings/2026-11-03-steering/' },
		{ query: 'Kubernetes', page: null },
		{ query: 'blockchain', page: null },
		{ query: 'xylophone', page: null },
		{ query: 'k', page: null },
	],
	'harbour-museum': [
		{ query: 'Serve collection images through the image CDN', page: 'decisions/3/' },
		{ query: 'Members first on 9 June', page: 'decisions/2/', section: 'options-considered' },
		{ query: 'negative consequences', page: 'decisions/3/', section: 'negative-consequences' },
		{ query: 'provider outage', page: 'decisions/3/', section: 'negative-consequences' },
		{ query: 'edge servers in Dublin and Cork', page: 'decisions/3/', section: 'decision-outcome' },
		{ query: 'imgproxy', page: 'decisions/3/', section: 'pros-and-cons-of-the-options' },
		{ query: 'decision drivers', page: 'decisions/3/', section: 'decision-drivers' },
		{ query: 'mid-range phone', page: 'decisions/3/', section: 'decision-drivers' },
		{ query: 'cached for a year', page: 'decisions/3/', section: 'positive-consequences' },
		{ query: 'rewriting the host and path prefix', page: 'decisions/3/', section: 'more-information' },
		// A column heading of the options table: its words stand next to the heading beside it in the page's HTML.
		{ query: 'Outage risk', page: 'decisions/3/', section: 'pros-and-cons-of-the-options' },
		{ query: 'How do we add a new exhibition', page: 'faq/', section: 'q-add-an-exhibition' },
		{ query: 'Chapter 3 of the editor handbook', page: 'faq/', section: 'q-add-an-exhibition' },
		{ query: 'directions in Irish', page: 'feedback/1/' },
		{ query: 'cryptocurrency', page: null },
		{ query: 'Kubernetes', page: null },
	],
	'jinghong-precision': [
		{ query: '序列号管理', page: 'decisions/3/' },
		{ query: 'MES 接口改为实时 API 对接', page: 'decisions/4/' },
		{ query: '期初余额', page: 'decisions/1/' },
		{ query: '月结演练', page: 'decisions/6/' },
		{ query: '炉批号', page: 'decisions/3/' },
		{ query: '纸质采购申请单', page: 'faq/', section: 'q-cutover-ordering' },
		{ query: '上机考核', page: 'faq/', section: 'q-training-plan' },
		{ query: '企业微信群', page: 'faq/', section: 'q-who-to-contact' },
		{ query: '变更申请单', page: 'faq/', section: 'q-change-requests' },
		{ query: '亮黄灯', page: 'faq/', section: 'q-health-colors' },
		{ query: 'MES 接口方案调整', page: 'meetings/2026-10-16-weekly/' },
		{ query: '财务部人手不够', page: 'feedback/2/' },
		{ query: '量子计算', page: null },
		{ query: '区块链', page: null },
		{ query: '比特币', page: null },
	],
	'lanshan-tea': [
		{ query: '负面影响', page: 'decisions/3/', section: '负面影响' },
		{ query: '每分钟最多接受', page: 'decisions/3/', section: '负面影响' },
		{ query: '订单号作为去重键', page: 'decisions/3/', section: '更多信息' },
		{ query: '客服每天节省约两小时', page: 'decisions/3/', section: '正面影响' },
		{ query: '决策因素', page: 'decisions/3/', section: '决策因素' },
		{ query: '仓库系统定时拉取', page: 'decisions/3/', section: '各方案对比' },
		{ query: '新茶上市时怎么上架商品', page: 'faq/', section: 'q-add-a-product' },
		{ query: '保存为草稿', page: 'faq/', section: 'q-add-a-product' },
		{ query: '重复的会员手机号', page: 'feedback/2/' },
		{ query: '项目复盘', page: 'meetings/2026-07-10-retrospective/' },
		{ query: '区块链', page: null },
	],
};
