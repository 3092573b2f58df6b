//! Every string the window shows, in Vietnamese and English, in one table. The compiler
//! checks that each key has both; a test checks none is empty.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
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
    NothingToUndo => "Không có gì để hoàn tác", "Nothing to undo";
    NothingToRedo => "Không có gì để làm lại", "Nothing to redo";
    ChangeLog => "Nhật ký thay đổi", "Change log";
    Language => "Ngôn ngữ", "Language";
    Vietnamese => "Tiếng Việt", "Vietnamese";
    English => "English", "English";
    MenuFile => "Tệp", "File";
    ExportBook => "Xuất toàn bộ sổ…", "Export the whole book…";
    ImportBook => "Nhập toàn bộ sổ…", "Import a whole book…";
    NewBook => "Bắt đầu sổ trống", "Start an empty book";
    NewBookHint => "Giữ tên đơn vị, mẫu số phiếu và danh sách xã; bỏ mọi phiếu và nhà tài trợ. Có thể hoàn tác.", "Keeps the organisation, number patterns and communes; drops every voucher and donor. Can be undone.";
    YearTotals => "Tổng theo năm", "Totals per year";
    OpenDataFolder => "Thư mục dữ liệu", "Data folder";
    Settings => "Cài đặt…", "Settings…";
    Close => "Đóng", "Close";
    Cancel => "Hủy", "Cancel";
    Save => "Lưu", "Save";
    Apply => "Áp dụng", "Apply";
    Saved => "Đã lưu lúc", "Saved at";
    Saving => "Đang lưu…", "Saving…";
    SaveFailed => "Không lưu được", "Could not save";
    ReadOnly => "Chỉ đọc", "Read-only";
    Yes => "Có", "Yes";
    No => "Không", "No";
    All => "Tất cả", "All";
    // First run and recovery
    FirstRunTitle => "Chào mừng đến với Sổ Khuyến học", "Welcome to the Study Promotion Book";
    FirstRunText => "Chọn cách bắt đầu. Có thể nhập sổ cũ sau từ menu Tệp.", "Choose how to start. You can import an old book later from the File menu.";
    StartEmpty => "Bắt đầu sổ trống", "Start an empty book";
    StartDemo => "Mở sổ mẫu để tìm hiểu", "Open a demo book to explore";
    CorruptTitle => "Tệp dữ liệu bị hỏng", "The data file is damaged";
    CorruptText => "Tệp sổ không đọc được nên đã được cất sang một bên, không bị ghi đè:", "The book file could not be read. It was moved aside and will not be overwritten:";
    CorruptOffer => "Mở bản sao lưu tốt gần nhất", "Open the newest good backup";
    NoBackup => "Không tìm thấy bản sao lưu nào đọc được.", "No readable backup was found.";
    NewerTitle => "Sổ được tạo bởi phiên bản mới hơn", "This book comes from a newer version";
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
    SearchHint => "Tìm theo tên, nội dung, số phiếu… (không cần dấu)", "Search names, descriptions, numbers… (accents optional)";
    Year => "Năm", "Year";
    DonorTypeCol => "Loại nhà tài trợ", "Donor type";
    Campaign => "Đợt vận động", "Campaign";
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
    Rows => "dòng", "rows";
    TotalReceipts => "Tổng thu", "Total receipts";
    TotalPayments => "Tổng chi", "Total payments";
    Difference => "Chênh lệch", "Difference";
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
    AmountHint => "vd. 1.250.000 hoặc 1,25tr hoặc 500k", "e.g. 1.250.000 or 1,25tr or 500k";
    DateHint => "dd/mm/yyyy", "dd/mm/yyyy";
    InWords => "Bằng chữ", "In words";
    Restricted => "Theo chỉ định của nhà tài trợ", "As the donor asked";
    PurposeHint => "để trống nếu vào quỹ chung", "leave empty for the general fund";
    Available => "còn", "available";
    FixErrors => "Hãy sửa các ô báo lỗi.", "Please fix the marked fields.";
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
    ErrRestricted => "Mục đích này không đủ tiền. Hiện còn", "This purpose does not hold enough. Available:";
    ErrNoSuchVoucher => "Không tìm thấy phiếu.", "Voucher not found.";
    ErrNoSuchDonor => "Không tìm thấy nhà tài trợ.", "Donor not found.";
    ErrAlreadyVoid => "Phiếu này đã bị hủy.", "This voucher is already void.";
    ErrReason => "Nhập lý do hủy.", "Enter the reason.";
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
    Receipts => "Thu", "Receipts";
    Payments => "Chi", "Payments";
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
    Column => "Cột", "Column";
    NotMapped => "(không dùng)", "(not used)";
    Required => "bắt buộc", "required";
    RowNew => "Mới", "New";
    RowDuplicate => "Có thể trùng", "Likely duplicate";
    RowError => "Lỗi", "Error";
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
    SameAs => "giống", "same as";
    ReadError => "Không đọc được tệp", "Could not read the file";
    Back => "Quay lại", "Back";
    Next => "Tiếp", "Next";
    // Export
    ExportTitle => "Xuất tệp", "Export";
    Format => "Định dạng", "Format";
    Exported => "Đã xuất", "Exported";
    WriteError => "Không ghi được tệp", "Could not write the file";
    // Book import/export
    BookImportTitle => "Nhập toàn bộ sổ", "Import a whole book";
    BookImportWarn => "Sổ hiện tại sẽ được thay bằng sổ trong tệp. Có thể hoàn tác.", "The current book will be replaced by the one in the file. This can be undone.";
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
    EnforceRestricted => "Không cho chi vượt số tiền của mục đích chỉ định (NĐ 93/2019/NĐ-CP)", "Forbid payments beyond a restricted purpose (Decree 93/2019)";
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
    Frozen => "Danh sách đã khóa.", "The list is frozen.";
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
    SponsorStatement => "Báo cáo cho nhà tài trợ", "Sponsor statement";
    Given => "Đã đóng góp", "Given";
    PaidOut => "Đã trao", "Paid out";
    NoSponsor => "Chưa có nhà tài trợ nào được ghi trong các danh sách.", "No list names a sponsor yet.";
    Count => "Số lượng", "Count";
    AwardLink => "Thuộc danh sách", "Pays the list";
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
    RowFooter => "dòng tổng cộng hoặc chữ ký", "a total or signature row";
    RowNotInScale => "giải không có trong thang", "prize not in the scale";
    RowAlreadyListed => "đã có trong danh sách", "already in the list";
    KeepWarnings => "Nhập cả các dòng cần xem", "Import the rows to check too";
    PrintedBy => "Người lập biểu", "Prepared by";
    Accountant => "Kế toán", "Accountant";
    Chairman => "Chủ tịch", "Chairman";
    SignHere => "Ký nhận", "Signature";
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
    ItemText => "Nội dung", "Item";
    MaxPoints => "Điểm tối đa", "Maximum";
    MinShare => "Tối thiểu (% điểm tiêu chí)", "Minimum (% of the criterion)";
    Bands => "Xếp loại", "Bands";
    FromPoints => "từ", "from";
    MarkBoth => "Mức 1 và 2", "Levels 1 and 2";
    MarkL1 => "Mức độ 1", "Level 1";
    MarkL2 => "Mức độ 2", "Level 2";
    Threshold => "Ngưỡng (%)", "Threshold (%)";
    ToComplete => "cần bổ sung", "to complete";
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
    Measured => "Đo được (%)", "Measured (%)";
    TotalScore => "Tổng điểm", "Total";
    Result => "Kết quả", "Result";
    NotReached => "Chưa đạt", "Not reached";
    NotRecognised => "Chưa được công nhận", "Not recognised";
    HeldBack => "Bị giữ lại bởi", "Held back by";
    SaveAll => "Lưu tất cả", "Save all";
    Unsaved => "thay đổi chưa lưu", "unsaved changes";
    PasteHere => "Dán dữ liệu từ bảng tính (mỗi dòng một đối tượng, các cột theo thứ tự nội dung)", "Paste from a spreadsheet (one subject per line, columns in item order)";
    PasteApply => "Điền vào bảng", "Fill the grid";
    NoSets => "Chưa có bộ tiêu chí cho mô hình này.", "No criteria set for this model yet.";
    NoSubjects => "Chưa có đối tượng nào.", "No subjects yet.";
    AddDecision => "Thêm quyết định", "Add a decision";
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
}
