"""`python -m scorecard extract`: drafts from real Vietnamese phrases, the CLI, draft files, benchmark.

Every phrase below is copied from a real article (the seeds, tests/fixtures/articles/tune/, or
pages quoted in the issue); none is from the held-out set.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from scorecard.extract import extract_text, load_vocabulary
from scorecard.numbers import numbers_in_text, parse_vi_number

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TUNE = ROOT / "tests" / "fixtures" / "articles" / "tune"


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary(DATA)


def drafts(vocab, text: str, province: str = "lao-cai"):
    extraction = extract_text(text, province, vocab)
    return extraction, extraction.drafts


def only(vocab, text: str, province: str = "lao-cai"):
    extraction, found = drafts(vocab, text, province)
    assert len(found) == 1, [(d.value, extraction.quote(d)) for d in found]
    return extraction, found[0]


# ------------------------------------------------------------------ Vietnamese numbers


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("tích hợp 1.655 dịch vụ công lên Cổng Dịch vụ công quốc gia", 1655, "count", "exact"),
        ("92% hồ sơ xử lý trực tuyến", 92, "percent", "exact"),
        ("Tỷ trọng kinh tế số trên GRDP của tỉnh đã đạt khoảng 6%", 6, "percent", "about"),
        ("Trung tâm giám sát mạng của tỉnh đã ngăn chặn 1,24 triệu email chứa mã độc.", 1_240_000, "count", "exact"),
        (
            "Bộ phận một cửa đã đơn giản hóa 109 thủ tục hành chính, tiết kiệm gần 23,6 tỷ đồng",
            23_600_000_000,
            "VND",
            "nearly",
        ),
        ("Tỉnh có gần 390.000 thuê bao di động.", 390_000, "count", "nearly"),
        (
            "Bộ Công Thương dẫn đầu với tỷ lệ 83,48%, tương đương 1,488 triệu hồ sơ trực tuyến toàn trình.",
            1_488_000,
            "count",
            "about",
        ),
        ("Theo công bố của Bộ KH&CN, DTI quốc gia năm 2024 đạt 0,7955, tăng 8,6%", 0.7955, "score", "exact"),
        ("Cắt giảm trung bình 39,2% thời gian xử lý", 39.2, "percent", "exact"),
    ],
)
def test_vietnamese_numbers(vocab, text, value, unit, qualifier):
    extraction, found = drafts(vocab, text)
    draft = next(d for d in found if d.value == value)
    assert (draft.unit, draft.qualifier) == (unit, qualifier)
    assert extraction.quote(draft) in text


def test_99_6_percent_with_its_coverage(vocab):
    text = "hiện có 1.562/1.568 (khoảng 99,6%) trung tâm thôn, tổ dân phố có sóng truy nhập internet băng rộng di động"
    extraction, draft = only(vocab, text)
    assert (draft.value, draft.numerator, draft.denominator, draft.qualifier) == (99.6, 1562, 1568, "about")
    assert draft.indicator == "villages_mobile_broadband_share"
    assert extraction.quote(draft).startswith("1.562/1.568 (khoảng 99,6%) trung tâm thôn")


def test_english_decimal_point_in_an_index_score(vocab):
    assert parse_vi_number("0.7024") == pytest.approx(0.7024)
    assert numbers_in_text("0.7024 điểm") == [pytest.approx(0.7024)]
    assert numbers_in_text("1.655") == [1655]  # a thousands separator stays one
    _, draft = only(vocab, "Quảng Ninh đạt 0.7024 điểm DTI.", "quang-ninh")
    assert (draft.value, draft.unit) == (pytest.approx(0.7024), "score")


def test_three_decimals_after_a_comma(vocab):
    _, found = drafts(
        vocab, "Tiếp theo là Thừa Thiên Huế (0,7951), Hải Phòng (0,7857) và Thành phố Hồ Chí Minh (0,7770).", "ha-noi"
    )
    assert [(d.value, d.unit, d.subject) for d in found] == [
        (0.7951, "score", "hue"),
        (0.7857, "score", "hai-phong"),
        (0.777, "score", "ho-chi-minh"),
    ]


# ------------------------------------------------------------------ a/b: coverage, rank, date, document, rate


def test_a_over_b_coverage_rank_date_document_rate(vocab):
    _, coverage = only(vocab, "Lào Cai đã phê duyệt cấp độ an toàn thông tin cho 146/146 hệ thống thông tin.")
    assert (coverage.value, coverage.numerator, coverage.denominator, coverage.unit) == (None, 146, 146, "percent")
    _, rank = only(vocab, "giúp Lào Cai đứng thứ 30/63 tỉnh, thành phố về việc áp dụng nền tảng giáo dục mở.")
    assert (rank.value, rank.denominator, rank.unit, rank.indicator) == (30, 63, "rank", "moocs_rank")
    _, rank34 = only(vocab, "Tỉnh xếp thứ 14/34 về chỉ số DTI.", "tuyen-quang")
    assert (rank34.value, rank34.denominator, rank34.territory) == (14, 34, "current")
    assert drafts(vocab, "Ngày 4/2, Đoàn công tác của tỉnh đã đi kiểm tra công tác trực sẵn sàng chiến đấu.")[1] == []
    assert (
        drafts(vocab, "ngày 5/8/2021, Tập đoàn VNPT và UBND tỉnh Lào Cai đã thực hiện ký kết thỏa thuận hợp tác")[1]
        == []
    )
    assert drafts(vocab, "Đặc biệt, Quyết định số 2594/QĐ-UBND đã phê duyệt đề án phát triển dữ liệu số")[1] == []
    extraction, found = drafts(
        vocab,
        "Hiện trên địa bàn tỉnh có khoảng trên 560.000 thuê bao điện thoại di động (đạt 87 thuê bao/100 dân)",
        "dien-bien",
    )
    assert [(d.value, d.unit) for d in found] == [(560_000, "count"), (87, "per_100_people")]
    assert found[0].indicator == "mobile_subscribers"


def test_a_over_b_of_provinces_is_coverage_not_a_rank(vocab):
    _, draft = only(
        vocab, "Các Trung tâm Phục vụ hành chính công đã đi vào hoạt động, 32/34 địa phương đã thành lập", "ha-noi"
    )
    assert (draft.numerator, draft.denominator, draft.rank) == (32, 34, False)


# ------------------------------------------------------------------ qualifiers


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Gần 100.000 người dân đã được trang bị kiến thức và kỹ năng số cơ bản.", 100_000, "nearly"),
        ("đối tượng tham gia bao gồm hơn 6.050 cán bộ, công chức, viên chức.", 6050, "more_than"),
        ("Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt trên 75%.", 75, "more_than"),
        ("Tỷ trọng kinh tế số trên GRDP của tỉnh đã đạt khoảng 6%", 6, "about"),
        ("Tốc độ truy cập đạt tối thiểu 150 Mbps cho hộ gia đình", 150, "at_least"),
        (
            "Phấn đấu đến hết năm 2024 có ít nhất 28/56 thôn còn lại (50%) được đầu tư hạ tầng cáp quang internet.",
            50,
            "at_least",
        ),
        ("doanh nghiệp và đơn vị đô thị từ 1 Gbps trở lên", 1000, "at_least"),
        ("Các tỉnh, thành còn lại đều đạt tỷ lệ dưới 50%", 50, "at_most"),
        ("là 1 trong 17 tỉnh, thành phố đứng đầu có tỷ lệ nộp hồ sơ trực tuyến", 17, "at_most"),
    ],
)
def test_qualifiers(vocab, text, value, qualifier):
    _, found = drafts(vocab, text)
    assert [(d.value, d.qualifier) for d in found] == [(value, qualifier)]


def test_a_list_keeps_its_at_least(vocab):
    text = "Tốc độ truy cập đạt tối thiểu 150 Mbps cho hộ gia đình, 200 Mbps cho cơ quan, đơn vị"
    _, found = drafts(vocab, text)
    assert [(d.value, d.qualifier, d.indicator) for d in found] == [
        (150, "at_least", "household_access_speed_mbps"),
        (200, "at_least", "office_access_speed_mbps"),
    ]
    _, found = drafts(vocab, "có gần 10.000 km cáp treo, 328 km cáp ngầm internet")
    assert [(d.value, d.qualifier) for d in found] == [(10_000, "nearly"), (328, "exact")]  # "gần" is not carried


def test_estimate_is_a_forecast(vocab):
    _, found = drafts(vocab, "Viettel dự kiến lắp đặt 6.000-7.000 BTS 5G trong cả nước.", "ha-noi")
    assert [(d.low, d.high, d.kind, d.subject, d.scope) for d in found] == [
        (6000, 7000, "forecast", "national", "viettel_network")
    ]


# ------------------------------------------------------------------ targets, negation, national, changes


def test_targets_and_their_year(vocab):
    text = (
        "Năm 2025, Lào Cai đặt mục tiêu cơ bản hoàn thiện hạ tầng số với 99% thôn, tổ dân phố có điện lưới quốc gia "
        "được phủ sóng di động băng rộng và cố định; phủ sóng 5G đạt 40% toàn tỉnh. Tốc độ truy cập đạt tối thiểu "
        "150 Mbps cho hộ gia đình."
    )
    _, found = drafts(vocab, text)
    assert [(d.value, d.kind, d.target_year) for d in found] == [
        (99, "target", 2025),
        (40, "target", 2025),
        (150, "target", 2025),
    ]
    assert found[0].indicator == "villages_broadband_share"
    _, found = drafts(
        vocab, "Mục tiêu đến năm 2030: 100% nhà đầu tư đang hoạt động trong các khu công nghệ cao", "ha-noi"
    )
    assert [(d.kind, d.target_year) for d in found] == [("target", 2030)]
    _, found = drafts(
        vocab, "Khối bộ, ngành đạt 63,47% (mục tiêu 70%), còn khối tỉnh, thành chỉ đạt 18,54% (mục tiêu 30%).", "ha-noi"
    )
    assert [(d.value, d.kind) for d in found] == [(63.47, "actual"), (70, "target"), (18.54, "actual"), (30, "target")]


def test_a_goal_met_is_not_a_target(vocab):
    _, found = drafts(
        vocab, "Lào Cai là 1 trong 23 địa phương đầu tiên hoàn thành chỉ tiêu cung cấp dịch vụ công trực tuyến"
    )
    assert [(d.value, d.kind, d.qualifier) for d in found] == [(23, "actual", "at_most")]
    text = (
        "Dù đạt nhiều kết quả tích cực, tỷ lệ hồ sơ trực tuyến toàn trình của cả nước vẫn chưa đạt mục tiêu. "
        "Đến cuối năm 2024, tỷ lệ này chỉ đạt 45,8%, trong khi mục tiêu đề ra là 50%."
    )
    _, found = drafts(vocab, text, "ha-noi")
    assert [(d.value, d.kind) for d in found] == [(45.8, "actual"), (50, "target")]


def test_negation_counts_what_is_missing(vocab):
    _, found = drafts(
        vocab,
        "Toàn tỉnh vẫn còn 6 thôn chưa có hạ tầng internet băng rộng di động, "
        "56 thôn chưa có hạ tầng internet băng rộng cáp quang.",
    )
    assert [(d.value, d.kind, d.indicator) for d in found] == [
        (6, "actual", "villages_without_mobile_broadband"),
        (56, "actual", "villages_without_fibre"),
    ]


def test_national_and_other_provinces_beside_the_province(vocab):
    text = (
        "Theo số liệu từ hệ thống giám sát, đo lường Chính phủ số (EMC), trong năm 2024, "
        "Hà Nam đã xử lý trực tuyến toàn trình 68,54% trong tổng số 168.000 hồ sơ thủ tục hành chính. "
        "Đà Nẵng (58,89%), Hà Giang (55,76%) và Nam Định (52,96%) là những địa phương xếp sau."
    )
    _, found = drafts(vocab, text, "ninh-binh")
    assert [(d.value, d.subject, d.territory) for d in found] == [
        (68.54, "province", "ha-nam-35"),
        (168_000, "province", "ha-nam-35"),
        (58.89, "da-nang", "da-nang-48"),
        (55.76, "tuyen-quang", "ha-giang-02"),
        (52.96, "province", "nam-dinh-36"),
    ]
    _, found = drafts(
        vocab,
        "Trong năm 2024, Việt Nam đã tăng 15 bậc trong bảng xếp hạng Chính phủ điện tử của Liên Hợp Quốc, "
        "đứng thứ 71/193 quốc gia.",
        "ha-noi",
    )
    assert [(d.value, d.kind, d.unit, d.subject) for d in found] == [
        (15, "change", "rank_places", "national"),
        (71, "actual", "rank", "national"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Tỉnh Quảng Ngãi tiếp tục tăng 5 bậc so với năm 2022", 5, "rank_places"),
        ("DTI quốc gia năm 2024 đạt 0,7955, tăng 8,6% so với năm 2023 (0,7326)", 8.6, "percent"),
        ("tỷ lệ của tỉnh cao hơn 0,28% so với bình quân", 0.28, "percent"),
        ("số hồ sơ trực tuyến gấp gần 4 lần", 4, "ratio"),
        ("Hạ tầng số giảm 13 bậc", -13, "rank_places"),
    ],
)
def test_changes_are_not_levels(vocab, text, value, unit):
    _, found = drafts(vocab, text, "quang-ngai")
    change = next(d for d in found if d.kind == "change")
    assert (change.value, change.unit) == (value, unit)
    assert all(d.value != value for d in found if d is not change)


def test_change_keeps_its_baseline(vocab):
    _, found = drafts(vocab, "DTI quốc gia năm 2024 đạt 0,7955, tăng 8,6% so với năm 2023 (0,7326)", "ha-noi")
    assert [d.baseline for d in found if d.kind == "change"] == ["so với năm 2023"]


def test_ranks_in_words_and_lists(vocab):
    _, found = drafts(vocab, "Năm 2022, Hà Tĩnh đứng thứ hai toàn quốc về tỷ lệ cấp thẻ Căn cước công dân", "ha-tinh")
    assert [(d.value, d.unit, d.in_words) for d in found] == [(2, "rank", "thứ hai")]
    _, found = drafts(vocab, "Đáng chú ý, Thanh Hóa, Điện Biên, Hà Tĩnh giữ vị trí thứ 5, 6, 7", "ha-noi")
    assert [(d.value, d.unit) for d in found] == [(5, "rank"), (6, "rank"), (7, "rank")]
    _, found = drafts(
        vocab, "Top 10 tỉnh, thành phố đứng đầu về DTI 2023 gồm: Đà Nẵng, Thành phố Hồ Chí Minh", "ha-noi"
    )
    assert found == []


# ------------------------------------------------------------------ non-figures and page furniture


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh",
        "Có 24/26 chỉ tiêu theo Nghị quyết 05-NQ/TU, ngày 22/10/2021 của Ban Chấp hành Đảng bộ tỉnh",
        "triển khai Kế hoạch số 310/KH-UBND về phát triển hạ tầng 5G",
        "hợp tác toàn diện về lĩnh vực Viễn thông và chuyển đổi số giai đoạn 2021-2025.",
        "Kế hoạch phát triển hạ tầng số và Internet vạn vật (IoT) năm 2025, giai đoạn 2026–2030.",
        "Quyết định 6085/QĐ-BYT 2019 kiến trúc Chính phủ điện tử Bộ Y tế phiên bản 2.0",
        "Sơn La đang xây dựng khung kiến trúc số phiên bản 3.0",
        "DTI cấp quốc gia gồm 12 chỉ số chia thành 3 trụ cột chính: Chính phủ số (400 điểm), Kinh tế số (300 điểm)",
        "gồm 8 chỉ số chính với 47 chỉ số thành phần",
        "Đây là lần thứ 4 liên tiếp Bộ Thông tin và Truyền thông đánh giá",
        "Chiều 19.9, UBND TP.HCM tổ chức hội nghị",
        "Văn Thiện 07/02/2025 16:30",
        "đảm bảo an ninh mạng 24/7",
        "sóng mạng 4G, 5G",
        "date 2025-10-21 Tại Chương trình Chào mừng Ngày Chuyển đổi số Quốc gia năm 2025",
    ],
)
def test_not_figures(vocab, text):
    extraction, found = drafts(vocab, text)
    assert [extraction.quote(d) for d in found if d.numerator != 24] == []
    assert extraction.skipped  # each number is accounted for, with a reason


def test_related_news_block_is_page_furniture(vocab):
    text = (TUNE / "seed-000-doingoailaocai-24110.txt").read_text(encoding="utf-8")
    extraction, found = drafts(vocab, text)
    furniture = text.index("Tin Liên Quan")
    assert "99,97%" in text[furniture:]
    assert all(extraction.article.where[d.start] < furniture - text.index("---\n") for d in found)
    assert not any(d.value == 99.97 for d in found)


# ------------------------------------------------------------------ text handling


def test_decomposed_unicode_keeps_original_quotes(vocab):
    text = unicodedata.normalize("NFD", "Tỉnh có gần 390.000 thuê bao di động.")
    extraction, draft = only(vocab, text, "lai-chau")
    assert (draft.value, draft.qualifier, draft.indicator) == (390_000, "nearly", "mobile_subscribers")
    quote = extraction.quote(draft)
    assert quote in text and unicodedata.normalize("NFC", quote) == "gần 390.000 thuê bao di động"


def test_every_quote_is_verbatim_and_states_its_number(vocab):
    for path in sorted(TUNE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        extraction = extract_text(text, "ha-noi", vocab)
        for draft in extraction.drafts:
            quote = extraction.quote(draft)
            assert quote in text, (path.name, quote)
            assert extraction.article.body[draft.start : draft.end] in unicodedata.normalize("NFC", quote)


def test_matching_lives_in_indicators_yaml(vocab, tmp_path):
    """Removing an indicator's aliases from the YAML (no code change) removes the match."""
    text = "toàn tỉnh có 2.915 trạm thu phát sóng thông tin di động, trong đó có 766 trạm 2G"
    assert [d.indicator for d in drafts(vocab, text)[1]] == ["base_stations_total", "base_stations_2g"]
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    registry = (data / "indicators.yaml").read_text(encoding="utf-8")
    registry = registry.replace('aliases: ["trạm 2G", "trạm BTS 2G"]', "aliases: []")
    (data / "indicators.yaml").write_text(registry, encoding="utf-8")
    changed = load_vocabulary(data)
    assert [d.indicator for d in drafts(changed, text)[1]] == ["base_stations_total", None]


# ------------------------------------------------------------------ the command and its draft files


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scorecard", *args], cwd=cwd, capture_output=True, text=True)


def test_cli_prints_yaml_drafts_and_writes_nothing(tmp_path):
    article = TUNE / "seed-001-dantri-lai-chau.txt"
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    result = run(
        "extract", str(article), "--province", "lai-chau", "--source", "dantri-2025-11-01-lai-chau", "--data", str(data)
    )
    assert result.returncode == 0, result.stderr
    document = yaml.safe_load(result.stdout)
    assert document["draft"] is True and document["province"] == "lai-chau"
    by_quote = {o["quote"]: o for o in document["observations"]}
    assert by_quote["gần 390.000 thuê bao di động"] | {} == {
        "indicator": "mobile_subscribers",
        "value": 390000,
        "unit": "count",
        "kind": "actual",
        "qualifier": "nearly",
        "subject": "province",
        "source": "dantri-2025-11-01-lai-chau",
        "quote": "gần 390.000 thuê bao di động",
    }
    assert {"text": "24/7", "why": "a fixed expression"} in document["not_figures"]
    assert not (data / "drafts").exists()


def test_write_creates_a_marked_draft_that_validate_reports_and_never_overwrites(tmp_path):
    article = TUNE / "seed-003-doingoailaocai-20985.txt"
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    args = ("extract", str(article), "--province", "lao-cai", "--source", "doingoailaocai-20985-chuyen-doi-so-2024")
    result = run(*args, "--write", "--data", str(data))
    assert result.returncode == 0, result.stderr
    draft = data / "drafts" / "lao-cai-doingoailaocai-20985-chuyen-doi-so-2024.yaml"
    assert draft.read_text(encoding="utf-8").startswith("# DRAFT, not data")
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file() and p != draft} == before
    again = run(*args, "--write", "--data", str(data))
    assert again.returncode == 1 and "exists already" in again.stderr
    validate = run("validate", "--data", str(data))
    assert (
        "data/drafts/lao-cai-doingoailaocai-20985-chuyen-doi-so-2024.yaml:1:1: warning: draft with 18 figure(s)"
        in validate.stdout
    )


def test_cli_refuses_an_unknown_province(tmp_path):
    result = run("extract", str(TUNE / "seed-001-dantri-lai-chau.txt"), "--province", "lai-chau-x")
    assert result.returncode == 2 and "unknown province 'lai-chau-x'" in result.stderr


def test_drafts_in_the_current_vocabulary_validate_as_observations(vocab):
    from scorecard.extract.output import observation
    from scorecard.model import Observation

    extraction = extract_text(
        (TUNE / "seed-002-baolaocai-ha-tang-so.txt").read_text(encoding="utf-8"), "lao-cai", vocab
    )
    checked = 0
    for draft in extraction.drafts:
        item = observation(draft, extraction, "baolaocai-tao-dot-pha-ha-tang-so")
        if item["indicator"] is None or item["kind"] not in ("actual", "target"):
            continue
        Observation.model_validate({k: v for k, v in item.items() if k != "suggested_name"})
        checked += 1
    assert checked >= 20


# ------------------------------------------------------------------ the benchmark and the seeds


def _bench():
    spec = importlib.util.spec_from_file_location("bench_extract", ROOT / "scripts" / "bench_extract.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_extract"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_tune_benchmark_and_no_figure_on_dates_or_documents(vocab):
    bench = _bench()
    score = bench.score_set("tune", vocab)
    assert score.labels >= 150 and len(list(TUNE.glob("*.yaml"))) >= 15
    assert score.hits / score.drafts >= 0.95 and score.hits / score.labels >= 0.95, score.misses
    assert score.on_non_figures == 0


def test_seed_drafts_reproduce_the_data_files(vocab):
    differences = _bench().seed_differences(DATA, vocab)
    assert all(": indicator None (data: " in line for line in differences), differences
    assert len(differences) <= 2


def test_page_dates_weekdays_and_time_zones_are_not_figures(vocab):
    extraction, found = drafts(vocab, "Cập nhật, 16:57, Thứ Hai, 08/08/2022 (GMT+7)", "vinh-long")
    assert found == [] and len(extraction.skipped) == 3


def test_an_earlier_rank_out_of_the_same_n_is_a_rank(vocab):
    _, found = drafts(vocab, "Vĩnh Long xếp hạng 32/63 (ảnh), tăng 20 bậc so với DTI 2020 (52/63)", "vinh-long")
    assert [(d.value, d.unit, d.kind) for d in found] == [
        (32, "rank", "actual"),
        (20, "rank_places", "change"),
        (52, "rank", "actual"),
    ]


def test_a_top_group_is_a_rank_of_at_most_n(vocab):
    text = "Nam Định luôn nằm trong tốp 10 tỉnh, thành phố dẫn đầu cả nước về kết quả giải quyết thủ tục hành chính"
    _, found = drafts(vocab, text, "ninh-binh")
    assert [(d.value, d.unit, d.qualifier, d.territory) for d in found] == [(10, "rank", "at_most", "nam-dinh-36")]


def test_goals_listed_in_the_next_paragraph_stay_goals(vocab):
    text = (
        "Mục tiêu cụ thể, trong giai đoạn 2025 - 2027, Đà Nẵng mở rộng vùng phủ sóng 5G; tối thiểu 30% người sử dụng "
        "có khả năng truy cập băng rộng cố định với tốc độ trên 1Gb/s.\n\n"
        "Tỷ lệ thuê bao sử dụng điện thoại thông minh/tổng thuê bao điện thoại di động đạt 95%; tỷ lệ thôn, bản được "
        "phủ sóng di động băng rộng đạt 100%.\n\n"
        "Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng hồ sơ giải quyết thủ tục hành chính của cả nước "
        "tháng 10/2025 đạt 39,98%."
    )
    _, found = drafts(vocab, text, "da-nang")
    assert [(d.value, d.kind) for d in found] == [
        (30, "target"),
        (1000, "target"),
        (95, "target"),
        (100, "target"),
        (39.98, "actual"),
    ]
