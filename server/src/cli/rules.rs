//! `podls rules` and `podls rule CODE`: every diagnostic code with its severity and one line, and one code
//! explained (what it checks, why, an example and its fix, the upstream function, whether a quick fix
//! exists), like `ruff rule`. Also the Markdown page `docs/rules.md` (`podls rules --format markdown`) and
//! the texts SARIF links; all from `analysis::RuleDoc`.

use std::io::{self, Write};
use std::process::ExitCode;

use serde_json::json;

use super::check::severity_name;
use crate::analysis::{Code, Inputs, RuleDoc, closest};
use crate::messages::{Locale, cli as msg};

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// `text` (a table), `markdown` (the page docs/rules.md is) or `json`.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
    /// The language of the one-line descriptions: `en` or `zh-cn` (default: from LC_ALL, LC_MESSAGES or
    /// LANG). The Markdown page is always English.
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// The diagnostic code, as `podls check` prints it (`unknown-field`).
    #[arg(value_name = "CODE")]
    pub code: String,
    /// The language of the explanation: `en` or `zh-cn` (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,
}

/// Where the page of every rule is published; SARIF's `helpUri` points at a rule's section in it.
pub fn help_uri(code: Code) -> String {
    format!(
        "{}/blob/main/docs/rules.md#{}",
        env!("CARGO_PKG_REPOSITORY"),
        code.as_str()
    )
}

/// The locale of `--locale`, else the terminal's; a usage error when podls does not speak it.
fn locale(flag: Option<&str>) -> Result<Locale, ExitCode> {
    super::locale::resolve(flag).map_err(|message| {
        eprintln!("error: {message}");
        ExitCode::from(2)
    })
}

pub fn run_rules(args: &RulesArgs) -> ExitCode {
    let locale = match (args.format, locale(args.locale.as_deref())) {
        (RulesFormat::Markdown, _) => Locale::En,
        (_, Ok(locale)) => locale,
        (_, Err(code)) => return code,
    };
    let docs: Vec<RuleDoc> = Code::ALL
        .iter()
        .map(|&code| RuleDoc::in_locale(code, locale))
        .collect();
    let mut out = io::stdout().lock();
    let written = match args.format {
        RulesFormat::Text => table(&mut out, &docs),
        RulesFormat::Markdown => out.write_all(page(&docs, Locale::En).as_bytes()),
        RulesFormat::Json => {
            let items: Vec<_> = docs.iter().map(as_json).collect();
            serde_json::to_writer_pretty(&mut out, &items)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
        }
    };
    super::finish(written)
}

pub fn run_rule(args: &RuleArgs) -> ExitCode {
    let locale = match locale(args.locale.as_deref()) {
        Ok(locale) => locale,
        Err(code) => return code,
    };
    let Some(code) = Code::from_name(args.code.trim()) else {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let message = match closest(&args.code, names.iter().copied()) {
            Some(meant) => msg::unknown_code_meant(&args.code, meant),
            None => msg::unknown_code(&args.code),
        };
        eprintln!("error: {}", message.render(locale));
        return ExitCode::from(2);
    };
    let mut out = io::stdout().lock();
    let doc = RuleDoc::in_locale(code, locale);
    super::finish(out.write_all(explain(&doc, locale).as_bytes()))
}

/// `code  severity  fix  summary`, one line per code (`fix` when a quick fix exists).
fn table(out: &mut impl Write, docs: &[RuleDoc]) -> io::Result<()> {
    let width = docs
        .iter()
        .map(|d| d.code.as_str().len())
        .max()
        .unwrap_or(0);
    for doc in docs {
        let fix = if doc.has_fix() { "fix" } else { "   " };
        writeln!(
            out,
            "{:<width$}  {:<7}  {fix}  {}",
            doc.code.as_str(),
            severity_name(doc.severity),
            doc.summary
        )?;
    }
    Ok(())
}

/// The facts under a rule's title, in Markdown.
fn facts(doc: &RuleDoc, locale: Locale) -> String {
    format!(
        "- **{}:** {}\n- **{}:** {}\n- **{}:** {}\n",
        msg::rule_severity().render(locale),
        severity_name(doc.severity),
        msg::rule_fix().render(locale),
        doc.fix,
        msg::rule_follows().render(locale),
        doc.upstream
    )
}

/// The sections of one rule in Markdown, headings at `level` (`##` in `podls rule`, `###` on the page).
fn sections(doc: &RuleDoc, level: &str, locale: Locale) -> String {
    let heading = |message: crate::messages::Message| format!("{level} {}", message.render(locale));
    format!(
        "{}\n\n{}\n\n{}\n\n{}\n\n{}\n\n```yaml\n{}```\n\n{}\n\n```yaml\n{}```\n",
        heading(msg::rule_checks()),
        doc.checks,
        heading(msg::rule_why()),
        doc.why,
        heading(msg::rule_example()),
        doc.example,
        heading(msg::rule_fixed()),
        doc.fixed
    )
}

/// `podls rule CODE`: the rule's text, then what podls reports on the example, computed now (in the same
/// language).
fn explain(doc: &RuleDoc, locale: Locale) -> String {
    let code = doc.code;
    let mut text = format!(
        "# {code}\n\n{}\n\n{}\n{}",
        doc.summary,
        facts(doc, locale),
        sections(doc, "##", locale)
    );
    text += &format!("\n## {}\n\n", msg::rule_reported().render(locale));
    for f in super::check::check_text(&Inputs::new(locale), doc.example)
        .iter()
        .filter(|f| f.code == code.as_str())
    {
        text += &format!(
            "{}:{}: {}[{code}]: {}\n",
            f.start.line + 1,
            f.start.chars + 1,
            severity_name(f.severity),
            f.message
        );
    }
    text
}

/// `docs/rules.md`: a table of every code, then each rule's section.
pub fn page(docs: &[RuleDoc], locale: Locale) -> String {
    let mut page = String::from(
        "# podls diagnostic codes\n\n\
         <!-- Generated by `podls rules --format markdown` from server/src/analysis/diagnostics/rule_docs/*.md; \
         do not edit (UPDATE_EXPECT=1 cargo test -p podls-e2e --test rules rewrites it). -->\n\n\
         Every code `podls check` and the editor report. `podls rule CODE` prints one of them in the terminal.\n\n\
         | code | severity | quick fix | what it reports |\n|---|---|---|---|\n",
    );
    for doc in docs {
        page += &format!(
            "| [`{0}`](#{0}) | {1} | {2} | {3} |\n",
            doc.code,
            severity_name(doc.severity),
            if doc.has_fix() { "yes" } else { "no" },
            doc.summary.replace('|', "\\|")
        );
    }
    for doc in docs {
        page += &format!(
            "\n## {}\n\n{}\n\n{}\n{}",
            doc.code,
            doc.summary,
            facts(doc, locale),
            sections(doc, "###", locale)
        );
    }
    page
}

/// The rule as SARIF's `help.text` gives it to viewers without Markdown.
pub fn help_text(doc: &RuleDoc) -> String {
    format!(
        "{}\n\n{}\n\nQuick fix: {}\nFollows: {}\n\nExample:\n{}\nFixed:\n{}",
        doc.checks, doc.why, doc.fix, doc.upstream, doc.example, doc.fixed
    )
}

/// The rule as SARIF's `help.markdown` shows it on a code scanning alert.
pub fn help_markdown(doc: &RuleDoc) -> String {
    format!(
        "{}\n{}",
        facts(doc, Locale::En),
        sections(doc, "##", Locale::En)
    )
}

fn as_json(doc: &RuleDoc) -> serde_json::Value {
    json!({
        "code": doc.code.as_str(),
        "severity": severity_name(doc.severity),
        "summary": doc.summary,
        "fix": doc.has_fix(),
        "fixDescription": doc.fix,
        "upstream": doc.upstream,
        "checks": doc.checks,
        "why": doc.why,
        "example": doc.example,
        "fixed": doc.fixed,
        "helpUri": help_uri(doc.code),
    })
}
