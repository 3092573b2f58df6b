//! Whole-đồng amounts: parsing what people type, formatting with dot thousands, and words.

use serde::{Deserialize, Serialize};

/// The largest amount one voucher may carry: one thousand billion đồng.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;

/// An amount of Vietnamese đồng. Whole numbers only; the đồng has no minor unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Vnd(pub i64);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber,
    Negative,
    Fraction,
    TooLarge,
}

impl Vnd {
    pub const ZERO: Vnd = Vnd(0);

    /// `1.250.000` (dot thousands, sign in front when negative).
    pub fn grouped(self) -> String {
        let digits = self.0.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if self.0 < 0 {
            out.push('-');
        }
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(ch);
        }
        out
    }

    /// `1.250.000 ₫`
    pub fn display(self) -> String {
        format!("{} ₫", self.grouped())
    }

    pub fn checked_add(self, other: Vnd) -> Option<Vnd> {
        self.0.checked_add(other.0).map(Vnd)
    }
}

impl std::ops::Add for Vnd {
    type Output = Vnd;
    fn add(self, o: Vnd) -> Vnd {
        Vnd(self.0.saturating_add(o.0))
    }
}
impl std::ops::Sub for Vnd {
    type Output = Vnd;
    fn sub(self, o: Vnd) -> Vnd {
        Vnd(self.0.saturating_sub(o.0))
    }
}
impl std::ops::AddAssign for Vnd {
    fn add_assign(&mut self, o: Vnd) {
        *self = *self + o;
    }
}
impl std::ops::SubAssign for Vnd {
    fn sub_assign(&mut self, o: Vnd) {
        *self = *self - o;
    }
}
impl std::iter::Sum for Vnd {
    fn sum<I: Iterator<Item = Vnd>>(iter: I) -> Vnd {
        iter.fold(Vnd::ZERO, |a, b| a + b)
    }
}

/// Parses what people type: `1.250.000`, `1250000`, `1,25tr`, `1.25 triệu`, `500k`,
/// `2 tỷ`, `1.250.000 đ`. Rejects negatives, fractions of a đồng and absurd sizes.
pub fn parse_vnd(input: &str) -> Result<Vnd, MoneyError> {
    let s: String = input.trim().to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    if s.starts_with('-') {
        return Err(MoneyError::Negative);
    }
    let s = s
        .trim_end_matches("vnđ")
        .trim_end_matches("vnd")
        .trim_end_matches("đồng")
        .trim_end_matches('đ')
        .trim_end_matches('₫');
    let units: [(&str, i64); 8] = [
        ("triệu", 1_000_000),
        ("trieu", 1_000_000),
        ("tr", 1_000_000),
        ("m", 1_000_000),
        ("tỷ", 1_000_000_000),
        ("ty", 1_000_000_000),
        ("nghìn", 1_000),
        ("k", 1_000),
    ];
    let (num, mult) = units.iter().find_map(|(u, m)| s.strip_suffix(u).map(|n| (n, *m))).unwrap_or((s, 1));
    if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(MoneyError::NotANumber);
    }
    let value: i128 = if mult == 1 {
        // Without a unit, dots and commas are thousands separators: `1.250.000`, `1,250,000`.
        let digits: String = num.chars().filter(char::is_ascii_digit).collect();
        if !valid_grouping(num) {
            return Err(MoneyError::Fraction);
        }
        digits.parse().map_err(|_| MoneyError::TooLarge)?
    } else {
        // With a unit, a single comma or dot is the decimal mark: `1,25tr`, `1.5k`.
        let seps = num.matches(['.', ',']).count();
        if seps > 1 {
            return Err(MoneyError::NotANumber);
        }
        let (int, frac) = num.split_once(['.', ',']).unwrap_or((num, ""));
        if int.is_empty() && frac.is_empty() {
            return Err(MoneyError::NotANumber);
        }
        let int_v: i128 = if int.is_empty() { 0 } else { int.parse().map_err(|_| MoneyError::TooLarge)? };
        let mut v = int_v * mult as i128;
        let mut scale = mult as i128;
        for d in frac.chars() {
            scale /= 10;
            let digit = d.to_digit(10).unwrap_or(0) as i128;
            if scale == 0 {
                if digit != 0 {
                    return Err(MoneyError::Fraction);
                }
                continue;
            }
            v += digit * scale;
        }
        v
    };
    if value > MAX_AMOUNT as i128 {
        return Err(MoneyError::TooLarge);
    }
    Ok(Vnd(value as i64))
}

/// `1.250.000` and `1250000` are whole; `12.5` or `1.25.000` are not.
fn valid_grouping(num: &str) -> bool {
    let groups: Vec<&str> = num.split(['.', ',']).collect();
    if groups.len() == 1 {
        return true;
    }
    !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

const DIGITS: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/// Reads a group of three digits; `full` when a higher group precedes it.
fn read_triple(n: u64, full: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = (n / 100, (n / 10) % 10, n % 10);
    if full || h > 0 {
        out.push(DIGITS[h as usize]);
        out.push("trăm");
    }
    match t {
        0 => {
            if u > 0 && (full || h > 0) {
                out.push("linh");
            }
        }
        1 => out.push("mười"),
        _ => {
            out.push(DIGITS[t as usize]);
            out.push("mươi");
        }
    }
    match u {
        0 => {}
        1 if t >= 2 => out.push("mốt"),
        4 if t >= 2 => out.push("tư"),
        5 if t >= 1 => out.push("lăm"),
        _ => out.push(DIGITS[u as usize]),
    }
}

/// The amount in Vietnamese words as written on vouchers:
/// `1.250.000` → "Một triệu hai trăm năm mươi nghìn đồng".
pub fn in_words(v: Vnd) -> String {
    let mut n = v.0.unsigned_abs();
    if n == 0 {
        return "Không đồng".to_owned();
    }
    let names = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"];
    let mut groups = Vec::new();
    while n > 0 {
        groups.push(n % 1000);
        n /= 1000;
    }
    let mut words: Vec<&'static str> = Vec::new();
    let top = groups.len() - 1;
    for i in (0..groups.len()).rev() {
        let g = groups[i];
        if g == 0 {
            continue;
        }
        read_triple(g, i != top, &mut words);
        if !names[i].is_empty() {
            words.push(names[i]);
        }
    }
    words.push("đồng");
    let text = words.join(" ");
    let sign = if v.0 < 0 { "Âm " } else { "" };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if sign.is_empty() => first.to_uppercase().chain(chars).collect(),
        Some(first) => format!("{sign}{first}{}", chars.as_str()),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_vnd("1.250.000"), Ok(Vnd(1_250_000)));
        assert_eq!(parse_vnd("1250000"), Ok(Vnd(1_250_000)));
        assert_eq!(parse_vnd("1,25tr"), Ok(Vnd(1_250_000)));
        assert_eq!(parse_vnd("1.25 triệu"), Ok(Vnd(1_250_000)));
        assert_eq!(parse_vnd("500k"), Ok(Vnd(500_000)));
        assert_eq!(parse_vnd("2 tỷ"), Ok(Vnd(2_000_000_000)));
        assert_eq!(parse_vnd(" 1.250.000 đ "), Ok(Vnd(1_250_000)));
        assert_eq!(parse_vnd("300.000₫"), Ok(Vnd(300_000)));
        assert_eq!(parse_vnd("1,250,000"), Ok(Vnd(1_250_000)));
    }

    #[test]
    fn rejects_bad_amounts() {
        assert_eq!(parse_vnd(""), Err(MoneyError::Empty));
        assert_eq!(parse_vnd("-5000"), Err(MoneyError::Negative));
        assert_eq!(parse_vnd("abc"), Err(MoneyError::NotANumber));
        assert_eq!(parse_vnd("12.5"), Err(MoneyError::Fraction));
        assert_eq!(parse_vnd("1.5555k"), Err(MoneyError::Fraction));
        assert_eq!(parse_vnd("5000 tỷ"), Err(MoneyError::TooLarge));
        assert_eq!(parse_vnd("1,2,3tr"), Err(MoneyError::NotANumber));
    }

    #[test]
    fn formats_with_dot_thousands() {
        assert_eq!(Vnd(0).grouped(), "0");
        assert_eq!(Vnd(999).grouped(), "999");
        assert_eq!(Vnd(1000).grouped(), "1.000");
        assert_eq!(Vnd(1_250_000).display(), "1.250.000 ₫");
        assert_eq!(Vnd(-45_000).grouped(), "-45.000");
    }

    #[test]
    fn amounts_in_words() {
        assert_eq!(in_words(Vnd(1_250_000)), "Một triệu hai trăm năm mươi nghìn đồng");
        assert_eq!(in_words(Vnd(0)), "Không đồng");
        assert_eq!(in_words(Vnd(15)), "Mười lăm đồng");
        assert_eq!(in_words(Vnd(21)), "Hai mươi mốt đồng");
        assert_eq!(in_words(Vnd(105)), "Một trăm linh năm đồng");
        assert_eq!(in_words(Vnd(1_005_000)), "Một triệu không trăm linh năm nghìn đồng");
        assert_eq!(in_words(Vnd(3_459_000)), "Ba triệu bốn trăm năm mươi chín nghìn đồng");
        assert_eq!(in_words(Vnd(2_024)), "Hai nghìn không trăm hai mươi tư đồng");
        assert_eq!(in_words(Vnd(55_000_000)), "Năm mươi lăm triệu đồng");
        assert_eq!(in_words(Vnd(1_000_000_000)), "Một tỷ đồng");
    }
}
