//! Every string the window shows, in Vietnamese and English, in one table. The compiler
//! checks that each key has both; a test checks none is empty.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// A decimal number with one digit after the separator: "7,3" in Vietnamese, "7.3" in
    /// English ("7" when the digit is 0).
    pub fn decimal(self, x: f64) -> String {
        let mut s = format!("{x:.1}");
        if s.ends_with(".0") {
            s.truncate(s.len() - 2);
        }
        match self {
            Lang::Vi => s.replace('.', ","),
            Lang::En => s,
        }
    }

    /// A decimal number with `places` digits after the separator, kept even when zero.
    pub fn fixed(self, x: f64, places: usize) -> String {
        let s = format!("{x:.places$}");
        match self {
            Lang::Vi => s.replace('.', ","),
            Lang::En => s,
        }
    }

    /// A short amount for chart axes and tooltips: "12,5 tr đ", "3 tỷ đ", "850 k đ" in
    /// Vietnamese, "12.5m ₫", "3bn ₫", "850k ₫" in English.
    pub fn short_money(self, v: f64) -> String {
        let a = v.abs();
        let (scaled, unit) = match (a, self) {
            (1e9.., Lang::Vi) => (v / 1e9, " tỷ đ"),
            (1e6.., Lang::Vi) => (v / 1e6, " tr đ"),
            (1e3.., Lang::Vi) => (v / 1e3, " k đ"),
            (_, Lang::Vi) => (v, " đ"),
            (1e9.., Lang::En) => (v / 1e9, "bn ₫"),
            (1e6.., Lang::En) => (v / 1e6, "m ₫"),
            (1e3.., Lang::En) => (v / 1e3, "k ₫"),
            (_, Lang::En) => (v, " ₫"),
        };
        format!("{}{unit}", self.decimal(scaled))
    }

    /// A share as a percentage: "7,3 %" in Vietnamese (a space before the sign, as TCVN
    /// writes it), "7.3%" in English.
    pub fn percent(self, x: f64) -> String {
        self.per_cent(self.decimal(x))
    }

    /// A percentage with `places` decimals kept ("5,04 %", "5.00%").
    pub fn percent_fixed(self, x: f64, places: usize) -> String {
        self.per_cent(self.fixed(x, places))
    }

    fn per_cent(self, number: String) -> String {
        match self {
            Lang::Vi => format!("{number} %"),
            Lang::En => format!("{number}%"),
        }
    }
}

macro_rules! texts {
    ($($key:ident => $vi:expr, $en:expr;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }
        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),*];
            pub const MONTHS: [T; 12] =
                [T::M1, T::M2, T::M3, T::M4, T::M5, T::M6, T::M7, T::M8, T::M9, T::M10, T::M11, T::M12];
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Vi) => $vi, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    AppTitle => "Sổ Khuyến học", "Study Promotion Book";
    TabFund => "Quỹ khuyến học", "Study-promotion fund";
    ViewLedger => "Sổ thu chi", "Ledger";
    ViewCharts => "Biểu đồ", "Charts";
    ViewDonors => "Nhà tài trợ", "Donors";
    ViewBalances => "Số dư", "Balances";
    Undo => "Hoàn tác", "Undo";
    Redo => "Làm lại", "Redo";
    Undone => "Đã hoàn tác", "Undone";
    Redone => "Đã làm lại", "Redone";
    NothingToUndo => "Không có gì để hoàn tác", "Nothing to undo";
    NothingToRedo => "Không có gì để làm lại", "Nothing to redo";
    ChangeLog => "Nhật ký thay đổi", "Change log";
    Language => "Ngôn ngữ", "Language";
    Vietnamese => "Tiếng Việt", "Vietnamese";
    English => "English", "English";
    Theme => "Giao diện", "Theme";
    ThemeSystem => "Theo máy", "As the desktop";
    ThemeLight => "Sáng", "Light";
    ThemeDark => "Tối", "Dark";
    MenuFile => "Tệp", "File";
    ExportBook => "Xuất toàn bộ sổ…", "Export the whole book…";
    ImportBook => "Nhập toàn bộ sổ…", "Import a whole book…";
    NewBook => "Bắt đầu sổ trống", "Start an empty book";
    NewBookHint => "Hỏi trước, giữ một bản sao của sổ hiện tại; giữ tên đơn vị, mẫu số phiếu và danh sách xã. Có thể hoàn tác.", "Asks first and keeps a copy of the current book; keeps the organisation, number patterns and communes. Can be undone.";
    YearTotals => "Tổng theo năm", "Totals per year";
    OpenDataFolder => "Thư mục dữ liệu", "Data folder";
    Settings => "Cài đặt…", "Settings…";
    Close => "Đóng", "Close";
    Cancel => "Hủy", "Cancel";
    Save => "Lưu", "Save";
    Saved => "Đã lưu lúc", "Saved at";
    Saving => "Đang lưu…", "Saving…";
    SaveFailed => "Không lưu được", "Could not save";
    ReadOnly => "Chỉ đọc", "Read-only";
    Yes => "Có", "Yes";
    No => "Không", "No";
    All => "Tất cả", "All";
    // First run and recovery
    FirstRunTitle => "Chào mừng đến với Sổ Khuyến học", "Welcome to the Study Promotion Book";
    FirstRunText => "Chọn cách bắt đầu: sổ trống, sổ mẫu, hoặc một sổ đã có (tệp .ron xuất từ máy khác hay bản sao lưu).", "Choose how to start: an empty book, the demo book, or a book you have (a .ron file exported from another computer, or a backup).";
    StartEmpty => "Bắt đầu sổ trống", "Start an empty book";
    StartFromFile => "Mở sổ từ tệp…", "Open a book from a file…";
    FirstImportText => "Sổ trong tệp sẽ trở thành sổ của máy này.", "The book in the file becomes this computer's book.";
    Quit => "Thoát", "Quit";
    UseBook => "Dùng sổ này", "Use this book";
    TitleSaved => "đã lưu", "saved";
    TitleUnsaved => "chưa lưu", "not saved";
    TitleNoBook => "chưa mở sổ", "no book open";
    StartDemo => "Mở sổ mẫu để tìm hiểu", "Open a demo book to explore";
    CorruptTitle => "Tệp dữ liệu bị hỏng", "The data file is damaged";
    CorruptText => "Tệp sổ không đọc được nên đã được cất sang một bên, không bị ghi đè:", "The book file could not be read. It was moved aside and will not be overwritten:";
    CorruptOffer => "Mở bản sao lưu tốt gần nhất", "Open the newest good backup";
    NoBackup => "Không tìm thấy bản sao lưu nào đọc được.", "No readable backup was found.";
    NewerText => "Sổ này do phiên bản mới hơn của chương trình ghi (phiên bản dữ liệu", "A newer version of the program wrote this book (data version";
    NewerText2 => "). Sổ được mở ở chế độ chỉ đọc để không làm mất dữ liệu; hãy cập nhật chương trình.", "). It is open read-only so nothing is lost; please update the program.";
    UnreadableTitle => "Không đọc được tệp sổ", "The book file cannot be read";
    // Ledger
    NewReceipt => "Phiếu thu mới", "New receipt";
    NewPayment => "Phiếu chi mới", "New payment";
    ImportReceipts => "Nhập phiếu thu từ tệp…", "Import receipts from a file…";
    ExportView => "Xuất bảng đang xem", "Export this view";
    ExportDonors => "Xuất danh sách nhà tài trợ", "Export the donor list";
    Search => "Tìm kiếm", "Search";
    SearchDocs => "Tìm văn bản", "Search documents";
    SearchDocsHint => "số hiệu, trích yếu, nhiệm vụ…", "number, title, tasks…";
    NoDocMatch => "Không có văn bản nào khớp.", "No document matches.";
    SearchHint => "tên, nội dung, số phiếu (không cần dấu)", "names, descriptions, numbers (accents optional)";
    Year => "Năm", "Year";
    DonorTypeCol => "Loại nhà tài trợ", "Donor type";
    Campaign => "Đợt vận động", "Campaign";
    ViewCampaigns => "Các đợt vận động", "Campaigns";
    CampaignPeriod => "Thời gian nhận", "Received";
    ReceiptCount => "Số phiếu thu", "Receipts";
    Reached => "Đạt", "Reached";
    RemoveTarget => "Bỏ chỉ tiêu", "Remove the target";
    CampaignsNote => "Mỗi đợt vận động gồm các phiếu thu còn hiệu lực ghi tên đợt đó; hiện vật tính theo giá trị ghi trên phiếu. Bấm tên đợt để xem các phiếu trong sổ thu chi; chọn một dòng để đặt chỉ tiêu.", "A campaign is the live receipts that name it; gifts in kind count at the value written on the receipt. Click a campaign to see its receipts in the ledger; pick a row to set its target.";
    NoCampaigns => "Chưa có phiếu thu nào ghi đợt vận động.", "No receipt names a campaign yet.";
    TargetOf => "Chỉ tiêu của đợt", "Target of the campaign";
    TargetHint => "vd. 1,5 tỷ hoặc 150tr", "e.g. 1,5 tỷ or 150tr";
    Purpose => "Mục đích", "Purpose";
    GeneralFund => "Quỹ chung", "General fund";
    VoucherKind => "Loại phiếu", "Voucher kind";
    Receipt => "Phiếu thu", "Receipt";
    Payment => "Phiếu chi", "Payment";
    ShowVoid => "Hiện phiếu đã hủy", "Show voided";
    ClearFilters => "Bỏ lọc", "Clear filters";
    Number => "Số phiếu", "Number";
    Date => "Ngày", "Date";
    Counterparty => "Người nộp / nhận", "Payer / payee";
    Description => "Nội dung", "Description";
    Amount => "Số tiền", "Amount";
    Method => "Hình thức", "Method";
    Category => "Khoản chi", "Payment category";
    Status => "Trạng thái", "Status";
    Voided => "Đã hủy", "Voided";
    EarlierOpen => "Các năm trước còn chưa khóa sổ: {years}. Thường khóa sổ theo thứ tự từng năm.", "Earlier years are still open: {years}. Years are usually closed in order.";
    CloseNoUndo => "Khóa sổ không hoàn tác được (cả các thao tác trước đó); muốn sửa thì mở khóa năm, có ghi lý do.", "Closing cannot be undone (nor anything before it); to change the year, reopen it with a reason.";
    UndoneReason => "Hoàn tác", "Undone";
    Rows => "dòng", "rows";
    CashIn => "Thu bằng tiền", "Cash received";
    InKindIn => "Hiện vật", "In kind";
    CashOut => "Chi bằng tiền", "Cash paid";
    NetCash => "Thu − chi bằng tiền", "Cash in − out";
    NetCashHint => "Bằng số dư quỹ khi xem mọi phiếu. Hiện vật có giá trị nhưng không làm đổi số dư tiền.", "Equals the fund's balance when every voucher is shown. Gifts in kind have a value but do not change the cash balance.";
    Contributions => "Tổng đóng góp", "Contributions";
    ContributionsHint => "Tổng đóng góp = thu bằng tiền + hiện vật.", "Contributions = cash received + in kind.";
    Balance => "Số dư quỹ", "Fund balance";
    EmptyLedger => "Chưa có phiếu nào. Bấm \"Phiếu thu mới\" để bắt đầu.", "No vouchers yet. Press \"New receipt\" to start.";
    NoMatch => "Không có phiếu nào khớp bộ lọc.", "No voucher matches the filters.";
    Edit => "Sửa", "Edit";
    VoidAction => "Hủy phiếu", "Void";
    MethodCash => "Tiền mặt", "Cash";
    MethodBank => "Chuyển khoản", "Bank transfer";
    MethodInKind => "Hiện vật", "In kind";
    CatScholarship => "Học bổng", "Scholarship";
    CatAward => "Khen thưởng", "Award";
    CatSupport => "Hỗ trợ", "Support";
    CatManagement => "Chi phí quản lý", "Management cost";
    CatOther => "Khác", "Other";
    TypeIndividual => "Cá nhân", "Individual";
    TypeOrganisation => "Cơ quan, tổ chức", "Organisation or agency";
    TypeBusiness => "Doanh nghiệp", "Business";
    TypeEducationStaff => "Tập thể CB-GV ngành giáo dục", "Education-staff collective";
    TypeNgo => "Tổ chức phi chính phủ, nước ngoài", "NGO or foreign";
    TypeOther => "Khác", "Other";
    // Voucher form
    FormNewReceipt => "Lập phiếu thu", "New receipt";
    FormNewPayment => "Lập phiếu chi", "New payment";
    FormEdit => "Sửa phiếu", "Edit voucher";
    NumberAuto => "Số phiếu được cấp tự động khi lưu:", "The number is assigned when saved:";
    Donor => "Nhà tài trợ", "Donor";
    NoDonor => "(không gắn nhà tài trợ)", "(no donor)";
    AddDonorFromForm => "Thêm nhà tài trợ mới", "Add as a new donor";
    LinkDonor => "Gắn với nhà tài trợ", "Link to the donor";
    DonorFromPayer => "Người nộp chưa là nhà tài trợ:", "The payer is not yet a donor:";
    AmountHint => "vd. 1.250.000 hoặc 1,25tr hoặc 500k", "e.g. 1.250.000 or 1,25tr or 500k";
    Restricted => "Theo chỉ định của nhà tài trợ", "As the donor asked";
    PurposeHint => "để trống nếu vào quỹ chung", "leave empty for the general fund";
    Available => "còn", "available";
    // Errors
    ErrAmountEmpty => "Nhập số tiền.", "Enter an amount.";
    ErrAmountNotNumber => "Số tiền không hợp lệ. Ví dụ: 1.250.000, 1,25tr, 500k.", "Not an amount. Examples: 1.250.000, 1,25tr, 500k.";
    ErrAmountNegative => "Số tiền không được âm.", "The amount cannot be negative.";
    ErrAmountFraction => "Tiền đồng không có số lẻ.", "Đồng amounts have no fractions.";
    ErrAmountTooLarge => "Số tiền quá lớn (tối đa 1.000 tỷ đồng).", "The amount is too large (at most 1,000 billion đồng).";
    ErrAmountZero => "Số tiền phải lớn hơn 0.", "The amount must be above zero.";
    ErrDateEmpty => "Nhập ngày.", "Enter a date.";
    ErrDateFormat => "Ngày phải có dạng dd/mm/yyyy.", "Dates are written dd/mm/yyyy.";
    ErrDateImpossible => "Ngày này không có trong lịch.", "That date does not exist.";
    ErrCounterparty => "Nhập người nộp hoặc người nhận.", "Enter who paid or received.";
    ErrName => "Nhập tên.", "Enter a name.";
    ErrShort => "{part} hiện còn {now}; sau thao tác này sẽ là {after}. Không được chi quá số tiền đang có.", "{part} holds {now}; after this it would hold {after}. Money cannot be spent twice.";
    ErrChecksBroken => "Chưa bật được kiểm tra theo NĐ 93: {part} đang là {now}. Sửa hoặc hủy các phiếu chi liên quan trước.", "The NĐ 93 checks cannot be turned on: {part} stands at {now}. Correct or void the payments concerned first.";
    ErrShortPurpose => "Khoản ủng hộ có mục đích «{p}»", "Money earmarked for «{p}»";
    ErrShortGeneral => "Phần quỹ không gắn mục đích (tiền có mục đích chỉ được chi đúng mục đích)", "The part of the fund given without a purpose (earmarked money pays only its purpose)";
    ErrShortTotal => "Quỹ", "The fund";
    ErrTooLong => "{field}: quá dài, tối đa {max} ký tự.", "{field}: too long, at most {max} characters.";
    ErrTextField => "Một ô chữ", "A text";
    ErrClosedFigures => "Thay đổi này làm khác số liệu của năm {y} đã khóa sổ (tên hoặc loại nhà tài trợ có phiếu năm đó, thang mức, mục tiêu, đối tượng đã được đánh giá). Mở khóa năm {y} (có ghi lý do) trước.", "This would change what the closed year {y} reports (the name or type of a donor with receipts that year, a scale, a target, a subject evaluated that year). Reopen {y} (with a reason) first.";
    ErrStale => "Sổ đã thay đổi trong lúc chuẩn bị; hãy xem trước và nhập lại.", "The book changed while this was being prepared; preview and import again.";
    ErrHasPayments => "Danh sách đã chi một phần: hủy các phiếu chi đã lập trước khi mở lại.", "Part of this list is paid: void its payment vouchers before reopening it.";
    ErrNoSuchVoucher => "Không tìm thấy phiếu.", "Voucher not found.";
    ErrNoSuchDonor => "Không tìm thấy nhà tài trợ.", "Donor not found.";
    ErrAlreadyVoid => "Phiếu này đã bị hủy.", "This voucher is already void.";
    ErrReason => "Nhập lý do.", "Enter the reason.";
    ErrVoidBefore => "Ngày hủy không được trước ngày lập phiếu.", "The void date cannot be before the voucher's date.";
    ErrEditVoided => "Phiếu đã hủy không sửa được.", "A voided voucher cannot be edited.";
    ErrYearChange => "Không đổi được năm của phiếu đã cấp số; hãy hủy và lập phiếu mới.", "An issued voucher cannot change year; void it and issue a new one.";
    ErrKindChange => "Không đổi được loại phiếu.", "The voucher kind cannot change.";
    ErrPattern => "Mẫu số phiếu cần có {yyyy} và {nnnn}, và thu khác chi.", "Number patterns need {yyyy} and {nnnn}, and must differ.";
    ErrNothing => "Không có dòng nào để nhập.", "There are no rows to import.";
    ErrDuplicateCommune => "Tên đơn vị bị trùng:", "Duplicate unit name:";
    // Void dialog
    VoidTitle => "Hủy phiếu", "Void voucher";
    VoidText => "Phiếu đã cấp số không bao giờ bị xóa: phiếu bị hủy giữ nguyên số, ghi lý do và ngày hủy.", "An issued voucher is never deleted: voiding keeps its number with the reason and date.";
    Reason => "Lý do", "Reason";
    VoidDate => "Ngày hủy", "Void date";
    ConfirmVoid => "Xác nhận hủy phiếu", "Void it";
    // Donors
    NewDonor => "Thêm nhà tài trợ", "Add donor";
    EditDonor => "Sửa nhà tài trợ", "Edit donor";
    Name => "Tên", "Name";
    Commune => "Xã / phường", "Commune / ward";
    NoCommune => "(ngoài danh sách)", "(not in the list)";
    Address => "Địa chỉ khác", "Other address";
    Contact => "Liên hệ", "Contact";
    Note => "Ghi chú", "Note";
    TotalYear => "Tổng năm", "Total";
    LapsedTitle => "Đã góp năm trước, chưa góp năm nay", "Gave last year, not yet this year";
    NoLapsed => "Không có ai.", "Nobody.";
    DonorCount => "nhà tài trợ", "donors";
    EditCommunes => "Sửa danh sách xã, phường…", "Edit the commune list…";
    CommunesTitle => "Đơn vị hành chính cấp xã", "Commune-level units";
    CommunesHelp => "Mỗi dòng: loại<Tab>tên (xã, phường, đặc khu).", "One per line: kind<Tab>name (xã, phường, đặc khu).";
    // Balances
    BalanceNow => "Số dư hiện tại", "Balance now";
    ByPurpose => "Theo mục đích chỉ định", "By restricted purpose";
    ByYear => "Theo năm", "By year";
    Opening => "Đầu năm", "Opening";
    Closing => "Cuối năm", "Closing";
    Receipts => "Thu bằng tiền", "Cash received";
    Payments => "Chi bằng tiền", "Cash paid";
    InKindValue => "Hiện vật (giá trị)", "In kind (value)";
    NoRestricted => "Chưa có khoản tiền chỉ định nào.", "No restricted money yet.";
    CashNote => "Số dư tính tiền mặt và chuyển khoản; hiện vật chỉ ghi giá trị.", "Balances count cash and bank money; in-kind gifts are recorded at value only.";
    // Charts
    ChartMonthly => "Đóng góp theo tháng, theo loại nhà tài trợ", "Contributions per month by donor type";
    ChartCumulative => "Lũy kế năm nay so với chỉ tiêu và năm trước", "This year's running total against target and last year";
    ChartShare => "Tỷ trọng theo loại nhà tài trợ", "Share by donor type";
    ChartTop => "Nhà tài trợ lớn nhất", "Top donors";
    ChartYears => "Thu và chi qua các năm", "Receipts and payments per year";
    Target => "Chỉ tiêu", "Target";
    SetTarget => "Đặt chỉ tiêu", "Set target";
    ThisYear => "Năm nay", "This year";
    LastYear => "Năm trước", "Last year";
    Month => "Tháng", "Month";
    M1 => "T1", "Jan";
    M2 => "T2", "Feb";
    M3 => "T3", "Mar";
    M4 => "T4", "Apr";
    M5 => "T5", "May";
    M6 => "T6", "Jun";
    M7 => "T7", "Jul";
    M8 => "T8", "Aug";
    M9 => "T9", "Sep";
    M10 => "T10", "Oct";
    M11 => "T11", "Nov";
    M12 => "T12", "Dec";
    ClickHint => "Bấm vào cột, lát hoặc điểm để xem các phiếu.", "Click a bar, slice or point to see its vouchers.";
    EntriesBehind => "Các phiếu", "Vouchers";
    NoData => "Chưa có số liệu cho năm này.", "No figures for this year yet.";
    UpTo => "đến ngày", "up to";
    // Import
    ImportTitle => "Nhập phiếu thu từ bảng tính", "Import receipts from a spreadsheet";
    StepFile => "1. Chọn tệp", "1. Choose a file";
    StepMap => "2. Ghép cột", "2. Match columns";
    StepPreview => "3. Xem trước", "3. Preview";
    Folder => "Thư mục", "Folder";
    FilePath => "Đường dẫn tệp", "File path";
    Open => "Mở", "Open";
    Up => "Lên thư mục trên", "Up one folder";
    Sheet => "Trang tính", "Sheet";
    HeaderRow => "Dòng tiêu đề", "Header row";
    NotMapped => "(không dùng)", "(not used)";
    Required => "bắt buộc", "required";
    RowNew => "Mới", "New";
    RowDuplicate => "Có thể trùng", "Likely duplicate";
    RowError => "Lỗi", "Error";
    RowFoot => "Cuối bảng", "Foot of the list";
    BlankRows => "Dòng trống", "Blank rows";
    EarlyReceipts => "{n} phiếu có ngày trước năm đầu tiên của sổ ({y}): nhập vào sẽ thay đổi số dư đầu năm của mọi năm sau.", "{n} receipts are dated before the book's first year ({y}): importing them changes the opening balance of every later year.";
    Line => "Dòng", "Row";
    KeepDuplicates => "Vẫn nhập các dòng có thể trùng", "Import likely duplicates too";
    ImportGood => "Nhập các dòng hợp lệ", "Import the good rows";
    ImportDone => "Đã nhập", "Imported";
    Skipped => "Bỏ qua", "Skipped";
    RowErrNoDate => "thiếu ngày", "no date";
    RowErrBadDate => "ngày không hợp lệ", "invalid date";
    RowErrNoName => "thiếu tên", "no name";
    RowErrBadAmount => "số tiền không hợp lệ", "invalid amount";
    RowErrZero => "số tiền bằng 0", "zero amount";
    RowErrTooLong => "có ô quá dài (tên tối đa 200 ký tự, nội dung tối đa 2.000)", "a cell is too long (names up to 200 characters, texts up to 2,000)";
    SameAs => "giống", "same as";
    ReadError => "Không đọc được tệp", "Could not read the file";
    ErrFileMissing => "không tìm thấy tệp.", "the file does not exist.";
    ErrFileIo => "lỗi đĩa khi đọc tệp", "a disk error while reading the file";
    ErrFileDenied => "không có quyền đọc tệp này.", "you may not read this file.";
    ErrFileFolder => "đây là một thư mục, không phải tệp.", "this is a folder, not a file.";
    ErrFileTooBig => "tệp nặng {mb} MB, quá giới hạn {max} MB.", "the file is {mb} MB, over the {max} MB limit.";
    ErrNotUtf8 => "tệp không phải văn bản UTF-8 (có thể là bảng mã cũ TCVN3 hoặc VNI, hoặc không phải tệp văn bản). Hãy mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng CSV UTF-8 hoặc XLSX.", "the file is not UTF-8 text (perhaps an old TCVN3 or VNI encoding, or not a text file). Open it in Excel or LibreOffice and save it as CSV UTF-8 or XLSX.";
    ErrDamagedSheet => "tệp bảng tính bị hỏng, có mật khẩu, hoặc không đúng định dạng như tên tệp (.xlsx, .xls, .ods, .csv).", "the spreadsheet is damaged, protected by a password, or not the format its name says (.xlsx, .xls, .ods, .csv).";
    ErrSheetTooLarge => "trang «{sheet}» có dữ liệu tới ô {cell}, vượt giới hạn ({rows} dòng, {cols} cột, {cells} ô). Hãy xóa các dòng, cột thừa rồi lưu lại.", "sheet «{sheet}» has data out to cell {cell}, beyond the limits ({rows} rows, {cols} columns, {cells} cells). Delete the extra rows and columns and save it again.";
    Back => "Quay lại", "Back";
    Next => "Tiếp", "Next";
    // Export
    ExportTitle => "Xuất tệp", "Export";
    Format => "Định dạng", "Format";
    Exported => "Đã xuất", "Exported";
    WriteError => "Không ghi được tệp", "Could not write the file";
    // Book import/export
    BookImportTitle => "Nhập toàn bộ sổ", "Import a whole book";
    BookImportWarn => "Toàn bộ sổ hiện tại (phiếu thu chi, nhà tài trợ, danh sách khen thưởng, hồ sơ mô hình học tập, kế hoạch và nhật ký thay đổi) sẽ được thay bằng sổ trong tệp. Có thể hoàn tác.", "The whole current book (vouchers, donors, award lists, learning records, plans and the change log) will be replaced by the one in the file. This can be undone.";
    EmptyTitle => "Bắt đầu sổ trống?", "Start an empty book?";
    EmptyWarn => "Mọi phiếu thu chi, nhà tài trợ, danh sách khen thưởng, hồ sơ mô hình học tập và kế hoạch của sổ này sẽ được thay bằng một sổ trống. Tên đơn vị, mẫu số phiếu và danh sách xã được giữ. Có thể hoàn tác.", "Every voucher, donor, award list, learning record and plan of this book will be replaced by an empty book. The organisation, the number patterns and the communes are kept. This can be undone.";
    ClosedReplaced => "Các năm đã khóa sổ sẽ không còn như lúc khóa: {years}.", "Closed years that will no longer be as they were closed: {years}.";
    CopyFirst => "Trước khi thay, một bản sao của sổ hiện tại được lưu vào thư mục sao lưu và không bao giờ bị xóa khi xoay vòng.", "Before anything changes, a copy of the current book is kept in the backups folder, and rotation never removes it.";
    KeepingCopy => "Đang lưu bản sao sổ hiện tại…", "Keeping a copy of the current book…";
    CopyFailed => "Không lưu được bản sao nên sổ chưa bị thay", "The copy could not be written, so nothing was replaced";
    Replaced => "Đã thay sổ.", "The book was replaced.";
    KeptCopy => "Bản sao của sổ trước đó:", "A copy of the book before:";
    CanUndo => "Có thể hoàn tác bằng Ctrl+Z.", "Ctrl+Z undoes it.";
    Reading => "Đang đọc tệp…", "Reading the file…";
    AtLimit => "Tối đa {max} ký tự.", "At most {max} characters.";
    Previewing => "Đang xem trước {n} dòng…", "Previewing {n} rows…";
    Preparing => "Đang chuẩn bị nhập (đánh số, kiểm tra quỹ)…", "Preparing the import (numbering, checking the fund)…";
    OtherCopy => "Sổ đang được mở trong một cửa sổ khác của chương trình; cửa sổ này chỉ để xem, không ghi gì vào sổ.", "The book is open in another window of the program; this one only shows it and writes nothing.";
    NoLock => "Không khóa được thư mục dữ liệu để ghi; cửa sổ này chỉ để xem", "The data folder could not be locked for writing; this window only shows the book";
    NewerBlocked => "Sổ này do phiên bản mới hơn của chương trình ghi (định dạng {v}; phiên bản này đọc tới {mine}) và có những phần phiên bản này không đọc được.", "A newer version of the program wrote this book (format {v}; this version reads up to {mine}) with parts this version cannot read.";
    Untouched => "Không có gì bị thay đổi hay ghi đè", "Nothing was changed or overwritten";
    BlockedTitle => "Không mở được sổ", "The book cannot be opened";
    BlockedHint => "Tệp sổ được giữ nguyên. Hãy dùng phiên bản mới của chương trình, hoặc kiểm tra quyền đọc tệp rồi mở lại.", "The book file is left as it is. Use the newer version of the program, or check that the file can be read, then start again.";
    MissingTitle => "Không tìm thấy tệp sổ", "The book file is missing";
    MissingText => "Thư mục dữ liệu có bản sao lưu hoặc tệp hỏng được cất riêng, nhưng không có tệp sổ. Chọn cách tiếp tục:", "The data folder holds backups or damaged files kept aside, but no book file. Choose how to go on:";
    KeptAside => "Các tệp hỏng được giữ riêng (không bị ghi đè):", "Damaged files kept aside (never overwritten):";
    LookingForBackup => "Đang tìm bản sao lưu đọc được…", "Looking for a backup that reads…";
    RecoverUntilChosen => "Lựa chọn này được nhắc lại mỗi lần mở chương trình cho đến khi bạn chọn.", "This choice is offered at every start until you make it.";
    CrashTitle => "Lần trước chương trình đã dừng vì lỗi", "The program stopped on an error last time";
    CrashText => "Chương trình đã gặp lỗi lúc {t} và dừng lại.", "The program met an error at {t} and stopped.";
    CrashLog => "Nhật ký lỗi (gửi kèm khi báo lỗi):", "The crash log (attach it to a report):";
    CrashRecovery => "Có những thay đổi chưa kịp lưu; chúng được giữ trong tệp phục hồi:", "There were changes not yet saved; they are kept in a recovery file:";
    CrashOpen => "Mở các thay đổi chưa lưu", "Open the unsaved changes";
    CrashKeep => "Để riêng, dùng sổ đã lưu", "Keep them aside, use the saved book";
    CrashNothingLost => "Mọi thay đổi đã được lưu trước khi dừng.", "Every change had been saved before it stopped.";
    Understood => "Đã hiểu", "Understood";
    CloseSavingTitle => "Đang lưu", "Saving";
    CloseSaving => "Đang lưu sổ trước khi đóng…", "Saving the book before closing…";
    CloseFailedTitle => "Chưa lưu được sổ", "The book is not saved";
    CloseFailed => "Các thay đổi gần đây chưa ghi được vào đĩa. Nếu thoát bây giờ, chúng sẽ mất.", "The latest changes could not be written to disk. Quitting now loses them.";
    CloseRetry => "Thử lưu lại", "Try again";
    CloseElsewhere => "Lưu bản sao ra nơi khác…", "Save a copy elsewhere…";
    CloseQuit => "Vẫn thoát (mất thay đổi)", "Quit anyway (lose them)";
    CloseQuitSaved => "Thoát", "Quit";
    Replace => "Thay sổ", "Replace the book";
    // Change log
    LogWhen => "Thời điểm", "When";
    LogWhat => "Việc", "What";
    LogDetail => "Cũ → mới", "Old → new";
    LogEmpty => "Chưa có thay đổi nào.", "No changes yet.";
    LogUndo => "Hoàn tác:", "Undone:";
    LogRedo => "Làm lại:", "Redone:";
    LogMore => "thay đổi khác", "more changes";
    LabelAddDonor => "Thêm nhà tài trợ", "Added a donor";
    LabelEditDonor => "Sửa nhà tài trợ", "Edited a donor";
    LabelIssueReceipt => "Lập phiếu thu", "Issued a receipt";
    LabelIssuePayment => "Lập phiếu chi", "Issued a payment";
    LabelEditVoucher => "Sửa phiếu", "Edited a voucher";
    LabelVoid => "Hủy phiếu", "Voided a voucher";
    LabelImport => "Nhập phiếu thu từ tệp", "Imported receipts";
    LabelTarget => "Đặt chỉ tiêu năm", "Set the target for";
    LabelCampaignTarget => "Đặt chỉ tiêu đợt vận động", "Set the target of the campaign";
    LabelSettings => "Đổi cài đặt", "Changed settings";
    LabelCommunes => "Sửa danh sách xã, phường", "Edited the commune list";
    LabelReplaceBook => "Thay toàn bộ sổ", "Replaced the whole book";
    FieldVoid => "Hủy", "Void";
    FieldNumber => "Số phiếu", "Number";
    FieldOrgName => "Tên đơn vị", "Organisation";
    FieldPattern => "Mẫu số phiếu", "Number pattern";
    FieldChecks => "Kiểm tra theo NĐ 93", "Decree 93 checks";
    FieldCount => "Số phiếu trong sổ", "Vouchers in the book";
    // Settings
    SettingsTitle => "Cài đặt", "Settings";
    ReceiptPattern => "Mẫu số phiếu thu", "Receipt number pattern";
    PaymentPattern => "Mẫu số phiếu chi", "Payment number pattern";
    PatternHelp => "{yyyy} = năm, {nnnn} = số thứ tự (đủ 4 chữ số). Số thứ tự bắt đầu lại mỗi năm.", "{yyyy} = year, {nnnn} = sequence (4 digits). The sequence restarts each year.";
    EnforceRestricted => "Kiểm tra theo NĐ 93/2019/NĐ-CP: không cho chi vượt số tiền của mục đích chỉ định; cảnh báo chi phí quản lý trên 5% và 10%", "Decree 93/2019 checks: no payment beyond a restricted purpose; warn when management costs pass 5% and 10%";
    OrgName => "Tên đơn vị", "Organisation name";
    DataFolder => "Sổ và các bản sao lưu nằm ở:", "The book and its backups are in:";
    // Awards
    TabAwards => "Khen thưởng & học bổng", "Awards & scholarships";
    ViewLists => "Danh sách", "Lists";
    ViewSummary => "Tổng hợp", "Summary";
    NewList => "Danh sách mới", "New list";
    EditList => "Sửa thông tin", "Edit details";
    Scales => "Thang mức thưởng…", "Award scales…";
    ScalesTitle => "Thang mức thưởng và học bổng", "Award and scholarship scales";
    NoLists => "Chưa có danh sách nào trong năm này.", "No lists this year yet.";
    PickList => "Chọn một danh sách bên trái.", "Pick a list on the left.";
    ListTitle => "Tên danh sách", "Title";
    ListKind => "Loại", "Kind";
    KindPrize => "Khen thưởng thành tích", "Prize for achievement";
    KindScholarship => "Học bổng", "Scholarship";
    KindHardship => "Hỗ trợ hoàn cảnh khó khăn", "Hardship support";
    SchoolYear => "Năm học", "School year";
    Sponsors => "Nhà tài trợ", "Sponsors";
    SponsorsHint => "cách nhau bằng dấu phẩy", "separated by commas";
    DecisionNo => "Số quyết định", "Decision number";
    DecisionDate => "Ngày quyết định", "Decision date";
    Ceremony => "Ngày trao", "Ceremony";
    Scale => "Thang mức", "Scale";
    StDraft => "Nháp", "Draft";
    StAgreed => "Đã thống nhất với Sở", "Agreed with the Department";
    StApproved => "Đã phê duyệt", "Approved";
    StPaid => "Đã chi trả", "Paid";
    StCancelled => "Đã hủy", "Cancelled";
    ToAgreed => "Thống nhất với Sở", "Agreed with the Department";
    ToApproved => "Phê duyệt", "Approve";
    ToDraft => "Trả về nháp", "Back to draft";
    ToCancelled => "Hủy danh sách", "Cancel the list";
    Restore => "Khôi phục", "Restore";
    Reopen => "Mở lại…", "Reopen…";
    ReopenTitle => "Mở lại danh sách đã phê duyệt", "Reopen an approved list";
    ReopenText => "Danh sách đã phê duyệt bị khóa. Mở lại để sửa cần ghi lý do; lý do được lưu trong nhật ký.", "An approved list is frozen. Reopening it needs a reason, kept in the change log.";
    PayOut => "Chi trả…", "Pay out…";
    PayTitle => "Chi trả danh sách", "Pay the list";
    PayPerAwardee => "Mỗi học sinh một phiếu chi", "One payment voucher per student";
    PayWhole => "Một phiếu chi cho cả danh sách", "One payment voucher for the list";
    PayDate => "Ngày chi", "Payment date";
    PayConfirm => "Lập phiếu chi", "Issue the vouchers";
    PaidWith => "Đã chi bằng", "Paid with";
    ReopenedBecause => "Đã mở lại:", "Reopened:";
    Checks => "Kiểm tra trước khi phê duyệt", "Checks before approval";
    ChecksOk => "Không có vấn đề nào.", "No issues.";
    IssueMissingName => "thiếu họ tên", "no name";
    IssueMissingBirth => "thiếu ngày sinh", "no date of birth";
    IssueMissingSchool => "thiếu trường", "no school";
    IssueZero => "số tiền bằng 0", "zero amount";
    IssueDuplicate => "trùng với dòng", "same as row";
    IssueElsewhere => "đã có trong danh sách", "already in the list";
    IssueBudget => "Tổng danh sách vượt số tiền quỹ đang có:", "The list costs more than the fund holds:";
    Warning => "Lưu ý", "Warning";
    AddAwardee => "Thêm học sinh", "Add a student";
    EditAwardee => "Sửa thông tin học sinh", "Edit student";
    ImportAwardees => "Nhập từ tệp…", "Import from a file…";
    PrintPdf => "In danh sách (PDF)…", "Print the list (PDF)…";
    ExportXlsx => "Xuất XLSX…", "Export XLSX…";
    Remove => "Xóa", "Remove";
    Stt => "STT", "No.";
    FullName => "Họ và tên", "Full name";
    Birth => "Ngày sinh", "Date of birth";
    Gender => "Giới tính", "Gender";
    Female => "Nữ", "Female";
    Male => "Nam", "Male";
    Ethnicity => "Dân tộc", "Ethnicity";
    School => "Trường", "School";
    Class => "Lớp", "Class";
    SchoolLevel => "Cấp học", "School level";
    LvPrimary => "Tiểu học", "Primary";
    LvLowerSecondary => "THCS", "Lower secondary";
    LvUpperSecondary => "THPT", "Upper secondary";
    LvUniversity => "Đại học, cao đẳng", "University or college";
    LvOther => "Khác", "Other level";
    OldPlace => "Huyện, xã cũ", "Old district or commune";
    Competition => "Cuộc thi", "Competition";
    Level => "Cấp", "Level";
    LvProvincial => "Cấp tỉnh", "Provincial";
    LvRegional => "Khu vực", "Regional";
    LvNational => "Quốc gia", "National";
    LvInternational => "Quốc tế", "International";
    Subject => "Môn", "Subject";
    Prize => "Giải", "Prize";
    PzNone => "(không)", "(none)";
    PzFirst => "Nhất", "First";
    PzSecond => "Nhì", "Second";
    PzThird => "Ba", "Third";
    PzConsolation => "Khuyến khích", "Honourable mention";
    PzGold => "Huy chương Vàng", "Gold medal";
    PzSilver => "Huy chương Bạc", "Silver medal";
    PzBronze => "Huy chương Đồng", "Bronze medal";
    Achievement => "Thành tích", "Achievement";
    Circumstances => "Hoàn cảnh", "Circumstances";
    FromScale => "Theo thang", "From the scale";
    NotInScale => "Thang mức không có mức này: nhập số tiền và lý do.", "The scale has no amount for this: enter one and a reason.";
    OverrideAmount => "Số tiền khác thang", "Amount other than the scale";
    OverrideReason => "Lý do", "Reason";
    ErrOverrideReason => "Ghi lý do khi số tiền khác thang.", "Give a reason when the amount differs from the scale.";
    Voucher => "Phiếu chi", "Voucher";
    Students => "học sinh", "students";
    TotalList => "Tổng", "Total";
    BySponsor => "Theo nhà tài trợ", "By sponsor";
    ByCommune => "Theo xã, phường", "By commune";
    ByLevel => "Theo cấp thành tích", "By level";
    ByList => "Theo danh sách", "By list";
    CountedLists => "Tính các danh sách đã phê duyệt hoặc đã chi; danh sách đang lập hoặc chờ phê duyệt chưa tính.", "Counting the lists approved or paid; lists in draft or awaiting approval are not counted yet.";
    SponsorStatement => "Báo cáo cho nhà tài trợ", "Sponsor statement";
    Given => "Đã đóng góp", "Given";
    PaidOut => "Đã trao", "Paid out";
    NoSponsor => "Chưa có nhà tài trợ nào được ghi trong các danh sách.", "No list names a sponsor yet.";
    SharedList => "chung", "shared";
    StudentsNamed => "Học sinh được nhận", "Students awarded";
    SharesNote => "Danh sách có nhiều nhà tài trợ được chia theo số tiền mỗi nhà tài trợ đã đóng góp trong năm; phần chưa có người đóng góp tính vào quỹ chung. Học sinh của danh sách chung được kể ở mỗi nhà tài trợ.", "A list with several sponsors is split by what each sponsor gave in cash that year; what their gifts do not cover is the general fund's. The students of a shared list are counted under each sponsor.";
    ClickSponsor => "Bấm tên nhà tài trợ để xem báo cáo bên cạnh.", "Click a sponsor to see its statement beside.";
    ShareOfLists => "Phần chi cho khen thưởng, học bổng", "Its share of the prizes and scholarships";
    SharedWith => "cùng", "with";
    ShareOf => "phần của nhà tài trợ", "the sponsor's share";
    AwardLink => "Thuộc danh sách", "Pays the list";
    AwardLinkVoided => "Đã chi cho danh sách (phiếu đã hủy)", "Had paid the list (voucher voided)";
    OpenVoucher => "Mở phiếu trong sổ thu chi", "Open the voucher in the ledger";
    OpenList => "Mở danh sách", "Open the list";
    OpenStudent => "Mở học sinh trong danh sách", "Open the student in the list";
    VoidedPayouts => "Phiếu chi đã hủy", "Voided payments";
    NewScale => "Thêm thang của Hội cho năm", "Add the association's scale for";
    CopyScale => "Chép từ năm trước", "Copy from the year before";
    ScaleName => "Tên thang", "Scale name";
    MinorityPercent => "Học sinh dân tộc thiểu số (% mức)", "Ethnic-minority students (% of amount)";
    BuiltIn => "có sẵn, không sửa", "built in, read-only";
    AddRow => "Thêm dòng", "Add a row";
    ScaleCompetition => "Cuộc thi có chứa", "Competition contains";
    ErrTitle => "Nhập tên danh sách.", "Enter a title.";
    ErrNoSuchList => "Không tìm thấy danh sách.", "List not found.";
    ErrNoSuchAwardee => "Không tìm thấy học sinh.", "Student not found.";
    ErrFrozen => "Danh sách đã phê duyệt, đã chi hoặc đã hủy: mở lại trước khi sửa.", "The list is approved, paid or cancelled: reopen it before editing.";
    ErrBadStatus => "Không chuyển được sang trạng thái này.", "The list cannot move to that status.";
    ErrChecks => "Chưa phê duyệt được: còn vấn đề cần sửa:", "Cannot approve yet: issues to fix:";
    ErrNotApproved => "Chỉ chi trả danh sách đã phê duyệt.", "Only an approved list can be paid.";
    ErrNothingToPay => "Không còn ai chưa được chi.", "Nobody is left to pay.";
    ErrLinked => "Phiếu này đã chi cho một danh sách khen thưởng: hãy hủy phiếu rồi chi lại.", "This voucher paid an award list: void it and pay again.";
    FieldStatus => "Trạng thái", "Status";
    FieldReason => "Lý do", "Reason";
    FieldAwardees => "Số học sinh", "Students";
    FieldScale => "Số thang mức", "Scales";
    FieldTitle => "Tên danh sách", "Title";
    LabelAddList => "Tạo danh sách khen thưởng", "Created an award list";
    LabelEditList => "Sửa thông tin danh sách", "Edited a list's details";
    LabelAwardee => "Sửa học sinh trong danh sách", "Changed a list's students";
    LabelImportAwardees => "Nhập học sinh từ tệp", "Imported students";
    LabelListStatus => "Đổi trạng thái danh sách", "Changed a list's status";
    LabelReopen => "Mở lại danh sách đã phê duyệt", "Reopened an approved list";
    LabelPayList => "Chi trả danh sách", "Paid a list";
    LabelScales => "Sửa thang mức thưởng", "Edited the award scales";
    ImportAwardeesTitle => "Nhập danh sách học sinh từ bảng tính", "Import students from a spreadsheet";
    RowWarning => "Cần xem", "Check";
    RowFooter => "dòng tổng cộng, ngày tháng hoặc chữ ký dưới danh sách", "a total, date or signature line below the list";
    RowNotInScale => "giải không có trong thang", "prize not in the scale";
    RowAlreadyListed => "đã có trong danh sách", "already in the list";
    KeepWarnings => "Nhập cả các dòng cần xem", "Import the rows to check too";
    PrintedBy => "Người lập biểu", "Prepared by";
    Accountant => "Kế toán", "Accountant";
    Chairman => "Chủ tịch", "Chairman";
    SignHere => "Ký nhận", "Signature";
    SignNote => "(Ký, ghi rõ họ tên)", "(Signature and full name)";
    PlaceDate => "Địa danh, ngày tháng", "Place and date";
    InWords => "Bằng chữ", "In words";
    OpenFile => "Mở tệp", "Open the file";
    NativeDialog => "Hộp thoại của máy…", "Desktop dialog…";
    NativeDialogOpen => "Đang chờ hộp thoại chọn tệp của máy…", "Waiting for the desktop's file dialog…";
    NativeDialogNone => "Hộp thoại của máy không trả về tệp nào: chọn tệp trong danh sách dưới đây.", "The desktop's dialog gave no file: choose one in the list below.";
    OpenFolder => "Mở thư mục", "Open the folder";
    NoOpener => "Không mở được bằng chương trình của máy", "The desktop could not open it";
    // Learning models
    TabLearning => "Mô hình học tập", "Learning models";
    ViewSets => "Bộ tiêu chí", "Criteria sets";
    ViewScoring => "Chấm điểm", "Scoring";
    ViewGrid => "Nhập nhanh", "Quick entry";
    ViewDecisions => "Quyết định công nhận", "Recognition decisions";
    ViewRollup => "Tổng hợp", "Roll-up";
    MFamily => "Gia đình học tập", "Learning family";
    MClan => "Dòng họ học tập", "Learning clan";
    MVillage => "Cộng đồng học tập cấp thôn", "Village learning community";
    MGrassrootsUnit => "Đơn vị học tập cơ sở", "Grassroots learning unit";
    MCommune => "Cộng đồng học tập cấp xã", "Commune learning community";
    MProvincialUnit => "Đơn vị học tập cấp tỉnh", "Provincial learning unit";
    MCustom => "Mô hình khác", "Other model";
    SchemePoints => "Chấm điểm, xếp loại", "Points and bands";
    SchemeLevels => "Hai mức độ (đạt / không đạt)", "Two levels (met / not met)";
    Basis => "Căn cứ", "Legal basis";
    InForce => "Hiệu lực", "In force";
    Version => "phiên bản", "version";
    CopySet => "Sao chép thành bộ mới", "Copy as a new set";
    EditSet => "Sửa bộ tiêu chí", "Edit the set";
    NewVersionNote => "Bộ đã dùng để chấm sẽ được lưu thành phiên bản mới; các phiếu cũ giữ phiên bản cũ.", "A set already used is saved as a new version; old sheets keep theirs.";
    Criterion => "Tiêu chí", "Criterion";
    MaxPoints => "Điểm tối đa", "Maximum";
    MinShare => "Tối thiểu (% điểm tiêu chí)", "Minimum (% of the criterion)";
    Bands => "Xếp loại", "Bands";
    FromPoints => "từ", "from";
    MarkBoth => "Mức 1 và 2", "Levels 1 and 2";
    MarkL1 => "Mức độ 1", "Level 1";
    MarkL2 => "Mức độ 2", "Level 2";
    MarkShortBoth => "MĐ 1, 2", "L1, 2";
    MarkShortL1 => "MĐ 1", "L1";
    MarkShortL2 => "MĐ 2", "L2";
    AddItem => "Thêm nội dung", "Add an item";
    AddCriterion => "Thêm tiêu chí", "Add a criterion";
    AddBand => "Thêm mức xếp loại", "Add a band";
    Validity => "Hiệu lực công nhận (năm)", "Recognition valid (years)";
    Subjects => "Đối tượng", "Subjects";
    NewSubject => "Thêm đối tượng", "Add a subject";
    Village => "Thôn, tổ dân phố", "Village or residential group";
    ModelCol => "Mô hình", "Model";
    PickSubject => "Chọn một đối tượng bên trái.", "Pick a subject on the left.";
    ScoreSheet => "Phiếu đánh giá", "Score sheet";
    SetCol => "Bộ tiêu chí", "Criteria set";
    Evaluator => "Người đánh giá", "Evaluator";
    EvalDate => "Ngày đánh giá", "Date";
    Evidence => "Minh chứng", "Evidence";
    Met => "Đạt", "Met";
    TotalScore => "Tổng điểm", "Total";
    Result => "Kết quả", "Result";
    NotReached => "Chưa đạt", "Not reached";
    NotRecognised => "Chưa được công nhận", "Not recognised";
    HeldBack => "Bị giữ lại bởi", "Held back by";
    SaveAll => "Lưu tất cả", "Save all";
    PasteHere => "Dán dữ liệu từ bảng tính (mỗi dòng một đối tượng, các cột theo thứ tự nội dung)", "Paste from a spreadsheet (one subject per line, columns in item order)";
    PasteApply => "Điền vào bảng", "Fill the grid";
    NoSets => "Chưa có bộ tiêu chí cho mô hình này.", "No criteria set for this model yet.";
    NoSubjects => "Chưa có đối tượng nào.", "No subjects yet.";
    AddDecision => "Thêm quyết định", "Add a decision";
    NoDecisionsYet => "Chưa có quyết định công nhận nào của năm này.", "No recognition decisions for this year yet.";
    Authority => "Cơ quan công nhận", "Recognising authority";
    ValidUntil => "Có giá trị đến", "Valid until";
    YearsInRow => "Số năm liên tục", "Years in a row";
    Registered => "Đăng ký", "Registered";
    Evaluated => "Đã đánh giá", "Evaluated";
    Recognised => "Được công nhận", "Recognised";
    Share => "Tỷ lệ", "Share";
    TargetShare => "Chỉ tiêu (%)", "Target (%)";
    SaveTargets => "Lưu chỉ tiêu", "Save targets";
    Province => "Toàn tỉnh", "Province";
    ChartShares => "Tỷ lệ được công nhận qua các năm", "Share recognised per year";
    ChartCommunes => "Tỷ lệ được công nhận theo xã, phường", "Share recognised by commune";
    TopLevel => "Mức cao nhất", "Top level";
    History => "Các năm", "By year";
    ExportRollup => "Xuất tổng hợp và phiếu (XLSX)…", "Export roll-up and sheets (XLSX)…";
    ErrEmptySet => "Bộ tiêu chí cần ít nhất một nội dung.", "A criteria set needs at least one item.";
    ErrNoSuchSet => "Không tìm thấy bộ tiêu chí.", "Criteria set not found.";
    ErrNoSuchSubject => "Không tìm thấy đối tượng.", "Subject not found.";
    FieldScore => "Điểm", "Score";
    LabelCriteriaSet => "Lưu bộ tiêu chí", "Saved a criteria set";
    LabelLearningSubject => "Lưu đối tượng đánh giá", "Saved a subject";
    LabelScoreSheets => "Lưu phiếu đánh giá", "Saved score sheets";
    LabelRecognition => "Thêm quyết định công nhận", "Added a recognition decision";
    LabelLearningTargets => "Đổi chỉ tiêu công nhận", "Changed the recognition targets";
    TabOverview => "Tổng quan", "Overview";
    TabPlans => "Kế hoạch", "Plans";
    TabReports => "Báo cáo", "Reports";
    DocPlan => "Kế hoạch", "Plan";
    DocProgramme => "Chương trình", "Programme";
    DocDecision => "Quyết định", "Decision";
    DocGuidance => "Hướng dẫn", "Guidance";
    DocOther => "Văn bản khác", "Other document";
    DsDraft => "Dự thảo", "Draft";
    DsInForce => "Đang hiệu lực", "In force";
    DsCompleted => "Đã hoàn thành", "Completed";
    DsSuperseded => "Đã được thay thế", "Superseded";
    PDepartment => "Sở GD&ĐT", "Department";
    PAssociation => "Hội Khuyến học", "Association";
    PBoth => "Sở và Hội", "Both";
    PCommune => "Hội Khuyến học cấp xã", "Commune association";
    POther => "Đơn vị khác", "Other party";
    TsNotStarted => "Chưa bắt đầu", "Not started";
    TsInProgress => "Đang thực hiện", "In progress";
    TsDone => "Hoàn thành", "Done";
    TsCancelled => "Hủy bỏ", "Cancelled";
    ViewDocuments => "Văn bản phối hợp", "Cooperation documents";
    ViewCalendar => "Lịch năm", "Year calendar";
    DocKindLabel => "Loại văn bản", "Kind";
    DocNumber => "Số hiệu", "Number";
    Signed => "Ngày ký", "Signed";
    Signatories => "Cơ quan ký", "Signatories";
    ByDepartment => "Sở GD&ĐT ký", "Signed by the Department";
    ByAssociation => "Hội Khuyến học tỉnh ký", "Signed by the Association";
    OtherSigners => "Cơ quan khác", "Other bodies";
    Period => "Giai đoạn", "Period";
    PeriodFrom => "Từ năm", "From year";
    PeriodTo => "Đến năm", "To year";
    Bases => "Căn cứ", "Legal bases";
    SupersededBy => "Được thay thế bởi", "Superseded by";
    NewDocument => "Thêm văn bản", "New document";
    EditDocument => "Sửa văn bản", "Edit document";
    CopyNext => "Sao chép cho giai đoạn sau", "Copy for the next period";
    NotSignedYet => "Chưa có số và ngày ký: điền khi văn bản được ký (Sửa văn bản).", "No number or signing date yet: fill them in once it is signed (Edit the document).";
    ListToMake => "chưa lập", "not made yet";
    Updating => "Đang cập nhật số liệu…", "Updating the figures…";
    ListToMakeHint => "Danh sách cần lập", "List to make";
    CopyNextHint => "Tạo dự thảo mới cho giai đoạn sau: tên, nhiệm vụ và liên kết mang năm của giai đoạn mới, ngày hạn lùi theo độ dài giai đoạn, tiến độ về 0; số và ngày ký để trống.", "Makes a new draft for the next period: title, tasks and links named with the new period's years, due dates moved on by the period's length, progress reset; number and signing date left empty.";
    AddArea => "Thêm nội dung", "Add a content area";
    AreaTitle => "Nội dung phối hợp", "Content area";
    AddTask => "Thêm việc", "Add a task";
    EditTask => "Sửa việc", "Edit task";
    DeleteTask => "Xóa việc", "Delete task";
    TaskTitle => "Nhiệm vụ", "Task";
    Responsible => "Chủ trì", "Responsible";
    PartyName => "Tên đơn vị", "Party's name";
    StartDate => "Bắt đầu", "Start";
    DueDate => "Hạn", "Due";
    DonePct => "Đã làm (%)", "Done (%)";
    Progress => "Tiến độ", "Progress";
    LinkLabel => "Liên kết", "Link";
    LinkNone => "Không liên kết", "No link";
    LinkList => "Danh sách khen thưởng", "Award list";
    LinkCampaign => "Đợt vận động quỹ", "Fund campaign";
    LinkLearning => "Đánh giá mô hình học tập", "Learning-model evaluation";
    OpenLink => "Mở", "Open";
    NoDocuments => "Chưa có văn bản nào. Bấm “Thêm văn bản”.", "No documents yet. Press “New document”.";
    PickDocument => "Chọn một văn bản ở danh sách bên trái.", "Pick a document in the list on the left.";
    NoTasks => "Chưa có việc nào.", "No tasks yet.";
    Upcoming => "Sắp diễn ra", "Coming up";
    Events => "Sự kiện trong năm", "Events of the year";
    AddEvent => "Thêm sự kiện", "Add an event";
    EditEvent => "Sửa sự kiện", "Edit event";
    DeleteEvent => "Xóa sự kiện", "Delete event";
    RuleLabel => "Lặp lại", "Repeats";
    RuleSolar => "Hằng năm (dương lịch)", "Every year (solar)";
    RuleLunar => "Hằng năm (âm lịch)", "Every year (lunar)";
    RuleOnce => "Một lần", "Once";
    DayLabel => "Ngày", "Day";
    MonthLabel => "Tháng", "Month";
    DaysLong => "Số ngày", "Days";
    IsDeadline => "Là hạn nộp báo cáo/hồ sơ", "A deadline for a report or dossier";
    Lunar => "âm lịch", "lunar";
    Wd1 => "T2", "Mo";
    Wd2 => "T3", "Tu";
    Wd3 => "T4", "We";
    Wd4 => "T5", "Th";
    Wd5 => "T6", "Fr";
    Wd6 => "T7", "Sa";
    Wd7 => "CN", "Su";
    Today => "Hôm nay", "Today";
    FundBalance => "Số dư quỹ", "Fund balance";
    ContribYear => "Tổng đóng góp năm", "Contributions in";
    SamePeriodLast => "Cùng kỳ năm trước", "Same time last year";
    OverdueTasks => "Việc quá hạn", "Overdue tasks";
    DueThisWeek => "Việc đến hạn trong 7 ngày", "Due within 7 days";
    NoTasksDue => "Không có việc nào quá hạn hoặc sắp đến hạn.", "No task is overdue or due soon.";
    DaysLate => "quá {n} ngày", "{n} days late";
    InDays => "còn {n} ngày", "in {n} days";
    DueToday => "hôm nay", "today";
    DueTomorrow => "ngày mai", "tomorrow";
    OnNow => "đang diễn ra", "on now";
    ListsWaiting => "Danh sách khen thưởng đang chờ", "Award lists waiting";
    WaitingApproval => "chờ phê duyệt", "awaiting approval";
    WaitingPayout => "chờ chi trả", "awaiting payout";
    NoListsWaiting => "Không có danh sách nào đang chờ.", "No list is waiting.";
    RecognitionRates => "Tỷ lệ công nhận so với chỉ tiêu", "Recognition against targets";
    NoEventsSoon => "Không có sự kiện trong 60 ngày tới.", "No events in the next 60 days.";
    NoRecognition => "Chưa có kết quả đánh giá.", "No evaluations yet.";
    ViewCoopReport => "Báo cáo phối hợp năm", "Yearly cooperation report";
    ViewDisclosure => "Công khai quỹ (NĐ 93)", "Fund disclosure (Decree 93)";
    ViewClosing => "Khóa sổ năm", "Closing a year";
    WholeYear => "Cả năm", "Whole year";
    QuarterN => "Quý {q}", "Quarter {q}";
    ExportPdf => "Xuất PDF…", "Export PDF…";
    CoopTitle => "BÁO CÁO KẾT QUẢ PHỐI HỢP GIỮA SỞ GIÁO DỤC VÀ ĐÀO TẠO VÀ HỘI KHUYẾN HỌC TỈNH NĂM {y}", "REPORT ON THE COOPERATION OF THE DEPARTMENT OF EDUCATION AND THE STUDY PROMOTION ASSOCIATION IN {y}";
    CoopSubtitle => "Trong hoạt động khuyến học, khuyến tài, xây dựng xã hội học tập", "In study promotion, talent promotion and building a learning society";
    RepPlans => "I. Các văn bản phối hợp và tiến độ thực hiện", "I. Cooperation documents and task progress";
    RepFund => "II. Quỹ Khuyến học", "II. The study-promotion fund";
    RepReceiptsByType => "Thu theo loại nhà tài trợ", "Receipts by donor type";
    RepPaymentsByCat => "Chi theo khoản mục", "Payments by category";
    RepAwards => "III. Khen thưởng và học bổng", "III. Awards and scholarships";
    RepRecognition => "IV. Kết quả công nhận mô hình học tập", "IV. Recognition of learning models";
    RepByModel => "Theo mô hình", "By model";
    RepNoDocs => "Không có văn bản phối hợp nào trong năm.", "No cooperation document covers this year.";
    RepFundLine => "Tổng đóng góp trong năm {c} (thu bằng tiền {r}, hiện vật {k}); chi bằng tiền {p}, trao hiện vật {q}; số dư quỹ cuối năm {b}.", "Contributions in the year {c} (cash received {r}, in kind {k}); cash paid {p}, in kind handed on {q}; the fund's closing balance {b}.";
    RepAwardsLine => "{n} lượt học sinh được khen thưởng, cấp học bổng với tổng số tiền {t}.", "{n} students received awards or scholarships, {t} in all.";
    ColDocument => "Văn bản", "Document";
    ColTasks => "Số việc", "Tasks";
    ColDone => "Hoàn thành", "Done";
    ColOverdue => "Quá hạn", "Overdue";
    ColHeading => "Khoản mục", "Heading";
    ColVouchers => "Số phiếu", "Vouchers";
    ColCash => "Tiền", "Cash";
    ColInKind => "Hiện vật (quy đổi)", "In kind (value)";
    ColReceived => "Đã nhận", "Received";
    ColSpent => "Đã chi", "Spent";
    ColLeft => "Còn lại", "Left";
    ColPaidNow => "Phiếu chi trong kỳ", "Payments in the period";
    TotalRow => "Tổng cộng", "Total";
    DiscTitle => "CÔNG KHAI THU, CHI QUỸ KHUYẾN HỌC", "DISCLOSURE OF THE STUDY-PROMOTION FUND";
    DiscYear => "Năm {y} (NĐ 93/2019/NĐ-CP, TT 04/2020/TT-BNV)", "Year {y} (Decree 93/2019, Circular 04/2020)";
    DiscQuarter => "Quý {q} năm {y} (NĐ 93/2019/NĐ-CP, TT 04/2020/TT-BNV)", "Quarter {q} of {y} (Decree 93/2019, Circular 04/2020)";
    DiscDonors => "1. Danh sách tổ chức, cá nhân đóng góp", "1. Donors";
    DiscRecipients => "2. Danh sách đối tượng nhận", "2. Recipients";
    DiscEarmarks => "3. Sử dụng các khoản đóng góp có địa chỉ", "3. Use of earmarked contributions";
    DiscHeadings => "4. Thu, chi theo khoản mục", "4. Receipts and payments by heading";
    DiscCost => "5. Chi phí quản lý so với mức trần", "5. Management costs against the caps";
    NoEarmarks => "Không có khoản đóng góp có địa chỉ.", "No earmarked contributions.";
    NoneInPeriod => "Không có trong kỳ.", "None in the period.";
    CostBase => "Thu trong năm làm căn cứ (trừ hiện vật và tiền có địa chỉ)", "Yearly receipts counted (in kind and earmarked money left out)";
    CostSpent => "Chi phí quản lý", "Management costs";
    CostShareLabel => "Tỷ lệ", "Share";
    CostOk => "Trong mức 5% số thu trong năm.", "Within 5% of the yearly receipts.";
    CostOver5 => "Chi phí quản lý vượt 5% số thu trong năm: chỉ được đến 10% khi cần thiết và phải giải trình.", "Management costs exceed 5% of the yearly receipts: up to 10% is allowed only when needed, with a justification.";
    CostOver10 => "Chi phí quản lý vượt mức tối đa 10% số thu trong năm.", "Management costs exceed the 10% cap on yearly receipts.";
    ChecksOff => "Đã tắt kiểm tra theo NĐ 93 trong Cài đặt: không cảnh báo.", "The Decree 93 checks are off in Settings: no warning.";
    ClosingIntro => "Khóa sổ một năm khi đã báo cáo: phiếu thu chi, danh sách khen thưởng và phiếu đánh giá của năm đó không sửa được nữa. Số dư cuối năm chuyển sang năm sau. Mở khóa cần ghi lý do, lý do được lưu trong nhật ký thay đổi.", "Close a year once it is reported: its vouchers, award lists and score sheets can no longer change. The closing balance is carried into the next year. Reopening needs a reason, kept in the change log.";
    CloseYearBtn => "Khóa năm", "Close year";
    ReopenYearBtn => "Mở khóa", "Reopen";
    ReopenReason => "Lý do mở khóa", "Reason for reopening";
    YearClosedOn => "Đã khóa ngày", "Closed on";
    YearOpen => "Đang mở", "Open";
    Carried => "Chuyển sang năm sau", "Carried forward";
    ConfirmClose => "Khóa năm {y}? Số dư cuối năm {b} chuyển sang năm {n}.", "Close {y}? The closing balance {b} carries into {n}.";
    ClosedBanner => "Năm {y} đã khóa sổ: chỉ xem.", "{y} is closed: view only.";
    ErrNoSuchDoc => "Không tìm thấy văn bản.", "Document not found.";
    ErrNoSuchTask => "Không tìm thấy nhiệm vụ.", "Task not found.";
    ErrNoSuchEvent => "Không tìm thấy sự kiện.", "Event not found.";
    ErrPeriod => "Giai đoạn không hợp lệ: năm đầu phải không sau năm cuối.", "Bad period: the first year must not be after the last.";
    ErrDueBeforeStart => "Hạn phải từ ngày bắt đầu trở đi.", "The due date cannot be before the start.";
    ErrEventTitle => "Nhập tên sự kiện.", "Enter the event's name.";
    ErrEventDays => "Số ngày từ 1 đến 366.", "Days must be 1 to 366.";
    ErrEventDate => "Ngày, tháng không hợp lệ.", "Not a valid day and month.";
    ErrYearClosed => "Năm {y} đã khóa sổ; mở khóa (có ghi lý do) trước khi sửa.", "{y} is closed; reopen it (with a reason) before changing it.";
    ErrAlreadyClosed => "Năm này đã khóa sổ.", "This year is already closed.";
    ErrNotClosed => "Năm này chưa khóa sổ.", "This year is not closed.";
    ErrYearNotOver => "Chỉ khóa được năm đã kết thúc.", "Only a year that has ended can be closed.";
    ErrNumberMonth => "Nhập số từ 1 đến 12.", "Enter 1 to 12.";
    ErrPercent => "Nhập số từ 0 đến 100.", "Enter 0 to 100.";
    ErrYearText => "Nhập năm, ví dụ 2026.", "Enter a year, e.g. 2026.";
    LabelDocument => "Lưu văn bản", "Saved a document";
    LabelCopyPlan => "Sao chép kế hoạch cho giai đoạn sau", "Copied a plan for the next period";
    LabelTask => "Lưu nhiệm vụ", "Saved a task";
    LabelEvent => "Lưu sự kiện", "Saved an event";
    LabelCloseYear => "Khóa sổ năm", "Closed the year";
    LabelReopenYear => "Mở khóa năm", "Reopened the year";
    FieldPeriod => "Giai đoạn", "Period";
    FieldProgress => "Số việc / tiến độ", "Tasks / progress";
    FieldClosed => "Khóa sổ (số dư chuyển)", "Closed (balance carried)";
    ColStudents => "Số học sinh", "Students";
    NoSponsorName => "(không ghi nhà tài trợ)", "(no sponsor named)";
    Leap => "tháng nhuận", "leap month";
    DocTitle => "Trích yếu", "Title";
    EventTitle => "Tên sự kiện", "Event";
    ReportPeriod => "Kỳ", "Period";
    DeleteDoc => "Xóa văn bản", "Delete document";
    DeleteDocText => "Xóa văn bản này cùng các nội dung và nhiệm vụ của nó? Văn bản khác sẽ không còn căn cứ vào nó. Có thể hoàn tác.", "Delete this document with its areas and tasks? Other documents will no longer cite it. Can be undone.";
    LegendEvent => "ngày kỷ niệm, sự kiện", "days and events";
    LegendDeadline => "hạn nộp", "deadlines";
    LegendTask => "việc đến hạn", "tasks due";
    NoDataFolder => "Không tìm thấy thư mục lưu dữ liệu: sổ sẽ không được lưu.", "No folder to keep data in was found: the book will not be saved.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn every_text_exists_in_both_languages_and_is_nfc() {
        for t in T::ALL {
            for lang in [Lang::Vi, Lang::En] {
                let s = t.get(lang);
                assert!(!s.trim().is_empty(), "{t:?} is empty in {lang:?}");
                assert_eq!(s.nfc().collect::<String>(), s, "{t:?} is not NFC in {lang:?}");
            }
        }
        // English is not just Vietnamese copied (a sign of a forgotten translation).
        let same = T::ALL.iter().filter(|t| t.get(Lang::Vi) == t.get(Lang::En)).count();
        assert!(same <= 3, "{same} texts are the same in both languages");
    }

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(Lang::Vi.percent(7.34), "7,3 %");
        assert_eq!(Lang::En.percent(7.34), "7.3%");
        assert_eq!(Lang::Vi.decimal(2.0), "2");
        assert_eq!(Lang::Vi.decimal(1234.56), "1234,6");
        assert_eq!(Lang::Vi.fixed(5.0, 2), "5,00");
        let vi: Vec<String> = [12_500_000.0, 3e9, 850_000.0, 0.0].map(|v| Lang::Vi.short_money(v)).into();
        assert_eq!(vi, ["12,5 tr đ", "3 tỷ đ", "850 k đ", "0 đ"]);
        assert_eq!(Lang::En.short_money(2_700_000_000.0), "2.7bn ₫");
        assert_eq!(Lang::En.short_money(12_500_000.0), "12.5m ₫");
    }
}
