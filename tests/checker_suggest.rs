//! `servstd check --suggest` and a set's own words on the command line
//! (issue 27): the rewrite under each vague verdict in the standard's
//! language and script; a term the set defines, a word it calls fine, and
//! a standard accepted as is, each said by `--explain`.

use servstd::core::model::{
    ContactPoint, Definition, Factor, Language, Standard, StandardKind, StandardsSet, Step,
};

mod run;
use run::servstd;

/// What `servstd check --suggest` prints for `stdin`, which has vague lines.
fn suggested(stdin: &str) -> String {
    let out = servstd()
        .args(["check", "--suggest"])
        .write_stdin(stdin)
        .assert()
        .code(1);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn suggest_prints_a_rewrite_under_each_vague_line_in_three_languages() {
    let stdout = suggested(
        "及时回复顾客的留言\n熱情接待每一位客人\nKeep the shelves neat\n电话铃响三声内接听\n",
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("vague\t"), "{stdout}");
    assert_eq!(
        lines[1], "\t改写建议：在[2]小时内回复顾客的留言",
        "{stdout}"
    );
    assert_eq!(lines[3], "\t改寫建議：面帶微笑接待每一位客人", "{stdout}");
    assert_eq!(
        lines[5], "\trewrite: Keep the shelves free of [dust] and [litter]",
        "{stdout}"
    );
    // A measurable line gets no rewrite.
    assert!(lines[6].starts_with("ok\t"), "{stdout}");
    assert_eq!(lines.len(), 7, "{stdout}");
}

#[test]
fn a_line_in_neither_script_is_rewritten_in_its_files() {
    // 扶助老弱身障者 has no character only one script uses: in a file of
    // traditional standards, its rewrite and verdict are traditional.
    let stdout = suggested("服務人員要有禮貌\n扶助老弱身障者\n");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[2].starts_with("vague\t含糊用語"), "{stdout}");
    assert_eq!(
        lines[3], "\t改寫建議：按[流程]第[3]步扶助老弱身障者",
        "{stdout}"
    );
}

#[test]
fn a_sets_own_words_and_its_exception_are_honoured_and_explained() {
    let mut set = StandardsSet::new("Shop", Language::En);
    set.words.defines.push(Definition {
        term: "promptly".into(),
        meaning: "within 2 hours".into(),
    });
    let mut cp = ContactPoint::new("CP-1", "Arrival");
    let mut st = Step::new("ST-1", "Greeting");
    let mut f = Factor::new("KF-1", "Noticed at once");
    f.standards.push(Standard::new(
        "S-1",
        "Reply promptly to every e-mail",
        StandardKind::Procedure,
    ));
    let mut accepted = Standard::new("S-2", "Make every visit memorable", StandardKind::Personal);
    accepted.accepted = Some("the owner checks this by a monthly survey".into());
    f.standards.push(accepted);
    st.factors.push(f);
    cp.steps.push(st);
    set.contact_points.push(cp);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.standards.ron");
    servstd::core::storage::save(&path, &set).unwrap();

    let out = servstd()
        .args(["check", "--explain"])
        .arg(&path)
        .assert()
        .code(0);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("ok\tS-1\t"), "{stdout}");
    assert!(
        stdout.contains("\t“promptly” is defined by this set: within 2 hours"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok\tS-2\taccepted as is: the owner checks this by a monthly survey"),
        "{stdout}"
    );
    servstd().arg("validate").arg(&path).assert().code(0);
}

/// The manual lists the set's own words and every exception in an
/// appendix of its own, so that nothing is hidden from an auditor; a set
/// without any has no such appendix.
#[test]
fn the_manual_lists_the_sets_words_and_exceptions_in_an_appendix() {
    use servstd::export::{self, Format, Layout, Options};
    let text = |set: &StandardsSet| {
        let options = Options {
            format: Format::Pdf,
            layout: Layout::Manual,
            language: Some(Language::En),
            ..Options::default()
        };
        let bytes = export::export(set, &options).expect("the export is made");
        let doc = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let all: String = doc.extract_text(&pages).unwrap_or_default();
        all.split_whitespace().collect::<String>()
    };
    let mut set = servstd::core::templates::default_sample();
    assert!(!text(&set).contains("AppendixC"));
    set.words.defines.push(Definition {
        term: "promptly".into(),
        meaning: "within 2 hours".into(),
    });
    set.contact_points[0].steps[0].factors[0].standards[0].accepted =
        Some("the owner checks this by a monthly survey".into());
    let all = text(&set);
    assert!(all.contains("AppendixC"), "the heading");
    assert!(
        all.contains("“promptly”isdefinedbythisset:within2hours"),
        "{all}"
    );
    assert!(all.contains("acceptedasis:theownerchecksthisbyamonthlysurvey"));
}
