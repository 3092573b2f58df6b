//! A demo book built from the domain (donors of every type, the October staff campaign,
//! restricted donations, scholarships and awards paid out), and the same generator at
//! province scale for benchmarks.

use crate::model::action::{Action, apply};
use crate::model::awards::action::AwardAction;
use crate::model::awards::scales::{Scale, amount_for, association_example, scales_for};
use crate::model::awards::{AwardList, Awardee, Gender, Level, ListKind, ListStatus, Prize, SchoolLevel};
use crate::model::book::{Book, Settings, default_communes};
use crate::model::fund::donors::{Donor, DonorType};
use crate::model::fund::ledger::{Category, Kind, Method, Void, Voucher, VoucherDraft, format_number};
use crate::model::learning::{
    Band, CriteriaSet, Decision, Learning, ModelKind, ScoreSheet, Subject, Value, evaluate, recognition,
};
use crate::model::money::Vnd;
use crate::model::shared::Shared;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// A small deterministic generator, so the demo is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FAMILY: [&str; 14] =
    ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE: [&str; 8] = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Hữu", "Quang"];
const GIVEN: [&str; 24] = [
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hằng", "Hiếu", "Hoa", "Hùng", "Khánh", "Lan", "Linh",
    "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Ánh",
];
const ORGS: [&str; 8] = [
    "Sở Giáo dục và Đào tạo",
    "Liên đoàn Lao động tỉnh",
    "Tỉnh Đoàn",
    "Hội Cựu giáo chức tỉnh",
    "Ngân hàng Chính sách xã hội chi nhánh tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Ủy ban MTTQ Việt Nam tỉnh",
];
const LOCAL_ORGS: [&str; 5] =
    ["UBND xã", "Hội Cựu chiến binh xã", "Hội Nông dân xã", "Đoàn Thanh niên xã", "Hội Phụ nữ xã"];
const BUSINESS_KIND: [&str; 4] = ["Công ty CP", "Công ty TNHH", "Doanh nghiệp tư nhân", "Hợp tác xã"];
const BUSINESS_NAME: [&str; 10] = [
    "Sao Mai",
    "Trường Sơn",
    "Nhật Lệ",
    "Cửa Việt",
    "Hiền Lương",
    "Phong Nha",
    "Đại Dương",
    "Bến Hải",
    "Hoành Sơn",
    "Thạch Hãn",
];
const SCHOOLS: [&str; 10] = [
    "Trường THPT chuyên Lê Quý Đôn",
    "Trường THPT Đông Hà",
    "Trường THPT Đồng Hới",
    "Trường THCS Nguyễn Trãi",
    "Trường Tiểu học Kim Đồng",
    "Trường THPT Phan Bội Châu",
    "Trường THPT Lê Lợi",
    "Trường THCS Hải Lăng",
    "Trường THPT Ba Đồn",
    "Trường Cao đẳng Sư phạm",
];
const NGOS: [&str; 4] =
    ["Quỹ Hy vọng", "Tổ chức Plan International", "Quỹ Học bổng Vừ A Dính", "Hội Hướng thiện Việt kiều"];
const OTHER: [&str; 3] = ["Nhà hảo tâm giấu tên", "Chùa Hoằng Phúc", "Ban liên lạc cựu học sinh"];

const RESTRICTED: [&str; 3] =
    ["Học bổng học sinh vùng cao", "Xe đạp cho học sinh nghèo", "Giải thưởng học sinh giỏi quốc gia"];

fn person(r: &mut Rng) -> String {
    format!("{} {} {}", r.pick(&FAMILY), r.pick(&MIDDLE), r.pick(&GIVEN))
}

fn donor(r: &mut Rng, i: usize, communes: &[String]) -> Donor {
    let kind = match i % 20 {
        0..=8 => DonorType::Individual,
        9..=11 => DonorType::Organisation,
        12..=15 => DonorType::Business,
        16..=17 => DonorType::EducationStaff,
        18 => DonorType::Ngo,
        _ => DonorType::Other,
    };
    let round = i / 20;
    let commune = r.pick(communes).clone();
    // Each well-known name is used once; later donors of a kind are local bodies.
    let slot = i % 20;
    let name = match kind {
        DonorType::Individual => person(r),
        DonorType::Organisation => match ORGS.get(round * 3 + slot - 9) {
            Some(org) => (*org).to_owned(),
            None => format!("{} {commune}", r.pick(&LOCAL_ORGS)),
        },
        DonorType::Business => {
            let k = round * 4 + slot - 12;
            let name = format!("{} {}", BUSINESS_KIND[k % 4], BUSINESS_NAME[(k / 4) % BUSINESS_NAME.len()]);
            if k < 40 { name } else { format!("{name} {commune}") }
        }
        DonorType::EducationStaff => match SCHOOLS.get(round * 2 + slot - 16) {
            Some(school) => format!("Cán bộ, giáo viên {school}"),
            None => format!("Cán bộ, giáo viên Trường {} {commune}", r.pick(&["Tiểu học", "THCS", "Mầm non"])),
        },
        DonorType::Ngo => match NGOS.get(round) {
            Some(ngo) => (*ngo).to_owned(),
            None => format!("Nhóm thiện nguyện {commune}"),
        },
        DonorType::Other => match OTHER.get(round) {
            Some(other) => (*other).to_owned(),
            None => format!("Ban liên lạc cựu học sinh {commune}"),
        },
    };
    let abroad = kind == DonorType::Ngo || (kind == DonorType::Individual && r.chance(8));
    Donor {
        name,
        kind,
        commune: if abroad { String::new() } else { r.pick(communes).clone() },
        address: if abroad {
            (*r.pick(&["TP Hồ Chí Minh", "Hà Nội", "Đà Nẵng", "Huế"])).to_owned()
        } else {
            String::new()
        },
        contact: format!("09{:08}", r.next() % 100_000_000),
        note: String::new(),
    }
}

fn round_amount(r: &mut Rng, lo: i64, hi: i64, step: i64) -> Vnd {
    let span = ((hi - lo) / step).max(1) as u64;
    Vnd(lo + (r.next() % (span + 1)) as i64 * step)
}

/// Sizes of a generated book.
pub struct Sizes {
    pub first_year: i32,
    pub last_year: i32,
    pub donors: usize,
    pub receipts_per_year: usize,
    /// The last year stops here (the demo runs up to "today").
    pub last_day: NaiveDate,
}

pub fn demo_book() -> Book {
    let last_day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    let mut book =
        generate(&Sizes { first_year: 2021, last_year: 2026, donors: 160, receipts_per_year: 170, last_day }, 7);
    demo_awards(&mut book, &mut Rng(11));
    for (year, target) in [(2025, 1_200_000_000), (2026, 1_500_000_000)] {
        book.settings.campaign_targets.insert(format!("Tiếp sức đến trường {year}"), Vnd(target));
    }
    let communes: Vec<String> = book.communes.iter().step_by(9).map(|c| c.name.clone()).collect();
    generate_learning(&mut book.learning, &communes, 2022..=2026, 12, 13, last_day);
    crate::model::plans::demo::add_demo_plans(&mut book);
    book
}

/// Sets for clans and village communities copied from the family set (their own criteria are
/// unconfirmed), subjects of every model in the given communes, sheets for the years, and
/// decisions for the recognised ones, each titled for its subject's model. `families` per
/// commune sets the scale; nothing is dated after `until` (a year evaluated in November and
/// decided in December has no decision yet before then).
pub fn generate_learning(
    l: &mut Learning,
    communes: &[String],
    years: std::ops::RangeInclusive<i32>,
    families: usize,
    seed: u64,
    until: NaiveDate,
) {
    let mut r = Rng(seed);
    for (model, name) in [
        (ModelKind::Clan, "Dòng họ học tập (mẫu theo QĐ 448, cần bổ sung)"),
        (ModelKind::VillageCommunity, "Cộng đồng học tập cấp thôn (mẫu theo QĐ 448, cần bổ sung)"),
    ] {
        if let Some(family) = l.sets.iter().find(|s| s.model == ModelKind::Family).cloned() {
            let id = l.next_set_id();
            let title = model.title().unwrap_or_default();
            let bands = family.bands.iter().map(|b| Band { name: format!("Đạt {title}"), min: b.min }).collect();
            l.sets.push(CriteriaSet { id, name: name.into(), model, builtin: false, bands, ..family });
        }
    }
    let per_commune = [
        (ModelKind::Family, families),
        (ModelKind::Clan, families / 5 + 1),
        (ModelKind::VillageCommunity, families / 8 + 1),
        (ModelKind::GrassrootsUnit, families / 6 + 1),
        (ModelKind::CommuneCommunity, 1),
    ];
    for commune in communes {
        for (kind, n) in per_commune {
            for k in 0..n {
                let name = match kind {
                    ModelKind::Family => format!("Gia đình {}", person(&mut r)),
                    ModelKind::Clan => format!("Dòng họ {} thôn {}", r.pick(&FAMILY), k + 1),
                    ModelKind::VillageCommunity => format!("Thôn {} xã {commune}", k + 1),
                    ModelKind::GrassrootsUnit => format!(
                        "{} {commune}",
                        r.pick(&["Trường Tiểu học", "Trường THCS", "Trạm Y tế xã", "Hợp tác xã"])
                    ),
                    _ => format!("Xã {commune}"),
                };
                l.subjects.push(Subject {
                    name,
                    kind,
                    commune: commune.clone(),
                    village: format!("Thôn {}", 1 + k % 9),
                    contact: String::new(),
                });
            }
        }
    }
    let sets: Vec<CriteriaSet> = l.sets.clone();
    for year in years {
        let evaluated = NaiveDate::from_ymd_opt(year, 11, 10).filter(|d| *d <= until);
        if evaluated.is_none() {
            continue;
        }
        for (i, s) in l.subjects.iter().enumerate() {
            let Some(set) = sets.iter().rev().find(|x| x.model == s.kind) else { continue };
            if r.chance(15) {
                continue;
            }
            let strong = r.chance(75);
            let values = set
                .items()
                .map(|(_, item)| Value {
                    score: Value::held(if strong {
                        item.max - (r.next() % (item.max as u64 / 5 + 1)) as u32
                    } else {
                        (r.next() % (item.max as u64 + 1)) as u32
                    }),
                    met: strong || r.chance(50),
                    measured: item
                        .threshold
                        .map(|t| Value::held(if strong { t + (r.next() % 8) as u32 } else { t.saturating_sub(5) })),
                })
                .collect();
            l.sheets.push(ScoreSheet {
                subject: i,
                year,
                set: set.id,
                values,
                evidence: Default::default(),
                evaluator: "Ban chỉ đạo xã".into(),
                date: evaluated,
            });
        }
    }
    let recognised: Vec<(usize, i32, String)> = l
        .sheets
        .iter()
        .filter(|sh| NaiveDate::from_ymd_opt(sh.year, 12, 15).is_some_and(|d| d <= until))
        .filter_map(|sh| {
            let set = sets.iter().find(|s| s.id == sh.set)?;
            let kind = l.subjects.get(sh.subject)?.kind;
            Some((sh.subject, sh.year, recognition(kind, set, &evaluate(set, &sh.values))?))
        })
        .collect();
    for (k, (subject, year, result)) in recognised.into_iter().enumerate() {
        let Some(s) = l.subjects.get(subject) else { continue };
        l.decisions.push(Decision {
            subject,
            year,
            number: format!("{}/QĐ-UBND", 100 + k % 800).into(),
            date: NaiveDate::from_ymd_opt(year, 12, 15),
            authority: format!("UBND xã {}", s.commune).into(),
            result: result.into(),
            valid_until: NaiveDate::from_ymd_opt(year + 3, 12, 31),
        });
    }
}

/// Many award lists for benchmarks, written straight into the book.
pub fn generate_awards(book: &mut Book, lists: usize, per_list: usize, seed: u64) {
    let mut r = Rng(seed);
    let communes: Vec<String> = book.communes.iter().map(|c| c.name.clone()).collect();
    for i in 0..lists {
        let year = 2017 + (i % 10) as i32;
        let kind = ListKind::ALL[i % 3];
        let scale = association_example(year);
        book.award_lists.push(AwardList {
            title: format!("Danh sách {} số {}", year, i + 1),
            kind,
            year,
            scale: scale.name.clone(),
            status: ListStatus::Draft,
            awardees: awardees(&mut r, kind, year, per_list, &scale, &communes),
            ..Default::default()
        });
    }
}

/// A province-scale book: about `receipts_per_year × years × 1.1` vouchers.
pub fn generate(scale: &Sizes, seed: u64) -> Book {
    let mut r = Rng(seed);
    let communes = default_communes();
    let names: Vec<String> = communes.iter().map(|c| c.name.clone()).collect();
    let donors: Vec<Donor> = (0..scale.donors).map(|i| donor(&mut r, i, &names)).collect();
    let mut settings = Settings::default();
    let mut drafts: Vec<VoucherDraft> = Vec::new();
    for year in scale.first_year..=scale.last_year {
        let campaign = format!("Tiếp sức đến trường {year}");
        for _ in 0..scale.receipts_per_year {
            let d = r.below(donors.len());
            let who = &donors[d];
            let staff = who.kind == DonorType::EducationStaff;
            let month = if staff || r.chance(30) { 10 } else { 1 + r.below(12) as u32 };
            let day = 1 + r.below(28) as u32;
            let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
                continue;
            };
            let amount = match who.kind {
                DonorType::Individual => round_amount(&mut r, 200_000, 5_000_000, 100_000),
                DonorType::EducationStaff => round_amount(&mut r, 8_000_000, 45_000_000, 500_000),
                DonorType::Business => round_amount(&mut r, 5_000_000, 60_000_000, 1_000_000),
                DonorType::Ngo => round_amount(&mut r, 20_000_000, 90_000_000, 5_000_000),
                _ => round_amount(&mut r, 2_000_000, 20_000_000, 500_000),
            };
            let restricted = matches!(who.kind, DonorType::Business | DonorType::Ngo) && r.chance(40);
            let in_kind = !restricted && who.kind == DonorType::Business && r.chance(15);
            drafts.push(VoucherDraft {
                kind: Kind::Receipt,
                date,
                donor: Some(d),
                counterparty: who.name.as_str().into(),
                description: if in_kind {
                    "Tặng sách, vở và đồ dùng học tập".into()
                } else if staff {
                    format!("Cán bộ, giáo viên đóng góp đợt {campaign}").into()
                } else {
                    "Ủng hộ Quỹ Khuyến học".into()
                },
                amount,
                method: if in_kind {
                    Method::InKind
                } else if r.chance(60) {
                    Method::Bank
                } else {
                    Method::Cash
                },
                campaign: if month == 10 { campaign.as_str().into() } else { Shared::default() },
                purpose: if restricted { (*r.pick(&RESTRICTED)).into() } else { Shared::default() },
                category: Category::Other,
            });
        }
        let cash: i64 = drafts
            .iter()
            .filter(|d| d.kind == Kind::Receipt && d.date.year() == year && d.method != Method::InKind)
            .map(|d| d.amount.0)
            .sum();
        drafts.extend(payments_for_year(&mut r, year, cash, &campaign, &communes));
    }
    // Targets: last year's contributions plus about 8%, rounded to ten million.
    for year in scale.first_year..=scale.last_year {
        let given = |y: i32| -> i64 {
            drafts.iter().filter(|d| d.kind == Kind::Receipt && d.date.year() == y).map(|d| d.amount.0).sum()
        };
        let base = if year == scale.first_year { given(year) } else { given(year - 1) * 108 / 100 };
        settings.targets.insert(year, Vnd(base / 10_000_000 * 10_000_000));
    }
    drafts.retain(|d| d.date <= scale.last_day);
    drafts.sort_by_key(|d| d.date);
    let vouchers = number_and_balance(drafts, &settings, &mut r);
    Book {
        settings,
        communes,
        donors,
        vouchers,
        award_lists: Vec::new(),
        scales: Vec::new(),
        learning: Default::default(),
        plans: Vec::new(),
        calendar: Default::default(),
        closed: Default::default(),
    }
}

const SUBJECTS: [&str; 9] =
    ["Toán", "Ngữ văn", "Tiếng Anh", "Vật lý", "Hóa học", "Sinh học", "Tin học", "Lịch sử", "Địa lý"];
const ETHNIC: [&str; 5] = ["Bru - Vân Kiều", "Pa Kô", "Chứt", "Tà Ôi", "Kinh"];
const CIRCUMSTANCES: [&str; 4] = ["Hộ nghèo", "Mồ côi cha", "Mồ côi cả cha lẫn mẹ", "Khuyết tật"];

/// Students for a list: prize winners or scholarship holders, amounts from the scale.
fn awardees(r: &mut Rng, kind: ListKind, year: i32, n: usize, scale: &Scale, communes: &[String]) -> Vec<Awardee> {
    (0..n)
        .map(|i| {
            let upper = kind == ListKind::Prize || r.chance(50);
            let birth_year = if upper { year - 17 } else { year - 13 };
            let mut a = Awardee {
                name: person(r),
                birth: NaiveDate::from_ymd_opt(birth_year, 1 + r.below(12) as u32, 1 + r.below(28) as u32),
                gender: if r.chance(55) { Gender::Female } else { Gender::Male },
                ethnicity: if kind != ListKind::Prize && r.chance(35) {
                    (*r.pick(&ETHNIC)).into()
                } else {
                    "Kinh".into()
                },
                school: {
                    let fits: Vec<&str> = SCHOOLS.iter().copied().filter(|s| s.contains("THPT") == upper).collect();
                    (*r.pick(&fits)).into()
                },
                class: if upper {
                    format!("12A{}", 1 + r.below(6)).into()
                } else {
                    format!("9{}", 1 + r.below(4)).into()
                },
                school_level: if upper { SchoolLevel::UpperSecondary } else { SchoolLevel::LowerSecondary },
                commune: r.pick(communes).into(),
                ..Default::default()
            };
            if kind == ListKind::Prize {
                a.competition = "Kỳ thi chọn học sinh giỏi quốc gia THPT".into();
                a.level = Level::National;
                a.subject = SUBJECTS[i % SUBJECTS.len()].into();
                a.prize =
                    [Prize::First, Prize::Second, Prize::Third, Prize::Third, Prize::Consolation, Prize::Consolation]
                        [r.below(6)];
            } else {
                a.circumstances = (*r.pick(&CIRCUMSTANCES)).into();
            }
            a.amount = amount_for(scale, kind, &a).unwrap_or(Vnd(1_000_000));
            a
        })
        .collect()
}

/// The demo's award lists: paid, approved, agreed and draft lists of prizes and scholarships.
fn demo_awards(book: &mut Book, r: &mut Rng) {
    let communes: Vec<String> = book.communes.iter().map(|c| c.name.clone()).collect();
    let scales: Vec<Scale> = (2024..=2026).map(association_example).collect();
    let _ = apply(book, Action::Award(AwardAction::SetScales(scales)));
    // Title, kind, year, students, purpose, sponsors, status, payout (month, day, per student).
    type Plan<'a> = (&'a str, ListKind, i32, usize, &'a str, &'a str, ListStatus, Option<(u32, u32, bool)>);
    let plans: [Plan; 6] = [
        (
            "Khen thưởng học sinh đạt giải HSG quốc gia năm học 2023-2024",
            ListKind::Prize,
            2024,
            18,
            "",
            "Công ty CP Sao Mai",
            ListStatus::Paid,
            Some((5, 20, true)),
        ),
        (
            "Học bổng Tiếp sức đến trường 2025",
            ListKind::Scholarship,
            2025,
            40,
            "",
            "Quỹ Hy vọng, Công ty CP Sao Mai",
            ListStatus::Paid,
            Some((10, 2, false)),
        ),
        (
            "Khen thưởng học sinh đạt giải HSG quốc gia năm học 2024-2025",
            ListKind::Prize,
            2025,
            22,
            "",
            "",
            ListStatus::Paid,
            Some((5, 16, true)),
        ),
        (
            "Khen thưởng học sinh đạt giải HSG quốc gia năm học 2025-2026",
            ListKind::Prize,
            2026,
            20,
            "",
            "",
            ListStatus::Approved,
            None,
        ),
        (
            "Học bổng học sinh vùng cao năm 2026",
            ListKind::Scholarship,
            2026,
            16,
            RESTRICTED[0],
            "Quỹ Học bổng Vừ A Dính",
            ListStatus::Agreed,
            None,
        ),
        (
            "Hỗ trợ học sinh vùng lũ năm 2026",
            ListKind::Hardship,
            2026,
            12,
            "",
            "Hội Hướng thiện Việt kiều",
            ListStatus::Draft,
            None,
        ),
    ];
    for (title, kind, year, n, purpose, sponsors, status, pay) in plans {
        let Some(scale) = scales_for(book, year).into_iter().nth(1) else { continue };
        let list = AwardList {
            title: title.into(),
            kind,
            year,
            school_year: format!("{}-{}", year - 1, year),
            campaign: if kind == ListKind::Scholarship {
                format!("Tiếp sức đến trường {year}")
            } else {
                String::new()
            },
            sponsors: sponsors.into(),
            purpose: purpose.into(),
            decision_no: if status >= ListStatus::Approved {
                format!("{}/QĐ-HKH", 20 + r.below(80))
            } else {
                String::new()
            },
            decision_date: if status >= ListStatus::Approved { NaiveDate::from_ymd_opt(year, 4, 25) } else { None },
            ceremony: NaiveDate::from_ymd_opt(year, 10, 2),
            scale: scale.name.clone(),
            awardees: awardees(r, kind, year, n, &scale, &communes),
            ..Default::default()
        };
        let id = book.award_lists.len();
        let _ = apply(book, Action::Award(AwardAction::AddList(Box::new(list))));
        for s in [ListStatus::Agreed, ListStatus::Approved] {
            if status >= s {
                let _ = apply(book, Action::Award(AwardAction::SetStatus { list: id, status: s }));
            }
        }
        if let Some((month, day, per_awardee)) = pay
            && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
        {
            let _ = apply(book, Action::Award(AwardAction::Pay { list: id, per_awardee, date }));
        }
    }
}

/// A year's payments: scholarship and award lists paid to schools and commune associations,
/// support after floods, and a management cost under 5% — about 85% of the year's cash.
fn payments_for_year(
    r: &mut Rng,
    year: i32,
    cash: i64,
    campaign: &str,
    communes: &[crate::model::book::Commune],
) -> Vec<VoucherDraft> {
    let mut out = Vec::new();
    let budget = cash * 85 / 100;
    let mut spent = cash * 3 / 100;
    if let Some(date) = NaiveDate::from_ymd_opt(year, 12, 20) {
        out.push(VoucherDraft {
            kind: Kind::Payment,
            date,
            donor: None,
            counterparty: "Văn phòng Hội Khuyến học tỉnh".into(),
            description: "Chi phí quản lý quỹ (văn phòng phẩm, in ấn, tổng kết)".into(),
            amount: Vnd((cash * 3 / 100 / 1000) * 1000),
            method: Method::Bank,
            campaign: Shared::default(),
            purpose: Shared::default(),
            category: Category::Management,
        });
    }
    while spent < budget {
        let commune = &r.pick(communes).name;
        let (category, month, amount, counterparty, description, purpose) = match r.below(10) {
            0..=5 => {
                let per = *r.pick(&[1_000_000, 2_300_000, 3_459_000, 6_900_000]);
                let n = 10 + r.below(60) as i64;
                let purpose = if r.chance(35) { RESTRICTED[0] } else { "" };
                let month = if r.chance(70) { 10 } else { 9 + r.below(3) as u32 };
                let who = format!("Hội Khuyến học xã {commune}");
                (
                    Category::Scholarship,
                    month,
                    per * n,
                    who,
                    format!("Học bổng cho {n} học sinh có hoàn cảnh khó khăn"),
                    purpose,
                )
            }
            6..=7 => {
                let n = 5 + r.below(35) as i64;
                let per = *r.pick(&[1_000_000, 2_000_000, 3_000_000]);
                let purpose = if r.chance(35) { RESTRICTED[2] } else { "" };
                let who = (*r.pick(&SCHOOLS)).to_owned();
                (Category::Award, 5, per * n, who, format!("Khen thưởng {n} học sinh đạt giải học sinh giỏi"), purpose)
            }
            8 => {
                let n = 10 + r.below(40) as i64;
                let who = format!("Hội Khuyến học xã {commune}");
                let purpose = if r.chance(40) { RESTRICTED[1] } else { "" };
                (Category::Support, 11, n * 1_500_000, who, format!("Tặng {n} xe đạp cho học sinh nghèo"), purpose)
            }
            _ => {
                let who = format!("Hội Khuyến học xã {commune}");
                let amount = 5_000_000 * (1 + r.below(8) as i64);
                (Category::Support, 1 + r.below(12) as u32, amount, who, "Hỗ trợ học sinh vùng lũ".to_owned(), "")
            }
        };
        let Some(date) = NaiveDate::from_ymd_opt(year, month, 1 + r.below(28) as u32) else { continue };
        spent += amount;
        out.push(VoucherDraft {
            kind: Kind::Payment,
            date,
            donor: None,
            counterparty: counterparty.into(),
            description: description.into(),
            amount: Vnd(amount),
            method: if r.chance(80) { Method::Bank } else { Method::Cash },
            campaign: if category == Category::Scholarship { campaign.into() } else { Shared::default() },
            purpose: purpose.into(),
            category,
        });
    }
    out
}

/// Numbers drafts in date order, drops restricted payments the purpose cannot cover, and
/// voids a few vouchers the way real books have them.
fn number_and_balance(drafts: Vec<VoucherDraft>, settings: &Settings, r: &mut Rng) -> Vec<Voucher> {
    let mut seqs: HashMap<(Kind, i32), u32> = HashMap::new();
    let mut purposes: HashMap<String, i64> = HashMap::new();
    let mut out = Vec::with_capacity(drafts.len());
    for d in drafts {
        let cash = if d.method == Method::InKind { 0 } else { d.amount.0 };
        if !d.purpose.is_empty() {
            let held = purposes.entry(d.purpose.to_string()).or_default();
            match d.kind {
                Kind::Receipt => *held += cash,
                Kind::Payment if *held >= cash => *held -= cash,
                Kind::Payment => continue,
            }
        }
        let year = d.date.year();
        let seq = seqs.entry((d.kind, year)).or_default();
        *seq += 1;
        let pattern = if d.kind == Kind::Receipt { &settings.receipt_pattern } else { &settings.payment_pattern };
        let void = (d.purpose.is_empty() && r.chance(1))
            .then(|| Box::new(Void { date: d.date, reason: "Ghi trùng phiếu, đã lập lại".into() }));
        out.push(Voucher { number: format_number(pattern, year, *seq).into(), seq: *seq, body: d, void });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fund::ledger::purpose_balances;

    #[test]
    fn demo_has_every_kind_of_thing() {
        let b = demo_book();
        for t in DonorType::ALL {
            assert!(b.donors.iter().any(|d| d.kind == t), "no donor of type {t:?}");
        }
        assert!(b.vouchers.iter().any(|v| v.body.campaign.starts_with("Tiếp sức đến trường")));
        assert!(b.vouchers.iter().any(|v| v.body.method == Method::InKind));
        assert!(b.vouchers.iter().any(|v| v.void.is_some()));
        for c in [Category::Scholarship, Category::Award, Category::Management] {
            assert!(b.vouchers.iter().any(|v| v.body.category == c && v.body.kind == Kind::Payment));
        }
        assert!(b.vouchers.iter().any(|v| v.body.kind == Kind::Payment && !v.body.purpose.is_empty()));
        assert!(purpose_balances(&b.vouchers).values().all(|v| v.0 >= 0), "restricted purposes stay covered");
        assert_eq!(b, demo_book(), "the demo is the same every time");
        let statuses: Vec<ListStatus> = b.award_lists.iter().map(|l| l.status).collect();
        assert_eq!(
            statuses,
            [
                ListStatus::Paid,
                ListStatus::Paid,
                ListStatus::Paid,
                ListStatus::Approved,
                ListStatus::Agreed,
                ListStatus::Draft
            ],
            "every demo list reached its status"
        );
        assert!(b.award_lists[0].awardees.iter().all(|a| a.voucher.is_some()));
        let years: std::collections::BTreeSet<i32> = b.vouchers.iter().map(|v| v.year()).collect();
        assert!(years.len() >= 5);
    }

    #[test]
    fn demo_records_nothing_after_its_today_and_titles_follow_the_model() {
        let b = demo_book();
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let l = &b.learning;
        assert!(b.vouchers.iter().all(|v| v.body.date <= today), "a voucher dated after today");
        assert!(l.sheets.iter().all(|s| s.date.is_some_and(|d| d <= today)), "a score sheet dated after today");
        assert!(!l.decisions.is_empty());
        for d in &l.decisions {
            assert!(d.date.is_some_and(|x| x <= today), "decision {} dated {:?}", d.number, d.date);
            let kind = l.subjects[d.subject].kind;
            let title = kind.title().unwrap();
            assert!(d.result.starts_with(&format!("Đạt {title}")), "{kind:?} decided as «{}»", d.result);
        }
        for kind in [ModelKind::Clan, ModelKind::VillageCommunity] {
            assert!(l.decisions.iter().any(|d| l.subjects[d.subject].kind == kind), "no decision for {kind:?}");
        }
        for a in &b.award_lists {
            assert!(a.decision_date.is_none_or(|d| d <= today), "list «{}» decided after today", a.title);
        }
        assert!(b.plans.iter().all(|p| p.signed.is_none_or(|d| d <= today)), "a plan signed after today");
    }

    #[test]
    fn province_scale_generator() {
        let last_day = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default();
        let scale = Sizes { first_year: 2017, last_year: 2026, donors: 2_000, receipts_per_year: 800, last_day };
        let b = generate(&scale, 1);
        assert_eq!(b.donors.len(), 2_000);
        assert!(b.vouchers.len() > 8_500, "{}", b.vouchers.len());
    }
}
