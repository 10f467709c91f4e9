"""Vietnamese descriptions of every YAML field, for ``python -m scorecard fields --lang vi``.

The English descriptions live on the models themselves (scorecard/model.py); these are
their Vietnamese twins, keyed "Model.field". A test fails when a model field has no entry
here, so the Vietnamese guide cannot fall behind the schema.
"""

from __future__ import annotations

DESCRIPTIONS: dict[str, str] = {
    "ProvinceFile.name": "Tên chính thức bằng tiếng Việt, đúng như trong danh mục hành chính.",
    "ProvinceFile.code": "Mã hai chữ số chính thức, đặt trong dấu ngoặc kép.",
    "ProvinceFile.observations": "Danh sách mọi số liệu về tỉnh.",
    "Observation.indicator": "Mã một chỉ tiêu trong data/indicators.yaml.",
    "Observation.value": (
        "Con số viết kiểu thường (92, 99.6, 1655; không bao giờ 1.655 cho một nghìn sáu trăm năm mươi lăm). "
        "Có thể bỏ trống với tỷ lệ phần trăm khi bài chỉ ghi tử số/mẫu số."
    ),
    "Observation.unit": (
        "Mã trong data/units.yaml; là đơn vị của chỉ tiêu, hoặc với kind: change là một đơn vị thay đổi "
        "(percentage_points, rank_places, relative_percent, ratio)."
    ),
    "Observation.qualifier": (
        "Cách bài diễn đạt con số: exact (đúng), about ('khoảng'), at_least ('tối thiểu', 'từ … trở lên'), "
        "more_than ('hơn', 'trên'), nearly ('gần'), at_most ('tối đa', 'dưới')."
    ),
    "Observation.numerator": "Số 'a' trong 'a/b' mà bài ghi.",
    "Observation.denominator": "Số 'b' trong 'a/b'; với thứ hạng: có bao nhiêu tỉnh được xếp hạng.",
    "Observation.low": "Đầu dưới khi bài ghi một khoảng ('60–80%').",
    "Observation.high": "Đầu trên khi bài ghi một khoảng.",
    "Observation.kind": (
        "actual (kết quả đã đạt), target (mục tiêu: 'mục tiêu', 'phấn đấu', 'chỉ tiêu'), forecast ('dự kiến', "
        "'ước' cho kỳ chưa kết thúc) hoặc change (mức thay đổi so với trước hay so với đơn vị khác: 'tăng 4 hạng', "
        "'+0,2052 điểm', 'gấp 2 lần'; có thể âm, không bao giờ vẽ như một mức)."
    ),
    "Observation.baseline": "Với kind: change: so với cái gì, theo lời của bài ('so với năm 2023').",
    "Observation.in_words": "Khi bài viết con số bằng chữ ('tám', 'phân nửa', 'đứng đầu'): chữ đúng như bài in.",
    "Observation.since": (
        "Với số liệu của một khoảng thời gian ('6 tháng đầu năm 2025'): ngày bắt đầu, đúng độ chính xác bài ghi; "
        "as_of là ngày kết thúc."
    ),
    "Observation.as_of": "Với số liệu thực tế: thời điểm, đúng độ chính xác bài ghi: 2024, 2025-05 hoặc 2025-05-31.",
    "Observation.target_year": "Với mục tiêu: năm cần đạt.",
    "Observation.period": "Cách bài nói về thời kỳ, nguyên văn, khi cần ('6 tháng đầu năm 2025').",
    "Observation.territory": (
        "Số liệu mô tả vùng đất nào: 'current' (tỉnh từ khi sáp nhập, ngày merged_on trong "
        "data/former-units.yaml) hoặc, với tỉnh đã hợp nhất, mã của đơn vị "
        "cũ mà số liệu nói đến (yen-bai-15, ha-giang-02); không bao giờ đoán cho tỉnh đã hợp nhất. Bỏ trống với "
        "tỉnh không hợp nhất."
    ),
    "Observation.scope": "Mã một phạm vi trong data/indicators.yaml khi số liệu chỉ bao một phần của tỉnh.",
    "Observation.subject": (
        "Số liệu của ai: 'province' (mặc định), 'national' cho số liệu cả nước được nêu để so sánh, "
        "hoặc tên tệp của một tỉnh khác."
    ),
    "Observation.source": "Mã một nguồn trong data/sources.yaml.",
    "Observation.quote": "Cụm từ ngắn nhất của nguồn có nêu con số, chép nguyên văn từng chữ.",
    "Observation.note": (
        "Điều người đọc cần biết để hiểu đúng con số, viết thành hai dòng vi: và en: bên dưới để mỗi trang "
        "hiện ghi chú bằng ngôn ngữ của nó; một đoạn văn thường được hiểu là tiếng Việt và trang tiếng Anh "
        "hiện nó kèm dấu là tiếng Việt."
    ),
    "SourcesFile.sources": "Danh sách mọi nguồn.",
    "Source.id": "Mã cố định, chữ thường không dấu nối bằng '-', dùng ở 'source:' của số liệu.",
    "Source.title": "Tiêu đề đúng như khi đăng, bằng ngôn ngữ của bài.",
    "Source.publisher": "Đơn vị đăng (báo, cổng thông tin).",
    "Source.author": "Tác giả như bài in; để trống khi bài không ghi.",
    "Source.url": "Địa chỉ gốc (chỉ http hoặc https).",
    "Source.published": (
        "Ngày đăng khi bài có in, đúng độ chính xác bài in: 2025-11-01, 2025-11 hoặc 2025; để trống khi không in."
    ),
    "Source.period": "Điều bài tự nói về thời kỳ của nó khi không in ngày.",
    "Source.language": "Ngôn ngữ của bài: vi hoặc en.",
    "Source.note": "Điều người đọc cần biết về nguồn này, viết thành hai dòng vi: và en: (như ghi chú của số liệu).",
    "IndicatorsFile.pillars": "Sáu trụ cột của bảng điểm.",
    "IndicatorsFile.scopes": "Các phạm vi hẹp hơn toàn tỉnh (ví dụ chỉ mạng của một nhà mạng).",
    "IndicatorsFile.indicators": "Danh sách mọi chỉ tiêu.",
    "Indicator.id": "Mã cố định, chữ thường nối bằng '_'; không bao giờ đổi sau khi đã công bố.",
    "Indicator.pillar": "Trụ cột của chỉ tiêu.",
    "Indicator.unit": "Đơn vị mọi số liệu của chỉ tiêu dùng; phần trăm lưu từ 0 đến 100.",
    "Indicator.name": "Tên ngắn hiện trong bảng và tiêu đề biểu đồ.",
    "Indicator.definition": "Một câu nói rõ cái gì được đếm.",
    "Indicator.why": "Vì sao chỉ tiêu quan trọng, cho trang của chỉ tiêu.",
    "Indicator.caveat": "Điều người đọc cần lưu ý khi so sánh.",
    "Indicator.higher_is_better": "true khi giá trị cao hơn là tốt hơn.",
    "Indicator.comparable": "true khi có thể xếp hạng các tỉnh (cùng một định nghĩa ở mọi nơi).",
    "Indicator.headline": "true để hiện trong các chỉ tiêu chính ở trang chủ.",
    "Indicator.parts": "Các chỉ tiêu cộng lại bằng chỉ tiêu này (trạm 2G+3G+4G+5G = tổng số trạm).",
    "Indicator.aliases": (
        "Các cụm từ tiếng Việt bài báo dùng cho điều chỉ tiêu này đếm, viết như khi in ('trạm 2G', "
        "'hồ sơ xử lý trực tuyến'); lệnh `python -m scorecard extract` dựa vào đó để gắn số liệu với chỉ tiêu."
    ),
    "Pillar.id": "Mã của trụ cột.",
    "Pillar.name": "Tên trụ cột bằng tiếng Việt và tiếng Anh.",
    "Scope.id": "Mã cố định dùng ở 'scope:' của số liệu.",
    "Scope.name": "Tên phạm vi bằng tiếng Việt và tiếng Anh.",
    "Scope.comparable": "Số liệu có phạm vi này có so sánh được với số liệu toàn tỉnh hay không.",
    "Bilingual.vi": "Văn bản tiếng Việt.",
    "Bilingual.en": "Văn bản tiếng Anh.",
    "TableObservation.province": "Tên tệp (slug) của tỉnh hiện nay mà dòng này thuộc về.",
    "TableFile.observations": "Các dòng của bảng, mỗi dòng một tỉnh, kèm câu trích.",
    "NationalFile.name": "Tên nước.",
    "NationalFile.observations": "Mọi số liệu của cả nước.",
    "UnitsFile.units": "Mọi đơn vị mà một số liệu có thể dùng.",
    "Unit.id": "Mã cố định dùng trong `unit:` của chỉ tiêu và số liệu.",
    "Unit.name": "Tên đơn vị bằng hai thứ tiếng.",
    "Unit.symbol": "Ký hiệu đứng sau con số trên trang ('%', 'điểm %').",
    "Unit.label": "Tên đơn vị ở cột Đơn vị và trên trục biểu đồ ('thứ hạng'); bỏ trống thì dùng ký hiệu.",
    "Unit.minimum": "Giá trị thấp nhất một mức có thể có.",
    "Unit.maximum": "Giá trị cao nhất một mức có thể có.",
    "Unit.whole": "true khi giá trị là số nguyên (số lượng, thứ hạng).",
    "Unit.level_only": (
        "true khi mức thay đổi của nó không bao giờ ghi bằng chính nó (thay đổi thứ hạng ghi bằng rank_places)."
    ),
    "Unit.change_of": (
        "Với đơn vị thay đổi: các đơn vị chỉ tiêu mà nó diễn tả mức thay đổi (percentage_points: [percent])."
    ),
    "VocabularyFile.qualifiers": "Cách đọc từng mức độ trước con số trên trang và biểu đồ ('gần', 'nearly').",
    "VocabularyFile.qualifier_words": "Từ trong câu trích báo hiệu từng mức độ (qualifier).",
    "VocabularyFile.qualifier_before": "Từ đứng ngay trước con số làm nó không còn chính xác ('gần' → nearly).",
    "VocabularyFile.comparatives": "Từ đứng trước 'hơn' biến nó thành phép so sánh ('cao hơn').",
    "VocabularyFile.number_words": "Con số viết bằng chữ và giá trị của nó.",
    "VocabularyFile.extract": (
        "Các cụm từ mà lệnh `python -m scorecard extract` dựa vào; từng mục được giải thích trong tệp."
    ),
    "QualifierLabel.vi": "Chữ đứng trước con số trên trang tiếng Việt ('gần').",
    "QualifierLabel.en": "Chữ đứng trước con số trên trang tiếng Anh ('nearly').",
    "QualifierLabel.sign": "Dấu ngắn vẽ trên biểu đồ và bản đồ thay cho chữ ('≈', '≥', '>', '≤').",
    "TileMapFile.home_indicator": "Chỉ tiêu mà bản đồ ở trang chủ tô màu.",
    "TileMapFile.tiles": "Mỗi tỉnh, thành phố một ô (đủ 34, mỗi ô một chỗ).",
    "Tile.province": "Tên tệp của tỉnh hiện nay, như data/provinces/<slug>.yaml.",
    "Tile.row": "0 là hàng trên cùng (phía bắc).",
    "Tile.col": "0 là cột bên trái (phía tây); tối đa 6, để bản đồ vẫn đọc được trên điện thoại.",
    "Tile.abbr": "Chữ viết tắt hiện trên ô (LCa, HCM); tên đầy đủ lấy từ danh mục tỉnh.",
    "QualifierWord.word": "Từ như bài viết.",
    "QualifierWord.qualifier": "Mức độ mà từ đó báo hiệu.",
}
