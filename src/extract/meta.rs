//! Reading the dates pages give in their metadata, in the forms seen in the wild.

use chrono::NaiveDate;

/// The calendar date of a metadata time stamp: RFC 3339 / ISO 8601 (`2019-11-19T10:48:00Z`,
/// `2019-11-19 10:48`, `2019-11-19`), RFC 2822 (`Tue, 19 Nov 2019 10:48:00 GMT`), or
/// `2019/11/19`. Anything else gives `None` rather than a guess.
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.date_naive());
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(t.date_naive());
    }
    let head = s.get(..10)?;
    let rest_ok = s.len() == 10 || s.as_bytes()[10] == b'T' || s.as_bytes()[10] == b' ';
    if !rest_ok {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(head, "%Y/%m/%d"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let d = NaiveDate::from_ymd_opt(2019, 11, 19);
        assert_eq!(parse_date("2019-11-19T10:48:00Z"), d);
        assert_eq!(parse_date("2019-11-19T10:48:00.000+01:00"), d);
        assert_eq!(parse_date("2019-11-19 10:48"), d);
        assert_eq!(parse_date("2019-11-19"), d);
        assert_eq!(parse_date("2019/11/19"), d);
        assert_eq!(parse_date("Tue, 19 Nov 2019 10:48:00 GMT"), d);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2019-11-19x"), None);
    }
}
