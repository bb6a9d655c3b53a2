import { describe, expect, it } from 'vitest';
import { judgePassword, MIN_PASSWORD_BITS } from '@/keys/password-strength';
import { estimateTextBits } from '@/keys/text-strength';

const CHINESE_ADVICE = 'Remove "passwordEnv" to use the derived six-word passphrase, or choose at least 12 unrelated Chinese characters';

/** A refusal for being guessable (not for length), with what was found and what to do. */
function refusal(password: string, context: string[] = []) {
	const verdict = judgePassword(password, context);
	expect(verdict.ok, `${password} was accepted at ${verdict.bits} bits`).toBe(false);
	expect(verdict.bits).toBeLessThan(MIN_PASSWORD_BITS);
	expect(verdict.reason).toMatch(
		/^it could be guessed quickly, because it is built from .+, which attackers try first \(estimated at [\d.]+ bits; at least 60 are required\)$/,
	);
	expect(verdict.reason).not.toContain(password);
	return { reason: verdict.reason!, advice: verdict.advice! };
}

describe('judgePassword on Chinese and other scripts', () => {
	it('refuses "我的密码是一二三四五六七" ("my password is 1234567"): a phrase and a count', () => {
		const { reason, advice } = refusal('我的密码是一二三四五六七');
		expect(reason).toContain('common words or phrases');
		expect(reason).toContain('counting or alphabet runs');
		expect(advice).toContain(CHINESE_ADVICE);
		expect(advice).toContain('no phrase, name, date, counting (like 一二三) or repeats');
	});

	it.each([
		['Chinese numerals counting on', '一二三四五六七八九十一二', ['counting or alphabet runs']],
		['financial numerals counting on', '壹贰叁肆伍陆柒捌玖拾壹贰', ['counting or alphabet runs']],
		['"I love you" four times', '我爱你我爱你我爱你我爱你', ['repeated parts', 'common words or phrases']],
		['"password" six times', '密码密码密码密码密码密码', ['repeated parts', 'common words or phrases']],
		['"hello" three times and 123456', '你好你好你好123456', ['repeated parts']],
		['a birthday written out', '我的生日是一九九零年一月一日', ['numbers or dates', 'common words or phrases']],
		['a date and "happy birthday"', '一九八八年八月八日生日快乐', ['numbers or dates', 'common words or phrases']],
		['one character repeated', '龍龍龍龍龍龍龍龍龍龍龍龍', ['repeated parts']],
		['the heavenly stems in order', '甲乙丙丁戊己庚辛壬癸甲乙', ['counting or alphabet runs']],
		['a Zhuyin keyboard row', 'ㄆㄊㄍㄐㄔㄗㄧㄛㄟㄣ12', ['counting or alphabet runs']],
		['pinyin "I love you" and 1314', 'woaini1314woaini', ['common words or phrases']],
		['"password" in full-width letters', 'ｐａｓｓｗｏｒｄ１２３４５', ['common words or phrases']],
		['Japanese "password" twice', 'パスワードパスワード12', ['common words or phrases']],
		['the kana in order', 'あいうえおかきくけこさし', ['counting or alphabet runs']],
		['a Korean keyboard row', 'ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ12', ['counting or alphabet runs']],
		['Korean "password" and digits', '비밀번호1234567890', ['common words or phrases']],
		['Russian "password" and digits', 'пароль123456', ['common words or phrases']],
	])('refuses %s', (_, password, found) => {
		const { reason } = refusal(password);
		for (const words of found) expect(reason).toContain(words);
	});

	it('counts the client and group names as known, in any script', () => {
		// "Harbour Logistics chairman's office 2026", where the group is labelled "海港物流董事长".
		const password = '海港物流董事长办公室二〇二六';
		expect(judgePassword(password).ok).toBe(true);
		const named = refusal(password, ['harbour', 'chair', '海港物流董事长']);
		expect(named.reason).toContain('the client’s or group’s name');
	});

	it('advises in the script the password was written in', () => {
		expect(refusal('パスワードパスワード12').advice).toContain('at least 12 unrelated kanji or kana');
		expect(refusal('비밀번호1234567890').advice).toContain('at least 12 unrelated Korean syllables');
		expect(refusal('пароль123456').advice).toContain('or choose five or more random words');
	});

	it('still refuses a short password first, in any script', () => {
		const verdict = judgePassword('鹦鹉螺旋桨抹茶');
		expect(verdict).toMatchObject({ ok: false, reason: 'it is 7 characters long; at least 12 are required' });
		expect(verdict.advice).toContain(CHINESE_ADVICE);
	});

	it.each([
		['unrelated Chinese characters', '鹦鹉螺旋桨抹茶猎豹琥珀瀑布'],
		['a Chinese sentence of uncommon words', '星期三的雨落在青石板路上'],
		['Japanese', '晴れた日に長い散歩をする'],
		['unrelated Korean syllables', '늑대솜사탕번개호수꽃게밤'],
		['Russian words with separators', 'Кот-Собака-Дом-Лес-Река-Снег'],
		['Chinese mixed with Latin words', '琥珀lantern瀑布orbit猎豹'],
	])('accepts %s', (_, password) => {
		const verdict = judgePassword(password);
		expect(verdict).toEqual({ ok: true, bits: expect.any(Number) });
		expect(verdict.bits).toBeGreaterThanOrEqual(MIN_PASSWORD_BITS);
	});
});

describe('estimateTextBits', () => {
	it('rates ASCII exactly as zxcvbn does, as before', () => {
		// zxcvbn: "Tidewater2026!" is a word, a year and a symbol.
		expect(estimateTextBits('Tidewater2026!').bits).toBeCloseTo(32.7, 1);
		expect(estimateTextBits('q7#Vt2!mZp9@Lw4x').bits).toBeCloseTo(16 * Math.log2(95), 5);
	});

	it('charges a counted-out number like digits, not like 3,500 possible characters each', () => {
		const counted = estimateTextBits('一二三四五六七').bits;
		const random = estimateTextBits('鹦鹉螺旋桨抹茶').bits;
		expect(counted).toBeLessThan(20);
		expect(random).toBeGreaterThan(7 * Math.log2(3500) - 1);
	});

	it('charges a repeat of an earlier part of the text little', () => {
		const once = estimateTextBits('鹦鹉螺旋桨抹茶').bits;
		expect(estimateTextBits('鹦鹉螺旋桨抹茶鹦鹉螺旋桨抹茶').bits - once).toBeLessThan(10);
		expect(estimateTextBits('鹦鹉螺旋abc鹦鹉螺旋abc').bits - estimateTextBits('鹦鹉螺旋abc').bits).toBeLessThan(10);
	});
});
