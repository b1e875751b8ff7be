//! One row per standard, UTF-8 with a byte-order mark so Excel reads Chinese.

use crate::core::model::{Language, StandardsSet};

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The column headers, in the export language.
#[must_use]
pub fn headers(lang: Language) -> [&'static str; 14] {
    match lang {
        Language::En => [
            "Standard ID",
            "Contact point ID",
            "Contact point",
            "Step ID",
            "Step",
            "Key factor ID",
            "Key factor",
            "Kind",
            "Standard",
            "Target",
            "Unit",
            "Monitoring",
            "Owner role",
            "Critical",
        ],
        Language::ZhCn => [
            "标准编号",
            "接触点编号",
            "接触点",
            "步骤编号",
            "步骤",
            "关键要素编号",
            "关键要素",
            "类型",
            "标准",
            "目标值",
            "单位",
            "检查方式",
            "负责岗位",
            "关键标准",
        ],
        Language::ZhTw => [
            "標準編號",
            "接觸點編號",
            "接觸點",
            "步驟編號",
            "步驟",
            "關鍵要素編號",
            "關鍵要素",
            "類型",
            "標準",
            "目標值",
            "單位",
            "檢查方式",
            "負責職務",
            "關鍵標準",
        ],
    }
}

/// The rows of a set, one per standard, as text cells.
#[must_use]
pub fn rows(set: &StandardsSet, lang: Language) -> Vec<[String; 14]> {
    let yes = lang.pick("是", "是", "yes");
    set.standards()
        .map(|(at, s)| {
            [
                s.id.clone(),
                at.contact_point.id.clone(),
                at.contact_point.name.clone(),
                at.step.id.clone(),
                at.step.name.clone(),
                at.factor.id.clone(),
                at.factor.name.clone(),
                s.kind.label(lang).to_owned(),
                s.text.clone(),
                s.target
                    .as_ref()
                    .map(|t| format_number(t.value))
                    .unwrap_or_default(),
                s.target
                    .as_ref()
                    .map(|t| t.unit.clone())
                    .unwrap_or_default(),
                s.monitoring
                    .iter()
                    .map(|m| m.label(lang))
                    .collect::<Vec<_>>()
                    .join("; "),
                s.owner_role.clone(),
                if s.critical {
                    yes.to_owned()
                } else {
                    String::new()
                },
            ]
        })
        .collect()
}

/// A number without a needless `.0`.
#[must_use]
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

#[must_use]
pub fn csv(set: &StandardsSet, lang: Language) -> Vec<u8> {
    table(&headers(lang), &rows(set, lang))
}

/// A CSV file: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF
/// line ends, fields quoted where they must be.
#[must_use]
pub fn table<R: AsRef<[String]>>(headers: &[&str], rows: &[R]) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    out.push_str(
        &headers
            .iter()
            .map(|h| field(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<_> = row.as_ref().iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_bom_a_header_and_a_row_per_standard() {
        let set = crate::core::templates::default_sample();
        let bytes = csv(&set, Language::ZhCn);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("\u{feff}标准编号,"));
        assert_eq!(text.lines().count(), 1 + set.counts().standards);
        assert!(text.contains(
            "S-1,CP-1,电话预订,ST-1,接听来电,KF-1,电话很快有人接,程序,电话铃响三声内接听,3,声"
        ));
    }

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
