//! The catalog's promises: every message exists in English and Chinese with the same arguments, quotes the
//! same field names, values and numbers in both, and renders its arguments in the asked language.

use std::collections::BTreeSet;

use expect_test::expect;

use super::{Locale, Piece, Template, all_of, catalog, cli, fields, one_of, pieces};

fn placeholders(text: &str) -> BTreeSet<&str> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Arg(name) => Some(name),
            Piece::Literal(_) => None,
        })
        .collect()
}

/// What a template quotes between backticks, sorted: field names, values and YAML, the same in both
/// languages.
fn quoted(text: &str) -> Vec<&str> {
    let mut spans: Vec<&str> = text.split('`').skip(1).step_by(2).collect();
    spans.sort_unstable();
    spans
}

/// The numbers written outside placeholders and backticks (`63 characters`, `256 KiB`): facts both
/// languages state.
fn numbers(text: &str) -> Vec<String> {
    let outside: String = text
        .split('`')
        .step_by(2)
        .flat_map(|s| pieces(s).into_iter())
        .filter_map(|p| match p {
            Piece::Literal(l) => Some(l),
            Piece::Arg(_) => None,
        })
        .collect();
    let mut found: Vec<String> = outside
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    found.sort_unstable();
    found
}

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_arguments() {
    let all = catalog();
    assert!(all.len() > 20, "the catalog lists {} messages", all.len());
    let mut ids = BTreeSet::new();
    for t in &all {
        assert!(ids.insert(t.id), "{} is declared twice", t.id);
        let args: BTreeSet<&str> = t.args.iter().copied().collect();
        assert_eq!(
            args.len(),
            t.args.len(),
            "{}: an argument named twice",
            t.id
        );
        for (language, text) in [("en", t.en), ("zh-CN", t.zh_cn)] {
            assert!(!text.trim().is_empty(), "{}: no {language} text", t.id);
            assert_eq!(
                placeholders(text),
                args,
                "{} ({language}) must use exactly its arguments",
                t.id
            );
        }
        // A template of punctuation and placeholders only (`` `{name}` ``) has nothing to translate.
        let words = |text: &str| {
            let outside: String = text.split('`').step_by(2).collect();
            pieces(&outside).into_iter().any(
                |p| matches!(p, Piece::Literal(l) if l.chars().any(|c| c.is_ascii_alphabetic())),
            )
        };
        assert!(
            !words(t.en) || t.zh_cn.chars().any(is_chinese),
            "{}: the zh-CN text is not Chinese: {}",
            t.id,
            t.zh_cn
        );
        assert!(
            !t.en.chars().any(is_chinese),
            "{}: Chinese in the English text",
            t.id
        );
    }
}

#[test]
fn both_languages_state_the_same_facts() {
    for Template { id, en, zh_cn, .. } in catalog() {
        assert_eq!(quoted(en), quoted(zh_cn), "{id}: backticked text differs");
        assert_eq!(numbers(en), numbers(zh_cn), "{id}: numbers differ");
        // Inside backticks Chinese keeps ASCII: what is quoted is what the user types.
        for span in quoted(zh_cn) {
            assert!(!span.chars().any(is_chinese), "{id}: `{span}`");
        }
    }
}

#[test]
fn templates_read_placeholders_and_braces_as_format_does() {
    assert_eq!(
        pieces("`{value}` in {{}} {x}"),
        vec![
            Piece::Literal("`"),
            Piece::Arg("value"),
            Piece::Literal("` in "),
            Piece::Literal("{"),
            Piece::Literal("}"),
            Piece::Literal(" "),
            Piece::Arg("x"),
        ]
    );
}

#[test]
fn lists_join_with_each_languages_words() {
    let render = |list: super::List| (list.render(Locale::En), list.render(Locale::ZhCn));
    assert_eq!(
        render(one_of(["Always", "Never", ""])),
        (
            "`Always`, `Never` or \"\"".to_string(),
            "`Always`、`Never` 或 \"\"".to_string()
        )
    );
    assert_eq!(
        render(all_of(["a", "b"])),
        ("`a` and `b`".to_string(), "`a` 和 `b`".to_string())
    );
    assert_eq!(
        render(one_of(["a"])),
        ("`a`".to_string(), "`a`".to_string())
    );
    assert_eq!(
        render(one_of(Vec::<&str>::new())),
        (String::new(), String::new())
    );
}

#[test]
fn a_message_renders_its_arguments_in_the_same_language() {
    let nested = fields::invalid_enum(
        "Sometimes",
        "imagePullPolicy",
        one_of(["Always", "IfNotPresent", "Never"]),
        "",
        fields::did_you_mean("Always"),
    );
    let both =
        |m: &super::Message| format!("{}\n{}\n", m.render(Locale::En), m.render(Locale::ZhCn));
    expect![[r#"
        `Sometimes` is not a valid `imagePullPolicy`; allowed: `Always`, `IfNotPresent` or `Never`; did you mean `Always`?
        `Sometimes` 不是 `imagePullPolicy` 的有效取值，可选值：`Always`、`IfNotPresent` 或 `Never`；是否想写 `Always`？
    "#]]
    .assert_eq(&both(&nested));
    expect![[r#"
        2 errors, 1 warning; 3 files checked
        2 个错误，1 个警告；已检查 3 个文件
    "#]]
    .assert_eq(&both(&cli::summary(
        cli::error_count(2),
        cli::warning_count(1),
        cli::file_count(3),
    )));
}

#[test]
fn the_locale_comes_from_the_first_locale_variable_set() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        Locale::from_env(env(&[("LANG", "zh_CN.UTF-8")])),
        Locale::ZhCn
    );
    assert_eq!(
        Locale::from_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")])),
        Locale::En
    );
    assert_eq!(
        Locale::from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_TW.UTF-8")])),
        Locale::ZhCn
    );
    assert_eq!(
        Locale::from_env(env(&[("LC_ALL", ""), ("LANG", "zh_CN")])),
        Locale::ZhCn
    );
    assert_eq!(Locale::from_env(env(&[])), Locale::En);
    assert_eq!(Locale::parse_strict("zh_CN"), Some(Locale::ZhCn));
    assert_eq!(Locale::parse_strict("zh-CN"), Some(Locale::ZhCn));
    assert_eq!(Locale::parse_strict("EN"), Some(Locale::En));
    assert_eq!(Locale::parse_strict("fr"), None);
}
