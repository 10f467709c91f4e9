"""The interface's words in Vietnamese (the default) and English, and how dates and figures read.

Only the site's own words live here; what an indicator or a province is called lives in
``data/``. Pages ask for ``t(lang, key)`` so a missing translation fails the build loudly.
"""

from __future__ import annotations

from .model import as_of_bounds

LANGS = ("vi", "en")

STRINGS: dict[str, dict[str, str]] = {
    "site_title": {"vi": "Bảng điểm chuyển đổi số cấp tỉnh", "en": "Provincial Digital Transformation Scorecard"},
    "home": {"vi": "Trang chủ", "en": "Home"},
    "provinces": {"vi": "Tỉnh, thành phố", "en": "Provinces"},
    "indicators": {"vi": "Chỉ tiêu", "en": "Indicators"},
    "sources": {"vi": "Nguồn", "en": "Sources"},
    "methodology": {"vi": "Phương pháp", "en": "Methodology"},
    "downloads": {"vi": "Tải dữ liệu", "en": "Downloads"},
    "changes": {"vi": "Thay đổi", "en": "Changes"},
    "about": {"vi": "Giới thiệu và trích dẫn", "en": "About and citation"},
    "no_data": {"vi": "Chưa có dữ liệu", "en": "No data yet"},
    "no_data_long": {
        "vi": "Chưa có số liệu nào về tỉnh này. Nếu bạn có một bài báo hay văn bản chính thức nêu số liệu, "
        "hãy xem hướng dẫn đóng góp.",
        "en": "There is no figure about this province yet. If you know an article or an official document "
        "that gives one, see how to contribute.",
    },
    "how_to_contribute": {"vi": "Hướng dẫn đóng góp", "en": "How to contribute"},
    "data_version": {"vi": "Phiên bản dữ liệu", "en": "Data version"},
    "released": {"vi": "phát hành", "en": "released"},
    "actual": {"vi": "thực tế", "en": "actual"},
    "target": {"vi": "mục tiêu", "en": "target"},
    "latest": {"vi": "Mới nhất", "en": "Latest"},
    "target_header": {"vi": "Mục tiêu", "en": "Target"},
    "date": {"vi": "Thời điểm", "en": "Date"},
    "figure": {"vi": "Số liệu", "en": "Figure"},
    "indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "province": {"vi": "Tỉnh", "en": "Province"},
    "source": {"vi": "Nguồn", "en": "Source"},
    "quote": {"vi": "Trích dẫn nguyên văn", "en": "Verbatim quote (Vietnamese)"},
    "note": {"vi": "Ghi chú", "en": "Note"},
    "territory": {"vi": "Địa bàn", "en": "Territory"},
    "scope": {"vi": "Phạm vi", "en": "Scope"},
    "kind": {"vi": "Loại", "en": "Kind"},
    "progress": {"vi": "Tiến độ so với mục tiêu", "en": "Progress toward the target"},
    "history": {"vi": "Diễn biến theo thời gian", "en": "Over time"},
    "all_figures": {"vi": "Tất cả số liệu", "en": "Every figure"},
    "latest_figures": {"vi": "Số liệu mới nhất của mỗi tỉnh", "en": "Each province's latest figures"},
    "latest_figures_intro": {
        "vi": "Với mỗi tỉnh: số liệu thực tế mới nhất của từng địa bàn, cùng mọi mục tiêu, dự báo và mức thay đổi, "
        "mỗi số liệu kèm nguồn và câu trích nguyên văn. Các số liệu cũ hơn ở mục “Số liệu trước đó”.",
        "en": "For each province: the latest actual figure of each territory, and every target, forecast and change, "
        "each with its source and verbatim quote. Older figures are under “Earlier figures”.",
    },
    "earlier_figures": {"vi": "Số liệu trước đó", "en": "Earlier figures"},
    "earlier_figures_intro": {
        "vi": "Mỗi số liệu dẫn tới hàng của nó trong trang số liệu của tỉnh, nơi có nguồn, câu trích nguyên văn "
        "và cách trích dẫn.",
        "en": "Each figure leads to its row on the province's figures page, with its source, verbatim quote "
        "and how to cite it.",
    },
    "figures_link": {
        "vi": "Tất cả {figures} số liệu, mỗi số liệu kèm nguồn, câu trích nguyên văn và cách trích dẫn",
        "en": "All {figures} figures, each with its source, verbatim quote and how to cite it",
    },
    "back_to_scorecard": {"vi": "← Bảng điểm của {name}", "en": "← The scorecard of {name}"},
    "comparison": {
        "vi": "Số liệu để so sánh (không phải của tỉnh)",
        "en": "Figures quoted for comparison (not the province's own)",
    },
    "pillar": {"vi": "Trụ cột", "en": "Pillar"},
    "by_pillar": {"vi": "Bảng điểm theo trụ cột", "en": "Scorecard by pillar"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "definition": {"vi": "Định nghĩa", "en": "Definition"},
    "why": {"vi": "Vì sao quan trọng", "en": "Why it matters"},
    "caveats": {"vi": "Lưu ý khi đọc", "en": "Caveats"},
    "ranking": {"vi": "Xếp hạng các tỉnh (giá trị mới nhất)", "en": "Provinces ranked (latest value)"},
    "not_comparable": {
        "vi": "Chỉ tiêu này không so sánh được giữa các tỉnh, nên không xếp hạng.",
        "en": "This indicator is not comparable across provinces, so it is not ranked.",
    },
    "data_table": {"vi": "Bảng số liệu của biểu đồ", "en": "The chart's data as a table"},
    "interactive": {"vi": "Xem biểu đồ tương tác", "en": "Show the interactive chart"},
    "download": {"vi": "Tải về", "en": "Download"},
    "png_how": {
        "vi": "Ảnh PNG gấp đôi kích thước, do trình duyệt của bạn vẽ từ tệp SVG",
        "en": "A PNG at twice the size, drawn by your browser from the SVG",
    },
    "cite_page": {"vi": "Trích dẫn trang này", "en": "Cite this page"},
    "address_not_fixed": {
        "vi": "Địa chỉ công khai của trang chưa được cố định; hãy dùng địa chỉ bạn đang xem.",
        "en": "The site's public address is not fixed yet; use the address you are reading.",
    },
    "date_not_stated": {"vi": "nguồn không ghi ngày", "en": "date not stated by the source"},
    "no_year": {"vi": "không nêu năm", "en": "no year stated"},
    "coverage": {"vi": "Mức độ có dữ liệu của 34 tỉnh, thành phố", "en": "Data coverage of the 34 provinces"},
    "figures_count": {"vi": "số liệu", "en": "figures"},
    "indicators_count": {"vi": "chỉ tiêu", "en": "indicators"},
    "headline": {"vi": "Các chỉ tiêu chính", "en": "Headline indicators"},
    "former_territory": {"vi": "địa bàn cũ, trước {date}", "en": "former territory, before {date}"},
    "current_territory": {"vi": "địa bàn hiện nay, từ {date}", "en": "current territory, since {date}"},
    "unchanged_territory": {"vi": "không đổi địa bàn năm {year}", "en": "territory unchanged in {year}"},
    "forecast": {"vi": "dự kiến", "en": "forecast"},
    "former_short": {"vi": "{name} ({code}), trước {date}", "en": "{name} ({code}), before {date}"},
    "change": {"vi": "thay đổi", "en": "change"},
    "whose": {"vi": "Số liệu của", "en": "Whose figure"},
    "past_target": {"vi": "mục tiêu đã qua", "en": "past target"},
    "as_reported": {"vi": "theo bài đăng {date}", "en": "as reported on {date}"},
    "since_until": {"vi": "từ {start} đến {end}", "en": "from {start} to {end}"},
    "national": {"vi": "Cả nước", "en": "Whole country"},
    "national_figures": {"vi": "Số liệu cả nước", "en": "National figures"},
    "compared_with": {"vi": "so với", "en": "compared with"},
    "territory_break": {
        "vi": "Địa bàn của tỉnh thay đổi ngày {date}: số liệu trước và sau ngày đó mô tả hai vùng đất khác nhau "
        "và không được nối với nhau.",
        "en": "The province's territory changed on {date}: figures before and after describe different land and "
        "are never joined.",
    },
    "merged_from": {"vi": "Hợp nhất từ", "en": "Merged from"},
    "code": {"vi": "Mã", "en": "Code"},
    "figures_from_source": {"vi": "Số liệu lấy từ nguồn này", "en": "Figures taken from this source"},
    "sources_intro": {
        "vi": "Các bài báo, cổng thông tin và văn bản mà số liệu được lấy từ đó, theo tỉnh, thành phố: mỗi nguồn "
        "kèm những gì biết về nó và các số liệu lấy từ nó.",
        "en": "The articles, portals and documents the figures come from, by province: each source with what is "
        "known of it and the figures taken from it.",
    },
    "sources_national": {"vi": "số liệu cả nước", "en": "the country's figures"},
    "sources_shared": {"vi": "dùng chung cho nhiều tỉnh", "en": "shared by several provinces"},
    "sources_all": {"vi": "← Mọi nguồn, theo tỉnh", "en": "← Every source, by province"},
    "author": {"vi": "Tác giả", "en": "Author"},
    "publisher": {"vi": "Đơn vị đăng", "en": "Publisher"},
    "published": {"vi": "Ngày đăng", "en": "Published"},
    "period": {"vi": "Thời kỳ (theo bài)", "en": "Period (as the text says)"},
    "not_stated": {"vi": "không ghi", "en": "not stated"},
    "license_note": {
        "vi": "Dữ liệu được phát hành theo giấy phép {license}: bạn được dùng lại, kể cả cho mục đích thương mại, "
        "với điều kiện ghi nguồn.",
        "en": "The data is released under {license}: reuse it, commercially too, as long as you credit it.",
    },
    "checksums": {
        "vi": "mã băm SHA-256 của mọi tệp dữ liệu và tệp tải về (sha256sum -c)",
        "en": "SHA-256 checksums of every data file and download (sha256sum -c)",
    },
    "how_to_cite": {"vi": "Cách trích dẫn", "en": "How to cite"},
    "skip_other_language": {"vi": "English", "en": "Tiếng Việt"},
    "computed": {
        "vi": "tính từ tử số/mẫu số, bài không ghi tỷ lệ",
        "en": "computed from the fraction; the text gives no percent",
    },
    "open_source": {"vi": "mở nguồn", "en": "open source"},
    "for_comparison": {"vi": "để so sánh", "en": "for comparison"},
    "rank_of": {"vi": "hạng {value}/{of}", "en": "rank {value} of {of}"},
    "rank_within": {"vi": "trong nhóm {value} dẫn đầu", "en": "within the top {value}"},
    "no_target": {"vi": "chưa có mục tiêu", "en": "no target"},
    "scoped_caveat": {"vi": "{n} số liệu chỉ có phạm vi: {names}", "en": "{n} figure(s) cover only: {names}"},
    # the charts: legends, tooltips, alt text ({date} is the merger day, from data/former-units.yaml)
    "chart_rank": {"vi": "Hạng", "en": "Rank"},
    "chart_before": {"vi": "trước {date}", "en": "before {date}"},
    "chart_from": {"vi": "từ {date}", "en": "from {date}"},
    "chart_unclear": {"vi": "chưa rõ địa bàn", "en": "territory unclear"},
    "chart_merger": {"vi": "sáp nhập {date}", "en": "merger {date}"},
    "chart_by": {"vi": "năm", "en": "by"},
    "chart_current": {"vi": "Địa bàn hiện nay", "en": "Current territory"},
    "chart_former": {"vi": "Địa bàn trước {date}", "en": "Territory before {date}"},
    "chart_ranking_sub": {"vi": "Số liệu năm {year} của mỗi tỉnh", "en": "Each province's figure for {year}"},
    "chart_ranking_base": {"vi": ", xếp hạng trên {base}", "en": ", ranked out of {base}"},
    "chart_left_out": {
        "vi": "{n} tỉnh khác có số liệu của năm khác, hạng trên cơ sở khác hoặc của đơn vị cũ: "
        "không so sánh ở đây (xem số liệu mới nhất của mỗi tỉnh).",
        "en": "{n} other provinces have figures of another year, another ranking base or a former unit: "
        "not compared here (see each province's latest figures).",
    },
    "chart_whole_province": {"vi": "toàn tỉnh", "en": "whole province"},
    "chart_ranked": {
        "vi": "{n} tỉnh có số liệu; xếp {order}: {list}.",
        "en": "{n} provinces with a figure, {order}: {list}.",
    },
    "chart_desc": {"vi": "từ cao xuống thấp", "en": "highest first"},
    "chart_asc": {"vi": "từ thấp lên cao", "en": "lowest first"},
    "chart_break": {
        "vi": "Địa bàn thay đổi ngày {date}: số liệu của {names} là các đường riêng, không nối với nhau.",
        "en": "The territory changed on {date}: figures for {names} are separate lines, not joined.",
    },
    "chart_scoped": {
        "vi": "{n} số liệu có phạm vi hẹp hơn toàn tỉnh ({scope}) được vẽ riêng bằng nét đứt.",
        "en": "{n} figure(s) covering less than the province ({scope}) are drawn apart with dashed lines.",
    },
    "chart_mixed_territory": {
        "vi": "Số liệu của {names} là của địa bàn trước {date} (màu cam).",
        "en": "Figures for {names} describe the territory before {date} (orange).",
    },
    "chart_undated": {
        "vi": "{n} số liệu không ghi thời điểm nên không được vẽ.",
        "en": "{n} figure(s) with no date are not drawn.",
    },
    # the Changes page and the pull-request summary (scorecard/diff.py)
    "changes_title": {"vi": "Thay đổi dữ liệu", "en": "Data changes"},
    "changes_added": {"vi": "thêm", "en": "added"},
    "changes_changed": {"vi": "sửa", "en": "corrected"},
    "changes_removed": {"vi": "bỏ", "en": "removed"},
    "changes_none": {"vi": "Không có số liệu nào thay đổi.", "en": "No figure changed."},
    "changes_warning": {"vi": "Lưu ý", "en": "Warning"},
    "changes_title_changed": {"vi": "Đính chính (cũ → mới)", "en": "Corrections (old → new)"},
    "changes_title_added": {"vi": "Thêm mới", "en": "Added"},
    "changes_title_removed": {"vi": "Bỏ đi", "en": "Removed"},
    "changes_first": {
        "vi": "Đây là phiên bản dữ liệu đầu tiên: mọi số liệu đều mới.",
        "en": "This is the first data version: every figure is new.",
    },
    "home_intro": {
        "vi": "Bảng điểm công khai về mức độ số hóa dịch vụ công của các tỉnh, thành phố Việt Nam. Mỗi con số đều kèm "
        "đơn vị, thời điểm, nguồn và một câu trích nguyên văn từ nguồn; mục tiêu được tách khỏi kết quả thực tế.",
        "en": "A public scorecard of how far Vietnam's provinces have digitised their public services. Every figure "
        "carries its unit, its date, its source and a verbatim quote from it; targets are kept apart from actuals.",
    },
    "changes_intro": {
        "vi": "Những gì phiên bản dữ liệu này thêm, sửa hoặc bỏ so với phiên bản trước. Một số liệu đã công bố mà được "
        "sửa luôn hiện cả giá trị cũ và mới.",
        "en": "What this data version added, corrected or removed since the previous one. A published figure that was "
        "corrected always shows both its old and new value.",
    },
    "changes_unreadable": {
        "vi": "Không đọc được phiên bản trước ({previous}).",
        "en": "The previous version ({previous}) could not be read.",
    },
    "cite_figure": {"vi": "Trích dẫn số liệu này", "en": "Cite this figure"},
    "ranked_apart": {
        "vi": "Không xếp hạng cùng (số liệu mới nhất của năm khác năm {year}, theo cơ sở xếp hạng khác hoặc của "
        "đơn vị cũ):",
        "en": "Not ranked with them (the latest figure is of another year than {year}, of another ranking base "
        "or of a former unit):",
    },
    "ranked_none": {"vi": "Số liệu mới nhất của từng tỉnh:", "en": "Each province's latest figure:"},
    "chart_national": {
        "vi": "Cả nước: {figure} ({date}), đường đứt nét.",
        "en": "Whole country: {figure} ({date}), the dashed line.",
    },
    # ---- embedding a chart (scorecard/pages/embed.py) ----
    "embed_chart": {"vi": "Nhúng biểu đồ vào trang khác", "en": "Embed this chart in another page"},
    "embed_how": {
        "vi": "Dán đoạn mã này vào trang của bạn; biểu đồ giữ nguyên phiên bản dữ liệu này, kèm nguồn và bảng số.",
        "en": "Paste this code into your page; the chart stays at this data version, with its sources and numbers.",
    },
    "embed_full_page": {"vi": "Xem trang đầy đủ", "en": "See the full page"},
    # ---- the compare page (scorecard/pages/compare.py) ----
    "compare_title": {"vi": "So sánh các tỉnh, thành phố", "en": "Compare provinces"},
    "compare_intro": {
        "vi": "Số liệu mới nhất của mỗi tỉnh, thành phố, theo từng trụ cột: mỗi hàng là một tỉnh, mỗi cột một chỉ "
        "tiêu. Số liệu có thể thuộc các năm khác nhau; ngày ghi dưới mỗi số.",
        "en": "Each province's latest figures, pillar by pillar: a row per province, a column per indicator. "
        "Figures may be of different years; the date is under each figure.",
    },
    "compare_pick": {"vi": "Chọn các tỉnh, thành phố để so sánh", "en": "Choose the provinces to compare"},
    "compare_all": {"vi": "Hiện tất cả", "en": "Show all"},
    "compare_no_js": {
        "vi": "Các bảng dưới đây đặt cả 34 tỉnh, thành phố cạnh nhau; bật JavaScript để chỉ chọn một vài tỉnh.",
        "en": "The tables below set all 34 provinces side by side; turn on JavaScript to choose a few.",
    },
    "compare_left_out": {
        "vi": "{n} chỉ tiêu khác của trụ cột này có số liệu của dưới 3 tỉnh, thành phố; xem trang {link}.",
        "en": "{n} other indicators of this pillar have figures for fewer than 3 provinces; see the {link} page.",
    },
    # ---- the headline cards of a province page (scorecard/pages/cards.py) ----
    "card_to_figure": {"vi": "Xem số liệu này, nguồn và câu trích", "en": "See this figure, its source and quote"},
    "card_progress": {"vi": "đạt", "en": "reached"},
    "card_rank_term": {"vi": "Xếp hạng", "en": "Rank"},
    "card_rank": {
        "vi": "thứ {place}/{count} tỉnh, thành phố có số liệu năm {year}",
        "en": "{place} of {count} provinces with a {year} figure",
    },
    "card_national": {"vi": "Cả nước", "en": "Whole country"},
    # ---- the tile map of the 34 provinces (scorecard/tilemap.py) ----
    "map_heading": {"vi": "Bản đồ 34 tỉnh, thành phố", "en": "Map of the 34 provinces"},
    "map_intro": {
        "vi": "Mỗi ô là một tỉnh, thành phố, tô màu theo số liệu mới nhất về {indicator}; chọn một ô để xem tỉnh đó.",
        "en": "Each tile is a province, shaded by its latest figure for {indicator}; choose a tile to open it.",
    },
    "tilemap_title": {
        "vi": "{indicator}: bản đồ {total} tỉnh, thành phố",
        "en": "{indicator}: map of the {total} provinces",
    },
    "tilemap_desc": {
        "vi": "{n}/{total} tỉnh, thành phố có số liệu; cao nhất: {high}; thấp nhất: {low}.",
        "en": "{n} of {total} provinces have a figure; highest: {high}; lowest: {low}.",
    },
    "tilemap_desc_count": {
        "vi": "{n}/{total} tỉnh, thành phố có số liệu.",
        "en": "{n} of {total} provinces have a figure.",
    },
    "tilemap_desc_none": {
        "vi": "Chưa tỉnh, thành phố nào có số liệu.",
        "en": "No province has a figure yet.",
    },
    "tilemap_tile": {"vi": "{name}: {figure} ({date})", "en": "{name}: {figure} ({date})"},
    "tilemap_tile_none": {"vi": "{name}: chưa có số liệu", "en": "{name}: no data"},
    "tilemap_no_data": {"vi": "chưa có số liệu", "en": "no data"},
    "tilemap_has_figure": {"vi": "có số liệu", "en": "has a figure"},
    "tilemap_legend": {"vi": "Chú giải bản đồ", "en": "Map legend"},
    "tilemap_count": {"vi": "{n} tỉnh", "en": "{n} provinces"},
    "tilemap_count_one": {"vi": "1 tỉnh", "en": "1 province"},
    "tilemap_darker": {
        "vi": "Màu càng đậm, số liệu càng cao.",
        "en": "The darker the tile, the higher the figure.",
    },
    "tilemap_lower_better": {
        "vi": "Với chỉ tiêu này, số thấp hơn là tốt hơn.",
        "en": "For this indicator, a lower figure is better.",
    },
    "tilemap_not_comparable": {
        "vi": "Chỉ tiêu này không so sánh được giữa các tỉnh, nên các ô không tô màu theo số liệu.",
        "en": "This indicator is not comparable across provinces, so the tiles are not shaded by value.",
    },
    "tilemap_former": {
        "vi": "*: số liệu của đơn vị cũ, trước {date}.",
        "en": "*: a former unit's figure, from before {date}.",
    },
    "tilemap_dates": {
        "vi": "Mỗi ô là số liệu mới nhất của tỉnh; thời điểm khác nhau giữa các tỉnh (xem tên từng ô).",
        "en": "Each tile is the province's latest figure; dates differ between provinces (see each tile's name).",
    },
    # the qualifier of a figure as a mark on the tile ("hơn 87 %" shows as "> 87 %")
}

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def t(lang: str, key: str) -> str:
    """The interface text ``key`` in ``lang``."""
    return STRINGS[key][lang]


def date_text(as_of: int | str, lang: str) -> str:
    """An ``as_of`` at its own precision: "tháng 5/2025" / "May 2025", "31/12/2020" / "31 December 2020"."""
    parts = str(as_of).split("-")
    first, _ = as_of_bounds(as_of)
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return f"tháng {first.month}/{first.year}" if lang == "vi" else f"{_MONTHS_EN[first.month - 1]} {first.year}"
    return (
        f"{first.day}/{first.month}/{first.year}"
        if lang == "vi"
        else f"{first.day} {_MONTHS_EN[first.month - 1]} {first.year}"
    )


# ---------------------------------------------------------------- the JSON API (scorecard/api.py)
# The downloads page's section on the API (api.api_summary); one block of its own, apart from STRINGS above.
STRINGS.update(
    {
        "api_heading": {"vi": "API JSON", "en": "JSON API"},
        "api_intro": {
            "vi": "Cùng các số liệu ấy, mỗi tỉnh, mỗi chỉ tiêu một tệp JSON, gắn với phiên bản dữ liệu này; "
            "mỗi loại tệp có một JSON Schema (draft 2020-12) để kiểm tra.",
            "en": "The same figures as one JSON file per province and per indicator, fixed to this data version; "
            "each kind of file has a JSON Schema (draft 2020-12) to check it against.",
        },
        "api_index": {
            "vi": "Mục lục: phiên bản, giấy phép, cách trích dẫn, danh sách tỉnh và chỉ tiêu kèm đường dẫn tệp",
            "en": "Index: version, licence, citation, and every province and indicator with its file's path",
        },
        "api_province": {
            "vi": "Một tỉnh: tên, mã, đơn vị cũ, mọi số liệu kèm nguồn và trích dẫn nguyên văn, "
            "số liệu mới nhất và thứ hạng theo từng chỉ tiêu",
            "en": "One province: name, code, former units, every figure with its source and verbatim quote, "
            "and its latest figure and rank per indicator",
        },
        "api_indicator": {
            "vi": "Một chỉ tiêu: định nghĩa, đơn vị, số liệu mới nhất của từng tỉnh, xếp hạng và số liệu cả nước",
            "en": "One indicator: definition, unit, each province's latest figure, the ranking and national figures",
        },
        "api_national": {"vi": "Số liệu cả nước", "en": "The national figures"},
        "api_schemas": {"vi": "JSON Schema của từng loại tệp", "en": "The JSON Schema of each kind of file"},
        "api_datapackage": {
            "vi": "Gói dữ liệu Frictionless mô tả các tệp API, kèm kích thước và mã băm SHA-256",
            "en": "A Frictionless data package describing the API's files, with their sizes and SHA-256 hashes",
        },
    }
)
