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
        Voucher { number: format_number("PT-{yyyy}-{nnnn}", year, 1), seq: 1, body: d, void: None }
    }

    #[test]
    fn totals_per_donor_and_year() {
        let mut voided = gift(0, 2025, 999);
        voided.void = Some(Void { date: day(2025, 5, 2), reason: "x".into() });
        let vs = vec![gift(0, 2024, 100), gift(0, 2025, 50), gift(0, 2025, 25), gift(1, 2025, 10), voided];
        let t = totals_by_year(&vs);
        assert_eq!(t.get(&(0, 2024)), Some(&Vnd(100)));
        assert_eq!(t.get(&(0, 2025)), Some(&Vnd(75)));
        assert_eq!(t.get(&(1, 2025)), Some(&Vnd(10)));
    }

    #[test]
    fn lapsed_donors_gave_last_year_only() {
        let vs = vec![gift(0, 2024, 1), gift(0, 2025, 1), gift(1, 2024, 1), gift(2, 2023, 1), gift(3, 2025, 1)];
        assert_eq!(lapsed(&vs, 2025), vec![1]);
        assert_eq!(lapsed(&vs, 2024), vec![2]);
    }
}
