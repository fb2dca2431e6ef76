//! "Did you mean …?": the closest known word to a misspelled one.

/// The candidate closest to `word`, when it is close enough to be what the user meant: few edits relative
/// to the word's length, or the same word in another case.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    let length = word.chars().count();
    let allowed = |candidate: &str| (candidate.chars().count().max(length) / 3).max(1);
    candidates
        .into_iter()
        .filter(|candidate| *candidate != word)
        // Edits are at least the difference in length: a candidate too long or too short to be close is
        // not compared (a megabyte-long key against each field name took minutes).
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= allowed(candidate))
        .map(|candidate| {
            let distance = if candidate.to_ascii_lowercase() == lower {
                0
            } else {
                strsim::damerau_levenshtein(&lower, &candidate.to_ascii_lowercase())
            };
            (distance, candidate)
        })
        .filter(|(distance, candidate)| *distance <= allowed(candidate))
        .min_by_key(|(distance, candidate)| (*distance, candidate.len()))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["labels", "annotations", "name", "namespace"];
        assert_eq!(closest("lables", keys), Some("labels"));
        assert_eq!(closest("nmae", keys), Some("name"));
        assert_eq!(closest("Never", ["Always", "OnFailure", "Never"]), None);
        assert_eq!(
            closest("Nevr", ["Always", "OnFailure", "Never"]),
            Some("Never")
        );
        assert_eq!(
            closest("DoNotSCHEDULE", ["DoNotSchedule", "ScheduleAnyway"]),
            Some("DoNotSchedule")
        );
        assert_eq!(closest("protocal", ["protocol", "port"]), Some("protocol"));
        assert_eq!(closest("xyz", keys), None);
        assert_eq!(closest(&"name".repeat(100_000), keys), None);
    }
}
