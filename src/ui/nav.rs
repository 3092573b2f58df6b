//! Where the user can be sent: any tab emits a `Nav` through its context, and the window
//! opens the tab that takes it. No tab reaches into another.

use crate::model::fund::ledger::Kind;
use crate::model::plans::TaskRef;

#[derive(Clone, Debug, PartialEq)]
pub enum Nav {
    /// The fund's ledger, unfiltered.
    Ledger,
    /// The ledger filtered to one campaign.
    Campaign(String),
    /// The ledger with the cursor in its search box (Ctrl+F).
    Search,
    /// A new receipt or payment form (Ctrl+N, Ctrl+Shift+N).
    NewVoucher(Kind),
    FundCharts,
    /// The cooperation documents.
    Documents,
    /// A task of a document, highlighted.
    Task(TaskRef),
    Calendar,
    Awards,
    /// An award list, by its place in the book.
    List(usize),
    /// A student of an award list (the list's place, the student's place in it), shown
    /// highlighted.
    Student(usize, usize),
    /// A voucher, selected in the ledger and scrolled to (the filters cleared to show it).
    Voucher(usize),
    /// The learning roll-up of a year.
    Learning(i32),
}
