//! What a scalar means to Kubernetes. kubectl reads YAML with go-yaml v2 (YAML 1.1 rules) before the API
//! server decodes JSON, so the classification follows YAML 1.1 where it matters to users: `0644` is octal
//! (420), while YAML 1.2 booleans (`true`, `False`) and nulls (`null`, `~`) are read as everywhere.

use crate::messages::{Message, fields as msg};
use crate::syntax::{Document, NodeId, NodeKind, ScalarStyle};

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(&'a str),
}

impl Scalar<'_> {
    /// How a message names the kind of value written.
    pub fn describe(&self) -> Message {
        match self {
            Scalar::Null => msg::a_null(),
            Scalar::Bool(_) => msg::a_boolean(),
            Scalar::Int(_) => msg::an_integer(),
            Scalar::Float(_) => msg::a_number(),
            Scalar::Str(_) => msg::a_string(),
        }
    }
}

/// The meaning of a scalar node (after an alias), `None` for collections.
pub(crate) fn scalar(doc: &Document, id: NodeId) -> Option<Scalar<'_>> {
    let NodeKind::Scalar {
        value,
        style,
        tag,
        null,
    } = doc.kind(id)
    else {
        return None;
    };
    if *null {
        return Some(Scalar::Null);
    }
    let value = doc.text(*value);
    match tag.as_deref() {
        Some("!!str") | Some("!!binary") => return Some(Scalar::Str(value)),
        Some("!!int") => return Some(int(value).map_or(Scalar::Str(value), Scalar::Int)),
        Some("!!float") => return Some(float(value).map_or(Scalar::Str(value), Scalar::Float)),
        Some("!!bool") => return Some(boolean(value).map_or(Scalar::Str(value), Scalar::Bool)),
        Some("!!null") => return Some(Scalar::Null),
        _ => {}
    }
    if *style != ScalarStyle::Plain {
        return Some(Scalar::Str(value));
    }
    Some(plain(value))
}

/// A plain (unquoted) scalar's meaning.
pub(crate) fn plain(value: &str) -> Scalar<'_> {
    // A word that starts with no letter of `null`, `true` or `false` is a string: most values (names,
    // images, policies) are decided here without comparing them with each of those words.
    if value
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic() && !b"nNtTfF".contains(b))
    {
        return Scalar::Str(value);
    }
    if matches!(value, "" | "~" | "null" | "Null" | "NULL") {
        return Scalar::Null;
    }
    if let Some(b) = boolean(value) {
        return Scalar::Bool(b);
    }
    // A word (an image, a name, a policy: most values) is no number: only a digit, a sign, `.` or `_`
    // starts one (this runs on every plain value a check visits).
    let first = value.as_bytes()[0];
    if first.is_ascii_alphabetic() || !first.is_ascii() {
        return Scalar::Str(value);
    }
    if let Some(i) = int(value) {
        return Scalar::Int(i);
    }
    if let Some(f) = float(value) {
        return Scalar::Float(f);
    }
    Scalar::Str(value)
}

fn boolean(value: &str) -> Option<bool> {
    match value {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Words YAML 1.1 (go-yaml v2, hence kubectl) reads as booleans that YAML 1.2 reads as strings.
pub(crate) fn yaml11_boolean(value: &str) -> Option<bool> {
    match value {
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => Some(true),
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

pub(crate) fn int(value: &str) -> Option<i128> {
    let (negative, digits) = match value.as_bytes().first()? {
        b'-' => (true, &value[1..]),
        b'+' => (false, &value[1..]),
        _ => (false, value),
    };
    // Most scalars have no `_`: copy only those that do (this runs on every plain value walked).
    let digits = if digits.contains('_') {
        std::borrow::Cow::Owned(digits.replace('_', ""))
    } else {
        std::borrow::Cow::Borrowed(digits)
    };
    let magnitude = if let Some(hex) = digits.strip_prefix("0x") {
        i128::from_str_radix(hex, 16).ok()?
    } else if let Some(oct) = digits.strip_prefix("0o") {
        i128::from_str_radix(oct, 8).ok()?
    } else if let Some(bin) = digits.strip_prefix("0b") {
        i128::from_str_radix(bin, 2).ok()?
    } else if digits.len() > 1 && digits.starts_with('0') {
        // YAML 1.1 octal: `mode: 0644` is 420, as kubectl reads it.
        i128::from_str_radix(&digits[1..], 8)
            .ok()
            .or_else(|| digits.parse().ok())?
    } else {
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

fn float(value: &str) -> Option<f64> {
    match value {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    let body = value.strip_prefix(['-', '+']).unwrap_or(value);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    if let Some(exponent) = exponent {
        let exponent = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        if exponent.is_empty() || !digits(exponent) {
            return None;
        }
    }
    value.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::{Scalar, plain};

    #[test]
    fn reads_plain_scalars_as_kubectl_does() {
        assert_eq!(plain("0644"), Scalar::Int(420));
        assert_eq!(plain("0"), Scalar::Int(0));
        assert_eq!(plain("-5"), Scalar::Int(-5));
        assert_eq!(plain("0x1F"), Scalar::Int(31));
        assert_eq!(plain("0.5"), Scalar::Float(0.5));
        assert_eq!(plain("1e9"), Scalar::Float(1e9));
        assert_eq!(plain("1.0"), Scalar::Float(1.0));
        assert_eq!(plain("True"), Scalar::Bool(true));
        assert_eq!(plain("~"), Scalar::Null);
        assert_eq!(plain("yes"), Scalar::Str("yes"));
        assert_eq!(plain("500m"), Scalar::Str("500m"));
        assert_eq!(plain("1.2.3"), Scalar::Str("1.2.3"));
        assert_eq!(plain("e5"), Scalar::Str("e5"));
        assert_eq!(plain("."), Scalar::Str("."));
        assert_eq!(plain("_1"), Scalar::Int(1));
        assert_eq!(plain("E"), Scalar::Str("E"));
        assert_eq!(plain("中"), Scalar::Str("中"));
        assert_eq!(plain("+.inf"), Scalar::Float(f64::INFINITY));
    }
}
