//! Donors: who gives to the fund, their yearly totals, and who has lapsed.

use crate::model::fund::ledger::{Kind, Voucher};
use crate::model::money::Vnd;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DonorType {
    #[default]
    Individual,
    Organisation,
    Business,
    EducationStaff,
    Ngo,
    Other,
}

impl DonorType {
    pub const ALL: [DonorType; 6] = [
        DonorType::Individual,
        DonorType::Organisation,
        DonorType::Business,
        DonorType::EducationStaff,
        DonorType::Ngo,
        DonorType::Other,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Donor {
    pub name: String,
    pub kind: DonorType,
    /// A commune-level unit from the current list, or empty.
    pub commune: String,
    /// Free address when the donor is outside the list (another province, abroad).
    pub address: String,
    pub contact: String,
    pub note: String,
}

/// Words of address written before a person's name on a voucher ("Ông Nguyễn Văn An"), in
/// lower case. They stay on the voucher but are not part of the donor's name.
const HONORIFICS: [&str; 8] = ["ông/bà", "ông", "bà", "cô", "thầy", "chú", "anh", "chị"];

/// The donor's name in a payer's name: without a leading word of address when a full name
/// (two words or more) follows it ("Bà Trần Thị Mai" → "Trần Thị Mai"; "Bà Mai" stays, as a
/// name of one word may itself begin with such a word).
pub fn donor_name(payer: &str) -> &str {
    let t = payer.trim();
    let Some((first, rest)) = t.split_once(char::is_whitespace) else { return t };
    let rest = rest.trim_start();
    let address = HONORIFICS.contains(&first.to_lowercase().as_str());
    if address && rest.split_whitespace().count() >= 2 { rest } else { t }
}

/// The key that tells donors apart by name: folded (no accents, no case), without a word of
/// address, spaces single.
pub fn name_key(name: &str) -> String {
    crate::model::text::fold(donor_name(name)).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The donor whose name has this key, the latest added first.
pub fn find_by_name(donors: &[Donor], key: &str) -> Option<usize> {
    donors.iter().rposition(|d| name_key(&d.name) == key)
}

/// Each donor's live receipts summed per calendar year.
pub fn totals_by_year(vouchers: &[Voucher]) -> BTreeMap<(usize, i32), Vnd> {
    let mut out: BTreeMap<(usize, i32), Vnd> = BTreeMap::new();
    for v in vouchers.iter().filter(|v| v.is_live() && v.body.kind == Kind::Receipt) {
        if let Some(d) = v.body.donor {
            *out.entry((d, v.year())).or_default() += v.body.amount;
        }
    }
    out
}

/// Donors who gave in `year - 1` and have not given in `year`, by donor index.
pub fn lapsed(vouchers: &[Voucher], year: i32) -> Vec<usize> {
    let mut last: HashSet<usize> = HashSet::new();
    let mut this: HashSet<usize> = HashSet::new();
    for v in vouchers.iter().filter(|v| v.is_live() && v.body.kind == Kind::Receipt) {
        if let Some(d) = v.body.donor {
            if v.year() == year - 1 {
                last.insert(d);
            } else if v.year() == year {
                this.insert(d);
            }
        }
    }
    let mut out: Vec<usize> = last.difference(&this).copied().collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fund::ledger::tests::{day, draft};
    use crate::model::fund::ledger::{Void, format_number};

    fn gift(donor: usize, year: i32, amount: i64) -> Voucher {
        let mut d = draft(Kind::Receipt, day(year, 5, 1), amount, "");
        d.donor = Some(donor);
        Voucher { number: format_number("PT-{yyyy}-{nnnn}", year, 1).into(), seq: 1, body: d, void: None }
    }

    #[test]
    fn totals_per_donor_and_year() {
        let mut voided = gift(0, 2025, 999);
        voided.void = Some(Box::new(Void { date: day(2025, 5, 2), reason: "x".into() }));
        let vs = vec![gift(0, 2024, 100), gift(0, 2025, 50), gift(0, 2025, 25), gift(1, 2025, 10), voided];
        let t = totals_by_year(&vs);
        assert_eq!(t.get(&(0, 2024)), Some(&Vnd(100)));
        assert_eq!(t.get(&(0, 2025)), Some(&Vnd(75)));
        assert_eq!(t.get(&(1, 2025)), Some(&Vnd(10)));
    }

    #[test]
    fn words_of_address_are_not_part_of_a_donors_name() {
        assert_eq!(donor_name("Ông Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(donor_name("  bà  Trần Thị Mai "), "Trần Thị Mai");
        assert_eq!(donor_name("THẦY Lê Minh"), "Lê Minh");
        assert_eq!(donor_name("Ông/Bà Phạm Thu"), "Phạm Thu");
        assert_eq!(donor_name("Cô Lan"), "Cô Lan", "one word after it may be a name");
        assert_eq!(donor_name("Công ty TNHH Bến Hải"), "Công ty TNHH Bến Hải");
        assert_eq!(donor_name("Anh"), "Anh");
        assert_eq!(name_key("Ông  Nguyễn Văn  An"), name_key("nguyen van an"));
        assert_ne!(name_key("Ông Nguyễn Văn An"), name_key("Nguyễn Văn Anh"));
        let donors = vec![
            Donor { name: "Nguyễn Văn An".into(), ..Default::default() },
            Donor { name: "Trần Thị Mai".into(), ..Default::default() },
        ];
        assert_eq!(find_by_name(&donors, &name_key("Bà Trần Thị Mai")), Some(1));
        assert_eq!(find_by_name(&donors, &name_key("Bà Trần Thị")), None);
    }

    #[test]
    fn lapsed_donors_gave_last_year_only() {
        let vs = vec![gift(0, 2024, 1), gift(0, 2025, 1), gift(1, 2024, 1), gift(2, 2023, 1), gift(3, 2025, 1)];
        assert_eq!(lapsed(&vs, 2025), vec![1]);
        assert_eq!(lapsed(&vs, 2024), vec![2]);
    }
}
