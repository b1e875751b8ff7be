//! The checker on the fifth to nineteenth holdouts
//! (`tests/data/checker-holdout-5.tsv` to `checker-holdout-19.tsv`): published
//! standards collected and labelled by a session that never saw the
//! checker's rules, each committed before any rule changed. Precision and
//! recall of the *vague* class per language are printed
//! (`cargo test --test checker_holdout -- --nocapture`) and gated, so that a
//! change to the rules that loses ground on standards nobody tuned on fails
//! CI. Disagreements are never printed: the parts stay sealed.

use servstd::core::check::assess;

struct Labelled<'a> {
    lang: &'a str,
    vague: bool,
    text: &'a str,
}

fn holdout(file: &'static str) -> Vec<Labelled<'static>> {
    file.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let parts: Vec<&str> = line.split('\t').collect();
            assert_eq!(parts.len(), 5, "five columns: {line}");
            assert!(["zh-CN", "zh-TW", "en"].contains(&parts[0]), "{line}");
            assert!(["ok", "vague"].contains(&parts[1]), "{line}");
            assert!(parts[3].starts_with("http"), "a source address: {line}");
            Labelled {
                lang: parts[0],
                vague: parts[1] == "vague",
                text: parts[4],
            }
        })
        .collect()
}

/// Counts of the vague class: flagged and vague, flagged but labelled
/// measurable, vague but passed.
#[derive(Default, Clone, Copy)]
struct Counts {
    true_vague: usize,
    false_vague: usize,
    missed_vague: usize,
    all: usize,
}

impl Counts {
    fn of(cases: &[&Labelled<'_>]) -> Self {
        let mut c = Self::default();
        for case in cases {
            let flagged = !assess(case.text).is_measurable();
            c.all += 1;
            match (flagged, case.vague) {
                (true, true) => c.true_vague += 1,
                (true, false) => c.false_vague += 1,
                (false, true) => c.missed_vague += 1,
                (false, false) => {}
            }
        }
        c
    }

    fn precision(self) -> f64 {
        ratio(self.true_vague, self.true_vague + self.false_vague)
    }

    fn recall(self) -> f64 {
        ratio(self.true_vague, self.true_vague + self.missed_vague)
    }

    fn agreement(self) -> f64 {
        ratio(self.all - self.false_vague - self.missed_vague, self.all)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// The figures measured when the holdout was first scored, blind, on the
/// checker of commit cf942c9, less one point: a change may gain but not lose.
/// Scored blind: zh-CN precision 82.6%, recall 70.4%; zh-TW 81.8%, 72.0%;
/// en 69.8%, 81.1%; all 76.1%, 75.3% (agreement 81.2%).
/// Raised after issue 27's governs rules (tuned on the development corpus
/// and on this holdout, so no longer blind): zh-CN 92.3%, 88.9%; zh-TW
/// 92.0%, 92.0%; en 87.5%, 94.6%; all 90.1%, 92.1% (agreement 93.0%).
/// Raised again after the second round of issue 27 (tuned on holdouts 5 to
/// 7): zh-CN 100.0%, 88.9%; zh-TW 92.6%, 100.0%; en 89.7%, 94.6%; all
/// 93.3%, 94.4% (agreement 95.2%); the floors are these less one point.
/// Raise them when the checker improves; never lower them to make a change pass.
const FLOOR: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.99, 0.87, 0.95),
    ("zh-TW", 0.91, 0.99, 0.96),
    ("en", 0.88, 0.93, 0.92),
    ("all", 0.92, 0.93, 0.94),
];

#[test]
fn the_fifth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-5.tsv"), &FLOOR);
}

/// The figures measured when the sixth holdout (258 standards, banks,
/// airlines, couriers, e-commerce, dealers, libraries, vets, elderly care,
/// hotlines) was first scored, blind, on the checker of commit 877f4ca
/// (the rules of issue 14 to 28, before any rule change of issue 27), less
/// one point. Scored blind: zh-CN precision 79.2%, recall 65.5%; zh-TW
/// 84.0%, 65.6%; en 84.6%, 94.3%; all 83.0%, 76.0% (agreement 85.3%).
/// After issue 27's governs rules (no longer blind: the gate caught a
/// zh-TW recall loss from a condition rule, which was narrowed): zh-CN
/// 80.8%, 72.4%; zh-TW 91.3%, 65.6%; en 94.3%, 94.3%; all 89.3%, 78.1%
/// (agreement 88.4%). After the second round (its misses read and fixed:
/// the customer's duty, instants after their moment, listed conditions,
/// missing words): zh-CN 92.6%, 86.2%; zh-TW 96.8%, 93.8%; en 97.2%,
/// 100.0%; all 95.7%, 93.8% (agreement 96.1%); the floors are these less
/// one point. Raise them when the checker improves; never lower them.
const FLOOR_6: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.91, 0.85, 0.90),
    ("zh-TW", 0.95, 0.92, 0.95),
    ("en", 0.96, 0.99, 0.97),
    ("all", 0.94, 0.92, 0.95),
];

#[test]
fn the_sixth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-6.tsv"), &FLOOR_6);
}

/// The seventh holdout (229 standards: hospitals, utilities, service halls,
/// museums, immigration, courts, councils, water companies, insurers, car
/// rental, a software help desk), collected blind by a helper session while
/// the rules of commit d3ba074 were tuned on the fifth and sixth, and scored
/// once on them, numbers only. Scored blind: zh-CN precision 85.2%,
/// recall 88.5%; zh-TW 77.8%, 60.9%; en 85.0%, 91.9%; all 83.5%, 82.6%
/// (agreement 87.3%). Its disagreements were then read and fixed as rules
/// that carry (no longer blind; holdout-8 was collected meanwhile to measure
/// the result): zh-CN 96.0%, 92.3%; zh-TW 100.0%, 91.3%; en 97.3%, 97.3%;
/// all 97.6%, 94.2% (agreement 96.9%); the floors are these less one point.
/// Raise them when the checker improves; never lower them.
const FLOOR_7: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.95, 0.91, 0.94),
    ("zh-TW", 0.99, 0.90, 0.95),
    ("en", 0.96, 0.96, 0.96),
    ("all", 0.96, 0.93, 0.95),
];

#[test]
fn the_seventh_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-7.tsv"), &FLOOR_7);
}

/// The eighth holdout (246 standards: customs, metro, rail, coaches, ferries,
/// pharmacies, notaries, registries, securities firms, dormitories, car
/// parks, movers, funeral directors, consulates, police, a port), collected
/// blind by a helper session while holdout-7's misses were fixed, and
/// scored once on the rules of commit 344b157, numbers only. Scored blind:
/// zh-CN precision 95.5%, recall 72.4%; zh-TW 87.0%, 66.7%; en 78.6%,
/// 71.0%; all 86.3%, 70.0% (agreement 85.0%). The rules before issue 27's
/// second round (4454989) score all 77.8%, 70.0% (agreement 81.7%): the
/// round carried to new sources in precision, not in recall. Its
/// disagreements have not been read: it stays sealed. The floors are the
/// blind figures less one point; raise them, never lower them.
const FLOOR_8: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.94, 0.71, 0.88),
    ("zh-TW", 0.86, 0.65, 0.83),
    ("en", 0.77, 0.70, 0.80),
    ("all", 0.85, 0.69, 0.84),
];

#[test]
fn the_eighth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-8.tsv"), &FLOOR_8);
}

/// The ninth holdout (267 standards: theatres, laundries, department stores,
/// kindergartens, tutoring, ski resorts, zoos, legal aid, furniture
/// delivery, car repair, lotteries, wedding firms, opticians, groomers,
/// travel agents, B&Bs, the HK Ombudsman, call-centre QA scorecards),
/// collected blind by a helper session and scored once on the rules of
/// commit 63c681a, numbers only. Scored blind: zh-CN precision 80.0%,
/// recall 75.0%; zh-TW 88.5%, 76.7%; en 77.1%, 87.1%; all 81.3%, 79.6%
/// (agreement 86.5%). The rules before issue 27's second round (4454989)
/// score all 82.0%, 78.5% (agreement 86.5%): on these sources the round
/// neither gained nor lost. Sealed: its disagreements are not read. The
/// floors are the blind figures less one point; raise them, never lower
/// (raised once the reading of 18A and 20A moved all to 86.2%, 80.6%).
const FLOOR_9: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.85, 0.77, 0.87),
    ("zh-TW", 0.91, 0.75, 0.88),
    ("en", 0.81, 0.89, 0.88),
    ("all", 0.85, 0.79, 0.87),
];

#[test]
fn the_ninth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-9.tsv"), &FLOOR_9);
}

fn gate(file: &'static str, floors: &[(&str, f64, f64, f64)]) {
    let cases = holdout(file);
    assert!(cases.len() >= 150, "at least 150 standards");
    let mut failures = Vec::new();
    for &(lang, min_precision, min_recall, min_agreement) in floors {
        let of: Vec<&Labelled<'_>> = cases
            .iter()
            .filter(|c| lang == "all" || c.lang == lang)
            .collect();
        let c = Counts::of(&of);
        println!(
            "{lang}: {} standards, vague precision {:.1}% ({}/{}), recall {:.1}% ({}/{}), agreement {:.1}%",
            c.all,
            100.0 * c.precision(),
            c.true_vague,
            c.true_vague + c.false_vague,
            100.0 * c.recall(),
            c.true_vague,
            c.true_vague + c.missed_vague,
            100.0 * c.agreement()
        );
        for (what, got, floor) in [
            ("precision", c.precision(), min_precision),
            ("recall", c.recall(), min_recall),
            ("agreement", c.agreement(), min_agreement),
        ] {
            if got < floor {
                failures.push(format!(
                    "{lang}: {what} {:.1}% under the floor {:.0}%",
                    100.0 * got,
                    100.0 * floor
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The tenth holdout: 315 standards (92 zh-CN, 123 zh-TW, 100 en) from
/// kinds of organisation no earlier set used (heating companies, taxis and
/// ride-hailing, driving schools, blood centres, bin collection, bike-share,
/// domestic help and postnatal centres, locksmiths, pest control, estate
/// agents' codes, campsites, charities' supporter promises, patient
/// transport, university admissions), collected blind by a helper session
/// on 2026-12-05 before any rule changed and scored once on the rules of
/// commit 3c3d9e0, numbers only: zh-CN precision 87.1%, recall 84.4%; zh-TW
/// 91.7%, 76.7%; en 85.3%, 80.6%; all 88.1%, 80.2% (agreement 89.2%).
/// Its disagreements were read once the eleventh holdout was in (the way
/// the seventh's were), so it is tuned on now: the floors are today's
/// figures less one point (zh-CN 90.0/84.4, zh-TW 97.2/81.4, en 97.1/91.7,
/// all 95.0/85.6, agreement 93.3).
const FLOOR_10: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.89, 0.83, 0.90),
    ("zh-TW", 0.96, 0.80, 0.91),
    ("en", 0.96, 0.90, 0.95),
    ("all", 0.94, 0.84, 0.92),
];

#[test]
fn the_tenth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-10.tsv"), &FLOOR_10);
}

/// The eleventh holdout: 304 standards (101 zh-CN, 107 zh-TW, 96 en) from
/// kinds of organisation no earlier set used (toll stations, archives,
/// lift maintenance, translation agencies, law firms, EV charging, wet
/// markets, relief stations, register offices, coroners, care homes,
/// marinas, self-storage, prison visits, pet boarding), collected blind by
/// a helper session on 2026-12-05 before any rule changed, and scored once
/// on the rules of commit 9351210, numbers only: zh-CN precision 74.3%,
/// recall 65.0%; zh-TW 80.0%, 80.0%; en 85.3%, 74.4%; all 79.8%, 72.8%
/// (agreement 82.9%). Its disagreements were read once the twelfth holdout
/// was in, so it is tuned on now: the floors are today's figures less one
/// point (zh-CN 86.5/80.0, zh-TW 88.9/91.4, en 90.0/92.3, all 88.5/87.7,
/// agreement 91.1).
const FLOOR_11: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.85, 0.79, 0.86),
    ("zh-TW", 0.87, 0.90, 0.92),
    ("en", 0.89, 0.91, 0.91),
    ("all", 0.87, 0.86, 0.90),
];

#[test]
fn the_eleventh_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-11.tsv"), &FLOOR_11);
}

/// The twelfth holdout: 307 standards (102 zh-CN, 102 zh-TW, 103 en) from
/// kinds of organisation no earlier set used (pension funds, chimney
/// sweeps, sports clubs' charters, auction houses, bike workshops,
/// matchmaking agencies, golf caddies, KTV, car washes, tobacco licensing,
/// temples' lamp services, bookshops, environmental complaint desks),
/// collected blind by a helper session on 2026-12-05 before any rule
/// changed, and scored once on the rules of commit 00b8fe7, numbers only:
/// zh-CN precision 72.4%, recall 65.6%; zh-TW 85.0%, 73.9%; en 74.2%,
/// 65.7%; all 76.2%, 67.8% (agreement 84.4%). Its disagreements were read
/// once the thirteenth holdout was in, so it is tuned on now: the floors
/// are today's figures less one point (zh-CN 90.9/93.8, zh-TW 87.0/87.0,
/// en 82.9/82.9, all 86.8/87.8, agreement 92.5).
const FLOOR_12: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.89, 0.92, 0.94),
    ("zh-TW", 0.86, 0.86, 0.93),
    ("en", 0.81, 0.81, 0.87),
    ("all", 0.85, 0.86, 0.91),
];

#[test]
fn the_twelfth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-12.tsv"), &FLOOR_12);
}

/// The thirteenth holdout: 320 standards (100 zh-CN, 111 zh-TW, 109 en)
/// from kinds of organisation no earlier set used (bakeries, bookkeeping
/// agencies, passenger ropeways, letters-and-visits bureaus, jewellers,
/// river rafting, grain-purchase points, prosecutors' service centres,
/// vehicle inspection stations, intellectual-property offices, tattoo
/// studios, debt-advice charities, renewable-energy installers, riding
/// schools, skip hire, pet cremation), collected blind by a helper session
/// on 2026-12-05 before any rule changed, and scored once on the rules of
/// commit eda7f5b, numbers only:
/// zh-CN precision 87.9%, recall 74.4%; zh-TW 78.9%, 45.5%; en 79.3%,
/// 52.3%; all 82.7%, 57.8% (agreement 80.3%). Sealed: its disagreements are
/// not read. The floors are the blind figures less one point; raise them,
/// never lower (zh-TW and all precision raised once the twelfth's reading
/// moved them to 83.3 and 83.8).
const FLOOR_13: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.86, 0.73, 0.85),
    ("zh-TW", 0.82, 0.44, 0.79),
    ("en", 0.78, 0.51, 0.74),
    ("all", 0.82, 0.56, 0.79),
];

#[test]
fn the_thirteenth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-13.tsv"), &FLOOR_13);
}

/// The fourteenth holdout: 251 standards (77 zh-CN, 88 zh-TW, 86 en) from
/// kinds of organisation no earlier set used (judicial appraisal centres,
/// an expressway service area, trade-fair organisers, personnel-archive
/// services, school buses, street-lighting repair, a senior citizens'
/// university, skills-assessment examiners; Hong Kong's Highways
/// Department, ICAC, outside caterers, money changers and trams, Taiwan's
/// census enumerators and conscription offices, stored-value transport
/// cards; will writers, arborists, debt collectors, festival organisers),
/// collected blind by a helper session on 2026-12-05 and scored once on the
/// rules as they stood (commit 95a37f0 and this stop's first rewrites, made
/// before the set was seen), numbers only: zh-CN precision 67.9%, recall
/// 76.0%; zh-TW 76.0%, 95.0%; en 84.4%, 77.1%; all 76.5%, 81.2% (agreement
/// 86.1%). Sealed: its disagreements are not read. The floors are the blind
/// figures less one point; raise them, never lower (en precision raised
/// once the fifteenth's reading moved it to 87.1, all to 77.4).
const FLOOR_14: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.66, 0.75, 0.79),
    ("zh-TW", 0.75, 0.94, 0.91),
    ("en", 0.86, 0.76, 0.85),
    ("all", 0.76, 0.80, 0.85),
];

#[test]
fn the_fourteenth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-14.tsv"), &FLOOR_14);
}

/// The fifteenth holdout: 296 standards (97 zh-CN, 89 zh-TW, 110 en) from
/// 80 hosts no earlier set used and mostly from kinds of organisation none
/// had (home organisers, escape rooms, planetariums, surf schools, dog
/// trainers, architects, gardeners, Taiwan's assistive-device centres,
/// mahjong and chess rooms, counselling hotlines, an archery club),
/// collected blind by a helper session on 2026-12-05 and scored once on the
/// rules of commit 3eb9211 (the checker's words unchanged since), numbers
/// only: zh-CN precision 78.6%, recall 86.8%; zh-TW 78.9%, 62.5%; en 84.2%,
/// 78.0%; all 80.8%, 77.7% (agreement 85.8%). The floors are the blind
/// figures less one point. Its misses were then read (so it is no longer
/// blind) and the words that carry as words were added: zh-CN 87.8%, 94.7%;
/// zh-TW 85.7%, 75.0%; en 90.2%, 90.2%; all 88.3%, 88.3% (agreement
/// 91.9%); the floors are these less one point. Raise them, never lower.
const FLOOR_15: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.86, 0.93, 0.91),
    ("zh-TW", 0.84, 0.74, 0.88),
    ("en", 0.89, 0.89, 0.91),
    ("all", 0.87, 0.87, 0.90),
];

#[test]
fn the_fifteenth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-15.tsv"), &FLOOR_15);
}

/// The sixteenth holdout: 289 standards (86 zh-CN, 98 zh-TW, 105 en) from
/// 85 hosts no earlier set used and mostly from kinds of organisation none
/// had (direct sellers, billiard halls, fireworks shops, hospital escorts,
/// yacht charter, party rooms, news media, Macau's gaming regulator, food
/// banks, buskers, tool and bouncy-castle hire), collected blind by a
/// helper session on 2026-12-05 while the fifteenth's misses were being
/// read, and scored once on the rules of commit 12e296b, numbers only:
/// zh-CN precision 81.2%, recall 76.5%; zh-TW 89.7%, 78.8%; en 80.0%,
/// 86.5%; all 83.2%, 80.8% (agreement 87.2%). On the rules before that
/// reading (2e6fc70) it scored the same but zh-TW recall 75.8% (all 83.0%,
/// 79.8%). Sealed: its disagreements are not read. The floors are the blind
/// figures less one point; raise them, never lower.
const FLOOR_16: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.80, 0.75, 0.82),
    ("zh-TW", 0.88, 0.77, 0.88),
    ("en", 0.79, 0.88, 0.87),
    ("all", 0.82, 0.79, 0.86),
];

#[test]
fn the_sixteenth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-16.tsv"), &FLOOR_16);
}

/// The seventeenth holdout: 275 standards (87 zh-CN, 82 zh-TW, 106 en;
/// only 43 vague, 5 of them zh-TW) from 84 hosts no earlier set used,
/// mostly of kinds none had (marathon organisers, ship locks, digital
/// certificate authorities, mountain huts, piano tuners, farriers, data
/// recovery, picture framers), collected blind by a helper session on
/// 2026-12-05 and scored once on the rules of commit 70b8fae (whose
/// checker is 4124e72's): zh-CN precision 80.0%, recall 47.1%; zh-TW 80.0%,
/// 80.0%; en 65.2%, 71.4%; all 71.1%, 62.8% (agreement 90.2%). Its
/// disagreements were read and mended as words (commit after 7f349fb):
/// all 88.9%, 74.4%. The floors are those figures less one point; raise
/// them, never lower.
const FLOOR_17: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.99, 0.57, 0.91),
    ("zh-TW", 0.79, 0.79, 0.96),
    ("en", 0.84, 0.84, 0.93),
    ("all", 0.87, 0.73, 0.93),
];

#[test]
fn the_seventeenth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-17.tsv"), &FLOOR_17);
}

/// The eighteenth holdout: 347 standards of how staff behave with
/// customers (etiquette norms, staff codes, service pledges: tyre shops,
/// tailors, bridal shops, bakeries, jewellers, hostels, ferry terminals,
/// airport lounges, galleries, aquariums, bingo clubs, investment
/// agencies), taken in page order from 61 hosts no earlier set used,
/// collected blind by a helper session on 2026-12-05 and split by host
/// (see the files' last header line) before scoring, once, on the rules
/// of commit 70b8fae. Part A, 177 standards: zh-CN precision 53.8%,
/// recall 82.4%; zh-TW 75.0%, 64.3%; en 73.8%, 67.4%; all 67.5%, 70.1%
/// (agreement 72.3%). Its disagreements were read and mended as words:
/// all 77.2%, 79.2% (part B, sealed, did not move). Floors: those less one
/// point. The rules that read holdout 35 score it en 92.3 / 78.3, all 82.9
/// / 81.8; its en and all floors follow.
const FLOOR_18A: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.62, 0.81, 0.79),
    ("zh-TW", 0.85, 0.91, 0.89),
    ("en", 0.91, 0.77, 0.84),
    ("all", 0.81, 0.80, 0.83),
];

#[test]
fn the_eighteenth_holdouts_read_part_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-18a.tsv"), &FLOOR_18A);
}

/// The eighteenth holdout, part B, 170 standards from the other hosts:
/// zh-CN precision 76.2%, recall 84.2%; zh-TW 53.3%, 61.5%; en 81.1%,
/// 71.4%; all 74.0%, 73.0% (agreement 77.1%). Sealed: its disagreements are
/// not read. Floors: blind less one point.
const FLOOR_18B: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.75, 0.83, 0.82),
    ("zh-TW", 0.52, 0.60, 0.65),
    ("en", 0.82, 0.70, 0.77),
    ("all", 0.74, 0.72, 0.76),
];

#[test]
fn the_eighteenth_holdouts_sealed_part_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-18b.tsv"), &FLOOR_18B);
}

/// The nineteenth holdout: 282 standards (86 zh-CN, 69 zh-TW, 127 en; 114
/// vague) of how staff treat customers, from 42 hosts no earlier set used
/// (libraries, government counters, power, water and gas utilities,
/// buses, coach hire, hospitals, dentists, care homes, tour guides,
/// property management, a cram school, a museum, leisure centres),
/// collected blind by a helper session on 2026-12-06 and scored once on
/// the rules of commit 6a3b19e: zh-CN precision 53.8%, recall 93.3%; zh-TW
/// 54.2%, 56.5%; en 76.7%, 75.4%; all 64.0%, 76.3% (agreement 73.0%).
/// Sealed: its disagreements are not read. Floors: those figures less one
/// point, raised once holdout 20A's reading moved zh-TW to 58.3%, 60.9%.
const FLOOR_19: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.52, 0.92, 0.68),
    ("zh-TW", 0.57, 0.59, 0.71),
    ("en", 0.75, 0.74, 0.76),
    ("all", 0.63, 0.76, 0.72),
];

#[test]
fn the_nineteenth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-19.tsv"), &FLOOR_19);
}

/// The twentieth holdout: 398 standards (142 zh-CN, 108 zh-TW, 148 en; 179
/// vague) from 56 hosts no earlier set used (pharmacies, 4S car dealers,
/// hotels, supermarkets, airports, ferries, telecom shops, insurers,
/// securities brokers, banks' fair-treatment and accessibility pledges,
/// couriers, driving schools, funeral services, estate agents, online
/// shops' return policies), collected blind by a helper session on
/// 2026-12-06, split by host (see the files' last header line) before
/// scoring, and scored once on the rules of commit f499521. Part A, 201
/// standards: zh-CN precision 71.4%, recall 89.3%; zh-TW 73.1%, 73.1%; en
/// 73.1%, 63.3%; all 72.4%, 75.0% (agreement 77.6%). It was then read
/// and mended as rules and words: zh-CN 86.7%, 92.9%; zh-TW 88.5%, 88.5%;
/// en 88.5%, 76.7%; all 87.8%, 85.7%. Floors: those less one point; raise
/// them, never lower.
const FLOOR_20A: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.85, 0.91, 0.90),
    ("zh-TW", 0.87, 0.87, 0.88),
    ("en", 0.87, 0.75, 0.85),
    ("all", 0.86, 0.84, 0.88),
];

#[test]
fn the_twentieth_holdouts_read_part_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-20a.tsv"), &FLOOR_20A);
}

/// The twentieth holdout, part B, 197 standards from the other hosts,
/// scored once on the rules of commit f499521: zh-CN precision 80.6%,
/// recall 83.3%; zh-TW 69.0%, 64.5%; en 81.1%, 88.2%; all 77.3%, 78.9%
/// (agreement 78.7%). Sealed: its disagreements are not read. Part A's
/// reading moved it to zh-CN 83.3%, 83.3%; zh-TW 70.0%, 67.7%; all 78.4%,
/// 80.0%. Floors: those figures less one point; raise them, never lower.
const FLOOR_20B: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.82, 0.82, 0.84),
    ("zh-TW", 0.69, 0.66, 0.62),
    ("en", 0.80, 0.87, 0.84),
    ("all", 0.77, 0.79, 0.78),
];

#[test]
fn the_twentieth_holdouts_sealed_part_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-20b.tsv"), &FLOOR_20B);
}

/// The twenty-first holdout: 228 standards (83 zh-CN, 67 zh-TW, 78 en; 101
/// vague) from 31 hosts no earlier set used (hotels' room-entry rules,
/// salons and barbers, Taiwan's government, university and hospital phone
/// etiquette and patients' rights, HK Electric's customer policy, libraries),
/// collected blind by a helper session on 2026-12-06 after the rules of the
/// stop before were set, and scored once on the rules of commit f8b3ae2:
/// zh-CN precision 55.6%, recall 80.6%; zh-TW 59.1%, 46.4%; en 90.9%,
/// 71.4%; all 68.0%, 67.3% (agreement 71.5%). The rules of cd38c18 score it
/// exactly the same. Once scored, and once holdout 22 was collected to be
/// the next blind one, its disagreements were read (with a second
/// labeller's, `tests/checker_labellers.rs`): it is tuned on now. Floors:
/// the figures at b739fb6 (zh-CN 62.2/90.3, zh-TW 78.6/78.6, en 94.3/78.6,
/// all 76.9/82.2, agreement 81.1) less one point; raise them, never lower.
const FLOOR_21: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.61, 0.89, 0.74),
    ("zh-TW", 0.77, 0.77, 0.81),
    ("en", 0.93, 0.77, 0.84),
    ("all", 0.75, 0.81, 0.80),
];

#[test]
fn the_twenty_first_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-21.tsv"), &FLOOR_21);
}

/// The twenty-second holdout: 198 standards (64 zh-CN, 51 zh-TW, 83 en; 76
/// vague: only 14 zh-CN and 9 zh-TW) from 32 hosts no earlier set used
/// (water and gas utilities, museums, leisure centres, ports, car rental,
/// taxis, cinemas, elderly care, Hong Kong and Macau departments' pledges,
/// Taiwan township offices and two county water plants), collected blind
/// by a helper session on 2026-12-06 before this stop's rules changed, and
/// scored once. On the rules of 4c33cd0 (before the stop): zh-CN precision
/// 55.6%, recall 71.4%; zh-TW 40.0%, 66.7%; en 81.6%, 75.5%; all 68.3%,
/// 73.7% (agreement 76.8%). On the rules of 90a10b8 (after holdout 21 was
/// read): zh-CN 57.9%, 78.6%; zh-TW 40.0%, 66.7%; en 81.6%, 75.5%; all
/// 68.7%, 75.0% (agreement 77.3%). A second labeller agrees with its labels
/// on 97.0% (`tests/checker_labellers.rs`). Sealed: its disagreements are not
/// read. Floors: the figures at 90a10b8 less one point; raise them, never
/// lower.
const FLOOR_22: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.56, 0.77, 0.81),
    ("zh-TW", 0.39, 0.65, 0.75),
    ("en", 0.80, 0.74, 0.72),
    ("all", 0.67, 0.74, 0.76),
];

#[test]
fn the_twenty_second_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-22.tsv"), &FLOOR_22);
}

/// The twenty-third holdout: 197 standards (80 zh-CN, 45 zh-TW, 72 en; 58
/// vague) from 30 hosts no earlier set used (courts' and immigration
/// counters, welfare and employment offices, tourist information, stadiums
/// and parks, driving-test centres, notaries, opticians, funeral homes,
/// removal firms, tutors, language schools, registrars), collected blind
/// by a helper session on 2026-12-06 after this stop's rules were set, and
/// scored once on the rules of commit 5d685c6: zh-CN precision 76.5%,
/// recall 59.1%; zh-TW 76.9%, 90.9%; en 69.7%, 92.0%; all 73.0%, 79.3%
/// (agreement 85.3%). The rules of 4c33cd0, before the stop, score all
/// 70.8%, 79.3% (zh-CN 72.2% precision, zh-TW 71.4%). A second labeller
/// agrees with its labels on 94.9% (`tests/checker_labellers.rs`).
/// Sealed: its disagreements are not read. Floors: those figures less one
/// point; raise them, never lower.
const FLOOR_23: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.75, 0.58, 0.82),
    ("zh-TW", 0.75, 0.89, 0.90),
    ("en", 0.68, 0.91, 0.82),
    ("all", 0.72, 0.78, 0.84),
];

#[test]
fn the_twenty_third_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-23.tsv"), &FLOOR_23);
}

/// The twenty-fourth holdout: 222 standards (65 zh-CN, 54 zh-TW, 103 en;
/// 86 vague) from 32 hosts no earlier set used (a post office, insurance
/// claims and loss adjusters, property management and housing
/// associations, university student and IT services, petrol stations,
/// logistics, repair and cleaning services, a guesthouse, a restaurant,
/// hotel concierges, charities, a security firm, parking, a web agency),
/// collected blind by a helper session on 2026-12-06 after this stop's
/// checker rules were set (b73db14), and scored once on the rules of
/// 1810d41: zh-CN precision 84.2%, recall 88.9%; zh-TW 72.0%, 85.7%; en
/// 82.2%, 78.7%; all 79.8%, 82.6% (agreement 85.1%). The rules of 2c6cc2a, before the stop,
/// score the same. Sealed: its disagreements are not read. Floors: those
/// figures less one point; raise them, never lower.
const FLOOR_24: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.83, 0.87, 0.91),
    ("zh-TW", 0.71, 0.84, 0.80),
    ("en", 0.81, 0.77, 0.81),
    ("all", 0.78, 0.81, 0.84),
];

#[test]
fn the_twenty_fourth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-24.tsv"), &FLOOR_24);
}

/// The twenty-fifth holdout: 221 standards (64 zh-CN, 59 zh-TW, 98 en; 63
/// vague) from 31 hosts no earlier set used (a dental hospital, removals,
/// sports halls, a theatre and a culture centre, a ski resort, a city bus
/// operator, an amusement park, funeral services, opticians and eyewear
/// repair, child and infant care, public bike rental, a ferry, driving
/// schools, vets, plumbers, an electrical contractor, solar installers,
/// locksmiths, a marina), collected blind by a helper session on 2026-12-06
/// and scored once on the checker rules of 32077eb, which are those of
/// b73db14 (that stop changed only the rewrite): zh-CN precision 54.5%,
/// recall 50.0% (12 vague rows); zh-TW 0.0%, 0.0% (5 vague rows, none
/// found, 2 false findings); en 83.3%, 76.1%; all 74.5%, 65.1% (agreement
/// 83.7%). Its Chinese pages were mostly warranties, fare and refund
/// scales and venue rules, so its Chinese vague class is small. Sealed:
/// its disagreements are not read. Floors: those figures less one point;
/// raise them, never lower. One exception, on 2026-12-07: once 自然灾害
/// ("natural disaster") stopped being read as the manner word 自然, one of
/// its twelve zh-CN vague rows was no longer found (its vagueness lies in
/// a word the checker does not know, and 自然 had found it by chance):
/// zh-CN 50.0 / 41.7 (agreement 81.2), all 74.1 / 63.5 (83.3) since, and
/// those floors follow, less one point as before.
const FLOOR_25: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.49, 0.40, 0.80),
    ("zh-TW", 0.0, 0.0, 0.87),
    ("en", 0.82, 0.75, 0.80),
    ("all", 0.73, 0.62, 0.82),
];

#[test]
fn the_twenty_fifth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-25.tsv"), &FLOOR_25);
}

/// The twenty-sixth holdout: 169 standards (54 zh-CN, 57 zh-TW, 58 en; 71
/// vague) from 22 hosts no earlier set used (a city electricity bureau's
/// supply promises, a water company, two gas companies, a health
/// authority's promises for clinics, an ID-card pickup standard; Hong
/// Kong's tax office and a Hong Kong telecom's telesales rules, a Taiwanese
/// bank's fair-treatment policy, Taiwan's labour insurance bureau, a tax
/// bureau, three household-registration and river offices; seven UK, Irish,
/// New Zealand and UAE councils and companies), collected blind by a helper
/// session on 2026-12-06 and scored once on the checker rules of b73db14
/// (unchanged since; this stop changed only the rewrite): zh-CN precision
/// 72.2%, recall 86.7% (15 vague rows); zh-TW 70.0%, 87.5% (16 vague rows);
/// en 96.9%, 77.5%; all 82.9%, 81.7% (agreement 85.2%). Read once
/// scored, with holdout 27: their disagreements taught the next stop's
/// rules, after which it scores zh-CN 73.7%, 93.3%; zh-TW 73.7%, 87.5%;
/// en 100.0%, 90.0%; all 86.5%, 90.1% (agreement 89.9%), no longer a blind
/// figure. Floors: those figures less one point; raise them, never lower.
const FLOOR_26: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.72, 0.92, 0.87),
    ("zh-TW", 0.72, 0.86, 0.86),
    ("en", 0.99, 0.89, 0.92),
    ("all", 0.85, 0.89, 0.88),
];

#[test]
fn the_twenty_sixth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-26.tsv"), &FLOOR_26);
}

/// The twenty-seventh holdout: 183 standards (61 zh-CN, 53 zh-TW, 69 en; 69
/// vague) from 26 hosts no earlier set used (two county government service
/// centres and a development-zone bureau, a taxi company, a telecom's
/// broadband promises, after-sales pledges of equipment and product firms;
/// an airline's Hong Kong page, a Macau maintenance firm, two Taiwanese
/// finance firms' fair-treatment codes, online shops' order and warranty
/// terms; a police and crime commissioner, a council, a disability charity
/// and four housing associations in England, an Australian shire),
/// collected blind by a helper session on 2026-12-06 and scored once on
/// the checker rules of b73db14 (unchanged; this stop changed only the
/// rewrite): zh-CN precision 73.7%, recall 87.5% (16 vague rows); zh-TW
/// 54.2%, 76.5% (17 vague rows); en 87.1%, 75.0%; all 73.0%, 78.3%
/// (agreement 80.9%). Read once scored, with holdout 26: after the next
/// stop's rules it scores zh-CN 82.4%, 87.5%; zh-TW 61.9%, 76.5%; en 94.1%,
/// 88.9%; all 81.9%, 85.5% (agreement 87.4%), no longer a blind figure.
/// Floors: those figures less one point; raise them, never lower.
const FLOOR_27: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.81, 0.86, 0.90),
    ("zh-TW", 0.60, 0.75, 0.76),
    ("en", 0.93, 0.87, 0.90),
    ("all", 0.80, 0.84, 0.86),
];

#[test]
fn the_twenty_seventh_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-27.tsv"), &FLOOR_27);
}

/// The twenty-eighth holdout: 169 standards (58 zh-CN, 53 zh-TW, 58 en; 47
/// vague) from 22 hosts no earlier set used (an inspection institute's
/// counter, two water companies, two gas companies, a power grid's ten
/// pledges; a Taiwanese maternity hospital's patients' rights, a cleaning
/// company, an equipment company and online shops in Taiwan and Hong Kong;
/// five councils in England, Australia and Ireland, Ireland's central bank,
/// a financial firm and a university library), collected blind by a helper
/// session on 2026-12-06 at the end of this stop and scored once on the
/// checker rules of b73db14 (unchanged): zh-CN precision 66.7%, recall
/// 90.9% (11 vague rows); zh-TW 33.3%, 71.4% (7 vague rows, 10 false
/// findings); en 69.4%, 86.2%; all 60.6%, 85.1% (agreement 80.5%). Its zh-TW
/// rows are mostly shops' shipping, refund and warranty terms. Read once
/// scored (the rules that read holdouts 26 and 27 scored it the same, row
/// for row): its disagreements taught the next rules, after which it
/// scores zh-CN 71.4%, 90.9%; zh-TW 35.7%, 71.4%; en 80.6%, 86.2%; all
/// 67.8%, 85.1% (agreement 84.6%), no longer a blind figure; the rules
/// that read holdout 33 raise zh-TW to 38.5 / 71.4 (81.1), en to 81.2 /
/// 89.7 (84.5), all to 69.5 / 87.2 (85.8). Floors: those figures less one
/// point; raise them, never lower.
const FLOOR_28: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.70, 0.89, 0.90),
    ("zh-TW", 0.37, 0.70, 0.80),
    ("en", 0.80, 0.88, 0.83),
    ("all", 0.68, 0.86, 0.84),
];

#[test]
fn the_twenty_eighth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-28.tsv"), &FLOOR_28);
}

/// The twenty-ninth holdout: 195 standards (59 zh-CN, 62 zh-TW, 74 en; 20
/// vague) from 27 hosts no earlier set used (equipment makers' after-sales
/// terms, a renovation warranty, two cloud-service agreements and two car
/// rental rescue policies in mainland China; Hong Kong's police licensing
/// office, three University of Macau units and a Macau institute's
/// library, shops' delivery and warranty terms in Hong Kong and Taiwan;
/// two Macau and Hong Kong universities, a Hong Kong telecom, four UK
/// housing associations' repair timetables and two vets' charters),
/// collected blind by a helper session on 2026-12-06 while the rules of
/// 87c5ced were being set from holdouts 26 and 27, and scored once on
/// them (the rules of b73db14 score it the same, row for row): zh-CN
/// precision 14.3%, recall 100.0% (1 vague row, 6 false findings); zh-TW
/// 12.5%, 25.0% (4 vague rows, 7 false findings); en 100.0%, 73.3%; all
/// 50.0%, 65.0% (agreement 89.7%). Its Chinese rows are mostly tables of
/// time limits: the checker's precision there is what it measures. Read
/// once scored, while holdout 30 was collected: its disagreements taught
/// the next rules (an inability before 时, a day of the week, 可能會, terms
/// such as 专业技术 and 自然性, an unstated fee, "ethical", "full
/// attention"), after which it scores zh-CN 33.3%, 100% (agreement 96.6%);
/// zh-TW 33.3%, 50.0% (90.3%); en 100%, 100% (100%); all 75.0%, 90.0%
/// (95.9%), no longer a blind figure. Floors: those figures less one
/// point; raise them, never lower.
const FLOOR_29: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.32, 0.99, 0.95),
    ("zh-TW", 0.32, 0.49, 0.89),
    ("en", 0.99, 0.99, 0.99),
    ("all", 0.74, 0.89, 0.94),
];

#[test]
fn the_twenty_ninth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-29.tsv"), &FLOOR_29);
}

/// The thirtieth holdout: 178 standards (57 zh-CN, 58 zh-TW, 63 en; 64
/// vague) from 19 hosts no earlier set used, with codes of staff conduct
/// sought on purpose (a gas company's counter notice on a city portal, two
/// hospitals' consultation and etiquette rules, a water and a gas company,
/// a college's repair rules; Hong Kong's monetary authority, a Taiwanese
/// home-care agency, three home-cleaning firms and a cleaning shop; a
/// driving school, a public library, two university libraries' desk
/// guides, a medical centre's patients' charter, a London housing
/// association and a spa's front-desk rules), collected blind by a helper
/// session on 2026-12-06 while the rules that read holdout 29 were being
/// set, and scored once on them (the commit that adds this gate): zh-CN precision 76.0%,
/// recall 79.2% (agreement 80.7%); zh-TW 66.7%, 90.9% (89.7%); en 61.8%,
/// 72.4% (66.7%); all 67.6%, 78.1% (78.7%). The rules at the start of
/// that work (21b410e) scored it the same but for one English vague row
/// more missed (en recall 69.0%). Read for the checker on 2026-12-07, once
/// holdout 31's collection had begun; on the rules that read it, zh-CN
/// 88.0 / 91.7 (91.2), zh-TW 66.7 / 90.9 (89.7), en 67.6 / 79.3 (73.0),
/// all 74.3 / 85.9 (84.3). Floors: those figures less one point; raise
/// them, never lower. The rules that read holdout 35 score it en 68.6 /
/// 82.8, all 75.0 / 89.1; its en and all floors follow.
const FLOOR_30: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.87, 0.90, 0.90),
    ("zh-TW", 0.65, 0.89, 0.88),
    ("en", 0.67, 0.81, 0.73),
    ("all", 0.74, 0.88, 0.84),
];

#[test]
fn the_thirtieth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-30.tsv"), &FLOOR_30);
}

/// The thirty-first holdout: 177 standards (54 zh-CN, 52 zh-TW, 71 en; 49
/// vague: 14, 3 and 32) from 22 hosts no earlier set used, with sectors
/// not tried before sought on purpose (university IT help desks, student,
/// repair and finance offices; a dorm network desk, a school's certificate
/// counter, a hypermarket's returns, two university libraries and three
/// sports centres in Taiwan; a university IT service desk, two dental
/// practices, a vet, two property managers, a probate researcher and an
/// estate agent's complaints procedure), collected blind by a helper
/// session on 2026-12-07 while the rules that read holdout 30 were being
/// set, and scored once on them (the commit that adds this gate): zh-CN
/// precision 50.0%, recall 92.9% (agreement 74.1%); zh-TW 66.7%, 66.7%
/// (96.2%; 3 vague rows only); en 76.7%, 71.9% (77.5%); all 64.4%, 77.6%
/// (81.9%). The rules at the start of that work (cf86dce) score it the
/// same. Read for the checker on 2026-12-07, once holdout 32's collection
/// had begun; on the rules that read it, zh-CN 56.5 / 92.9 (79.6), zh-TW
/// 66.7 / 66.7 (96.2), en 84.8 / 87.5 (87.3), all 72.9 / 87.8 (87.6).
/// Floors: those figures less one point; raise them, never lower.
const FLOOR_31: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.55, 0.91, 0.78),
    ("zh-TW", 0.65, 0.65, 0.95),
    ("en", 0.83, 0.86, 0.86),
    ("all", 0.71, 0.86, 0.86),
];

#[test]
fn the_thirty_first_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-31.tsv"), &FLOOR_31);
}

/// The thirty-second holdout: 185 standards (60 zh-CN, 61 zh-TW, 64 en; 55
/// vague: 20, 5 and 30) from 26 hosts no earlier set used, with sectors not
/// tried before sought on purpose (an airline's service plan, a district's
/// taxi rules, a retailer's price pledge, a museum, three life insurers'
/// pledges and a cemetery; an ocean park's visitor contract, a cinema, an
/// appliance shop's delivery terms, home cleaning and pest control, a ferry's
/// multi-ride tickets, a university museum and two public funeral offices
/// in Taiwan and Hong Kong; a transport museum, a hotel's phone standards,
/// a council's car parks, funeral celebrants, a driving instructor, a care
/// home, a harbour authority, a courier's complaints and a travel insurer's
/// claims), collected blind by a helper session on 2026-12-07 while the
/// rules that read holdout 31 were being set, and scored once on them (the
/// commit that adds this gate): zh-CN precision 76.0%, recall 95.0%
/// (agreement 88.3%); zh-TW 23.1%, 60.0% (80.3%; 5 vague rows only); en
/// 71.9%, 76.7% (75.0%); all 64.3%, 81.8% (81.1%). The rules at the start
/// of that work (39033d0) score it the same. Read for the checker on
/// 2026-12-07, once holdout 33's collection had begun; on the rules that
/// read it, zh-CN 80.0 / 100 (91.7), zh-TW 25.0 / 60.0 (82.0), en
/// 81.8 / 90.0 (85.9), all 71.4 / 90.9 (86.5). Floors: those figures less
/// one point; raise them, never lower.
const FLOOR_32: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.79, 0.99, 0.90),
    ("zh-TW", 0.24, 0.59, 0.81),
    ("en", 0.80, 0.89, 0.84),
    ("all", 0.70, 0.89, 0.85),
];

#[test]
fn the_thirty_second_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-32.tsv"), &FLOOR_32);
}

/// The thirty-third holdout: 191 standards (57 zh-CN, 73 zh-TW, 61 en; 41
/// vague: 14, 7 and 20) from 25 hosts no earlier set used, with sectors not
/// tried before sought on purpose (after-sales and warranty pledges of
/// software, LED-display, door, furniture, mattress and air-conditioning
/// makers; a funeral service, three home cleaners, three removals firms and
/// a security-system maintainer in Taiwan and Hong Kong; a housing
/// association, a vet, two dental practices, two libraries, a council's
/// email standards, an intercity bus, a removals firm and a clinic),
/// collected blind by a helper session on 2026-12-07 while the rules that
/// read holdout 32 were being set, and scored once on the rules of 0528206
/// (the commit before this gate's): zh-CN precision 61.5%, recall 57.1%
/// (agreement 80.7%); zh-TW 20.0%, 42.9% (78.1%; 7 vague rows only); en
/// 50.0%, 85.0% (67.2%); all 45.2%, 68.3% (75.4%). Read for the checker
/// on 2026-12-07, once holdout 34's collection had begun; on the rules
/// that read it, zh-CN 69.2 / 64.3 (84.2), zh-TW 35.3 / 85.7 (83.6), en
/// 65.5 / 95.0 (82.0), all 57.6 / 82.9 (83.2). Floors: those figures less
/// one point; raise them, never lower.
const FLOOR_33: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.74, 0.63, 0.85),
    ("zh-TW", 0.34, 0.84, 0.82),
    ("en", 0.64, 0.94, 0.81),
    ("all", 0.56, 0.81, 0.82),
];

#[test]
fn the_thirty_third_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-33.tsv"), &FLOOR_33);
}

/// The thirty-fourth holdout: 216 standards (65 zh-CN, 70 zh-TW, 81 en; 69
/// vague: 24, 11 and 34) from 24 hosts no earlier set used (a Zimbabwean
/// academic network, Jamaica's finance ministry, New Zealand's power and
/// phone companies and a gift shop, St Helena's telecom, an Indian teaching
/// hospital, an Australian shire, a Beijing service firm's English pledge;
/// university network centres and dormitory-repair offices, a city's
/// mayor's mailbox; Hong Kong's records office, a Taiwanese security firm
/// and games company, a county gym, three guesthouses' house rules and a
/// laundry), collected blind by a helper session on 2026-12-07 while the
/// rules that read holdout 33 were being set, and scored once on the rules
/// of 5cc80ff (the commit before this gate's): zh-CN precision 60.7%,
/// recall 70.8% (agreement 72.3%); zh-TW 45.5%, 90.9% (81.4%); en 70.6%,
/// 70.6% (75.3%); all 60.7%, 73.9% (76.4%). Read for the checker on
/// 2026-12-07, once holdout 35's collection had begun; on the rules that
/// read it, zh-CN 89.5 / 70.8 (86.2), zh-TW 50.0 / 90.9 (84.3), en 80.0 /
/// 82.4 (84.0), all 74.3 / 79.7 (84.7). Floors: those figures less one
/// point; raise them, never lower. Before it was read, one exception, as
/// with holdout 25: the rules that read holdout 33 take
/// 自然损坏, 自然破碎 and 自然老化 (wear and breakage of themselves, warranty
/// terms that holdout 33's labellers passed) out of the manner word 自然,
/// which had found one of this set's zh-CN vague rows by chance; zh-CN is
/// 59.3 / 66.7 (70.8) since, all 61.0 / 72.5 (76.4), and the zh-CN floors
/// follow that one row.
const FLOOR_34: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.88, 0.69, 0.85),
    ("zh-TW", 0.49, 0.89, 0.83),
    ("en", 0.79, 0.81, 0.83),
    ("all", 0.73, 0.78, 0.83),
];

#[test]
fn the_thirty_fourth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-34.tsv"), &FLOOR_34);
}

/// The thirty-fifth holdout: 223 standards (68 zh-CN, 75 zh-TW, 80 en; 74
/// vague: 26, 16 and 32) from 25 hosts no earlier set used (a port's pilot
/// station, a city's social-security bureau's home visits, university sports
/// halls, a finance office's reimbursement desk, a library's entry rules, a
/// transcript office; a B&B, a swimming pool and a university sports centre,
/// a cat hotel, a study hall, a snooker room, Macau's youth bureau's venue
/// loans, a youth campsite; a Welsh bus company, a Sarawak ministry, two
/// cinemas' codes of conduct, a driving school's terms, a golf club's
/// etiquette, a parking operator's appeals, a residents' clubhouse, a New
/// Zealand district council), collected blind by a helper session on
/// 2026-12-07 while the rules that read holdout 34 were being set, and scored
/// once on the rules of 701692b (the commit before this gate's): zh-CN
/// precision 80.0%, recall 61.5% (agreement 79.4%); zh-TW 66.7%, 37.5%
/// (82.7%); en 83.3%, 62.5% (80.0%); all 79.2%, 56.8% (80.7%). Read for
/// the checker on 2026-12-07, once holdout 36's collection had begun; on the
/// rules that read it, zh-CN 87.5 / 80.8 (88.2), zh-TW 75.0 / 56.2 (86.7),
/// en 95.8 / 71.9 (87.5), all 88.3 / 71.6 (87.4). Floors: those figures
/// less one point; raise them, never lower.
const FLOOR_35: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.86, 0.79, 0.87),
    ("zh-TW", 0.74, 0.55, 0.85),
    ("en", 0.94, 0.70, 0.86),
    ("all", 0.87, 0.70, 0.86),
];

#[test]
fn the_thirty_fifth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-35.tsv"), &FLOOR_35);
}

/// The thirty-sixth holdout: 213 standards (73 zh-CN, 70 zh-TW, 70 en; 61
/// vague: 14, 10 and 37) from 23 hosts no earlier set used (a testing
/// laboratory, two hospitals' visiting and booking rules, university
/// libraries, student housing and meeting rooms, a tutoring school, a
/// teacher-training centre, a kindergarten; an airport-transfer service, a
/// B&B, a campground, a youth camp's pool, a university study room, a yoga
/// studio, a cat hotel; two American veterinary clinics, a Kenyan county's
/// tourism office, a ferry and a day-cruise operator in Crete, two Indian
/// teaching hospitals' charters), collected blind by a helper session on
/// 2026-12-07 while the rules that read holdout 35 were being set, and scored
/// once on the rules of c2c85fe (the commit before this gate's): zh-CN
/// precision 44.0%, recall 78.6% (agreement 76.7%); zh-TW 44.4%, 40.0%
/// (84.3%); en 76.5%, 70.3% (72.9%); all 60.3%, 67.2% (77.9%). Read for
/// the checker on 2026-12-07, once holdout 37's collection had begun; on the
/// rules that read it, zh-CN 54.5 / 85.7 (83.6), zh-TW 75.0 / 60.0 (91.4),
/// en 82.5 / 89.2 (84.3), all 72.9 / 83.6 (86.4). Floors: those figures
/// less one point; raise them, never lower.
const FLOOR_36: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.53, 0.84, 0.82),
    ("zh-TW", 0.74, 0.59, 0.90),
    ("en", 0.81, 0.88, 0.83),
    ("all", 0.71, 0.82, 0.85),
];

#[test]
fn the_thirty_sixth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-36.tsv"), &FLOOR_36);
}

/// The thirty-seventh holdout: 218 standards (70 zh-CN, 78 zh-TW, 70 en; 70
/// vague: 22, 24 and 24) from 22 hosts no earlier set used (a temple's
/// scenic area, an optical centre, a museum, a county and a university
/// library, a water park, a car-rental firm; kindergartens and an
/// infant-care centre, a coworking space, two music schools, an indoor
/// playground, a self-storage firm's meeting rooms; two New Zealand driving
/// schools, a Singapore hospital's patients' charter, a Scottish housing
/// association, Irish childcare centres, a Ghanaian guest house, Nigerian
/// serviced apartments), collected blind by a helper session on 2026-12-07
/// while the rules that read holdout 36 were being set, and scored once on
/// the rules of 3082367 (the commit before this gate's): zh-CN precision
/// 66.7%, recall 36.4% (agreement 74.3%); zh-TW 68.4%, 54.2% (78.2%); en
/// 84.2%, 66.7% (84.3%); all 74.0%, 52.9% (78.9%). Read for the checker
/// on 2026-12-07, once holdout 38 was collected and gated; on the rules that
/// read it, zh-CN 73.3 / 50.0 (78.6), zh-TW 82.4 / 58.3 (83.3), en 95.0 /
/// 79.2 (91.4), all 84.6 / 62.9 (84.4). Floors: those figures less one
/// point; raise them, never lower.
const FLOOR_37: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.72, 0.49, 0.77),
    ("zh-TW", 0.81, 0.57, 0.82),
    ("en", 0.94, 0.78, 0.90),
    ("all", 0.83, 0.61, 0.83),
];

#[test]
fn the_thirty_seventh_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-37.tsv"), &FLOOR_37);
}

/// The thirty-eighth holdout: 213 standards (70 zh-CN, 73 zh-TW, 70 en; 47
/// vague: 10, 17 and 20) from 22 hosts no earlier set used (a university
/// bathhouse and swimming pool, a hospital's booking rules, district
/// archives, student halls' visitor rules, campus repair and dormitory
/// services; a dementia group home and a care home, a tarot studio, a
/// laundry, a sports centre's pool, a campsite, a hostel, an EV-charging
/// network; a Philippine university's dormitory, a Maltese ferry, a South
/// African car wash, a Canadian public pool, a Zambian safari lodge, a
/// Jamaican gym, a Sri Lankan Ayurveda resort), collected blind by a helper
/// session on 2026-12-07 while the rules that read holdout 37 were being set,
/// and scored once on the rules of d329ed5 (the commit before this gate's):
/// zh-CN precision 66.7%, recall 40.0% (agreement 88.6%); zh-TW 69.2%, 52.9%
/// (83.6%); en 47.4%, 45.0% (70.0%); all 57.9%, 46.8% (80.8%). Read for
/// the checker on 2026-12-07, once holdout 39 was collected and gated; on the
/// rules that read it, zh-CN 85.7 / 60.0 (92.9), zh-TW 75.0 / 70.6 (87.7),
/// en 71.4 / 75.0 (84.3), all 75.0 / 70.2 (88.3). Floors: those figures
/// less one point; raise them, never lower.
const FLOOR_38: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.84, 0.59, 0.91),
    ("zh-TW", 0.74, 0.69, 0.86),
    ("en", 0.70, 0.74, 0.83),
    ("all", 0.74, 0.69, 0.87),
];

#[test]
fn the_thirty_eighth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-38.tsv"), &FLOOR_38);
}

/// The thirty-ninth holdout: 217 standards (70 zh-CN, 70 zh-TW, 77 en; 61
/// vague: 23, 11 and 27) from 22 hosts no earlier set used (a university
/// canteen, a cemetery, a table-tennis hall, a scenic area's ticket office, a
/// sample-testing laboratory, a conference venue, a campus shuttle bus; a
/// KTV, a Hong Kong tutoring centre, a photo-studio rental, a bowling centre,
/// a scuba-diving centre, a Hong Kong children's dance studio, a scooter
/// rental; veterinary clinics in the Bahamas and Zimbabwe, a Malaysian dental
/// clinic, golf club and physiotherapy clinic, a Mauritian sport-fishing
/// charter, a Pakistani cinema, a Barbadian taxi firm), collected blind by a
/// helper session on 2026-12-07 while the rules that read holdout 38 were
/// being set, and scored once on the rules of 2820a90 (the commit before this
/// gate's): zh-CN precision 60.0%, recall 65.2% (agreement 74.3%); zh-TW
/// 16.7%, 18.2% (72.9%); en 70.8%, 63.0% (77.9%); all 55.7%, 55.7% (75.1%).
/// Sealed: its disagreements are not read. Floors: those figures less one
/// point; raise them, never lower.
const FLOOR_39: [(&str, f64, f64, f64); 4] = [
    // language, precision, recall, agreement
    ("zh-CN", 0.59, 0.64, 0.73),
    ("zh-TW", 0.15, 0.17, 0.71),
    ("en", 0.69, 0.62, 0.76),
    ("all", 0.54, 0.54, 0.74),
];

#[test]
fn the_thirty_ninth_holdout_keeps_its_precision_and_recall() {
    gate(include_str!("data/checker-holdout-39.tsv"), &FLOOR_39);
}
