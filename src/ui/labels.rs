//! Words for the model's enums and errors, from the translation table.

use crate::i18n::{Lang, T};
use crate::model::action::{ActionError, Field, Label};
use crate::model::date::DateError;
use crate::model::donors::DonorType;
use crate::model::history::LogKind;
use crate::model::import::RowError;
use crate::model::ledger::{Category, Kind, Method};
use crate::model::money::MoneyError;

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
        ActionError::RestrictedShort { purpose, available } => {
            format!("{} {} ({purpose}).", T::ErrRestricted.get(lang), available.display())
        }
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
    }
}

pub fn row_error(e: &RowError) -> (T, String) {
    match e {
        RowError::NoDate => (T::RowErrNoDate, String::new()),
        RowError::BadDate(s) => (T::RowErrBadDate, s.clone()),
        RowError::NoName => (T::RowErrNoName, String::new()),
        RowError::BadAmount(s, _) => (T::RowErrBadAmount, s.clone()),
        RowError::ZeroAmount => (T::RowErrZero, String::new()),
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
        Label::Settings => t(T::LabelSettings),
        Label::Communes => t(T::LabelCommunes),
        Label::ReplaceBook => t(T::LabelReplaceBook),
    }
}

pub fn log_kind(lang: Lang, k: LogKind) -> &'static str {
    match k {
        LogKind::Do => "",
        LogKind::Undo => T::LogUndo.get(lang),
        LogKind::Redo => T::LogRedo.get(lang),
    }
}

/// Log values that are enum names (`Cash`, `Scholarship`, …) read in the user's language.
pub fn log_value(lang: Lang, v: &str) -> String {
    let all_types = DonorType::ALL.map(|t| (format!("{t:?}"), donor_type(t)));
    let all_methods = Method::ALL.map(|m| (format!("{m:?}"), method(m)));
    let all_cats = Category::ALL.map(|c| (format!("{c:?}"), category(c)));
    let kinds = [Kind::Receipt, Kind::Payment].map(|k| (format!("{k:?}"), kind(k)));
    all_types
        .iter()
        .chain(all_methods.iter())
        .chain(all_cats.iter())
        .chain(kinds.iter())
        .find(|(name, _)| name == v)
        .map(|(_, t)| t.get(lang).to_owned())
        .unwrap_or_else(|| match v {
            "true" => T::Yes.get(lang).to_owned(),
            "false" => T::No.get(lang).to_owned(),
            _ => v.to_owned(),
        })
}
