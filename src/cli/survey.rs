//! `servstd survey`: asking the customers. `plan` writes or shows the survey
//! plan beside a set, `questionnaire` prints the questionnaire drawn from its
//! key factors, `template` gives the response template (CSV or XLSX), and
//! `import` reads responses back and says what they give.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};

use super::{PaperArg, exit, load_error_line, parse_lang, prepare_output, write_output};
use crate::core::i18n::{fill, for_set, locale, survey_words};
use crate::core::model::{Language, StandardsSet};
use crate::core::storage;
use crate::core::survey::issue_line;
use crate::core::survey::{self, Purpose, SurveyPlan, plan, responses};

#[derive(Debug, Args)]
pub struct SurveyArgs {
    #[command(subcommand)]
    pub command: SurveyCommand,
}

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Write the survey plan beside a set (NAME.survey.ron), or show the one there.
    Plan(PlanArgs),
    /// Print the questionnaire drawn from the set's key factors as a PDF (or a fillable PDF form).
    Questionnaire(QuestionnaireArgs),
    /// Write the response template: one column a question, stable IDs in the header.
    Template(TemplateArgs),
    /// Read responses (CSV or XLSX) and give the figures: per factor, NPS, by group.
    Import(ImportArgs),
}

/// `--purpose`: a row of the method's table.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PurposeArg {
    /// Overall satisfaction: a sample of all customers.
    Overall,
    /// Staff satisfaction with their own work: all staff.
    Staff,
    /// Immediate feedback: customers on their way out.
    Immediate,
    /// What most needs improving: customers who left.
    Improve,
    /// What works best: loyal customers.
    WorksBest,
    /// Relative strengths: competitors' customers.
    Competitors,
}

impl From<PurposeArg> for Purpose {
    fn from(arg: PurposeArg) -> Self {
        match arg {
            PurposeArg::Overall => Self::Overall,
            PurposeArg::Staff => Self::Staff,
            PurposeArg::Immediate => Self::Immediate,
            PurposeArg::Improve => Self::Improve,
            PurposeArg::WorksBest => Self::WorksBest,
            PurposeArg::Competitors => Self::Competitors,
        }
    }
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The standards set the survey is of.
    pub set: PathBuf,
    /// A respondent group for this purpose (the method's table); repeat for more.
    /// Without it an existing plan is shown, or one with a sample of all customers written.
    #[arg(long = "purpose", value_enum)]
    pub purposes: Vec<PurposeArg>,
    /// A second language printed beside the set's: zh-CN, zh-TW or en.
    #[arg(long)]
    pub second_lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct QuestionnaireArgs {
    /// The standards set.
    pub set: PathBuf,
    /// The language (default: the set's, with the plan's second language beside it).
    #[arg(long)]
    pub lang: Option<String>,
    /// A second language side by side with the first.
    #[arg(long)]
    pub second_lang: Option<String>,
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: PaperArg,
    /// A fillable PDF form (buttons to tap or click, the answers typed);
    /// `survey import` reads the filled forms back.
    #[arg(long)]
    pub fillable: bool,
    /// Where to write; `-` writes to standard output.
    #[arg(long, short)]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The standards set.
    pub set: PathBuf,
    /// csv or xlsx (default: by the output's name, else csv).
    #[arg(long, short)]
    pub format: Option<String>,
    /// Where to write; `-` writes to standard output.
    #[arg(long, short)]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The responses: the template filled in, an online tool's export (CSV or XLSX),
    /// or filled fillable questionnaires (a PDF, or a folder of them: one a respondent).
    pub responses: PathBuf,
    /// The standards set the questionnaire was drawn from.
    #[arg(long)]
    pub set: PathBuf,
    /// Also record the file in the plan, so the window and reports read it.
    #[arg(long)]
    pub keep: bool,
    /// The figures as JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &SurveyArgs) -> Result<u8> {
    match &args.command {
        SurveyCommand::Plan(a) => run_plan(a),
        SurveyCommand::Questionnaire(a) => run_questionnaire(a),
        SurveyCommand::Template(a) => run_template(a),
        SurveyCommand::Import(a) => run_import(a),
    }
}

/// The set and the plan beside it (the default plan when there is none).
fn set_and_plan(path: &Path) -> Result<(StandardsSet, SurveyPlan, bool), u8> {
    let set = storage::load::<StandardsSet>(path).map_err(|err| {
        eprintln!("{}", load_error_line(&err));
        exit::UNREADABLE
    })?;
    match plan::load_for(path) {
        Ok(Some(loaded)) => Ok((set.document, loaded.document, true)),
        Ok(None) => Ok((set.document, SurveyPlan::default(), false)),
        Err(err) => {
            eprintln!("{}", load_error_line(&err));
            Err(exit::UNREADABLE)
        }
    }
}

fn run_plan(args: &PlanArgs) -> Result<u8> {
    let (set, mut plan, exists) = match set_and_plan(&args.set) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let path = plan::path_for(&args.set);
    let second = parse_lang(args.second_lang.as_deref())?;
    let lang = for_set(locale::from_env(), set.language);
    if !args.purposes.is_empty() || second.is_some() || !exists {
        if !args.purposes.is_empty() {
            plan.groups.clear();
            for p in &args.purposes {
                plan.add_group((*p).into());
            }
        }
        if second.is_some() {
            plan.second_language = second;
        }
        storage::save(&path, &plan).with_context(|| path.display().to_string())?;
        eprintln!("{}: {}", path.display(), survey_words(lang).plan.saved);
    }
    print!("{}", storage::to_canonical(&plan));
    Ok(exit::OK)
}

fn languages(
    set: &StandardsSet,
    lang: Option<Language>,
    second: Option<Language>,
) -> Vec<Language> {
    match (lang, second) {
        (None, None) => Vec::new(),
        (first, second) => std::iter::once(first.unwrap_or(set.language))
            .chain(second)
            .collect(),
    }
}

fn run_questionnaire(args: &QuestionnaireArgs) -> Result<u8> {
    let Some(output) = prepare_output(&args.output, &[args.set.as_path()]) else {
        return Ok(exit::UNREADABLE);
    };
    let (set, plan, _) = match set_and_plan(&args.set) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let langs = languages(
        &set,
        parse_lang(args.lang.as_deref())?,
        parse_lang(args.second_lang.as_deref())?,
    );
    let q = crate::export::survey::questionnaire_of(&set, &plan, &langs)
        .with_context(|| args.set.display().to_string())?;
    let lang = for_set(locale::from_env(), set.language);
    untranslated_warning(&q, &args.set, lang);
    if guards_answers(&args.output, &q, &plan, lang) {
        return Ok(exit::UNREADABLE);
    }
    let created = Some(crate::core::dates::export_time());
    let bytes = if args.fillable {
        crate::export::survey::fillable(&q, &plan, args.paper.into(), created)?
    } else {
        crate::export::survey::export(&q, crate::export::Format::Pdf, args.paper.into(), created)?
    };
    write_output(&output, &args.output, &bytes)?;
    Ok(exit::OK)
}

fn run_template(args: &TemplateArgs) -> Result<u8> {
    let format = match args.format.as_deref().map(str::to_ascii_lowercase) {
        Some(f) if f == "xlsx" => crate::export::Format::Xlsx,
        Some(f) if f == "csv" => crate::export::Format::Csv,
        Some(f) => anyhow::bail!("unknown template format “{f}”; use csv or xlsx"),
        None if args
            .output
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) =>
        {
            crate::export::Format::Xlsx
        }
        None => crate::export::Format::Csv,
    };
    let Some(output) = prepare_output(&args.output, &[args.set.as_path()]) else {
        return Ok(exit::UNREADABLE);
    };
    let (set, plan, _) = match set_and_plan(&args.set) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let q = crate::export::survey::questionnaire_of(&set, &plan, &[])
        .with_context(|| args.set.display().to_string())?;
    if guards_answers(
        &args.output,
        &q,
        &plan,
        for_set(locale::from_env(), set.language),
    ) {
        return Ok(exit::UNREADABLE);
    }
    let bytes = crate::export::survey::export(&q, format, crate::export::Paper::A4, None)?;
    write_output(&output, &args.output, &bytes)?;
    Ok(exit::OK)
}

fn run_import(args: &ImportArgs) -> Result<u8> {
    let (set, mut plan, _) = match set_and_plan(&args.set) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let lang = for_set(locale::from_env(), set.language);
    let q = survey::Questionnaire::new(&set, &plan, &[]);
    let read = match crate::export::survey::load_responses(&args.responses, &q, &plan) {
        Ok(read) => read,
        Err(responses::ResponsesError::Load(err)) => {
            eprintln!("{}", load_error_line(&err));
            return Ok(exit::UNREADABLE);
        }
        Err(err) => {
            eprintln!("error: {err}");
            return Ok(exit::UNREADABLE);
        }
    };
    for issue in &read.issues {
        let level = if issue.loses_answers() {
            "error"
        } else {
            "warning"
        };
        if issue.source.is_some() {
            // A filled form: the line names it (and its question).
            eprintln!(
                "{}: {level}: {}",
                args.responses.display(),
                issue_line(issue, lang)
            );
            continue;
        }
        let col = issue.column.map_or(1, |c| c + 1);
        eprintln!(
            "{}:{}:{col}: {level}: {}",
            args.responses.display(),
            issue.row,
            issue_line(issue, lang)
        );
    }
    let lost = read.losses().count();
    let figures = survey::figures(std::slice::from_ref(&read), &plan);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&json(&figures, &read))?);
    } else {
        print!("{}", text(&figures, &set, &plan, lang));
    }
    let w = survey_words(lang);
    eprintln!(
        "{}",
        fill(
            w.figures.read,
            &[
                ("rows", &read.rows.len().to_string()),
                ("file", &args.responses.display().to_string()),
                ("lost", &lost.to_string()),
            ],
        )
    );
    if args.keep {
        let path = plan::path_for(&args.set);
        plan.add_responses(&path, &args.responses);
        storage::save(&path, &plan).with_context(|| path.display().to_string())?;
    }
    Ok(if lost > 0 { exit::FINDINGS } else { exit::OK })
}

/// A figure with one decimal, or a dash.
fn one(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{:.0}%", v * 100.0))
}

/// The figures as a plain table for a terminal.
fn text(f: &survey::Figures, set: &StandardsSet, plan: &SurveyPlan, lang: Language) -> String {
    use std::fmt::Write as _;
    let w = &survey_words(lang).figures;
    let mut out = String::new();
    let o = &f.overall;
    let _ = writeln!(out, "{}: {}", w.respondents, o.respondents);
    let _ = writeln!(out, "{}: {}", w.csi, one(o.csi()));
    let _ = writeln!(
        out,
        "{}: {} ({} {}, {} {}, {} {})",
        w.nps,
        one(o.nps.score()),
        o.nps.promoters,
        w.promoters,
        o.nps.passives,
        w.passives,
        o.nps.detractors,
        w.detractors
    );
    let _ = writeln!(
        out,
        "\n{:<8} {:>10} {:>12} {:>7} {:>7} {:>6}  {}",
        "ID", w.importance, w.satisfaction, w.top_box, w.share_4, w.n, w.ci
    );
    for factor in &o.factors {
        let s = &factor.satisfaction;
        let ci = s
            .ci95()
            .map_or_else(|| "–".to_owned(), |(lo, hi)| format!("{lo:.2}–{hi:.2}"));
        let name = set
            .contact_points
            .iter()
            .flat_map(|cp| &cp.steps)
            .flat_map(|st| &st.factors)
            .find(|x| x.id == factor.id)
            .map_or("", |x| x.name.as_str());
        let _ = writeln!(
            out,
            "{:<8} {:>10} {:>12} {:>7} {:>7} {:>6}  {ci}  {name}",
            factor.id,
            one(factor.importance.mean()),
            one(s.mean()),
            pct(s.share(5)),
            pct(s.share(4)),
            s.n()
        );
    }
    let weakest = o.weakest(plan.min_answers, 5);
    if !weakest.is_empty() {
        let ids: Vec<String> = weakest
            .iter()
            .map(|f| format!("{} {}", f.id, one(f.satisfaction.mean())))
            .collect();
        let _ = writeln!(out, "\n{}: {}", w.weakest, ids.join(", "));
    }
    if f.by_group.len() > 1 {
        let _ = writeln!(out, "\n{}:", w.by_group);
        for (group, s) in &f.by_group {
            let _ = writeln!(
                out,
                "  {group}: {} {}, {} {}",
                w.respondents,
                s.respondents,
                w.nps,
                one(s.nps.score())
            );
        }
    }
    if f.trend.len() > 1 {
        let points: Vec<String> = f
            .trend
            .iter()
            .map(|(p, n)| format!("{p} {}", one(n.score())))
            .collect();
        let _ = writeln!(out, "\n{}: {}", w.trend, points.join(" → "));
    }
    out
}

fn json(f: &survey::Figures, read: &survey::Responses) -> serde_json::Value {
    let factors: Vec<_> = f
        .overall
        .factors
        .iter()
        .map(|x| {
            let s = &x.satisfaction;
            serde_json::json!({
                "id": x.id,
                "importance": x.importance.mean(),
                "satisfaction": s.mean(),
                "top_box": s.share(5),
                "share_4": s.share(4),
                "n": s.n(),
                "ci95": s.ci95().map(|(lo, hi)| [lo, hi]),
            })
        })
        .collect();
    let nps = |n: &survey::Nps| {
        serde_json::json!({
            "score": n.score(),
            "promoters": n.promoters,
            "passives": n.passives,
            "detractors": n.detractors,
        })
    };
    serde_json::json!({
        "respondents": f.overall.respondents,
        "csi": f.overall.csi(),
        "nps": nps(&f.overall.nps),
        "factors": factors,
        "groups": f.by_group.iter().map(|(g, s)| serde_json::json!({
            "group": g, "respondents": s.respondents, "nps": nps(&s.nps)
        })).collect::<Vec<_>>(),
        "trend": f.trend.iter().map(|(p, n)| serde_json::json!({"period": p, "nps": nps(n)})).collect::<Vec<_>>(),
        "issues": read.issues.iter().map(|i| serde_json::json!({
            "row": i.row,
            "column": i.column.map(responses::column_name),
            "header": i.header,
            "form": i.source,
            "message": issue_line(i, Language::En),
            "loses_answers": i.loses_answers(),
        })).collect::<Vec<_>>(),
    })
}

/// What customers said about `set`, for a report: the `files` given, else
/// those its plan (beside `set_path`) lists; `None` when there are none.
/// Each file's unused answers are warnings on stderr.
pub(super) fn customers(
    set: &StandardsSet,
    set_path: Option<&Path>,
    files: &[PathBuf],
) -> Result<Option<(survey::Figures, SurveyPlan)>, u8> {
    let (plan, plan_path) = match set_path.map(|p| (plan::load_for(p), plan::path_for(p))) {
        Some((Ok(Some(loaded)), path)) => (loaded.document, Some(path)),
        Some((Err(err), _)) => {
            eprintln!("{}", load_error_line(&err));
            return Err(exit::UNREADABLE);
        }
        _ => (SurveyPlan::default(), None),
    };
    let lang = for_set(locale::from_env(), set.language);
    let files: Vec<PathBuf> = match plan_path.filter(|_| files.is_empty()) {
        Some(plan_path) => {
            let mut found = Vec::new();
            for (name, file) in plan.response_paths(&plan_path) {
                match file {
                    Ok(file) => found.push(file),
                    Err(issue) => {
                        let m = &crate::core::i18n::messages(lang).plan_responses;
                        let said = fill(m.get(issue), &[("path", name)]);
                        eprintln!("{}: error: {said}", plan_path.display());
                        return Err(exit::UNREADABLE);
                    }
                }
            }
            found
        }
        None => files.to_vec(),
    };
    if files.is_empty() {
        return Ok(None);
    }
    let q = survey::Questionnaire::new(set, &plan, &[]);
    let mut read = Vec::new();
    for file in &files {
        match responses::load(file, &q, &plan) {
            Ok(r) => {
                for issue in r.losses() {
                    let col = issue.column.map_or(1, |c| c + 1);
                    eprintln!(
                        "{}:{}:{col}: warning: {}",
                        file.display(),
                        issue.row,
                        issue_line(issue, lang)
                    );
                }
                read.push(r);
            }
            Err(responses::ResponsesError::Load(err)) => {
                eprintln!("{}", load_error_line(&err));
                return Err(exit::UNREADABLE);
            }
            Err(err) => {
                eprintln!("error: {err}");
                return Err(exit::UNREADABLE);
            }
        }
    }
    Ok(Some((survey::figures(&read, &plan), plan)))
}

/// Says which texts have no wording in a language of the questionnaire.
fn untranslated_warning(q: &survey::Questionnaire, set: &Path, lang: Language) {
    for l in &q.languages {
        let ids: Vec<String> = q
            .untranslated()
            .into_iter()
            .filter(|(_, x)| x == l)
            .map(|(id, _)| id)
            .collect();
        if !ids.is_empty() {
            let shown = if ids.len() > 6 {
                format!("{}, … ({})", ids[..6].join(", "), ids.len())
            } else {
                ids.join(", ")
            };
            eprintln!(
                "{}: warning: {}",
                set.display(),
                fill(
                    survey_words(lang).plan.untranslated,
                    &[("lang", l.native_name()), ("ids", &shown)]
                )
            );
        }
    }
}

/// Refuses (with a message, `true`) to write over a file of answers.
fn guards_answers(
    output: &Path,
    q: &survey::Questionnaire,
    plan: &SurveyPlan,
    lang: Language,
) -> bool {
    let Some(rows) = crate::export::survey::holds_answers(output, q, plan) else {
        return false;
    };
    eprintln!(
        "{}: error: {}",
        output.display(),
        fill(
            survey_words(lang).plan.would_replace,
            &[
                ("file", &output.display().to_string()),
                ("rows", &rows.to_string())
            ]
        )
    );
    true
}
