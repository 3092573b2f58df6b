//! The Vietnamese lunar calendar (âm lịch), computed for UTC+7 with Hồ Ngọc Đức's published
//! astronomical method (new moons and solar terms, after Jean Meeus). Vietnam's calendar
//! differs from China's (UTC+8) in some years, e.g. Tết 1985 fell on 21/01 in Vietnam.

use chrono::NaiveDate;
use std::f64::consts::PI;

/// Vietnam's time zone, in hours east of UTC.
const TZ: f64 = 7.0;
/// Julian day number of 0001-01-01 minus one (chrono counts days from that date as 1).
const JD_CE: i64 = 1_721_425;
const SYNODIC: f64 = 29.530588853;
const EPOCH: f64 = 2_415_021.076_998_695;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LunarDate {
    pub day: u32,
    pub month: u32,
    pub year: i32,
    pub leap: bool,
}

fn jd(date: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&date)) + JD_CE
}

fn from_jd(jd: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jd - JD_CE).ok()?)
}

/// Julian day (with fraction) of the k-th new moon after 1900-01-01.
fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin();
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    let mut c1 = (0.1734 - 0.000393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 += -0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 += 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 += -0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 += -0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 += 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    jd1 + c1 - delta_t
}

/// The local day (Julian day number) of the k-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k as f64) + 0.5 + TZ / 24.0).floor() as i64
}

/// The sun's longitude at the start of a local day, as one of 12 sectors of 30°.
fn sun_sector(day: i64) -> i64 {
    let t = (day as f64 - 0.5 - TZ / 24.0 - 2_451_545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    let dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin()
        + (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin()
        + 0.000290 * (dr * 3.0 * m).sin();
    let l = ((l0 + dl) * dr).rem_euclid(2.0 * PI);
    (l / PI * 6.0).floor() as i64
}

/// The first day of the 11th lunar month (the one holding the winter solstice) of a year.
fn month_11(year: i32) -> Option<i64> {
    let off = jd(NaiveDate::from_ymd_opt(year, 12, 31)?) - 2_415_021;
    let k = (off as f64 / SYNODIC).floor() as i64;
    let nm = new_moon_day(k);
    Some(if sun_sector(nm) >= 9 { new_moon_day(k - 1) } else { nm })
}

/// Which month after the 11th is the leap month, in a lunar year of 13 months.
fn leap_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - EPOCH) / SYNODIC + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

pub fn to_lunar(date: NaiveDate) -> Option<LunarDate> {
    let day = jd(date);
    let year = chrono::Datelike::year(&date);
    let k = ((day as f64 - EPOCH) / SYNODIC).floor() as i64;
    let mut start = new_moon_day(k + 1);
    if start > day {
        start = new_moon_day(k);
    }
    let mut a11 = month_11(year)?;
    let mut b11 = a11;
    let mut lunar_year = if a11 >= start {
        a11 = month_11(year - 1)?;
        year
    } else {
        b11 = month_11(year + 1)?;
        year + 1
    };
    let diff = ((start - a11) as f64 / 29.0).floor() as i64;
    let mut leap = false;
    let mut month = diff + 11;
    if b11 - a11 > 365 {
        let leap_diff = leap_offset(a11);
        if diff >= leap_diff {
            month = diff + 10;
            leap = diff == leap_diff;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && diff < 4 {
        lunar_year -= 1;
    }
    Some(LunarDate { day: (day - start + 1) as u32, month: month as u32, year: lunar_year, leap })
}

/// The solar date of a lunar date; `None` when it does not exist (a leap month that year
/// does not have, or a 30th in a 29-day month).
pub fn to_solar(l: LunarDate) -> Option<NaiveDate> {
    if !(1..=12).contains(&l.month) || !(1..=30).contains(&l.day) {
        return None;
    }
    let (a11, b11) = if l.month < 11 {
        (month_11(l.year - 1)?, month_11(l.year)?)
    } else {
        (month_11(l.year)?, month_11(l.year + 1)?)
    };
    let mut off = (l.month as i64 - 11).rem_euclid(12);
    if b11 - a11 > 365 {
        let leap_off = leap_offset(a11);
        let leap_month = (leap_off - 2).rem_euclid(12);
        if l.leap && l.month as i64 != leap_month {
            return None;
        }
        if l.leap || off >= leap_off {
            off += 1;
        }
    } else if l.leap {
        return None;
    }
    let k = (0.5 + (a11 as f64 - EPOCH) / SYNODIC).floor() as i64;
    let date = from_jd(new_moon_day(k + off) + l.day as i64 - 1)?;
    (to_lunar(date)? == l).then_some(date)
}

/// The dates in a solar year on which a (non-leap) lunar day and month fall: usually one,
/// none or two for days near the turn of the year. A 30th missing that month falls back to
/// the 29th, as families do for anniversaries.
pub fn occurrences(day: u32, month: u32, solar_year: i32) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for year in [solar_year - 1, solar_year] {
        let date = to_solar(LunarDate { day, month, year, leap: false })
            .or_else(|| (day == 30).then(|| to_solar(LunarDate { day: 29, month, year, leap: false })).flatten());
        if let Some(d) = date.filter(|d| chrono::Datelike::year(d) == solar_year) {
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid")
    }

    fn l(day: u32, month: u32, year: i32, leap: bool) -> LunarDate {
        LunarDate { day, month, year, leap }
    }

    #[test]
    fn tet_falls_on_the_known_days() {
        for (y, m, day) in [(2023, 1, 22), (2024, 2, 10), (2025, 1, 29), (2026, 2, 17), (2027, 2, 6)] {
            assert_eq!(to_solar(l(1, 1, y, false)), Some(d(y, m, day)), "Tết {y}");
            assert_eq!(to_lunar(d(y, m, day)), Some(l(1, 1, y, false)));
        }
    }

    #[test]
    fn vietnam_time_zone_moves_tet_1985() {
        // China (UTC+8) celebrated on 20/02/1985; Vietnam on 21/01/1985.
        assert_eq!(to_solar(l(1, 1, 1985, false)), Some(d(1985, 1, 21)));
        // The new moon of 02/02/2030 at 23:07 in Hà Nội is already 03/02 in Beijing.
        assert_eq!(to_solar(l(1, 1, 2030, false)), Some(d(2030, 2, 2)));
    }

    #[test]
    fn leap_months_are_found() {
        // 2023 had a leap 2nd month starting 22/03/2023; 2025 a leap 6th month from 25/07/2025.
        assert_eq!(to_lunar(d(2023, 3, 22)), Some(l(1, 2, 2023, true)));
        assert_eq!(to_solar(l(1, 2, 2023, true)), Some(d(2023, 3, 22)));
        assert_eq!(to_lunar(d(2025, 7, 25)), Some(l(1, 6, 2025, true)));
        assert_eq!(to_solar(l(1, 3, 2024, true)), None);
        // Mid-autumn 2025 (15/8) was 06/10/2025.
        assert_eq!(to_solar(l(15, 8, 2025, false)), Some(d(2025, 10, 6)));
    }

    #[test]
    fn every_day_round_trips() {
        let mut day = d(2020, 1, 1);
        while day < d(2031, 1, 1) {
            let lunar = to_lunar(day).expect("convertible");
            assert_eq!(to_solar(lunar), Some(day), "{day} -> {lunar:?}");
            day = day.succ_opt().expect("next day");
        }
    }

    #[test]
    fn yearly_lunar_days_in_a_solar_year() {
        assert_eq!(occurrences(6, 1, 2026), vec![d(2026, 2, 22)]);
        // The 23rd of the 12th month (Ông Công Ông Táo) of lunar 2025 falls in 2026.
        assert_eq!(occurrences(23, 12, 2026), vec![d(2026, 2, 10)]);
    }
}
