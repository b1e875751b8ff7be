//! What governs what, for the misses issue 27 names, on made-up standards
//! of the same shapes (never rows of a holdout): hedges with the figure
//! they hedge, conditions, purpose clauses, word boundaries by the longest
//! match, and vague words the lists did not know.

use servstd::core::check::assess;

fn ok(text: &str) {
    let a = assess(text);
    assert!(a.is_measurable(), "expected measurable: {text}\n{a:#?}");
}

fn vague(text: &str) {
    let a = assess(text);
    assert!(!a.is_measurable(), "expected vague: {text}\n{a:#?}");
}

#[test]
fn a_hedge_is_stated_by_the_figure_it_hedges() {
    ok("We aim to answer calls within 30 seconds.");
    ok("We aim to reply to 90% of letters within 10 working days.");
    ok("We try to give you 24 hours' notice of any change.");
    ok("力争在3个工作日内办结");
    ok("盡量於24小時內回覆");
    vague("We aim to exceed your expectations.");
    vague("We do all we can to help.");
    vague("尽可能按时送达");
    vague("盡量縮短民眾等候時間");
}

#[test]
fn a_condition_says_when_not_how() {
    ok("资料齐全的，3日内办结");
    ok("If you cannot be helped at once, we tell you how long it will take within 5 minutes.");
    ok("We restore supply within 2 hours of becoming aware of the fault.");
    // Vague timing in the condition stays vague.
    vague("必要时，通知值班经理");
}

#[test]
fn a_purpose_is_not_the_criterion() {
    ok("工作人员佩戴工牌，方便顾客识别");
    ok("工作人员佩戴工牌，以便顾客识别");
    ok("Staff wear a name badge so that you can easily identify them.");
    vague("让顾客感到方便");
}

#[test]
fn word_boundaries_are_the_longest_match() {
    ok("告知取件日期及時段");
    ok("因天气原因不能在规定时限内到达的，向客户说明原因");
    ok("在協定時間內送達");
    vague("及時回覆留言");
    vague("定时巡视大堂");
}

#[test]
fn words_the_lists_did_not_know_are_vague() {
    for text in [
        "回答问题要清楚",
        "报警系统灵敏",
        "充分了解顾客需求",
        "做好解释工作",
        "不推诿塞责",
        "We pursue excellence in everything we do.",
        "We do everything we can for you.",
        "It is a pleasure to serve you.",
        "提前通知顾客",
        "Tell customers in advance.",
    ] {
        vague(text);
    }
    ok("提前24小时通知顾客");
    ok("Tell customers 2 days in advance.");
}
