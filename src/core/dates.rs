//! Today's date and the review policy. The method asks that standards be
//! reviewed periodically (定期审核): a new or newly drafted set is due for
//! review six months after it is made.

use jiff::civil::Date;

/// How long a set stays current before its review is due.
pub const REVIEW_INTERVAL_MONTHS: i32 = 6;

/// Today's date in local time, for overdue reviews and default dates.
#[must_use]
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

/// The time an export is made, for the PDF's creation date: the clock, or
/// `SOURCE_DATE_EPOCH` (seconds since 1970) when set, so that a build that
/// makes PDFs twice makes the same bytes.
#[must_use]
pub fn export_time() -> jiff::Timestamp {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or_else(jiff::Timestamp::now)
}

/// When a set drafted on `today` is next due for review.
#[must_use]
pub fn next_review_after(today: Date) -> Option<Date> {
    today
        .checked_add(jiff::Span::new().months(REVIEW_INTERVAL_MONTHS))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_falls_six_months_on_and_clamps_month_ends() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(next_review_after(d(2026, 1, 15)), Some(d(2026, 7, 15)));
        assert_eq!(next_review_after(d(2026, 8, 31)), Some(d(2027, 2, 28)));
    }
}
