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
}
