//! Every sentence podls says to a person — diagnostic messages, quick-fix titles, `podls check` summary
//! lines, `explain`'s errors — in English and Chinese (zh-CN), from one catalog. Knows nothing of YAML,
//! Kubernetes or LSP: a message is a template with named arguments, rendered in the user's `Locale`.
//!
//! # Adding a message
//!
//! 1. Pick the family file below (`fields.rs` for the table-driven checks, `rules/` for the cross-field
//!    rules, `documents.rs` for keys and kinds, `fixes.rs` for quick-fix titles, `syntax.rs` for YAML
//!    errors, `cli.rs` for the command line, `config.rs`, `suppressions.rs`, `versions.rs` for the target Kubernetes version) or add one (declare it here
//!    with `pub mod` and in `catalog()` at the bottom, so the test sees it).
//! 2. Write the message in both languages inside that file's `messages!` block:
//!
//!    ```text
//!    invalid_enum(value, field, allowed) {
//!        en: "`{value}` is not a valid `{field}`; allowed: {allowed}",
//!        zh: "`{value}` 不是 `{field}` 的有效取值；可选值：{allowed}",
//!    }
//!    ```
//!
//!    The names in parentheses are the arguments; both templates must use every one of them, and nothing
//!    else (the compiler refuses an unknown `{name}`, and `messages::tests` one that a language leaves out).
//!    Field names, codes, values and YAML stay in ASCII between backticks in both languages, as the
//!    Kubernetes Chinese docs write them: the test checks that both languages quote the same things.
//!    `{{` and `}}` are literal braces.
//! 3. Build it where the diagnostic is made, `fields::invalid_enum(value, &field.name, one_of(values))`,
//!    and render it in the inputs' locale: `.render(cx.locale)` (a rule's `Context` carries it). An
//!    argument is anything `Display`, a list ([`one_of`], [`all_of`]: joined with the language's words) or
//!    another `Message` (rendered in the same locale).
//! 4. An optional part (`; did you mean `labels`?`) is an argument: its own message, or `""` when absent.
//!    English count forms are one message per form (`errors_one`, `errors_many`), chosen in code as
//!    `cli::error_count` does; Chinese has one form, written in both.
//! 5. Snapshot the message in both languages where its check is tested (`diagnostics::tests::check_in`
//!    with `Locale::ZhCn`, or the e2e `tests/tests/chinese.rs`).
//!
//! Messages are rendered when diagnostics are computed, so cached diagnostics are keyed on the locale
//! (`Inputs::same_diagnostics`). Codes (`unknown-field`) are never translated.

use std::fmt;

pub mod cli;
pub mod code_lens;
pub mod completion;
pub mod config;
pub mod documents;
pub mod field_docs;
pub mod fields;
pub mod fixes;
pub mod fixing;
pub mod inlay_hints;
pub mod names;
pub mod outline;
pub mod rules;
pub mod suppressions;
pub mod syntax;
pub mod versions;

/// The languages podls speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    ZhCn,
}

impl Locale {
    /// Reads a BCP 47 tag or a POSIX locale as a client or user writes it ("en", "en-US", "zh-cn", "zh-CN",
    /// "zh-Hans", "zh_CN.UTF-8"); any Chinese tag gets Chinese, anything else English.
    pub fn from_tag(tag: &str) -> Locale {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Locale::ZhCn
        } else {
            Locale::En
        }
    }

    /// A locale a user chose explicitly (`--locale`, `podls.locale`): `en`, `zh-cn` or `zh` in any case,
    /// `_` for `-`; anything else is a mistake worth telling.
    pub fn parse_strict(tag: &str) -> Option<Locale> {
        match tag.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "en-us" | "en-gb" => Some(Locale::En),
            "zh-cn" | "zh" | "zh-hans" | "zh-hans-cn" => Some(Locale::ZhCn),
            _ => None,
        }
    }

    /// The language of the terminal, from the environment as POSIX orders it: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG` (the first one set and not empty); English when none is.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Locale {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.trim().is_empty())
            .map_or(Locale::En, |value| Locale::from_tag(&value))
    }
}

/// One message of the catalog: its name, its arguments and its text in each language.
#[derive(Debug)]
pub struct Template {
    /// Where it is declared, unique in the catalog: `podls::messages::fields::templates::invalid_enum`.
    pub id: &'static str,
    pub args: &'static [&'static str],
    pub en: &'static str,
    pub zh_cn: &'static str,
}

impl Template {
    fn text(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en,
            Locale::ZhCn => self.zh_cn,
        }
    }
}

/// A message with its arguments, not yet in a language: what the syntax layer keeps (its trees do not
/// depend on the locale) and what every sentence is built as.
#[derive(Clone, Debug)]
pub struct Message {
    template: &'static Template,
    args: Vec<Arg>,
}

impl PartialEq for Message {
    fn eq(&self, other: &Message) -> bool {
        self.template.id == other.template.id && self.args == other.args
    }
}

impl Eq for Message {}

/// An argument of a message: text that is the same in every language (a field name, a value), a list
/// joined with the language's words, or another message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    List(List),
    Message(Message),
}

/// `a`, `b` or `c` / `a`、`b` 或 `c`: each item between backticks (`""` for the empty string), or a message
/// of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    items: Vec<Item>,
    conjunction: Conjunction,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Item {
    Quoted(String),
    Said(Message),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Conjunction {
    Or,
    And,
}

/// The allowed values as a sentence: `` `a`, `b` or `c` ``.
pub fn one_of<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> List {
    list(items, Conjunction::Or)
}

/// Every item, as a sentence: `` `a`, `b` and `c` ``.
pub fn all_of<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> List {
    list(items, Conjunction::And)
}

/// Messages as a sentence, each rendered in the list's language: `2 (`name`) or 4 (`image`)`.
pub fn one_of_messages(items: impl IntoIterator<Item = Message>) -> List {
    List {
        items: items.into_iter().map(Item::Said).collect(),
        conjunction: Conjunction::Or,
    }
}

fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>, conjunction: Conjunction) -> List {
    List {
        items: items
            .into_iter()
            .map(|s| Item::Quoted(s.as_ref().to_string()))
            .collect(),
        conjunction,
    }
}

impl<T: fmt::Display> From<T> for Arg {
    fn from(value: T) -> Arg {
        Arg::Text(value.to_string())
    }
}

impl From<List> for Arg {
    fn from(list: List) -> Arg {
        Arg::List(list)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(message)
    }
}

impl Message {
    /// What the catalog's constructors call; the arguments are in the template's order.
    #[doc(hidden)]
    pub fn new(template: &'static Template, args: Vec<Arg>) -> Message {
        debug_assert_eq!(template.args.len(), args.len(), "{}", template.id);
        Message { template, args }
    }

    /// Rewrites every text the message quotes (its arguments, those of the messages and lists in it):
    /// the syntax layer writes Helm template actions back where the parser saw their placeholders.
    pub fn map_text(&mut self, f: &dyn Fn(&str) -> String) {
        for arg in &mut self.args {
            match arg {
                Arg::Text(text) => *text = f(text),
                Arg::Message(message) => message.map_text(f),
                Arg::List(list) => {
                    for item in &mut list.items {
                        match item {
                            Item::Quoted(text) => *text = f(text),
                            Item::Said(message) => message.map_text(f),
                        }
                    }
                }
            }
        }
    }

    /// The catalog entry this message comes from (`podls::messages::fields::templates::invalid_enum`).
    pub fn id(&self) -> &'static str {
        self.template.id
    }

    /// The message in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        let mut out = String::new();
        for piece in pieces(self.template.text(locale)) {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Arg(name) => {
                    // The compiler checked every placeholder names an argument (see `messages!`).
                    if let Some(i) = self.template.args.iter().position(|a| *a == name) {
                        self.args[i].render_into(locale, &mut out);
                    }
                }
            }
        }
        out
    }
}

impl Arg {
    fn render_into(&self, locale: Locale, out: &mut String) {
        match self {
            Arg::Text(text) => out.push_str(text),
            Arg::Message(message) => out.push_str(&message.render(locale)),
            Arg::List(list) => out.push_str(&list.render(locale)),
        }
    }
}

impl List {
    pub fn render(&self, locale: Locale) -> String {
        let quoted: Vec<String> = self
            .items
            .iter()
            .map(|item| match item {
                Item::Quoted(text) if text.is_empty() => "\"\"".to_string(),
                Item::Quoted(text) => format!("`{text}`"),
                Item::Said(message) => message.render(locale),
            })
            .collect();
        let (comma, last) = match (locale, self.conjunction) {
            (Locale::En, Conjunction::Or) => (", ", " or "),
            (Locale::En, Conjunction::And) => (", ", " and "),
            (Locale::ZhCn, Conjunction::Or) => ("、", " 或 "),
            (Locale::ZhCn, Conjunction::And) => ("、", " 和 "),
        };
        match quoted.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., end] => format!("{}{last}{end}", init.join(comma)),
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Literal(&'a str),
    Arg(&'a str),
}

/// A template's literal text and `{name}` placeholders, in order; `{{` and `}}` are braces (the syntax of
/// `format!`, which checks the templates at compile time).
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        if i > 0 {
            pieces.push(Piece::Literal(&rest[..i]));
        }
        let brace = &rest[i..i + 1];
        if rest[i + 1..].starts_with(brace) {
            pieces.push(Piece::Literal(brace));
            rest = &rest[i + 2..];
        } else if let Some(end) = rest[i..].find('}').filter(|_| brace == "{") {
            pieces.push(Piece::Arg(&rest[i + 1..i + end]));
            rest = &rest[i + end + 1..];
        } else {
            pieces.push(Piece::Literal(brace));
            rest = &rest[i + 1..];
        }
    }
    if !rest.is_empty() {
        pieces.push(Piece::Literal(rest));
    }
    pieces
}

/// Declares a family's messages: for each, a constructor `name(args...) -> Message` and its
/// [`Template`]; `ALL` lists them for the catalog test. Every `{placeholder}` of both templates must be an
/// argument: each template is handed to `format_args!` with the arguments as locals, so a typo does not
/// compile and an argument a language leaves out is an unused variable (a warning, an error in CI).
macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident($($arg:ident),* $(,)?) { en: $en:literal, zh: $zh:literal $(,)? })*) => {
        #[allow(non_upper_case_globals)]
        mod templates {
            $(pub const $name: $crate::messages::Template = $crate::messages::Template {
                id: concat!(::std::module_path!(), "::", ::std::stringify!($name)),
                args: &[$(::std::stringify!($arg)),*],
                en: $en,
                zh_cn: $zh,
            };)*
        }

        /// Every message of this family, for the catalog test.
        #[allow(dead_code)]
        pub(crate) const ALL: &[&$crate::messages::Template] = &[$(&templates::$name),*];

        $(
            $(#[$doc])*
            #[allow(clippy::too_many_arguments)]
            pub fn $name($($arg: impl Into<$crate::messages::Arg>),*) -> $crate::messages::Message {
                if false {
                    { $(let $arg = 0;)* let _ = ::std::format_args!($en); }
                    { $(let $arg = 0;)* let _ = ::std::format_args!($zh); }
                }
                $crate::messages::Message::new(&templates::$name, vec![$($arg.into()),*])
            }
        )*
    };
}
pub(crate) use messages;

/// The family files whose `ALL` the catalog test reads: every file that declares messages is listed here.
#[cfg(test)]
fn catalog() -> Vec<&'static Template> {
    [
        cli::ALL,
        code_lens::ALL,
        completion::ALL,
        config::ALL,
        documents::ALL,
        field_docs::ALL,
        fields::ALL,
        fixes::ALL,
        fixing::ALL,
        inlay_hints::ALL,
        names::ALL,
        outline::ALL,
        rules::pods::ALL,
        rules::workloads::ALL,
        suppressions::ALL,
        syntax::ALL,
        versions::ALL,
    ]
    .concat()
}

#[cfg(test)]
mod tests;
