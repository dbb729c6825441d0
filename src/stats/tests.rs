//! Tests of the usage figures' model.

use jiff::civil::date;

use super::*;

fn hour(day: i8, hour: u8) -> HourKey {
    HourKey {
        date: date(2026, 11, day),
        hour,
    }
}

#[test]
fn an_hour_key_drops_minutes_and_seconds() {
    let key = HourKey::of(date(2026, 11, 29).at(14, 59, 59, 999));
    assert_eq!(key, hour(29, 14));
}

#[test]
fn session_lengths_fall_in_bands() {
    assert_eq!(length_band(0), 0);
    assert_eq!(length_band(29), 0);
    assert_eq!(length_band(30), 1);
    assert_eq!(length_band(179), 2);
    assert_eq!(length_band(599), 3);
    assert_eq!(length_band(600), 4);
    assert_eq!(length_band(u64::MAX), 4);
}

#[test]
fn counts_add_up_per_day_and_hour() {
    let mut usage = Usage::new();
    usage.page_view(hour(28, 9), "home");
    usage.page_view(hour(28, 9), "careers");
    usage.page_view(hour(28, 15), "careers");
    usage.language(hour(28, 15), "es");
    usage.setting(hour(28, 15), "larger_text");
    usage.session(hour(28, 15), 95);
    usage.session(hour(28, 15), 5);
    usage.page_view(hour(29, 0), "home");

    let days = usage.days(None);
    assert_eq!(days.len(), 2);
    let first = &days[0];
    assert_eq!(first.date, date(2026, 11, 28));
    assert_eq!(first.figures.page_views["careers"], 2);
    assert_eq!(first.figures.page_view_total(), 3);
    assert_eq!(first.figures.sessions, 2);
    assert_eq!(first.figures.session_secs, 100);
    assert_eq!(first.figures.mean_session_secs(), Some(50));
    assert_eq!(first.figures.session_lengths, [1, 0, 1, 0, 0]);
    assert_eq!(first.by_hour[9].page_view_total(), 2);
    assert_eq!(first.by_hour[15].languages["es"], 1);
    assert!(first.by_hour[10].is_empty());
    assert_eq!(days[1].figures.page_views["home"], 1);
    assert_eq!(days[1].figures.mean_session_secs(), None);

    let total = usage.total(None);
    assert_eq!(total.page_view_total(), 4);
    assert_eq!(total.settings["larger_text"], 1);
}

#[test]
fn since_keeps_that_day_and_later() {
    let mut usage = Usage::new();
    for day in [27, 28, 29] {
        usage.page_view(hour(day, 23), "home");
    }
    let days = usage.days(Some(date(2026, 11, 28)));
    let dates: Vec<Date> = days.iter().map(|d| d.date).collect();
    assert_eq!(dates, [date(2026, 11, 28), date(2026, 11, 29)]);
    assert_eq!(usage.total(Some(date(2026, 11, 29))).page_view_total(), 1);
    assert!(usage.days(Some(date(2026, 12, 1))).is_empty());
}

#[test]
fn merging_adds_and_saturates() {
    let mut a = Usage::new();
    a.page_view(hour(1, 1), "home");
    a.at(hour(1, 1)).sessions = u32::MAX;
    let mut b = Usage::new();
    b.page_view(hour(1, 1), "home");
    b.page_view(hour(2, 1), "about");
    b.session(hour(1, 1), 10);
    a.merge(&b);
    assert_eq!(a.total(None).page_views["home"], 2);
    assert_eq!(a.total(None).page_views["about"], 1);
    assert_eq!(a.at(hour(1, 1)).sessions, u32::MAX);
    assert_eq!(a.at(hour(1, 1)).session_lengths[0], 1);
    let taken = b.take();
    assert!(b.is_empty());
    assert_eq!(taken.hours().count(), 2);
}

#[test]
fn pruning_keeps_the_last_days() {
    let mut usage = Usage::new();
    let last = date(2026, 11, 29);
    for back in 0..10 {
        let day = last
            .checked_sub(jiff::Span::new().days(back))
            .expect("a day");
        usage.page_view(
            HourKey {
                date: day,
                hour: 12,
            },
            "home",
        );
    }
    usage.prune(3, last);
    let dates: Vec<Date> = usage.days(None).iter().map(|d| d.date).collect();
    assert_eq!(
        dates,
        [date(2026, 11, 27), date(2026, 11, 28), date(2026, 11, 29)]
    );
    usage.prune(KEEP_DAYS, last);
    assert_eq!(usage.days(None).len(), 3);
    Usage::new().prune(1, last);
}

#[test]
fn a_clock_far_ahead_never_pushes_real_days_out() {
    let real_today = date(2026, 11, 29);
    let mut usage = Usage::new();
    for day in 1..=29 {
        usage.page_view(
            HourKey {
                date: date(2026, 11, day),
                hour: 9,
            },
            "home",
        );
    }
    // The clock jumps to 2099 and a visitor is counted there.
    let ahead = date(2099, 1, 1);
    usage.page_view(
        HourKey {
            date: ahead,
            hour: 9,
        },
        "careers",
    );
    // Pruned while the clock is still ahead, and once it is right again.
    usage.prune(KEEP_DAYS, ahead);
    usage.prune(KEEP_DAYS, real_today);
    assert_eq!(usage.days(None).len(), 30, "every day is kept");
    assert_eq!(usage.total(None).page_views["careers"], 1, "and shown");
    assert_eq!(usage.days_after(real_today), 1);
    assert_eq!(usage.days_after(ahead), 0);
    // A clock ahead by under the kept span forgets nothing either.
    usage.prune(KEEP_DAYS, date(2027, 6, 1));
    assert_eq!(usage.days(None).len(), 30);
    // Even a tight limit forgets only real days, oldest first, never the future one.
    usage.prune(2, real_today);
    let dates: Vec<Date> = usage.days(None).iter().map(|d| d.date).collect();
    assert_eq!(dates, [date(2026, 11, 28), real_today, ahead]);
    // A clock that is behind everything forgets nothing.
    usage.prune(1, date(2020, 1, 1));
    assert_eq!(usage.days(None).len(), 3);
}
