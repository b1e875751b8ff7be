use super::*;

#[test]
fn the_shipped_rewrites_load_and_their_pairs_hold() {
    let shipped = Rewrites::parse(SHIPPED_NAME, SHIPPED, Lexicon::builtin());
    let shipped = shipped.unwrap_or_else(|err| panic!("{err}"));
    assert!(shipped.tests.len() >= 30, "{}", shipped.tests.len());
    for lang in Language::ALL {
        assert!(shipped.rules.iter().any(|r| r.lang == lang), "{lang:?}");
    }
}

#[test]
fn a_broken_pair_is_a_load_error_naming_it() {
    let file = r#"(
        rules: [(lang: "zh-CN", on: time, with: "在[2]小时内")],
        tests: [(input: "及时回复", expect: "在[3]小时内回复")],
    )"#;
    let err = Rewrites::parse("mine.ron", file, Lexicon::builtin()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("及时回复"), "{message}");
    assert!(message.contains("在[2]小时内回复"), "{message}");
    let bad = r#"(rules: [(lang: "en", on: time, with: "within [2 hours")])"#;
    assert!(Rewrites::parse("mine.ron", bad, Lexicon::builtin()).is_err());
    let typo = "(rules: [(lang: \"en\", on: tme, with: \"x\")])";
    let err = Rewrites::parse("mine.ron", typo, Lexicon::builtin()).unwrap_err();
    assert!(err.to_string().starts_with("mine.ron:1:"), "{err}");
}

#[test]
fn slots_are_marked_and_filled() {
    let s = suggest("及时回复", Language::ZhCn, None).expect("a rewrite");
    assert_eq!(s.marked, "在[2]小时内回复");
    assert_eq!(s.filled, "在2小时内回复");
    assert_eq!(&s.filled[s.slots[0].clone()], "2");
    assert_eq!(s.words, ["及时"]);
    assert_eq!(suggest("电话铃响三声内接听", Language::ZhCn, None), None);
}

#[test]
fn a_latin_word_before_matches_only_at_a_word_start() {
    assert!(ends_with_word("Staff are ", "are "));
    assert!(!ends_with_word("Silverware ", "are "));
    assert!(ends_with_word("面部", "面部"));
    assert!(ends_with_word("员工面部", "面部"));
}

#[test]
fn every_vague_word_is_rewritten() {
    let s = suggest("及时回电，热情问候", Language::ZhCn, None).expect("a rewrite");
    assert_eq!(s.words.len(), 2, "{s:?}");
    assert!(super::super::assess(&s.filled).is_measurable(), "{s:?}");
}

#[test]
fn a_third_person_hedge_gives_its_s_to_the_verb() {
    use super::text::hedged_verb;
    let verb = |text: &str, hedge: &str| {
        let at = text.find(hedge).unwrap();
        hedged_verb(text, at..at + hedge.len()).map(|(end, v)| (v, text[end..].to_owned()))
    };
    let case = |v: &str, rest: &str| Some((v.to_owned(), rest.to_owned()));
    assert_eq!(verb("It aims to reply.", "aims to"), case("replies", "."));
    assert_eq!(
        verb("It seeks to finish today", "seeks to"),
        case("finishes", " today")
    );
    assert_eq!(
        verb("It strives to be fair", "strives to"),
        case("is", " fair")
    );
    assert_eq!(
        verb("It tries to stay calm", "tries to"),
        case("stays", " calm")
    );
    assert_eq!(verb("We always try to call", "always try to"), None);
    assert_eq!(verb("It aims to 30 seconds", "aims to"), None);
}

#[test]
fn a_hedge_s_verb_passes_its_s_to_the_verb_after_it() {
    let text = "The bakery tries its best to accommodate them.";
    let hedge = text.find("tries").unwrap()..text.find(" accommodate").unwrap();
    let (end, verb) = hedged_verb(text, hedge).unwrap();
    assert_eq!(verb, "accommodates");
    assert_eq!(&text[end..], " them.");
    let text = "Staff always aim to reply.";
    let hedge = text.find("always").unwrap()..text.find(" reply").unwrap();
    assert_eq!(hedged_verb(text, hedge), None);
}

#[test]
fn who_is_to_feel_it_is_read_from_the_clause() {
    use super::text::felt_by;
    assert_eq!(felt_by("Make every visitor ").as_deref(), Some("visitors"));
    assert_eq!(felt_by("Guests ").as_deref(), Some("guests"));
    assert_eq!(felt_by("Our fans should ").as_deref(), Some("fans"));
    assert_eq!(felt_by("We make you ").as_deref(), Some("customers"));
    // What they do, or no one a survey could ask: no figure.
    assert_eq!(felt_by("Every guest leaves "), None);
    assert_eq!(felt_by("With anxious dogs we make them "), None);
    // The staff's own view ("if I feel the client is not ready") is no feeling to survey.
    assert_eq!(felt_by("after the test has been booked, I "), None);
    assert_eq!(felt_by("We "), None);
}

#[test]
fn a_tail_goes_to_its_sentences_end_within_twice_the_length() {
    use super::text::{TAIL, TAIL_END, place_tails};
    let marked = format!("We {TAIL} in at least 95% of cases{TAIL_END}keep our prices unchanged.");
    assert_eq!(
        place_tails(&marked, Language::En, 200),
        "We keep our prices unchanged in at least 95% of cases."
    );
    // Past twice the original's length, the tail is left out.
    assert_eq!(
        place_tails(&marked, Language::En, 40),
        "We keep our prices unchanged."
    );
    // A share the sentence already states measures the aim too.
    let rated = format!("要{TAIL}，达标率≥95%{TAIL_END}满足意愿，好评≥90%。");
    assert_eq!(
        place_tails(&rated, Language::ZhCn, 100),
        "要满足意愿，好评≥90%。"
    );
}

#[test]
fn an_and_list_names_an_item_once() {
    use super::text::listed_once;
    let original = "Welcome every customer with a friendly greeting and a warm smile.";
    assert_eq!(
        listed_once(
            "Welcome every customer with a smile and eye contact and a smile.",
            original
        ),
        "Welcome every customer with a smile and eye contact."
    );
    // What the original lists itself stays as it was.
    let listed = "Clean the sinks and the floor and the sinks.";
    assert_eq!(listed_once(listed, listed), listed);
    // Two items are left to the edit that made them.
    assert_eq!(
        listed_once("Smile and smile.", "Be friendly."),
        "Smile and smile."
    );
}

#[test]
fn an_adjective_before_a_noun_is_read_with_its_list() {
    use super::runs::{attributive, follows_a_noun, noun_phrase_end};
    let at = |text: &str, word: &str| {
        let start = text.find(word).unwrap();
        (start, start + word.len())
    };
    let text = "The library provides a clean, safe and tidy environment for all.";
    let (start, end) = at(text, "tidy");
    assert!(attributive(text, start, end));
    assert_eq!(
        &text[..noun_phrase_end(text, end)],
        "The library provides a clean, safe and tidy environment"
    );
    let (_, end) = at(text, "clean");
    assert_eq!(
        &text[..noun_phrase_end(text, end)],
        "The library provides a clean, safe and tidy environment"
    );
    // Said of the subject, or before a preposition: no noun follows.
    let kept = "The shelves are kept tidy every day.";
    let (start, end) = at(kept, "tidy");
    assert!(!attributive(kept, start, end));
    let noun = "We respond to your individual needs and expectations.";
    assert_eq!(
        &noun[..noun_phrase_end(noun, at(noun, "individual").1)],
        "We respond to your individual needs and expectations"
    );
    assert!(follows_a_noun("free of [dust] and [litter]"));
    assert!(!follows_a_noun("smile and make eye contact"));
    assert!(!follows_a_noun("at least [20] hours of"));
}

#[test]
fn a_manner_word_that_only_modifies_a_concrete_act_is_dropped() {
    let dropped = |text: &str, lang| suggest(text, lang, None).expect("a rewrite").marked;
    assert_eq!(
        dropped(
            "门卫礼貌问好，询问来访事由，并请来访人员填写登记表。",
            Language::ZhCn
        ),
        "门卫问好，询问来访事由，并请来访人员填写登记表。"
    );
    assert_eq!(
        dropped("以亲切的微笑迎接每位顾客，营造温馨的氛围。", Language::ZhCn),
        "以微笑迎接每位顾客，营造温馨的氛围。"
    );
    // A quality of a thing is a commitment: it keeps its measurable form.
    let uniform = dropped("电梯司机穿着整洁的制服，佩戴胸卡。", Language::ZhCn);
    assert!(uniform.contains('['), "{uniform}");
    // A negated word is what is forbidden, not a modifier (不做不必要的检查).
    let negated = dropped("根据病情检查，不做不必要的检查。", Language::ZhCn);
    assert_ne!(negated, "根据病情检查，不做不检查。");
    // A manner word that is the whole criterion keeps its measurable form.
    assert_ne!(
        dropped("热情接待每一位顾客", Language::ZhCn),
        "接待每一位顾客"
    );
    // A clause after the first that says nothing but the words goes whole.
    assert_eq!(
        dropped(
            "称呼病人时以姓氏相称，并说“您好”，态度诚恳，表情自然。",
            Language::ZhCn
        ),
        "称呼病人时以姓氏相称，并说“您好”。"
    );
    // Not the first clause: it holds the act.
    assert_ne!(
        dropped("态度和蔼，问候顾客。", Language::ZhCn),
        "问候顾客。"
    );
}

#[test]
fn an_edit_never_cuts_a_latin_word_in_two() {
    let text = "find sincere ways; best-sellers; customer-focused staff; be sincere.";
    let at = |w: &str| {
        let start = text.find(w).expect("in the text");
        start..start + w.len()
    };
    assert!(text::cuts_a_word(text, &at("sincere way")));
    assert!(text::cuts_a_word(text, &at("best")));
    assert!(text::cuts_a_word(text, &at("focused")));
    assert!(!text::cuts_a_word(text, &at("sincere.")));
    assert!(!text::cuts_a_word("礼貌问好", &(0..6)));
}

#[test]
fn a_gloss_keeps_the_word_and_says_what_it_means_after_a_colon() {
    let en = suggest(
        "Our staff will be polite, helpful and honest at all times, and will explain our decisions to you.",
        Language::En,
        None,
    )
    .expect("a rewrite");
    assert!(
        en.filled
            .starts_with("Our staff will be polite, helpful and honest at all times"),
        "{}",
        en.filled
    );
    assert!(
        en.filled
            .contains(": saying “please” and “thank you”; answering within 5 minutes"),
        "{}",
        en.filled
    );
    assert!(
        en.filled.ends_with('.') && !en.filled.ends_with(".."),
        "{}",
        en.filled
    );
    assert_eq!(en.words, ["polite, helpful and honest"]);
    // The customer the standard names is the one glossed.
    let named = suggest(
        "Patients are greeted in a friendly manner in every ward.",
        Language::En,
        None,
    );
    assert!(
        named
            .expect("a rewrite")
            .filled
            .contains("greeting each patient within 10 seconds")
    );
    // Chinese: several clauses say what the gloss is of.
    let zh = suggest(
        "热情接待用户咨询，做到有问必答、百问不厌。",
        Language::ZhCn,
        None,
    )
    .expect("a rewrite");
    assert_eq!(
        zh.marked,
        "热情接待用户咨询，做到有问必答、百问不厌，具体为：[10]秒内问候用户“[您好]”。"
    );
    // Too long for a gloss (more than twice the original): the word's other rules.
    let short = suggest("Be polite.", Language::En, None).expect("a rewrite");
    assert_eq!(short.marked, "Smile and make eye contact.");
}

#[test]
fn glosses_are_placed_once_each_after_one_colon() {
    use gloss::{glossed, place_glosses};
    let built = format!(
        "We are polite{} and helpful{}{}.",
        glossed("addressing you by name"),
        glossed("answering within [5] minutes or naming who can"),
        glossed("addressing you by name")
    );
    assert_eq!(
        place_glosses(&built, Language::En, usize::MAX),
        "We are polite and helpful: addressing you by name; answering within [5] minutes or naming who can."
    );
    assert_eq!(
        place_glosses(&built, Language::En, 1),
        "We are polite and helpful: addressing you by name."
    );
    let two = format!("Be kind{} and calm{}", glossed("a"), glossed("b"));
    assert_eq!(
        place_glosses(&two, Language::En, 8),
        "Be kind and calm: a and b."
    );
    // A standard that already defines with a colon takes no second one.
    let defined = format!("Courtesy: be kind{}.", glossed("a"));
    assert_eq!(
        place_glosses(&defined, Language::En, 8),
        "Courtesy: be kind."
    );
    let zh = format!("待客热情{}。", glossed("[10]秒内问候顾客“[您好]”"));
    assert_eq!(
        place_glosses(&zh, Language::ZhCn, 8),
        "待客热情：[10]秒内问候顾客“[您好]”。"
    );
}

#[test]
fn a_gloss_speaks_to_the_customer_the_standard_names() {
    use gloss::addressed;
    let with = "greeting {you} within [10] seconds";
    assert_eq!(
        addressed(with, "we greet you.", Language::En),
        "greeting you within [10] seconds"
    );
    assert_eq!(
        addressed(with, "residents are cared for.", Language::En),
        "greeting each resident within [10] seconds"
    );
    // "patient" as a manner is no one to greet.
    assert_eq!(
        addressed(with, "staff are patient and kind.", Language::En),
        "greeting each customer within [10] seconds"
    );
    assert_eq!(
        addressed("问候{you}", "热情接待乘客", Language::ZhCn),
        "问候乘客"
    );
    assert_eq!(
        addressed("問候{you}", "態度親切", Language::ZhTw),
        "問候顧客"
    );
}

#[test]
fn a_word_whose_going_would_leave_a_gap_stays() {
    use text::leaves_a_gap;
    let text = "Regardless of the seriousness of the case, staff act.";
    let at = text.find("seriousness").unwrap();
    assert!(leaves_a_gap(text, at..at + "seriousness".len(), ""));
    let text = "We are committed to excellence in education.";
    let at = text.find("excellence").unwrap();
    assert!(leaves_a_gap(text, at..at + "excellence".len(), ""));
    // A list's "and" goes with the word; a noun after it fills the place.
    let text = "We provide a prompt and polite service.";
    let at = text.find("prompt").unwrap();
    assert!(!leaves_a_gap(text, at..at + "prompt".len(), ""));
    let text = "Staff with appropriate expertise assess it.";
    let at = text.find("appropriate").unwrap();
    assert!(!leaves_a_gap(text, at..at + "appropriate".len(), ""));
    let s = suggest(
        "We are committed to excellence in biodiversity, science literacy and education.",
        Language::En,
        None,
    );
    assert_eq!(
        s.expect("a rewrite").marked,
        "We are committed to excellence per [checklist] item [3] in biodiversity, science literacy and education."
    );
}

#[test]
fn a_list_words_phrase_is_said_as_an_item() {
    use gloss::{in_list, item_of};
    assert_eq!(
        item_of("within [2] hours,").as_deref(),
        Some("within [2] hours")
    );
    assert_eq!(item_of(" "), None);
    // A Chinese list keeps its phrase in the word's place.
    let text = "提供快速、便捷的加油服务";
    let at = text.find("快速").unwrap();
    assert!(!in_list(text, at..at + "快速".len(), Language::ZhCn));
    // An English adjective listed before its noun is one; an adverb is not.
    let text = "We give prompt and serious attention.";
    let at = text.find("prompt").unwrap();
    assert!(in_list(text, at..at + "prompt".len(), Language::En));
    let text = "We answer promptly and politely.";
    let at = text.find("promptly").unwrap();
    assert!(!in_list(text, at..at + "promptly".len(), Language::En));
}

#[test]
fn a_phrase_with_its_own_preposition_takes_the_ones_place() {
    use text::preposition_before;
    let text = "We greet you with fairness.";
    let at = text.find("fairness").unwrap();
    assert_eq!(
        preposition_before(text, at, "per [checklist] item [3]"),
        text.find("with")
    );
    assert_eq!(preposition_before(text, at, "eye contact"), None);
    let text = "We greet the fairness.";
    let at = text.find("fairness").unwrap();
    assert_eq!(
        preposition_before(text, at, "per [checklist] item [3]"),
        None
    );
}

#[test]
fn a_smile_goes_only_where_someone_is_met() {
    let file = r#"(
        encounters: ["custom", "greet"],
        rules: [(lang: "en", on: manner, with: "with a smile", place: clause_end, in_encounter: true)],
    )"#;
    let rules =
        Rewrites::parse("mine.ron", file, Lexicon::builtin()).unwrap_or_else(|e| panic!("{e}"));
    let met = rules.suggest_with(
        Lexicon::builtin(),
        "Serve customers cheerfully.",
        Language::En,
        None,
    );
    assert_eq!(
        met.map(|s| s.marked),
        Some("Serve customers with a smile.".to_owned())
    );
    let unmet = rules.suggest_with(
        Lexicon::builtin(),
        "Store the records securely.",
        Language::En,
        None,
    );
    assert_eq!(unmet, None);
    // The shipped rules: no smile for being charged or for installing.
    for standard in [
        "On larger installations and repairs, you will be charged for the time taken to make materials lists.",
        "Members shall offer and honor clear, understandable warranties that comply with all applicable requirements.",
    ] {
        let rewrite = suggest(standard, Language::En, None).map(|s| s.marked);
        assert!(
            !rewrite.as_deref().unwrap_or("").contains("smile"),
            "{standard} → {rewrite:?}"
        );
    }
}

#[test]
fn a_heading_before_a_colon_is_a_name_not_a_criterion() {
    use super::text::label_end;
    assert_eq!(label_end("文明服务:服务态度良好"), Some("文明服务".len()));
    assert_eq!(
        label_end("Respectful: polite staff who listen."),
        Some("Respectful".len())
    );
    // Too long, a list of its own, or nothing after it: no heading.
    assert_eq!(
        label_end("We will be polite to every customer: addressing you by name."),
        None
    );
    assert_eq!(label_end("热情、耐心：对待顾客"), None);
    assert_eq!(label_end("诚信服务："), None);
    // The shipped rules leave it as it is.
    let s = suggest("首问负责:热情接待,及时答复。", Language::ZhCn, None).expect("a rewrite");
    assert!(s.marked.starts_with("首问负责:"), "{}", s.marked);
    // No smile where no one is met (自然灾害 is no manner).
    let storm = "如遇恶劣天气及其他自然灾害等不可抗力，游乐设备将关闭。";
    let rewrite = suggest(storm, Language::ZhCn, None).map(|s| s.marked);
    assert!(
        !rewrite.as_deref().unwrap_or("").contains("微笑"),
        "{rewrite:?}"
    );
}
