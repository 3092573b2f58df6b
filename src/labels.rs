//! Words for the model's enums and errors, from the translation table.

use crate::i18n::{Lang, T};
use crate::model::awards::{Awardee, Issue, Level, ListKind, ListStatus, Prize, SchoolLevel};
use crate::model::date::DateError;
use crate::model::error::{ActionError, Field};
use crate::model::fund::donors::DonorType;
use crate::model::fund::import::RowError;
use crate::model::fund::ledger::{Category, Fund, Kind, Method};
use crate::model::log::Label;
use crate::model::log::LogKind;
use crate::model::log::LogValue;
use crate::model::money::MoneyError;
use crate::model::plans::{DocKind, DocStatus, Party, TaskStatus};

pub fn donor_type(t: DonorType) -> T {
    match t {
        DonorType::Individual => T::TypeIndividual,
        DonorType::Organisation => T::TypeOrganisation,
        DonorType::Business => T::TypeBusiness,
        DonorType::EducationStaff => T::TypeEducationStaff,
        DonorType::Ngo => T::TypeNgo,
        DonorType::Other => T::TypeOther,
    }
}

pub fn method(m: Method) -> T {
    match m {
        Method::Cash => T::MethodCash,
        Method::Bank => T::MethodBank,
        Method::InKind => T::MethodInKind,
    }
}

pub fn category(c: Category) -> T {
    match c {
        Category::Scholarship => T::CatScholarship,
        Category::Award => T::CatAward,
        Category::Support => T::CatSupport,
        Category::Management => T::CatManagement,
        Category::Other => T::CatOther,
    }
}

pub fn kind(k: Kind) -> T {
    match k {
        Kind::Receipt => T::Receipt,
        Kind::Payment => T::Payment,
    }
}

pub fn status(s: ListStatus) -> T {
    match s {
        ListStatus::Draft => T::StDraft,
        ListStatus::Agreed => T::StAgreed,
        ListStatus::Approved => T::StApproved,
        ListStatus::Paid => T::StPaid,
        ListStatus::Cancelled => T::StCancelled,
    }
}

pub fn list_kind(k: ListKind) -> T {
    match k {
        ListKind::Prize => T::KindPrize,
        ListKind::Scholarship => T::KindScholarship,
        ListKind::Hardship => T::KindHardship,
    }
}

pub fn level(l: Level) -> T {
    match l {
        Level::Provincial => T::LvProvincial,
        Level::Regional => T::LvRegional,
        Level::National => T::LvNational,
        Level::International => T::LvInternational,
    }
}

pub fn prize(p: Prize) -> T {
    match p {
        Prize::None => T::PzNone,
        Prize::First => T::PzFirst,
        Prize::Second => T::PzSecond,
        Prize::Third => T::PzThird,
        Prize::Consolation => T::PzConsolation,
        Prize::Gold => T::PzGold,
        Prize::Silver => T::PzSilver,
        Prize::Bronze => T::PzBronze,
    }
}

pub fn school_level(l: SchoolLevel) -> T {
    match l {
        SchoolLevel::Primary => T::LvPrimary,
        SchoolLevel::LowerSecondary => T::LvLowerSecondary,
        SchoolLevel::UpperSecondary => T::LvUpperSecondary,
        SchoolLevel::University => T::LvUniversity,
        SchoolLevel::Other => T::LvOther,
    }
}

/// "Giải Nhì Toán, HSG quốc gia (Quốc gia)": what the student achieved, in one line.
pub fn achievement(lang: Lang, a: &Awardee) -> String {
    if a.prize == Prize::None {
        return a.circumstances.to_string();
    }
    let mut s = format!("{} {}", T::Prize.get(lang), prize(a.prize).get(lang));
    if !a.subject.is_empty() {
        s.push_str(&format!(" {}", a.subject));
    }
    if !a.competition.is_empty() {
        s.push_str(&format!(", {}", a.competition));
    }
    s
}

pub fn issue(lang: Lang, i: &Issue) -> String {
    let row = |n: usize| format!("{} {}", T::Line.get(lang), n + 1);
    match i {
        Issue::MissingName(n) => format!("{}: {}", row(*n), T::IssueMissingName.get(lang)),
        Issue::MissingBirth(n) => format!("{}: {}", row(*n), T::IssueMissingBirth.get(lang)),
        Issue::MissingSchool(n) => format!("{}: {}", row(*n), T::IssueMissingSchool.get(lang)),
        Issue::ZeroAmount(n) => format!("{}: {}", row(*n), T::IssueZero.get(lang)),
        Issue::Duplicate(a, b) => format!("{}: {} {}", row(*b), T::IssueDuplicate.get(lang), a + 1),
        Issue::DuplicateElsewhere(n, title) => format!("{}: {} «{title}»", row(*n), T::IssueElsewhere.get(lang)),
        Issue::OverBudget { total, available } => {
            format!("{} {} > {}", T::IssueBudget.get(lang), total.display(), available.display())
        }
    }
}

/// When something is due, `days` from today: "quá 3 ngày", "hôm nay", "ngày mai", "còn 5 ngày".
pub fn due_in(lang: Lang, days: i64) -> String {
    match days {
        ..0 => T::DaysLate.get(lang).replace("{n}", &(-days).to_string()),
        0 => T::DueToday.get(lang).to_owned(),
        1 => T::DueTomorrow.get(lang).to_owned(),
        _ => T::InDays.get(lang).replace("{n}", &days.to_string()),
    }
}

pub fn model(m: crate::model::learning::ModelKind) -> T {
    use crate::model::learning::ModelKind::*;
    match m {
        Family => T::MFamily,
        Clan => T::MClan,
        VillageCommunity => T::MVillage,
        GrassrootsUnit => T::MGrassrootsUnit,
        CommuneCommunity => T::MCommune,
        ProvincialUnit => T::MProvincialUnit,
        Custom => T::MCustom,
    }
}

pub fn mark(m: crate::model::learning::Mark) -> T {
    use crate::model::learning::Mark::*;
    match m {
        Both => T::MarkBoth,
        Level1 => T::MarkL1,
        Level2 => T::MarkL2,
    }
}

/// "Tốt (87/100)", "Mức độ 1", "Chưa đạt".
pub fn outcome(lang: Lang, set: &crate::model::learning::CriteriaSet, o: &crate::model::learning::Outcome) -> String {
    match set.scheme {
        crate::model::learning::Scheme::Points => {
            let band = o.band.clone().unwrap_or_else(|| T::NotReached.get(lang).to_owned());
            format!("{band} ({}/{})", o.total, o.max)
        }
        crate::model::learning::Scheme::Levels => match o.level {
            2 => T::MarkL2.get(lang).to_owned(),
            1 => T::MarkL1.get(lang).to_owned(),
            _ => T::NotRecognised.get(lang).to_owned(),
        },
    }
}

pub fn money_error(e: &MoneyError) -> T {
    match e {
        MoneyError::Empty => T::ErrAmountEmpty,
        MoneyError::NotANumber => T::ErrAmountNotNumber,
        MoneyError::Negative => T::ErrAmountNegative,
        MoneyError::Fraction => T::ErrAmountFraction,
        MoneyError::TooLarge => T::ErrAmountTooLarge,
    }
}

pub fn date_error(e: &DateError) -> T {
    match e {
        DateError::Empty => T::ErrDateEmpty,
        DateError::Format => T::ErrDateFormat,
        DateError::Impossible => T::ErrDateImpossible,
    }
}

pub fn action_error(lang: Lang, e: &ActionError) -> String {
    let t = |t: T| t.get(lang).to_owned();
    match e {
        ActionError::EmptyName => t(T::ErrName),
        ActionError::EmptyCounterparty => t(T::ErrCounterparty),
        ActionError::ZeroAmount => t(T::ErrAmountZero),
        ActionError::TooLarge => t(T::ErrAmountTooLarge),
        ActionError::ChecksBroken { fund, balance } => {
            T::ErrChecksBroken.get(lang).replace("{part}", &fund_part(lang, fund)).replace("{now}", &balance.display())
        }
        ActionError::FundShort { fund, available, after } => {
            let part = fund_part(lang, fund);
            T::ErrShort
                .get(lang)
                .replace("{part}", &part)
                .replace("{now}", &available.display())
                .replace("{after}", &after.display())
        }
        ActionError::TooLong { field, max } => {
            let name = field.map(|f| self::field(f).get(lang)).unwrap_or(T::ErrTextField.get(lang));
            T::ErrTooLong
                .get(lang)
                .replace("{field}", name)
                .replace("{max}", &crate::model::money::Vnd(*max as i64).grouped())
        }
        ActionError::ClosedFigures(y) => T::ErrClosedFigures.get(lang).replace("{y}", &y.to_string()),
        ActionError::HasPayments => t(T::ErrHasPayments),
        ActionError::Stale => t(T::ErrStale),
        ActionError::NoSuchVoucher => t(T::ErrNoSuchVoucher),
        ActionError::NoSuchDonor => t(T::ErrNoSuchDonor),
        ActionError::AlreadyVoid => t(T::ErrAlreadyVoid),
        ActionError::EmptyReason => t(T::ErrReason),
        ActionError::VoidBeforeIssue => t(T::ErrVoidBefore),
        ActionError::EditVoided => t(T::ErrEditVoided),
        ActionError::YearChange => t(T::ErrYearChange),
        ActionError::KindChange => t(T::ErrKindChange),
        ActionError::BadPattern => t(T::ErrPattern),
        ActionError::NothingToImport => t(T::ErrNothing),
        ActionError::DuplicateCommune(n) => format!("{} {n}", T::ErrDuplicateCommune.get(lang)),
        ActionError::EmptyTitle => t(T::ErrTitle),
        ActionError::NoSuchList => t(T::ErrNoSuchList),
        ActionError::NoSuchAwardee => t(T::ErrNoSuchAwardee),
        ActionError::Frozen => t(T::ErrFrozen),
        ActionError::BadStatus => t(T::ErrBadStatus),
        ActionError::ChecksFailed(n) => format!("{} {n}", T::ErrChecks.get(lang)),
        ActionError::NotApproved => t(T::ErrNotApproved),
        ActionError::NothingToPay => t(T::ErrNothingToPay),
        ActionError::LinkedToList => t(T::ErrLinked),
        ActionError::EmptySet => t(T::ErrEmptySet),
        ActionError::NoSuchSet => t(T::ErrNoSuchSet),
        ActionError::NoSuchSubject => t(T::ErrNoSuchSubject),
        ActionError::NoSuchDoc => t(T::ErrNoSuchDoc),
        ActionError::NoSuchTask => t(T::ErrNoSuchTask),
        ActionError::NoSuchEvent => t(T::ErrNoSuchEvent),
        ActionError::BadPeriod => t(T::ErrPeriod),
        ActionError::DueBeforeStart => t(T::ErrDueBeforeStart),
        ActionError::BadEvent(what) => t(match *what {
            "title" => T::ErrEventTitle,
            "days" => T::ErrEventDays,
            _ => T::ErrEventDate,
        }),
        ActionError::YearClosed(y) => T::ErrYearClosed.get(lang).replace("{y}", &y.to_string()),
        ActionError::AlreadyClosed(_) => t(T::ErrAlreadyClosed),
        ActionError::NotClosed(_) => t(T::ErrNotClosed),
        ActionError::YearNotOver(_) => t(T::ErrYearNotOver),
    }
}

fn fund_part(lang: Lang, fund: &Fund) -> String {
    match fund {
        Fund::Purpose(p) => T::ErrShortPurpose.get(lang).replace("{p}", p),
        Fund::Unrestricted => T::ErrShortGeneral.get(lang).to_owned(),
        Fund::Total => T::ErrShortTotal.get(lang).to_owned(),
    }
}

/// Why a spreadsheet could not be read, in the user's words.
pub fn read_error(lang: Lang, e: &crate::io::table::ReadError) -> String {
    use crate::io::table::{MAX_CELLS, MAX_COLS, MAX_FILE, MAX_ROWS, ReadError as R};
    let n = |v: u64| crate::model::money::Vnd(v as i64).grouped();
    match e {
        R::NotFound => T::ErrFileMissing.get(lang).to_owned(),
        R::Denied => T::ErrFileDenied.get(lang).to_owned(),
        R::Folder => T::ErrFileFolder.get(lang).to_owned(),
        // The system's own words stay for whoever has to look closer, after ours.
        R::Io(why) => format!("{} ({why})", T::ErrFileIo.get(lang)),
        R::TooBig(size) => {
            T::ErrFileTooBig.get(lang).replace("{mb}", &n(size / 1_048_576)).replace("{max}", &n(MAX_FILE / 1_048_576))
        }
        R::NotUtf8 => T::ErrNotUtf8.get(lang).to_owned(),
        R::Damaged(_) => T::ErrDamagedSheet.get(lang).to_owned(),
        R::TooLarge { sheet, cell } => T::ErrSheetTooLarge
            .get(lang)
            .replace("{sheet}", sheet)
            .replace("{cell}", cell)
            .replace("{rows}", &n(MAX_ROWS as u64))
            .replace("{cols}", &n(MAX_COLS as u64))
            .replace("{cells}", &n(MAX_CELLS as u64)),
        R::Empty => T::ErrNothing.get(lang).to_owned(),
    }
}

/// A void's reason as the user reads it: the undo's own reason in the user's language.
pub fn void_reason(lang: Lang, reason: &str) -> String {
    if reason == crate::model::fund::ledger::UNDO_REASON {
        T::UndoneReason.get(lang).to_owned()
    } else {
        reason.to_owned()
    }
}

pub fn row_error(e: &RowError) -> (T, String) {
    match e {
        RowError::NoDate => (T::RowErrNoDate, String::new()),
        RowError::BadDate(s) => (T::RowErrBadDate, s.clone()),
        RowError::NoName => (T::RowErrNoName, String::new()),
        RowError::BadAmount(s, _) => (T::RowErrBadAmount, s.clone()),
        RowError::ZeroAmount => (T::RowErrZero, String::new()),
        RowError::TooLong => (T::RowErrTooLong, String::new()),
    }
}

pub fn field(f: Field) -> T {
    match f {
        Field::Number => T::FieldNumber,
        Field::Kind => T::VoucherKind,
        Field::Date => T::Date,
        Field::Donor => T::Donor,
        Field::Counterparty => T::Counterparty,
        Field::Description => T::Description,
        Field::Amount => T::Amount,
        Field::Method => T::Method,
        Field::Campaign => T::Campaign,
        Field::Purpose => T::Purpose,
        Field::Category => T::Category,
        Field::Void => T::FieldVoid,
        Field::Name => T::Name,
        Field::DonorType => T::DonorTypeCol,
        Field::Commune => T::Commune,
        Field::Address => T::Address,
        Field::Contact => T::Contact,
        Field::Note => T::Note,
        Field::Target => T::Target,
        Field::Pattern => T::FieldPattern,
        Field::Checks => T::FieldChecks,
        Field::OrgName => T::FieldOrgName,
        Field::Count => T::FieldCount,
        Field::Status => T::FieldStatus,
        Field::Reason => T::FieldReason,
        Field::Awardees => T::FieldAwardees,
        Field::Scale => T::FieldScale,
        Field::Title => T::FieldTitle,
        Field::Score => T::FieldScore,
        Field::Period => T::FieldPeriod,
        Field::Progress => T::FieldProgress,
        Field::Closed => T::FieldClosed,
    }
}

pub fn label(lang: Lang, l: &Label) -> String {
    let t = |t: T| t.get(lang).to_owned();
    match l {
        Label::AddDonor => t(T::LabelAddDonor),
        Label::EditDonor => t(T::LabelEditDonor),
        Label::IssueReceipt => t(T::LabelIssueReceipt),
        Label::IssuePayment => t(T::LabelIssuePayment),
        Label::EditVoucher => t(T::LabelEditVoucher),
        Label::VoidVoucher => t(T::LabelVoid),
        Label::Import(n) => format!("{} ({n})", T::LabelImport.get(lang)),
        Label::SetTarget(y) => format!("{} {y}", T::LabelTarget.get(lang)),
        Label::SetCampaignTarget(c) => format!("{} «{c}»", T::LabelCampaignTarget.get(lang)),
        Label::Settings => t(T::LabelSettings),
        Label::Communes => t(T::LabelCommunes),
        Label::ReplaceBook => t(T::LabelReplaceBook),
        Label::AddList => t(T::LabelAddList),
        Label::EditList => t(T::LabelEditList),
        Label::Awardee => t(T::LabelAwardee),
        Label::ImportAwardees(n) => format!("{} ({n})", T::LabelImportAwardees.get(lang)),
        Label::ListStatus => t(T::LabelListStatus),
        Label::Reopen => t(T::LabelReopen),
        Label::PayList => t(T::LabelPayList),
        Label::Scales => t(T::LabelScales),
        Label::CriteriaSet => t(T::LabelCriteriaSet),
        Label::LearningSubject => t(T::LabelLearningSubject),
        Label::ScoreSheets(n) => format!("{} ({n})", T::LabelScoreSheets.get(lang)),
        Label::Recognition => t(T::LabelRecognition),
        Label::LearningTargets => t(T::LabelLearningTargets),
        Label::Document => t(T::LabelDocument),
        Label::CopyPlan => t(T::LabelCopyPlan),
        Label::Task => t(T::LabelTask),
        Label::Event => t(T::LabelEvent),
        Label::CloseYear(y) => format!("{} {y}", T::LabelCloseYear.get(lang)),
        Label::ReopenYear { year, reason } => format!("{} {year}: {reason}", T::LabelReopenYear.get(lang)),
    }
}

pub fn log_kind(lang: Lang, k: LogKind) -> &'static str {
    match k {
        LogKind::Do => "",
        LogKind::Undo => T::LogUndo.get(lang),
        LogKind::Redo => T::LogRedo.get(lang),
    }
}

/// A log value in the user's language.
pub fn log_value(lang: Lang, v: &LogValue) -> String {
    let t = match v {
        LogValue::Text(s) => return s.clone(),
        LogValue::Targets(t) => {
            return t
                .iter()
                .map(|(m, p)| format!("{} {}", model(*m).get(lang), lang.percent(f64::from(*p))))
                .collect::<Vec<_>>()
                .join(", ");
        }
        LogValue::Kind(k) => kind(*k),
        LogValue::Method(m) => method(*m),
        LogValue::Category(c) => category(*c),
        LogValue::DonorType(d) => donor_type(*d),
        LogValue::ListStatus(s) => status(*s),
        LogValue::DocStatus(s) => doc_status(*s),
        LogValue::Flag(true) => T::Yes,
        LogValue::Flag(false) => T::No,
    };
    t.get(lang).to_owned()
}

pub fn doc_kind(k: DocKind) -> T {
    match k {
        DocKind::Plan => T::DocPlan,
        DocKind::Programme => T::DocProgramme,
        DocKind::Decision => T::DocDecision,
        DocKind::Guidance => T::DocGuidance,
        DocKind::Other => T::DocOther,
    }
}

pub fn doc_status(s: DocStatus) -> T {
    match s {
        DocStatus::Draft => T::DsDraft,
        DocStatus::InForce => T::DsInForce,
        DocStatus::Completed => T::DsCompleted,
        DocStatus::Superseded => T::DsSuperseded,
    }
}

pub fn party(p: Party) -> T {
    match p {
        Party::Department => T::PDepartment,
        Party::Association => T::PAssociation,
        Party::Both => T::PBoth,
        Party::Commune => T::PCommune,
        Party::Other => T::POther,
    }
}

pub fn task_status(s: TaskStatus) -> T {
    match s {
        TaskStatus::NotStarted => T::TsNotStarted,
        TaskStatus::InProgress => T::TsInProgress,
        TaskStatus::Done => T::TsDone,
        TaskStatus::Cancelled => T::TsCancelled,
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::model::learning::ModelKind;

    #[test]
    fn due_days_in_a_coordinators_words() {
        let said: Vec<String> = [-3, 0, 1, 5].into_iter().map(|d| super::due_in(Lang::Vi, d)).collect();
        assert_eq!(said, ["quá 3 ngày", "hôm nay", "ngày mai", "còn 5 ngày"]);
        assert_eq!(super::due_in(Lang::En, 0), "today");
    }

    #[test]
    fn model_names_on_screen_are_the_titles_decisions_grant() {
        for kind in ModelKind::ALL {
            if let Some(title) = kind.title() {
                assert_eq!(super::model(kind).get(Lang::Vi), title);
            }
        }
    }
}
