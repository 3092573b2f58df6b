//! The built-in criteria sets, from shared/data/criteria-notes.md. What the notes mark
//! unconfirmed ships as a clearly marked item for the user to complete, never invented text.

use crate::model::learning::{Band, CriteriaSet, Criterion, Item, LegalBasis, Mark, ModelKind, Scheme};
use chrono::NaiveDate;

/// The text of an item still to be completed from the original document.
pub const TO_COMPLETE: &str = "Cần bổ sung theo văn bản gốc";

fn item(text: &str, max: u32) -> Item {
    Item { text: text.into(), max, ..Default::default() }
}

fn todo(text: &str, max: u32) -> Item {
    Item { text: format!("{text} ({TO_COMPLETE})"), max, unconfirmed: true, ..Default::default() }
}

fn ind(text: &str, mark: Mark, threshold: Option<u32>) -> Item {
    Item { text: text.into(), mark, threshold, ..Default::default() }
}

fn ind_todo(text: &str, mark: Mark) -> Item {
    Item { text: format!("{text} ({TO_COMPLETE})"), mark, unconfirmed: true, ..Default::default() }
}

fn criterion(title: &str, items: Vec<Item>) -> Criterion {
    Criterion { title: title.into(), items, min_share: 0 }
}

fn basis(number: &str, y: i32, m: u32, d: u32, issuer: &str) -> LegalBasis {
    LegalBasis { number: number.into(), date: NaiveDate::from_ymd_opt(y, m, d), issuer: issuer.into() }
}

fn tt25_commune() -> CriteriaSet {
    use Mark::*;
    CriteriaSet {
        id: 1,
        name: "Cộng đồng học tập cấp xã (TT 25/2023)".into(),
        model: ModelKind::CommuneCommunity,
        basis: basis("25/2023/TT-BGDĐT", 2023, 12, 27, "Bộ Giáo dục và Đào tạo"),
        in_force: "từ 12/02/2024 (thay TT 44/2014)".into(),
        version: 1,
        builtin: true,
        scheme: Scheme::Levels,
        validity_years: 3,
        criteria: vec![
            criterion(
                "TC1. Sự lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền cấp xã",
                vec![
                    ind("Tuyên truyền nâng cao nhận thức về học tập suốt đời, xây dựng xã hội học tập", Both, None),
                    ind(
                        "Có chương trình, kế hoạch xây dựng xã hội học tập hằng năm; tổ chức thực hiện đầy đủ",
                        Both,
                        None,
                    ),
                    ind("Tổ chức Tuần lễ hưởng ứng học tập suốt đời; báo cáo theo quy định", Both, None),
                ],
            ),
            criterion(
                "TC2. Huy động nguồn lực, tạo môi trường thuận lợi xây dựng xã hội học tập",
                vec![
                    ind("Bố trí đủ kinh phí ngân sách nhà nước hằng năm cho xây dựng xã hội học tập", Both, None),
                    ind("Vận động, huy động nguồn lực xã hội; đạt kết quả tích cực", Both, None),
                    ind(
                        "Có cơ chế phối hợp giữa Hội Khuyến học xã, các tổ chức chính trị - xã hội, cơ sở giáo dục, thiết chế văn hóa",
                        Both,
                        None,
                    ),
                ],
            ),
            criterion(
                "TC3. Hiệu quả hoạt động của TTHTCĐ, thư viện công cộng, trung tâm văn hóa, thể thao cấp xã",
                vec![ind_todo("Các chỉ tiêu của tiêu chí 3", Both)],
            ),
            criterion(
                "TC4. Kết quả phổ cập giáo dục, xóa mù chữ",
                vec![
                    ind_todo("Chỉ tiêu mức độ 1 của tiêu chí 4", Level1),
                    ind_todo("Chỉ tiêu mức độ 2 (cao hơn) của tiêu chí 4", Level2),
                ],
            ),
            criterion(
                "TC5. Tác dụng của việc xây dựng Cộng đồng học tập cấp xã",
                vec![
                    ind_todo("Chỉ tiêu mức độ 1 của tiêu chí 5", Level1),
                    ind_todo("Chỉ tiêu mức độ 2 (cao hơn) của tiêu chí 5", Level2),
                ],
            ),
        ],
        ..Default::default()
    }
}

fn tt24_provincial_unit() -> CriteriaSet {
    use Mark::*;
    CriteriaSet {
        id: 2,
        name: "Đơn vị học tập cấp tỉnh (TT 24/2023)".into(),
        model: ModelKind::ProvincialUnit,
        basis: basis("24/2023/TT-BGDĐT", 2023, 12, 11, "Bộ Giáo dục và Đào tạo"),
        in_force: "từ 26/01/2024 (thay TT 22/2020)".into(),
        version: 1,
        builtin: true,
        scheme: Scheme::Levels,
        validity_years: 3,
        criteria: vec![
            criterion(
                "TC1. Điều kiện xây dựng Đơn vị học tập",
                vec![
                    ind("Ban hành kế hoạch hằng năm để thành viên học tập thường xuyên; tổ chức thực hiện", Both, None),
                    ind(
                        "Thực hiện đầy đủ chế độ đào tạo, bồi dưỡng; có quy định khuyến khích thành viên học tập",
                        Both,
                        None,
                    ),
                    ind("Bố trí đủ kinh phí ngân sách hằng năm cho đào tạo, bồi dưỡng thành viên", Both, None),
                    ind("Thành viên được trang bị công cụ, thiết bị học tập khi chuyển đổi số", Both, None),
                    ind("Tham gia hoạt động phục vụ học tập suốt đời cho người dân", Both, None),
                ],
            ),
            criterion(
                "TC2. Kết quả học tập của thành viên",
                vec![
                    ind(
                        "Tỷ lệ thành viên chấp hành kỷ luật lao động, nội quy; đoàn kết, hợp tác (%)",
                        Level1,
                        Some(90),
                    ),
                    ind(
                        "Tỷ lệ thành viên hoàn thành chương trình học tập, bồi dưỡng theo quy định (%)",
                        Level1,
                        Some(90),
                    ),
                    ind_todo("Các chỉ tiêu còn lại của tiêu chí 2", Level1),
                    ind_todo("Chỉ tiêu mức độ 2 (cao hơn) của tiêu chí 2", Level2),
                ],
            ),
            criterion(
                "TC3. Tác dụng của việc xây dựng Đơn vị học tập",
                vec![
                    ind(
                        "Tỷ lệ thành viên đạt danh hiệu Công dân học tập (%) (cơ sở giáo dục: ≥ 95 % người học)",
                        Level1,
                        Some(90),
                    ),
                    ind(
                        "Tỷ lệ thành viên đạt danh hiệu Công dân học tập (%) (cơ sở giáo dục: ≥ 97 % người học)",
                        Level2,
                        Some(95),
                    ),
                    ind("Tạo môi trường học tập, chia sẻ tri thức với đơn vị khác", Both, None),
                    ind("Đạt danh hiệu Tập thể lao động tiên tiến trở lên", Level1, None),
                    ind("Đạt danh hiệu Tập thể lao động xuất sắc trở lên", Level2, None),
                    ind("Trường THPT, trung tâm GDTX: chuyển đổi số mức đáp ứng cơ bản", Level1, None),
                    ind("Trường THPT, trung tâm GDTX: chuyển đổi số mức đáp ứng khá", Level2, None),
                    ind("Cơ sở giáo dục đại học: chuyển đổi số mức đáp ứng cơ bản", Level1, None),
                    ind("Cơ sở giáo dục nghề nghiệp: đạt kiểm định chất lượng", Level1, None),
                    ind_todo("Chỉ tiêu 3.5, 3.6 ở mức độ 2", Level2),
                ],
            ),
        ],
        ..Default::default()
    }
}

fn qd448_family() -> CriteriaSet {
    CriteriaSet {
        id: 3,
        name: "Gia đình học tập (QĐ 448/QĐ-KHVN)".into(),
        model: ModelKind::Family,
        basis: basis("448/QĐ-KHVN", 2015, 12, 1, "Hội Khuyến học Việt Nam"),
        in_force: "giai đoạn 2016–2020".into(),
        version: 1,
        builtin: true,
        scheme: Scheme::Points,
        criteria: vec![
            criterion(
                "TC1. Học tập của trẻ em trong gia đình",
                vec![
                    item("Trẻ trong độ tuổi phổ cập đều đến trường, hoàn thành phổ cập giáo dục", 10),
                    item("Kết quả học tập từ trung bình trở lên, hạnh kiểm từ khá trở lên", 10),
                    todo("Lễ phép với mọi người trong gia đình …", 10),
                ],
            ),
            criterion(
                "TC2. Học tập của người lớn trong gia đình",
                vec![todo("Người lớn 19–60 tuổi biết chữ; mỗi người học ít nhất một nội dung mỗi năm; …", 30)],
            ),
            criterion(
                "TC3. Điều kiện học tập của gia đình",
                vec![todo("Các nội dung của tiêu chí 3 (TC3 và TC4 cùng 40 điểm)", 20)],
            ),
            criterion(
                "TC4. Tác động, hiệu quả học tập của các thành viên trong gia đình",
                vec![todo("Các nội dung của tiêu chí 4 (TC3 và TC4 cùng 40 điểm)", 20)],
            ),
        ],
        // The threshold is reported around 80/100 and is not confirmed: edit it to the province's rule.
        bands: vec![Band { name: "Đạt Gia đình học tập".into(), min: 80 }],
        ..Default::default()
    }
}

fn tt22_unit() -> CriteriaSet {
    CriteriaSet {
        id: 4,
        name: "Đơn vị học tập (TT 22/2020, thang điểm)".into(),
        model: ModelKind::GrassrootsUnit,
        basis: basis("22/2020/TT-BGDĐT", 2020, 8, 6, "Bộ Giáo dục và Đào tạo"),
        in_force: "21/09/2020 – 25/01/2024 (đã được thay bằng TT 24/2023)".into(),
        version: 1,
        builtin: true,
        scheme: Scheme::Points,
        criteria: vec![
            criterion(
                "TC1. Điều kiện xây dựng Đơn vị học tập",
                vec![
                    item("Có chủ trương, kế hoạch để thành viên học tập thường xuyên", 10),
                    item("Có quy định cụ thể khuyến khích thành viên học tập", 10),
                    item("Đầu tư nguồn lực (tài chính, cơ sở vật chất, thiết bị) đáp ứng nhu cầu học tập", 10),
                ],
            ),
            criterion(
                "TC2. Kết quả học tập của thành viên",
                vec![
                    item("100 % thành viên có kế hoạch tự học, tự bồi dưỡng hằng năm được phê duyệt", 10),
                    item("100 % thành viên chấp hành kỷ luật lao động, nội quy; hợp tác, đoàn kết", 5),
                    todo("Các nội dung còn lại của tiêu chí 2", 15),
                ],
            ),
            criterion("TC3. Tác dụng, hiệu quả", vec![todo("Các nội dung của tiêu chí 3", 40)]),
        ],
        bands: vec![
            Band { name: "Tốt".into(), min: 85 },
            Band { name: "Khá".into(), min: 70 },
            Band { name: "Trung bình".into(), min: 50 },
        ],
        ..Default::default()
    }
}

pub fn builtin_sets() -> Vec<CriteriaSet> {
    vec![tt25_commune(), tt24_provincial_unit(), qd448_family(), tt22_unit()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_maxima_and_legal_bases() {
        let sets = builtin_sets();
        let family = &sets[2];
        assert_eq!(family.max(), 100);
        assert_eq!(family.criteria[0].max(), 30);
        assert_eq!(family.criteria[1].max(), 30);
        let unit = &sets[3];
        assert_eq!(unit.max(), 100);
        assert_eq!(unit.criteria[0].max(), 30);
        assert_eq!(unit.bands.iter().map(|b| b.min).collect::<Vec<_>>(), vec![85, 70, 50]);
        let commune = &sets[0];
        assert_eq!(commune.criteria.len(), 5);
        assert_eq!(commune.validity_years, 3);
        assert_eq!(sets[1].criteria.len(), 3);
        for s in &sets {
            assert!(s.builtin && !s.basis.number.is_empty() && s.basis.date.is_some(), "{}", s.name);
        }
        // Unconfirmed lines say so, in their text too.
        assert!(
            sets.iter()
                .flat_map(|s| s.items())
                .filter(|(_, i)| i.unconfirmed)
                .all(|(_, i)| i.text.contains(TO_COMPLETE))
        );
        let ids: std::collections::HashSet<u32> = sets.iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), sets.len());
    }
}
