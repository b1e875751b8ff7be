//! Scripts of the text a user writes: what counts as a Chinese character,
//! and whether Chinese text is simplified or traditional. One place for these
//! tests, used by the checker, the command line and the PDF line breaker.

use super::Language;

/// Common characters that only simplified Chinese uses (their traditional
/// forms differ and they are not themselves traditional characters). Dual-use
/// characters such as 后, 里, 台, 干, 几, 范, 余, 于, 准 and 吃 are left out.
pub const SIMPLIFIED_ONLY: &str = "\
     时员标顾内检务钟点无门没个单户开经结触问订为发并营货关运电说写间过数号业当专装\
     键话确价柜条预录评题满请进长对与这页记备现询账骤办诉来组审质签选体动机认财递领负\
     责论顺场项会洁设离厅宾类别导师计还买给从编两决带库头访处岗纸错证报费银断声围听换\
     线仓钱销视随统调转种择响产观边续联双荐语达应环节铃频训优继张见该则渍网实东让碍补\
     风险挂称规盘样馈热侧总额贴约养齐码区温绍儿遗谢尽图帮删织维径验态礼监车历铺际资测\
     试楼块损书队显临悦传筛讨亲灵吗输闭仪变谁须趋势汇许宽马层屉难担误轮协笔妇岁残镜\
     饮级觉异欢诚卫辑浅词执奖励胁沟属读览状饰舰识绩购邮税诺护剂链怀针广构华晓灯杂爱峰\
     独讲亏赎暂钞窥凭气壶柠饿烦缘汤举脏积废篓尴龙湿钮夹宝偿络细归够严绝忧辆为\
     厕饭馆团园乐药医疗诊铁飞厂农梦习学烧锅盏净扫摆挡拥挤阅缴纳亚迟戏剧厨\
     们轻较简将议闻卖币庆弹强彻忆恶惊惯愿战扩扬扰抚抢拟挥据携摄敌旧晒术杀权杨极枪栏树\
     档桥横欧毕泪济浓润渐湾灭灾炉烟爷牵犹狭琐画畅疯盐盖础祸稳穷窃竞粮紧纠红纪纯纷练终\
     绑绕绘绿缓缩罚职聪肤脑脱脚艰获虑虚袜誉讯译课谅谈谓谨贡贤败贩贯贵贺赔赖赛赠赶跃践\
     轨软载辅迁违连邻释钥锁镇闪闲闹阳阴阵阶陆陈隐雾顶颜饱驾骑骗鲜鸡麦黄龄远适帐扑厉压\
     厌愤灿烂乱争亿仅众伤伦伪侣侦俭债倾储兑兰兴兽冈军冻凤凯击刘刚创剑劝劳勋匀卢却县\
     参叠叶叹吓吕启呜哗唤啰喷圆圣坏坚坛坝坟垄垒垫埚堕壮壳夺奋妆妈娱婴孙宁宪宫寻寿尔\
     尘尝届岛岭帅帜庙弃弯彦忏怜恋恳恼悬惧惨惩惫抛拢拣拦拨挣捞捡捣掷掺揽搀搁搂摇撑敛斋\
     旷昙晋晕枣栈栋桨棂椭榄槛樱歼毁毙沦泻泽洒浆浏涛涝涨渊渔溃滚滤滥滨滩潇炼烁烛烫焕牍\
     狮猎献玛疮痒瘫硕秃窍笼筑筹纤纲纵纹绪罗罢肃肠肿艳芦苏萝衬详诸谋贪赚踪辖郑酱钓钢阀\
     飘饼鱼鸭侨侠伞亩乡丝丢丧";

/// The traditional forms (Taiwan and general) of [`SIMPLIFIED_ONLY`].
pub const TRADITIONAL_ONLY: &str = "\
     時員標顧內檢務鐘點無門沒個單戶開經結觸問訂爲發並營貨關運電說寫間過數號業當專裝\
     鍵話確價櫃條預錄評題滿請進長對與這頁記備現詢賬驟辦訴來組審質籤選體動機認財遞領負\
     責論順場項會潔設離廳賓類別導師計還買給從編兩決帶庫頭訪處崗紙錯證報費銀斷聲圍聽換\
     線倉錢銷視隨統調轉種擇響產觀邊續聯雙薦語達應環節鈴頻訓優繼張見該則漬網實東讓礙補\
     風險掛稱規盤樣饋熱側總額貼約養齊碼區溫紹兒遺謝盡圖幫刪織維徑驗態禮監車歷鋪際資測\
     試樓塊損書隊顯臨悅傳篩討親靈嗎輸閉儀變誰須趨勢匯許寬馬層屜難擔誤輪協筆婦歲殘鏡\
     飲級覺異歡誠衛輯淺詞執獎勵脅溝屬讀覽狀飾艦識績購郵稅諾護劑鏈懷針廣構華曉燈雜愛峯\
     獨講虧贖暫鈔窺憑氣壺檸餓煩緣湯舉髒積廢簍尷龍溼鈕夾寶償絡細歸夠嚴絕憂輛為\
     廁飯館團園樂藥醫療診鐵飛廠農夢習學燒鍋盞淨掃擺擋擁擠閱繳納亞遲戲劇廚\
     們輕較簡將議聞賣幣慶彈強徹憶惡驚慣願戰擴揚擾撫搶擬揮據攜攝敵舊曬術殺權楊極槍欄樹\
     檔橋橫歐畢淚濟濃潤漸灣滅災爐煙爺牽猶狹瑣畫暢瘋鹽蓋礎禍穩窮竊競糧緊糾紅紀純紛練終\
     綁繞繪綠緩縮罰職聰膚腦脫腳艱獲慮虛襪譽訊譯課諒談謂謹貢賢敗販貫貴賀賠賴賽贈趕躍踐\
     軌軟載輔遷違連鄰釋鑰鎖鎮閃閒鬧陽陰陣階陸陳隱霧頂顏飽駕騎騙鮮雞麥黃齡遠適帳撲厲壓\
     厭憤燦爛亂爭億僅眾傷倫偽侶偵儉債傾儲兌蘭興獸岡軍凍鳳凱擊劉剛創劍勸勞勳勻盧卻縣\
     參疊葉嘆嚇呂啟嗚嘩喚囉噴圓聖壞堅壇壩墳壟壘墊堝墮壯殼奪奮妝媽娛嬰孫寧憲宮尋壽爾\
     塵嘗屆島嶺帥幟廟棄彎彥懺憐戀懇惱懸懼慘懲憊拋攏揀攔撥掙撈撿搗擲摻攬攙擱摟搖撐斂齋\
     曠曇晉暈棗棧棟槳欞橢欖檻櫻殲毀斃淪瀉澤灑漿瀏濤澇漲淵漁潰滾濾濫濱灘瀟煉爍燭燙煥牘\
     獅獵獻瑪瘡癢癱碩禿竅籠築籌纖綱縱紋緒羅罷肅腸腫艷蘆蘇蘿襯詳諸謀貪賺蹤轄鄭醬釣鋼閥\
     飄餅魚鴨僑俠傘畝鄉絲丟喪";

/// A Han ideograph: the unified ideographs, extension A, the compatibility
/// block and the supplementary planes' extensions.
#[must_use]
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// A character of East Asian wide text, between any two of which a line may
/// break: Han, kana, CJK punctuation and symbols, and full-width forms.
#[must_use]
pub fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c as u32, 0x2E80..=0x2FFF | 0x3000..=0x30FF | 0xFF00..=0xFFEF)
}

/// Whether the text has any Chinese in it.
#[must_use]
pub fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

/// The language a text is written in: English when it has no Han character;
/// traditional Chinese when it uses more traditional-only than
/// simplified-only characters; simplified Chinese otherwise.
#[must_use]
pub fn language_of(text: &str) -> Language {
    if !has_han(text) {
        return Language::En;
    }
    let (mut simplified, mut traditional) = (0usize, 0usize);
    for c in text.chars() {
        if SIMPLIFIED_ONLY.contains(c) {
            simplified += 1;
        } else if TRADITIONAL_ONLY.contains(c) {
            traditional += 1;
        }
    }
    if traditional > simplified {
        Language::ZhTw
    } else {
        Language::ZhCn
    }
}

/// The language of `text`, or `around`'s script when `text` is Chinese in
/// neither script in particular (扶助老弱身障者 in a traditional file).
#[must_use]
pub fn language_in(text: &str, around: Language) -> Language {
    let own = language_of(text);
    let marked = text
        .chars()
        .any(|c| SIMPLIFIED_ONLY.contains(c) || TRADITIONAL_ONLY.contains(c));
    if own != Language::En && !marked && around != Language::En {
        around
    } else {
        own
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_do_not_overlap() {
        for c in SIMPLIFIED_ONLY.chars() {
            assert!(!TRADITIONAL_ONLY.contains(c), "{c} is in both lists");
        }
    }

    #[test]
    fn the_lists_pair_up() {
        // Translation maps a character to the one at its place in the other list.
        let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(count(SIMPLIFIED_ONLY), count(TRADITIONAL_ONLY));
        let pairs: Vec<(char, char)> = SIMPLIFIED_ONLY
            .chars()
            .filter(|c| !c.is_whitespace())
            .zip(TRADITIONAL_ONLY.chars().filter(|c| !c.is_whitespace()))
            .collect();
        for (simplified, traditional) in [('轻', '輕'), ('厕', '廁'), ('为', '為'), ('带', '帶')]
        {
            assert!(pairs.contains(&(simplified, traditional)), "{simplified}");
        }
    }

    #[test]
    fn tells_the_scripts_apart() {
        assert_eq!(language_of("包裹要小心輕放"), Language::ZhTw);
        assert_eq!(language_of("包裹要小心轻放"), Language::ZhCn);
        assert_eq!(language_of("電話鈴響三聲內接聽"), Language::ZhTw);
        assert_eq!(language_of("电话铃响三声内接听"), Language::ZhCn);
        assert_eq!(language_of("Answer before the third ring"), Language::En);
        assert_eq!(language_of("热情接待 every guest"), Language::ZhCn);
        assert_eq!(language_of("廁所保持乾爽"), Language::ZhTw);
        assert_eq!(language_of("厕所保持干爽"), Language::ZhCn);
    }

    #[test]
    fn a_line_in_neither_script_takes_its_files() {
        assert_eq!(
            language_in("扶助老弱身障者", Language::ZhTw),
            Language::ZhTw
        );
        assert_eq!(
            language_in("扶助老弱身障者", Language::ZhCn),
            Language::ZhCn
        );
        assert_eq!(language_in("扶助老弱身障者", Language::En), Language::ZhCn);
        assert_eq!(language_in("顾客至上", Language::ZhTw), Language::ZhCn);
        assert_eq!(language_in("Greet guests", Language::ZhTw), Language::En);
    }

    #[test]
    fn han_and_wide_text() {
        assert!(is_han('㐀') && is_han('中') && !is_han('。'));
        assert!(is_cjk('。') && is_cjk('Ａ') && !is_cjk('A'));
    }
}
