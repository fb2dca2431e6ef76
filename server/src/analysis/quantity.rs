//! Resource quantities as Kubernetes reads them (`500m`, `1Gi`, `2`): their value, or why one does not
//! parse. Diagnostics, quick fixes and hover all read quantities through here.

use crate::messages::{Message, fields as msg};

/// The value of a quantity (in base units: cores, bytes), or why it does not parse
/// (apimachinery `ParseQuantity`).
pub(crate) fn parse_quantity(text: &str) -> Result<f64, Message> {
    let text = text.trim();
    if text.is_empty() {
        return Err(msg::quantity_empty());
    }
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let number_len = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(body.len());
    let (number, suffix) = body.split_at(number_len);
    if number.is_empty() || number == "." || number.matches('.').count() > 1 {
        return Err(msg::quantity_no_number());
    }
    let magnitude: f64 = number.parse().map_err(|_| msg::quantity_no_number())?;
    let multiplier = match suffix {
        "" => 1.0,
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "Ki" => 1024.0,
        "Mi" => 1024f64.powi(2),
        "Gi" => 1024f64.powi(3),
        "Ti" => 1024f64.powi(4),
        "Pi" => 1024f64.powi(5),
        "Ei" => 1024f64.powi(6),
        _ => {
            let exponent = suffix
                .strip_prefix(['e', 'E'])
                .filter(|e| {
                    let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
                    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                })
                .and_then(|e| e.parse::<i32>().ok())
                .ok_or_else(|| msg::quantity_bad_suffix(suffix))?;
            10f64.powi(exponent)
        }
    };
    let sign = if text.starts_with('-') { -1.0 } else { 1.0 };
    Ok(sign * magnitude * multiplier)
}

/// What a resource's quantities count: CPU cores, bytes (memory, storage, huge pages) or plain units
/// (extended resources such as `nvidia.com/gpu`, `pods`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Measure {
    Cores,
    Bytes,
    Units,
}

pub(crate) fn measure(resource: &str) -> Measure {
    match resource {
        "cpu" => Measure::Cores,
        "memory" | "ephemeral-storage" | "storage" => Measure::Bytes,
        _ if resource.starts_with("hugepages-") => Measure::Bytes,
        _ => Measure::Units,
    }
}

const BINARY_UNITS: [&str; 6] = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/// A value in the largest binary unit it fills: (`122.07`, `Mi`), or the bytes alone under 1 KiB.
fn in_binary_unit(bytes: f64) -> (f64, &'static str) {
    let mut value = bytes;
    let mut unit = "";
    for next in BINARY_UNITS {
        if value.abs() < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = next;
    }
    (value, unit)
}

/// A number to three significant digits (`122`, `1.86`, `0.5`; at most two decimals), and whether that
/// is exact.
fn rounded(value: f64) -> (String, bool) {
    let decimals = match value.abs() {
        v if v >= 100.0 => 0,
        v if v >= 10.0 => 1,
        _ => 2,
    };
    let scale = 10f64.powi(decimals);
    let kept = (value * scale).round();
    let exact = (value * scale - kept).abs() < 1e-6;
    let text = format!("{:.*}", decimals as usize, kept / scale);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    (text, exact)
}

/// A quantity written for `resource` in the units people read, when that says more than what is written:
/// `128M` ≈ 122 MiB, `1024Mi` = 1 GiB, `134217728` = 128 MiB, `500m` = 0.5 CPU, `0.25` = 250m CPU.
/// `None` when it is already plain (`128Mi`, `2`, `1Gi`) or does not parse.
pub(crate) fn human(resource: &str, written: &str) -> Option<String> {
    let value = parse_quantity(written).ok()?;
    let written = written.trim();
    match measure(resource) {
        Measure::Cores => {
            if written.ends_with('m') {
                let (cores, exact) = rounded(value);
                Some(format!("{} {cores} CPU", if exact { "=" } else { "≈" }))
            } else if value.fract() != 0.0 {
                let (milli, exact) = rounded(value * 1000.0);
                Some(format!("{} {milli}m CPU", if exact { "=" } else { "≈" }))
            } else {
                None
            }
        }
        Measure::Bytes => {
            let (amount, unit) = in_binary_unit(value);
            if unit.is_empty() {
                return None;
            }
            let (amount, exact) = rounded(amount);
            // Already written as this: nothing to add.
            if exact && written == format!("{amount}{unit}") {
                return None;
            }
            Some(format!(
                "{} {amount} {unit}B",
                if exact { "=" } else { "≈" }
            ))
        }
        Measure::Units => None,
    }
}

/// A total for a code lens, in the units Kubernetes writes: `750m` or `2` CPU, `384Mi` of memory (`≈`
/// when the binary unit rounds), a plain count for other resources.
pub(crate) fn total(resource: &str, value: f64) -> String {
    match measure(resource) {
        Measure::Cores if value.fract() == 0.0 => format!("{value}"),
        Measure::Cores => {
            let (milli, _) = rounded(value * 1000.0);
            format!("{milli}m")
        }
        Measure::Bytes => {
            let (amount, unit) = in_binary_unit(value);
            let (amount, exact) = rounded(amount);
            format!("{}{amount}{unit}", if exact { "" } else { "≈" })
        }
        Measure::Units => rounded(value).0,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_quantity;

    #[test]
    fn follows_the_quantity_grammar() {
        for ok in [
            "1", "0.5", "500m", "1Gi", "128Mi", "1e3", "1E3", "+1", ".5", "5.", "2k", "1E", "100n",
        ] {
            assert!(parse_quantity(ok).is_ok(), "{ok}");
        }
        for bad in [
            "", "1gb", "1GB", "100MB", "1Gb", "1K", "abc", "1.2.3", "Mi", "1e", "1 Gi",
        ] {
            assert!(parse_quantity(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_quantity("500m"), Ok(0.5));
        assert_eq!(parse_quantity("1Ki"), Ok(1024.0));
    }

    #[test]
    fn human_units_say_what_the_written_form_hides() {
        use super::human;
        let cases = [
            ("memory", "128M"),
            ("memory", "1G"),
            ("memory", "134217728"),
            ("memory", "1024Mi"),
            ("memory", "1.5Gi"),
            ("memory", "128Mi"),
            ("memory", "512"),
            ("ephemeral-storage", "2e9"),
            ("hugepages-2Mi", "4Mi"),
            ("cpu", "500m"),
            ("cpu", "1500m"),
            ("cpu", "0.25"),
            ("cpu", "2"),
            ("nvidia.com/gpu", "1"),
            ("memory", "lots"),
        ];
        let out: Vec<String> = cases
            .iter()
            .map(|(resource, written)| {
                format!("{resource}: {written} {:?}", human(resource, written))
            })
            .collect();
        expect_test::expect![[r#"
            memory: 128M Some("≈ 122 MiB")
            memory: 1G Some("≈ 954 MiB")
            memory: 134217728 Some("= 128 MiB")
            memory: 1024Mi Some("= 1 GiB")
            memory: 1.5Gi None
            memory: 128Mi None
            memory: 512 None
            ephemeral-storage: 2e9 Some("≈ 1.86 GiB")
            hugepages-2Mi: 4Mi None
            cpu: 500m Some("= 0.5 CPU")
            cpu: 1500m Some("= 1.5 CPU")
            cpu: 0.25 Some("= 250m CPU")
            cpu: 2 None
            nvidia.com/gpu: 1 None
            memory: lots None"#]]
        .assert_eq(&out.join("\n"));
    }

    #[test]
    fn totals_in_kubernetes_units() {
        use super::total;
        assert_eq!(total("cpu", 0.75), "750m");
        assert_eq!(total("cpu", 2.0), "2");
        assert_eq!(total("memory", 384.0 * 1024.0 * 1024.0), "384Mi");
        assert_eq!(total("memory", 128e6), "≈122Mi");
        assert_eq!(total("nvidia.com/gpu", 2.0), "2");
    }
}
