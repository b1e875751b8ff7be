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
