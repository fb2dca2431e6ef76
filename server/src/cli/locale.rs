//! The language of the command line's output: `--locale` when given (`en`, `zh-cn`, `zh_CN`, ...), else the
//! terminal's (`LC_ALL`, `LC_MESSAGES`, `LANG`: any `zh*` is Chinese), else English.

use crate::messages::{Locale, cli as msg};

/// The locale to print in, or the message for a `--locale` podls does not speak (exit code 2).
pub fn resolve(flag: Option<&str>) -> Result<Locale, String> {
    let from_env = Locale::from_env(|name| std::env::var(name).ok());
    match flag {
        None => Ok(from_env),
        Some(tag) => {
            Locale::parse_strict(tag).ok_or_else(|| msg::unknown_locale(tag).render(from_env))
        }
    }
}
