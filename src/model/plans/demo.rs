//! The demo book's cooperation documents: the ones the seed article names, with their legal
//! bases, and a sample programme for the current period whose tasks link to the fund, the
//! award lists and the learning models.

use crate::model::book::Book;
use crate::model::learning::ModelKind;
use crate::model::plans::calendar::{Event, Rule};
use crate::model::plans::{Area, DocKind, DocStatus, Document, Link, Party, Task, TaskStatus};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn basis(kind: DocKind, number: &str, signed: Option<NaiveDate>, title: &str) -> Document {
    Document {
        kind,
        number: number.into(),
        signed,
        others: "Trung ương".into(),
        title: title.into(),
        status: DocStatus::InForce,
        ..Document::default()
    }
}

fn joint(kind: DocKind, number: &str, signed: Option<NaiveDate>, period: (i32, i32), title: &str) -> Document {
    Document {
        kind,
        number: number.into(),
        signed,
        by_department: true,
        by_association: true,
        period: Some(period),
        title: title.into(),
        status: DocStatus::Completed,
        ..Document::default()
    }
}

fn task(title: &str, party: Party, due: Option<NaiveDate>, status: TaskStatus, done: u8, link: Option<Link>) -> Task {
    Task { title: title.into(), party, due, status, done, link, ..Task::default() }
}

/// The five content areas of programme 68/CTrPH-HKH-SDGĐT (2018–2020).
const AREAS_2018: [&str; 5] = [
    "Đẩy mạnh công tác tuyên truyền về khuyến học, khuyến tài, xây dựng xã hội học tập",
    "Tham mưu, đề xuất ban hành cơ chế, chính sách thúc đẩy học tập suốt đời",
    "Củng cố và nâng cao chất lượng hoạt động của trung tâm học tập cộng đồng",
    "Xây dựng, kiểm tra, đánh giá, xếp loại các mô hình học tập",
    "Phát triển hội viên và tổ chức Hội, nâng cao năng lực hoạt động khuyến học, khuyến tài",
];

pub fn add_demo_plans(book: &mut Book) {
    let mut docs = vec![
        basis(DocKind::Other, "49-KL/TW", day(2019, 5, 10), "Kết luận về tiếp tục thực hiện Chỉ thị số 11-CT/TW"),
        basis(
            DocKind::Decision,
            "281/QĐ-TTg",
            day(2014, 2, 20),
            "Đề án “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng đến năm 2020”",
        ),
        basis(DocKind::Decision, "489/QĐ-TTg", day(2020, 4, 8), "Kế hoạch thực hiện Kết luận số 49-KL/TW"),
        basis(
            DocKind::Programme,
            "681/CTr-BGDĐT-HKHVN",
            day(2017, 9, 20),
            "Chương trình phối hợp giữa Bộ GD&ĐT và Hội Khuyến học Việt Nam",
        ),
        basis(
            DocKind::Decision,
            "112/2005/QĐ-TTg",
            day(2005, 5, 18),
            "Đề án “Xây dựng xã hội học tập giai đoạn 2005-2010”",
        ),
        joint(
            DocKind::Plan,
            "737/KH-SGD-HKH",
            day(2006, 3, 12),
            (2005, 2010),
            "Phối hợp hoạt động triển khai thực hiện Quyết định số 112/2005/QĐ-TTg",
        ),
        joint(
            DocKind::Plan,
            "317/KH-SGD-HKHQT",
            day(2012, 3, 13),
            (2011, 2015),
            "Phối hợp công tác giai đoạn 2011-2015",
        ),
        joint(
            DocKind::Programme,
            "68/CTrPH-HKH-SDGĐT",
            day(2018, 5, 7),
            (2018, 2020),
            "Phối hợp hoạt động khuyến học, khuyến tài xây dựng xã hội học tập giai đoạn 2018-2020",
        ),
    ];
    docs[5].bases = vec![4];
    docs[7].bases = vec![1, 3];
    docs[7].areas = AREAS_2018
        .iter()
        .map(|a| Area {
            title: (*a).into(),
            tasks: vec![task(
                "Triển khai theo chương trình",
                Party::Both,
                day(2020, 12, 31),
                TaskStatus::Done,
                100,
                None,
            )],
        })
        .collect();
    let list = |title: &str| book.award_lists.iter().position(|l| l.title == title).map(Link::AwardList);
    let mut current = joint(
        DocKind::Programme,
        "",
        day(2021, 6, 15),
        (2021, 2026),
        "Phối hợp xây dựng xã hội học tập giai đoạn 2021-2026 (mẫu)",
    );
    current.status = DocStatus::InForce;
    current.bases = vec![0, 2];
    let areas: [(&str, Vec<Task>); 4] = [
        (
            AREAS_2018[0],
            vec![
                task(
                    "Tổ chức Tuần lễ hưởng ứng học tập suốt đời",
                    Party::Both,
                    day(2026, 10, 7),
                    TaskStatus::Done,
                    100,
                    None,
                ),
                task(
                    "Kỷ niệm Ngày Khuyến học Việt Nam 02/10",
                    Party::Association,
                    day(2026, 10, 2),
                    TaskStatus::Done,
                    100,
                    None,
                ),
            ],
        ),
        (
            "Vận động xây dựng Quỹ Khuyến học",
            vec![task(
                "Vận động cán bộ, giáo viên ủng hộ “Tiếp sức đến trường”",
                Party::Department,
                day(2026, 10, 31),
                TaskStatus::InProgress,
                70,
                Some(Link::Campaign("Tiếp sức đến trường 2026".into())),
            )],
        ),
        (
            AREAS_2018[3],
            vec![
                task(
                    "Tổng hợp kết quả đánh giá gia đình học tập năm 2026",
                    Party::Commune,
                    day(2026, 12, 1),
                    TaskStatus::InProgress,
                    40,
                    Some(Link::Learning { model: ModelKind::Family, year: 2026 }),
                ),
                task(
                    "Báo cáo kết quả xây dựng mô hình học tập gửi Bộ và Trung ương Hội",
                    Party::Both,
                    day(2026, 12, 15),
                    TaskStatus::NotStarted,
                    0,
                    None,
                ),
            ],
        ),
        (
            "Biểu dương, khen thưởng học sinh giỏi và cấp học bổng",
            vec![task(
                "Trao thưởng học sinh đạt giải HSG quốc gia năm học 2025-2026",
                Party::Association,
                day(2026, 11, 20),
                TaskStatus::InProgress,
                50,
                list("Khen thưởng học sinh đạt giải HSG quốc gia năm học 2025-2026"),
            )],
        ),
    ];
    current.areas = areas.into_iter().map(|(title, tasks)| Area { title: title.into(), tasks }).collect();
    docs.push(current);
    book.plans = docs;
    book.calendar.events.push(Event {
        title: "Gặp mặt khuyến học đầu xuân".into(),
        rule: Rule::Lunar { day: 6, month: 1 },
        days: 1,
        deadline: false,
        note: "Mùng 6 tháng Giêng âm lịch".into(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_holds_the_seed_documents() {
        let book = crate::model::demo::demo_book();
        let numbers: Vec<&str> = book.plans.iter().map(|d| d.number.as_str()).collect();
        for n in ["737/KH-SGD-HKH", "317/KH-SGD-HKHQT", "68/CTrPH-HKH-SDGĐT", "49-KL/TW", "681/CTr-BGDĐT-HKHVN"] {
            assert!(numbers.contains(&n), "{n}");
        }
        let p68 = book.plans.iter().find(|d| d.number == "68/CTrPH-HKH-SDGĐT").expect("68");
        assert_eq!(p68.areas.len(), 5);
        assert!(book.plans.iter().flat_map(|d| d.tasks()).any(|t| matches!(t.link, Some(Link::AwardList(_)))));
    }
}
