//! "Change `128mb` to `128Mi`": a quantity in the unit the user meant, written as Kubernetes spells it.
//! People write byte units as in other tools (`mb`, `GB`, `1K`, `512 MiB`) and CPU as cores (`0.5cores`,
//! `500 millicores`); each reading that gives a valid quantity is offered — binary first (`Mi`) for bytes
//! of memory and storage, which is what those units almost always mean there.

use super::Proposal;
use super::edit::requote;
use crate::analysis::quantity::parse_quantity;
use crate::messages::{Locale, fixes};
use crate::syntax::TextRange;

/// The corrections of the quantity `written` (its source, quotes kept) for `resource` (`memory`, `cpu`,
/// `ephemeral-storage`, `hugepages-2Mi`, `sizeLimit`, ...). Nothing when no reading is a valid quantity.
pub(crate) fn quantity_corrections(
    locale: Locale,
    written: &str,
    range: TextRange,
    resource: &str,
) -> Vec<Proposal> {
    let value = written.trim().trim_matches(['"', '\'']).trim();
    let Some((number, unit)) = split(value) else {
        return Vec::new();
    };
    let cpu = resource == "cpu" || resource.ends_with(".cpu");
    let mut readings: Vec<String> = Vec::new();
    match (cores(unit), bytes(unit)) {
        (Some(suffix), _) if cpu || !is_bytes_resource(resource) => {
            readings.push(format!("{number}{suffix}"));
        }
        (_, Some((binary, decimal))) if !cpu => {
            readings.extend(binary.map(|b| format!("{number}{b}")));
            readings.extend(decimal.map(|d| format!("{number}{d}")));
        }
        _ => {}
    }
    readings.dedup();
    readings
        .into_iter()
        .filter(|r| r != value && parse_quantity(r).is_ok_and(|v| v >= 0.0))
        .enumerate()
        .map(|(i, reading)| {
            Proposal::replace(
                fixes::change_from_to(value, &reading).render(locale),
                range,
                requote(written, &reading),
                i == 0,
            )
        })
        .collect()
}

/// Memory-like resources, counted in bytes.
fn is_bytes_resource(resource: &str) -> bool {
    matches!(
        resource,
        "memory" | "ephemeral-storage" | "storage" | "sizeLimit"
    ) || resource.starts_with("hugepages-")
        || resource.ends_with(".memory")
}

/// The number and the unit around optional blanks: `128`, `mb` from `128 mb`; a decimal comma is a point.
fn split(value: &str) -> Option<(String, &str)> {
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '+'))
        .unwrap_or(value.len());
    let number = value[..end].replace(',', ".");
    let unit = value[end..].trim_start();
    let digits = number.trim_start_matches('+');
    if digits.is_empty()
        || digits == "."
        || digits.matches('.').count() > 1
        || number.matches('+').count() > 1
    {
        return None;
    }
    (number.starts_with('+') || !number.contains('+')).then_some((number, unit))
}

/// A CPU unit: what to write after the number (`m` for millicores, nothing for cores).
fn cores(unit: &str) -> Option<&'static str> {
    match unit.to_ascii_lowercase().as_str() {
        "core" | "cores" | "cpu" | "cpus" | "vcpu" | "vcpus" => Some(""),
        "m" | "mcpu" | "millicore" | "millicores" | "millicpu" | "millicpus" | "mcore"
        | "mcores" => Some("m"),
        _ => None,
    }
}

/// A byte unit as Kubernetes writes it: the binary suffix and the decimal one (either may be ruled out by
/// what was written: `MiB` means binary only, `MB` either).
fn bytes(unit: &str) -> Option<(Option<&'static str>, Option<&'static str>)> {
    let lower = unit.to_ascii_lowercase();
    let stem = lower
        .strip_suffix("bytes")
        .or_else(|| lower.strip_suffix("byte"))
        .or_else(|| lower.strip_suffix('b'))
        .unwrap_or(&lower);
    if stem.is_empty() {
        // `512 bytes`, `512B`: a plain number of bytes.
        return (!lower.is_empty()).then_some((Some(""), None));
    }
    let (prefix, binary_only) = match stem.strip_suffix('i') {
        Some(prefix) => (prefix, true),
        None => (stem, false),
    };
    const UNITS: [(&str, &str, &str); 6] = [
        ("k", "Ki", "k"),
        ("m", "Mi", "M"),
        ("g", "Gi", "G"),
        ("t", "Ti", "T"),
        ("p", "Pi", "P"),
        ("e", "Ei", "E"),
    ];
    let &(_, binary, decimal) = UNITS.iter().find(|(p, ..)| *p == prefix)?;
    Some((Some(binary), (!binary_only).then_some(decimal)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The new texts, `*` marking the preferred one.
    fn readings(written: &str, resource: &str) -> Vec<String> {
        let range = TextRange::new(0, written.len());
        crate::analysis::fixes::describe(&quantity_corrections(
            crate::messages::Locale::En,
            written,
            range,
            resource,
        ))
        .iter()
        .map(|d| {
            let (title, new) = d.split_once(" -> ").unwrap();
            format!("{new}{}", if title.ends_with('*') { " *" } else { "" })
        })
        .collect()
    }

    #[test]
    fn byte_units_as_people_write_them() {
        assert_eq!(readings("128mb", "memory"), ["128Mi *", "128M"]);
        assert_eq!(readings("512MB", "memory"), ["512Mi *", "512M"]);
        assert_eq!(readings("1gb", "ephemeral-storage"), ["1Gi *", "1G"]);
        assert_eq!(readings("1K", "memory"), ["1Ki *", "1k"]);
        assert_eq!(readings("2 Gi", "memory"), ["2Gi *"]);
        assert_eq!(readings("512 MiB", "memory"), ["512Mi *"]);
        assert_eq!(readings("1,5GB", "memory"), ["1.5Gi *", "1.5G"]);
        assert_eq!(
            readings("\"64mb\"", "hugepages-2Mi"),
            ["\"64Mi\" *", "\"64M\""]
        );
        assert_eq!(readings("100 bytes", "memory"), ["100 *"]);
        // `128m` is valid (milli-bytes) but almost surely meant mebibytes: the same readings.
        assert_eq!(readings("128m", "memory"), ["128Mi *", "128M"]);
    }

    #[test]
    fn cpu_units_as_people_write_them() {
        assert_eq!(readings("0.5cores", "cpu"), ["0.5 *"]);
        assert_eq!(readings("2 CPUs", "cpu"), ["2 *"]);
        assert_eq!(readings("500 m", "cpu"), ["500m *"]);
        assert_eq!(readings("250millicores", "cpu"), ["250m *"]);
    }

    #[test]
    fn nothing_that_is_not_a_valid_quantity() {
        // Bytes for a CPU, cores for memory, words, two numbers: no reading.
        assert!(readings("1gb", "cpu").is_empty());
        assert!(readings("2cores", "memory").is_empty());
        assert!(readings("lots", "memory").is_empty());
        assert!(readings("1.2.3Gi", "memory").is_empty());
        assert!(readings("1xb", "memory").is_empty());
        assert!(readings("", "memory").is_empty());
    }
}
