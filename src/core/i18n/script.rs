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
     试楼块损书队显临悦传筛讨亲灵吗输闭仪册变谁须趋势汇许宽马层屉难担误轮协笔妇岁残镜\
     饮级觉异欢诚卫辑浅词执奖励胁沟属读览状饰舰识绩购邮税诺护剂链怀针广构华晓灯杂爱峰\
     独讲亏赎暂钞窥凭气壶柠饿烦缘汤举脏积废篓尴龙湿钮夹宝偿络细归够严绝忧辆\
     厕饭馆团园乐药医疗诊铁飞厂农梦习学烧锅盏净扫摆挡拥挤阅缴纳亚迟戏剧厨";

/// The traditional forms (Taiwan and general) of [`SIMPLIFIED_ONLY`].
pub const TRADITIONAL_ONLY: &str = "\
     時員標顧內檢務鐘點無門沒個單戶開經結觸問訂爲發並營貨關運電說寫間過數號業當專裝\
     鍵話確價櫃條預錄評題滿請進長對與這頁記備現詢賬驟辦訴來組審質籤選體動機認財遞領負\
     責論順場項會潔設離廳賓類別導師計還買給從編兩決帶庫頭訪處崗紙錯證報費銀斷聲圍聽換\
     線倉錢銷視隨統調轉種擇響產觀邊續聯雙薦語達應環節鈴頻訓優繼張見該則漬網實東讓礙補\
     風險掛稱規盤樣饋熱側總額貼約養齊碼區溫紹兒遺謝盡圖幫刪織維徑驗態禮監車歷鋪際資測\
     試樓塊損書隊顯臨悅傳篩討親靈嗎輸閉儀冊變誰須趨勢匯許寬馬層屜難擔誤輪協筆婦歲殘鏡\
     飲級覺異歡誠衛輯淺詞執獎勵脅溝屬讀覽狀飾艦識績購郵稅諾護劑鏈懷針廣構華曉燈雜愛峯\
     獨講虧贖暫鈔窺憑氣壺檸餓煩緣湯舉髒積廢簍尷龍溼鈕夾寶償絡細歸夠嚴絕憂輛為\
     廁飯館團園樂藥醫療診鐵飛廠農夢習學燒鍋盞淨掃擺擋擁擠閱繳納亞遲戲劇廚";

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
    fn tells_the_scripts_apart() {
        assert_eq!(language_of("電話鈴響三聲內接聽"), Language::ZhTw);
        assert_eq!(language_of("电话铃响三声内接听"), Language::ZhCn);
        assert_eq!(language_of("Answer before the third ring"), Language::En);
        assert_eq!(language_of("热情接待 every guest"), Language::ZhCn);
        assert_eq!(language_of("廁所保持乾爽"), Language::ZhTw);
        assert_eq!(language_of("厕所保持干爽"), Language::ZhCn);
    }

    #[test]
    fn han_and_wide_text() {
        assert!(is_han('㐀') && is_han('中') && !is_han('。'));
        assert!(is_cjk('。') && is_cjk('Ａ') && !is_cjk('A'));
    }
}
