//! The words of a whole chain (the sites register, records in folders, the
//! chain view and `validate`'s site findings) in zh-CN, zh-TW and en: one
//! struct, three tables, kept together so the chain's words are found in one
//! place and merge apart from the other tables.

use super::Language;

/// What the chain says, by name. `{…}` are holes for [`super::fill`].
pub struct ChainWords {
    /// The view's name (menu, tab, heading).
    pub title: &'static str,
    /// View › Chain: its tooltip.
    pub tooltip: &'static str,
    /// File › Open the sample chain.
    pub open_sample: &'static str,
    pub open_sample_tooltip: &'static str,
    /// Choose a folder of records for the chain.
    pub open_folder: &'static str,
    pub open_folder_tooltip: &'static str,
    /// `{folder}` being read.
    pub reading: &'static str,
    /// No folder chosen yet.
    pub empty: &'static str,
    /// `{sites}`, `{visits}`, `{folder}`: the line under the heading.
    pub summary: &'static str,
    /// The sites register: `{file}`; none beside the set.
    pub register: &'static str,
    pub no_register: &'static str,
    /// `{count}` files not used (a heading), and its tooltip.
    pub not_used: &'static str,
    // Filters.
    pub region: &'static str,
    pub all_regions: &'static str,
    pub period: &'static str,
    /// The periods offered, in `Period::ALL` order: all time, 3 months, 6, 12.
    pub periods: [&'static str; 4],
    /// Type to find a site in the table.
    pub find_site: &'static str,
    // League table columns.
    pub col_site: &'static str,
    pub col_region: &'static str,
    pub col_manager: &'static str,
    pub col_score: &'static str,
    pub col_result: &'static str,
    pub col_trend: &'static str,
    pub col_critical: &'static str,
    pub col_open: &'static str,
    pub col_overdue: &'static str,
    pub col_days: &'static str,
    pub col_visits: &'static str,
    /// A site never visited (in the period).
    pub never: &'static str,
    /// A site named on records but not in the register.
    pub unregistered: &'static str,
    /// Sort by this column (tooltip of a heading).
    pub sort_tooltip: &'static str,
    /// The three panes.
    pub league: &'static str,
    pub heat: &'static str,
    pub heat_hint: &'static str,
    pub weakest: &'static str,
    pub weakest_hint: &'static str,
    /// The quadrant's heading: `{scope}` is the region or [`Self::whole_chain`].
    pub quadrant: &'static str,
    pub whole_chain: &'static str,
    // The weakest standards' columns.
    pub col_standard: &'static str,
    pub col_contact_point: &'static str,
    pub col_fail_rate: &'static str,
    pub col_sites_failing: &'static str,
    pub col_failures: &'static str,
    /// A site's visits: `{site}`.
    pub visits_of: &'static str,
    /// `{site}`'s failures at `{cp}`.
    pub failures_at: &'static str,
    pub no_failures: &'static str,
    /// Back from a site to the chain.
    pub back: &'static str,
    /// Open a visit in the per-visit results.
    pub open_results: &'static str,
    pub open_results_tooltip: &'static str,
    pub col_date: &'static str,
    pub col_inspector: &'static str,
    // The new-inspection form's site picker.
    pub pick_site: &'static str,
    pub pick_hint: &'static str,
    pub add_site: &'static str,
    pub add_site_tooltip: &'static str,
    pub new_site_id: &'static str,
    pub new_site_name: &'static str,
    /// A site was added to `{file}`.
    pub site_added: &'static str,
    /// `validate`: a record's `{id}` in no register `{file}`.
    pub unknown_site_id: &'static str,
    /// `validate`: `{name}` not registered in `{file}`; `{suggestion}` (`{id}`) the likely one.
    pub suggest_site: &'static str,
    /// `validate`: `{name}` like no site of `{file}`.
    pub unknown_site: &'static str,
}

/// The chain's words in `lang`.
#[must_use]
pub fn chain_words(lang: Language) -> &'static ChainWords {
    super::words(lang).chain
}

pub static EN: ChainWords = ChainWords {
    title: "Chain",
    tooltip: "Every site of the chain: league table, heat map, standards failing most",
    open_sample: "Open the sample chain",
    open_sample_tooltip: "A small restaurant chain: six sites in two regions, four months of visits",
    open_folder: "Folder of records…",
    open_folder_tooltip: "Read every inspection record of this set under a folder (any depth)",
    reading: "Reading the records under {folder}…",
    empty: "Choose a folder of inspection records, or open the sample chain.",
    summary: "{sites} sites · {visits} visits · {folder}",
    register: "Sites: {file}",
    no_register: "No sites register beside the set: sites are named as typed on the records",
    not_used: "{count} files not used",
    region: "Region",
    all_regions: "All regions",
    period: "Period",
    periods: [
        "All time",
        "Last 3 months",
        "Last 6 months",
        "Last 12 months",
    ],
    find_site: "Find a site",
    col_site: "Site",
    col_region: "Region",
    col_manager: "Manager",
    col_score: "Score",
    col_result: "Result",
    col_trend: "Trend",
    col_critical: "Critical",
    col_open: "Open actions",
    col_overdue: "Overdue",
    col_days: "Days since visit",
    col_visits: "Visits",
    never: "never",
    unregistered: "not in the register",
    sort_tooltip: "Sort by this column (again: the other way)",
    league: "League table",
    heat: "Heat map",
    heat_hint: "Pass rate by site and contact point; click a cell for that site's failures there",
    weakest: "Failing most across the chain",
    weakest_hint: "Standards that fail at many sites are a training need, not one site's problem",
    quadrant: "Importance × satisfaction: {scope}",
    whole_chain: "the whole chain",
    col_standard: "Standard",
    col_contact_point: "Contact point",
    col_fail_rate: "Fail rate",
    col_sites_failing: "Sites failing",
    col_failures: "Failures",
    visits_of: "Visits of {site}",
    failures_at: "{site}: failures at {cp}",
    no_failures: "No failures here in the period.",
    back: "← Chain",
    open_results: "Open results",
    open_results_tooltip: "Open this visit in the results view",
    col_date: "Date",
    col_inspector: "Inspector",
    pick_site: "Site",
    pick_hint: "Type to filter the sites",
    add_site: "Add site",
    add_site_tooltip: "Add this site to the register beside the set",
    new_site_id: "ID",
    new_site_name: "Name",
    site_added: "Site added to {file}",
    unknown_site_id: "the site ID “{id}” is not in the register {file}",
    suggest_site: "the site “{name}” is not in the register {file}; it is most likely “{suggestion}”: add site_id: \"{id}\"",
    unknown_site: "the site “{name}” is not in the register {file}; add it there so the chain counts its visits",
};

pub static ZH_CN: ChainWords = ChainWords {
    title: "连锁",
    tooltip: "连锁的每家门店：排名表、热力图、各店都不合格的标准",
    open_sample: "打开示例连锁",
    open_sample_tooltip: "一家小型餐饮连锁：两个区域六家门店，四个月的检查",
    open_folder: "记录文件夹…",
    open_folder_tooltip: "读取文件夹下（任意层级）这套标准的所有检查记录",
    reading: "正在读取 {folder} 下的记录…",
    empty: "请选择一个检查记录文件夹，或打开示例连锁。",
    summary: "{sites} 家门店 · {visits} 次检查 · {folder}",
    register: "门店名册：{file}",
    no_register: "标准旁没有门店名册：门店按记录上填写的名称列出",
    not_used: "{count} 个文件未使用",
    region: "区域",
    all_regions: "全部区域",
    period: "期间",
    periods: ["全部", "最近 3 个月", "最近 6 个月", "最近 12 个月"],
    find_site: "查找门店",
    col_site: "门店",
    col_region: "区域",
    col_manager: "店长",
    col_score: "得分",
    col_result: "结果",
    col_trend: "趋势",
    col_critical: "关键项",
    col_open: "未完成整改",
    col_overdue: "已逾期",
    col_days: "距上次检查（天）",
    col_visits: "检查次数",
    never: "从未",
    unregistered: "不在名册中",
    sort_tooltip: "按此列排序（再点一次反向）",
    league: "排名表",
    heat: "热力图",
    heat_hint: "各门店各接触点的合格率；点击格子查看该店在此处的不合格项",
    weakest: "全连锁最常不合格",
    weakest_hint: "多家门店都不合格的标准是培训需求，而不是某一家店的问题",
    quadrant: "重要性 × 满意度：{scope}",
    whole_chain: "全连锁",
    col_standard: "标准",
    col_contact_point: "接触点",
    col_fail_rate: "不合格率",
    col_sites_failing: "不合格门店",
    col_failures: "不合格次数",
    visits_of: "{site} 的检查",
    failures_at: "{site}：{cp} 的不合格项",
    no_failures: "此期间这里没有不合格项。",
    back: "← 连锁",
    open_results: "查看结果",
    open_results_tooltip: "在结果视图中打开这次检查",
    col_date: "日期",
    col_inspector: "检查员",
    pick_site: "门店",
    pick_hint: "输入以筛选门店",
    add_site: "添加门店",
    add_site_tooltip: "把这家门店加入标准旁的门店名册",
    new_site_id: "编号",
    new_site_name: "名称",
    site_added: "门店已加入 {file}",
    unknown_site_id: "门店编号“{id}”不在名册 {file} 中",
    suggest_site: "门店“{name}”不在名册 {file} 中；最可能是“{suggestion}”：请加上 site_id: \"{id}\"",
    unknown_site: "门店“{name}”不在名册 {file} 中；请把它加入名册，连锁才会统计它的检查",
};

pub static ZH_TW: ChainWords = ChainWords {
    title: "連鎖",
    tooltip: "連鎖的每家門市：排名表、熱力圖、各店都不合格的標準",
    open_sample: "開啟範例連鎖",
    open_sample_tooltip: "一家小型餐飲連鎖：兩個區域六家門市，四個月的檢查",
    open_folder: "記錄資料夾…",
    open_folder_tooltip: "讀取資料夾下（任意層級）這套標準的所有檢查記錄",
    reading: "正在讀取 {folder} 下的記錄…",
    empty: "請選擇一個檢查記錄資料夾，或開啟範例連鎖。",
    summary: "{sites} 家門市 · {visits} 次檢查 · {folder}",
    register: "門市名冊：{file}",
    no_register: "標準旁沒有門市名冊：門市按記錄上填寫的名稱列出",
    not_used: "{count} 個檔案未使用",
    region: "區域",
    all_regions: "全部區域",
    period: "期間",
    periods: ["全部", "最近 3 個月", "最近 6 個月", "最近 12 個月"],
    find_site: "尋找門市",
    col_site: "門市",
    col_region: "區域",
    col_manager: "店長",
    col_score: "得分",
    col_result: "結果",
    col_trend: "趨勢",
    col_critical: "關鍵項",
    col_open: "未完成改善",
    col_overdue: "已逾期",
    col_days: "距上次檢查（天）",
    col_visits: "檢查次數",
    never: "從未",
    unregistered: "不在名冊中",
    sort_tooltip: "依此欄排序（再點一次反向）",
    league: "排名表",
    heat: "熱力圖",
    heat_hint: "各門市各接觸點的合格率；點擊格子查看該店在此處的不合格項",
    weakest: "全連鎖最常不合格",
    weakest_hint: "多家門市都不合格的標準是培訓需求，而不是某一家店的問題",
    quadrant: "重要性 × 滿意度：{scope}",
    whole_chain: "全連鎖",
    col_standard: "標準",
    col_contact_point: "接觸點",
    col_fail_rate: "不合格率",
    col_sites_failing: "不合格門市",
    col_failures: "不合格次數",
    visits_of: "{site} 的檢查",
    failures_at: "{site}：{cp} 的不合格項",
    no_failures: "此期間這裡沒有不合格項。",
    back: "← 連鎖",
    open_results: "查看結果",
    open_results_tooltip: "在結果檢視中開啟這次檢查",
    col_date: "日期",
    col_inspector: "檢查員",
    pick_site: "門市",
    pick_hint: "輸入以篩選門市",
    add_site: "新增門市",
    add_site_tooltip: "把這家門市加入標準旁的門市名冊",
    new_site_id: "編號",
    new_site_name: "名稱",
    site_added: "門市已加入 {file}",
    unknown_site_id: "門市編號「{id}」不在名冊 {file} 中",
    suggest_site: "門市「{name}」不在名冊 {file} 中；最可能是「{suggestion}」：請加上 site_id: \"{id}\"",
    unknown_site: "門市「{name}」不在名冊 {file} 中；請把它加入名冊，連鎖才會統計它的檢查",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::script::{SIMPLIFIED_ONLY, TRADITIONAL_ONLY};

    /// The words of a table with Chinese in them, joined.
    fn all(words: &ChainWords) -> String {
        [
            words.title,
            words.tooltip,
            words.open_sample,
            words.open_sample_tooltip,
            words.open_folder_tooltip,
            words.reading,
            words.empty,
            words.summary,
            words.register,
            words.no_register,
            words.not_used,
            words.find_site,
            words.col_open,
            words.col_days,
            words.unregistered,
            words.sort_tooltip,
            words.heat_hint,
            words.weakest,
            words.weakest_hint,
            words.col_sites_failing,
            words.visits_of,
            words.failures_at,
            words.no_failures,
            words.open_results_tooltip,
            words.col_inspector,
            words.pick_hint,
            words.add_site_tooltip,
            words.site_added,
            words.unknown_site_id,
            words.suggest_site,
            words.unknown_site,
        ]
        .concat()
            + &words.periods.concat()
    }

    #[test]
    fn each_chinese_table_is_in_its_own_script() {
        let cn = all(&ZH_CN);
        let tw = all(&ZH_TW);
        assert!(!cn.chars().any(|c| TRADITIONAL_ONLY.contains(c)), "{cn}");
        assert!(!tw.chars().any(|c| SIMPLIFIED_ONLY.contains(c)), "{tw}");
        assert!(EN.suggest_site.contains("{suggestion}") && ZH_TW.suggest_site.contains("{id}"));
    }
}
