/**
 * Small built-in word lists for rating passwords that are not (only) Latin text, which zxcvbn's
 * English dictionaries cannot see into. Written for this project; deliberately short: they name
 * the phrases, sequences and characters a person reaching for a "password in Chinese" (or
 * Japanese, Korean, Russian) is most likely to type, which is what an attacker tries first.
 */

/** Phrases people put in passwords, mostly Chinese; matched anywhere in a run of such text. */
export const COMMON_PHRASES: readonly string[] = [
	// "password", "my password", log-in words
	'密码', '我的密码', '你的密码', '密码是', '我的密码是', '口令', '登录', '登陆', '账号', '帐号', '用户', '用户名', '管理员', '超级管理员', '管理员密码', '默认', '默认密码', '初始密码', '输入密码', '请输入密码', '秘密', '保密', '隐私', '不告诉你', '你猜', '猜猜看', '猜不到', '忘记了', '忘了', '不知道', '随便', '没有', '测试', '系统', '网站', '服务器',
	// love, family, names of people
	'我爱你', '爱你', '我爱', '我爱我家', '永远爱你', '我爱你一万年', '一生一世', '一心一意', '亲爱的', '宝贝', '宝宝', '老婆', '老公', '爸爸', '妈妈', '爸爸妈妈', '爷爷', '奶奶', '哥哥', '姐姐', '弟弟', '妹妹', '家人', '朋友', '小明', '小红', '小王', '小李', '张三', '李四', '王五', '赵六', '张伟', '王伟', '王芳', '李娜', '刘洋', '李明', '王小明',
	// greetings, wishes, feelings
	'你好', '您好', '大家好', '谢谢', '再见', '早上好', '晚安', '开心', '快乐', '幸福', '平安', '健康', '身体健康', '发财', '恭喜发财', '恭喜', '吉祥', '如意', '万事如意', '心想事成', '一帆风顺', '一路平安', '一路顺风', '步步高升', '马到成功', '大吉大利', '岁岁平安', '年年有余', '生日快乐', '新年快乐', '天天快乐', '好好学习', '天天向上', '加油', '中国加油', '哈哈', '哈哈哈', '呵呵', '嘿嘿', '嘻嘻', '我是谁', '我是', '我的', '你的', '他的', '她的', '我们', '你们', '他们', '自己', '今天', '明天', '昨天', '生日', '年月日', '星期', '春节', '中秋', '国庆', '元旦',
	// places, country, famous lines everyone can finish
	'中国', '中华', '中国人', '我是中国人', '我爱中国', '中华人民共和国', '北京', '上海', '广州', '深圳', '天津', '重庆', '杭州', '南京', '成都', '武汉', '香港', '台湾', '天安门', '我爱北京天安门', '长城', '为人民服务', '芝麻开门', '天王盖地虎', '宝塔镇河妖', '上山打老虎', '人之初', '性本善', '天地玄黄', '宇宙洪荒', '床前明月光', '疑是地上霜', '举头望明月', '低头思故乡', '白日依山尽', '黄河入海流', '春眠不觉晓', '处处闻啼鸟', '阿弥陀佛',
	// work words a project password is made of
	'公司', '项目', '客户', '董事会', '财务', '管理', '工作', '学习', '学生', '老师', '同学',
	// Japanese
	'パスワード', 'ぱすわーど', '秘密', 'ひみつ', 'あいしてる', '愛してる', 'だいすき', '大好き', 'ありがとう', 'こんにちは', 'おはよう', 'さようなら', 'わたし', '私', 'あなた', '東京', '日本', '大阪', 'さくら', '桜', 'ドラえもん', 'ピカチュウ',
	// Korean
	'비밀번호', '비번', '사랑해', '사랑해요', '안녕', '안녕하세요', '감사합니다', '대한민국', '서울', '우리', '나의',
	// Russian and a few other scripts' "password", "love", "hello"
	'пароль', 'мойпароль', 'привет', 'любовь', 'люблю', 'россия', 'москва', 'мама', 'папа', 'солнце', 'котик', 'κωδικός', 'σεαγαπώ', 'סיסמה', 'كلمةالمرور', 'كلمة المرور',
];

/**
 * Orders people type in sequence ("一二三四", "甲乙丙", "あいうえお", "абвг") and keyboard rows of
 * layouts that type these scripts (Zhuyin for Chinese in Taiwan, Dubeolsik for Korean, ЙЦУКЕН
 * for Russian): a run along one of them is as guessable as "abcd" or "qwerty".
 */
export const ORDERED_SEQUENCES: readonly string[] = [
	'零一二三四五六七八九十',
	'〇一二三四五六七八九十',
	'零壹贰叁肆伍陆柒捌玖拾',
	'零壹貳參肆伍陸柒捌玖拾',
	'个十百千万',
	'甲乙丙丁戊己庚辛壬癸',
	'子丑寅卯辰巳午未申酉戌亥',
	'鼠牛虎兔龙蛇马羊猴鸡狗猪',
	'春夏秋冬',
	'东南西北',
	'上下左右',
	'金木水火土',
	'赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨',
	'ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄧㄨㄩㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦ',
	'ㄆㄊㄍㄐㄔㄗㄧㄛㄟㄣ',
	'ㄇㄋㄎㄑㄕㄘㄨㄜㄠㄤ',
	'ㄈㄌㄏㄒㄖㄙㄩㄝㄡㄥ',
	'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん',
	'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン',
	'いろはにほへとちりぬるをわかよたれそつねならむ',
	'가나다라마바사아자차카타파하',
	'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ',
	'ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ',
	'ㅁㄴㅇㄹㅎㅗㅓㅏㅣ',
	'ㅋㅌㅊㅍㅠㅜㅡ',
	'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
	'йцукенгшщзхъ',
	'фывапролджэ',
	'ячсмитьбю',
	'αβγδεζηθικλμνξοπρστυφχψω',
	'אבגדהוזחטיכלמנסעפצקרשת',
	'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
];

/** Characters that write numbers in Chinese (and Japanese): a run of them is a number, like digits. */
export const CHINESE_NUMERALS = '零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟貳參陸';

/** Written after a number in a date or time ("一九九〇年八月八日"): nearly free to guess there. */
export const NUMBER_UNITS = '年月日号號时時分点點岁歲';

/**
 * About 300 of the most frequent Chinese characters (function words, pronouns, everyday nouns and
 * verbs), which make up most of any ordinary sentence: an attacker tries them before the rest of
 * the ~3,500 characters of everyday use.
 */
export const FREQUENT_HAN =
	'的是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手用主行方又如前所本见经头面公同已老从动长知民样现分将外但身些与高意进把法此实回理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山太水市眼体别处总才场师书比住员笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许特觉望直服毛林题建南度统色字请交爱让认算论吃义科怎元社术结功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持音跑';

/**
 * Pinyin and number-speak that Chinese speakers type on a Latin keyboard ("woaini" = I love you,
 * "5201314" = I love you for life, "wodemima" = my password). Given to zxcvbn as extra known
 * words, so they count as little as an English dictionary word. At least four characters each,
 * so they do not match inside ordinary English words by accident.
 */
export const PINYIN_WORDS: readonly string[] = [
	'woaini', 'woainia', 'wodemima', 'mima', 'nihao', 'ninhao', 'xiexie', 'zaijian', 'aini', 'aiwo', 'woaiwojia', 'woshishui', 'yongyuan', 'yishengyishi', 'baobei', 'laopo', 'laogong', 'baba', 'mama', 'xingfu', 'kuaile', 'shengri', 'shengrikuaile', 'pingan', 'jiayou', 'tiantian', 'haohaoxuexi', 'tiantianxiangshang', 'zhongguo', 'zhonghua', 'beijing', 'shanghai', 'guangzhou', 'shenzhen', 'hangzhou', 'nanjing', 'chengdu', 'wuhan', 'tianjin', 'chongqing', 'xianggang', 'zhang', 'wang', 'chen', 'yang', 'huang', 'zhao', 'zhou', 'xiaoming', 'xiaohong', 'zhangsan', 'lisi', 'wangwu', 'zhangwei', 'wangwei', 'wangfang', 'guanliyuan', 'ceshi', 'denglu', 'zhanghao', 'mimamima', '5201314', '1314520', '520520', '1314', '521521', '9420', '7758521', 'woaini1314', 'qq123456', 'aaa111', 'asd123',
];
