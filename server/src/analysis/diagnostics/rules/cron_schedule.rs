//! A CronJob's `schedule` read as the cron controller reads it: the standard parser of robfig/cron v3
//! (`ParseStandard`, which `validateScheduleFormat` in `pkg/apis/batch/validation/validation.go` calls).
//! Five fields — minute, hour, day of month, month, day of week — each a comma-separated list of `*` or
//! `?`, a number or name, or a range `a-b`, with an optional step `/n`; or a descriptor (`@hourly`,
//! `@every 90m`, …). An error names the part of the schedule it is about, as a byte range of the string.

use crate::messages::{Arg, Message, all_of, one_of, rules as msg};
use std::ops::Range;

/// What is wrong with a schedule, and where in it (bytes of the schedule string).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct ScheduleError {
    pub span: Range<usize>,
    pub message: Message,
}

/// One of the five fields: its name and bounds, and the names it takes for its numbers.
struct Field {
    name: &'static str,
    /// How messages name it, in the user's language.
    label: fn() -> Message,
    min: u64,
    max: u64,
    names: &'static [&'static str],
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAYS: &[&str] = &["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const FIELDS: [Field; 5] = [
    Field {
        name: "minute",
        label: msg::minute,
        min: 0,
        max: 59,
        names: &[],
    },
    Field {
        name: "hour",
        label: msg::hour,
        min: 0,
        max: 23,
        names: &[],
    },
    Field {
        name: "day of month",
        label: msg::day_of_month,
        min: 1,
        max: 31,
        names: &[],
    },
    Field {
        name: "month",
        label: msg::month,
        min: 1,
        max: 12,
        names: MONTHS,
    },
    Field {
        name: "day of week",
        label: msg::day_of_week,
        min: 0,
        max: 6,
        names: DAYS,
    },
];

/// The descriptors that stand for a whole schedule.
const DESCRIPTORS: &[&str] = &[
    "@yearly",
    "@annually",
    "@monthly",
    "@weekly",
    "@daily",
    "@midnight",
    "@hourly",
];

pub(super) fn parse(schedule: &str) -> Result<(), ScheduleError> {
    let whole = 0..schedule.len();
    if schedule.starts_with('@') {
        return descriptor(schedule);
    }
    let fields = words(schedule);
    if fields.len() != FIELDS.len() {
        return Err(ScheduleError {
            span: whole,
            message: msg::five_fields(fields.len()),
        });
    }
    for ((start, text), field) in fields.into_iter().zip(&FIELDS) {
        let mut at = start;
        for part in text.split(',') {
            if !part.is_empty() {
                range(part, field).map_err(|message| ScheduleError {
                    span: at..at + part.len(),
                    message: msg::in_field((field.label)(), message),
                })?;
            }
            at += part.len() + 1;
        }
    }
    Ok(())
}

/// The words of the schedule with their byte offsets (Go's `strings.Fields`).
fn words(schedule: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in schedule.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &schedule[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &schedule[s..]));
    }
    out
}

fn descriptor(schedule: &str) -> Result<(), ScheduleError> {
    if DESCRIPTORS.contains(&schedule) {
        return Ok(());
    }
    let whole = 0..schedule.len();
    if let Some(duration) = schedule.strip_prefix("@every ") {
        return go_duration(duration).map_err(|message| ScheduleError {
            span: "@every ".len()..schedule.len(),
            message: msg::every_needs_duration(message),
        });
    }
    Err(ScheduleError {
        span: whole,
        message: msg::unknown_descriptor(schedule, all_of(DESCRIPTORS.iter())),
    })
}

/// One range of a field: `*`, `?`, `n`, `a-b`, each with an optional `/step` (robfig's `getRange`).
fn range(expr: &str, field: &Field) -> Result<(), Message> {
    let mut steps = expr.split('/');
    let low_high = steps.next().unwrap_or("");
    let step = steps.next();
    if steps.next().is_some() {
        return Err(msg::two_slashes(expr));
    }
    let bounds: Vec<&str> = low_high.split('-').collect();
    let (start, mut end) = if matches!(bounds[0], "*" | "?") {
        (field.min, field.max)
    } else {
        let start = number_or_name(bounds[0], field)?;
        match bounds.as_slice() {
            [_] => (start, start),
            [_, high] => (start, number_or_name(high, field)?),
            _ => return Err(msg::two_dashes(expr)),
        }
    };
    if let Some(step) = step {
        let step = number(step)?;
        if step == 0 {
            return Err(msg::zero_step(expr));
        }
        // `n/step` runs from n to the field's maximum.
        if bounds.len() == 1 {
            end = field.max;
        }
    }
    if start < field.min {
        return Err(msg::below_minimum(start, field.min, expr));
    }
    if end > field.max {
        let hint = if field.name == "day of week" && end == 7 {
            msg::sunday_is_0().into()
        } else {
            Arg::from("")
        };
        return Err(msg::above_maximum(end, field.max, hint, expr));
    }
    if start > end {
        return Err(msg::range_backwards(expr));
    }
    Ok(())
}

fn number_or_name(word: &str, field: &Field) -> Result<u64, Message> {
    let lower = word.to_ascii_lowercase();
    if let Some(i) = field.names.iter().position(|n| *n == lower) {
        // Months count from 1, days from 0.
        return Ok(i as u64 + field.min);
    }
    number(word).map_err(|e| match field.names {
        [] => e,
        names => msg::or_a_name(e, one_of(names.iter())),
    })
}

/// Go's `strconv.Atoi`, refusing negatives as robfig's `mustParseInt` does.
fn number(word: &str) -> Result<u64, Message> {
    let digits = word.strip_prefix('+').unwrap_or(word);
    if let Some(rest) = digits.strip_prefix('-') {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(msg::negative(word));
        }
    }
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(msg::not_a_number(word));
    }
    digits.parse().map_err(|_| msg::too_large(word))
}

/// Go's `time.ParseDuration`: a sequence of decimal numbers with units (`ns`, `us`, `µs`, `ms`, `s`, `m`,
/// `h`), optionally signed; `0` alone is allowed.
fn go_duration(text: &str) -> Result<(), Message> {
    let rest = text.strip_prefix(['+', '-']).unwrap_or(text);
    if rest == "0" {
        return Ok(());
    }
    if rest.is_empty() {
        return Err(msg::not_a_duration(text));
    }
    let mut rest = rest;
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = &rest[..number_end];
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return Err(msg::not_a_duration(text));
        }
        rest = &rest[number_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = &rest[..unit_end];
        if !matches!(unit, "ns" | "us" | "µs" | "μs" | "ms" | "s" | "m" | "h") {
            return Err(match unit {
                "" => msg::duration_without_unit(text),
                _ => msg::unknown_unit(unit, text),
            });
        }
        rest = &rest[unit_end..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn error(schedule: &str) -> String {
        match parse(schedule) {
            Ok(()) => "ok".into(),
            Err(e) => format!(
                "{} at `{}`",
                e.message.render(crate::messages::Locale::En),
                &schedule[e.span]
            ),
        }
    }

    #[test]
    fn schedules_the_controller_accepts() {
        for schedule in [
            "*/5 * * * *",
            "0 0 * * 0",
            "0 9-17 * * MON-FRI",
            "15,45 */2 1-31/3 jan,Jul ?",
            "0 0 1 */3 *",
            "30 4 * * sun",
            "5/15 * * * *",
            "  0  3 * * *  ",
            "@hourly",
            "@midnight",
            "@every 1h30m",
            "@every 90s",
        ] {
            assert_eq!(error(schedule), "ok", "{schedule}");
        }
    }

    #[test]
    fn the_error_names_the_offending_field() {
        let found: Vec<String> = [
            "* * * *",
            "60 * * * *",
            "0 24 * * *",
            "0 0 0 * *",
            "0 0 * 13 *",
            "0 0 * * 7",
            "0 0 * * mon-sun",
            "*/0 * * * *",
            "1-2-3 * * * *",
            "1/2/3 * * * *",
            "0 0 * foo *",
            "0,x * * * *",
            "0 5-2 * * *",
            "@weekdays",
            "@every 5",
            "@every 1d",
        ]
        .iter()
        .map(|s| format!("{s:18} {}", error(s)))
        .collect();
        expect_test::expect![[r#"
            * * * *            a schedule has 5 fields (minute, hour, day of month, month, day of week), found 4 at `* * * *`
            60 * * * *         minute field: 60 is above the maximum 59 in `60` at `60`
            0 24 * * *         hour field: 24 is above the maximum 23 in `24` at `24`
            0 0 0 * *          day of month field: 0 is below the minimum 1 in `0` at `0`
            0 0 * 13 *         month field: 13 is above the maximum 12 in `13` at `13`
            0 0 * * 7          day of week field: 7 is above the maximum 6 (Sunday is 0) in `7` at `7`
            0 0 * * mon-sun    day of week field: the range `mon-sun` starts after it ends at `mon-sun`
            */0 * * * *        minute field: the step in `*/0` must be above 0 at `*/0`
            1-2-3 * * * *      minute field: `1-2-3` has more than one `-` at `1-2-3`
            1/2/3 * * * *      minute field: `1/2/3` has more than one `/` at `1/2/3`
            0 0 * foo *        month field: `foo` is not a number (or a name: `jan`, `feb`, `mar`, `apr`, `may`, `jun`, `jul`, `aug`, `sep`, `oct`, `nov` or `dec`) at `foo`
            0,x * * * *        minute field: `x` is not a number at `x`
            0 5-2 * * *        hour field: the range `5-2` starts after it ends at `5-2`
            @weekdays          unknown descriptor `@weekdays`; known: `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight` and `@hourly`, or `@every <duration>` at `@weekdays`
            @every 5           `@every` takes a duration such as `90m` or `1h30m`: `5` misses a unit (`s`, `m` or `h`) at `5`
            @every 1d          `@every` takes a duration such as `90m` or `1h30m`: unknown unit `d` in `1d` at `1d`"#]]
        .assert_eq(&found.join("\n"));
    }
}
