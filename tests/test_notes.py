"""Editors' notes are bilingual: each page shows its own language, never English on a Vietnamese page.

A plain note is Vietnamese (the editors' language); a note written with ``vi:`` and ``en:``
gives each page its own text. The validator refuses a plain note that reads as English,
at its line, and the exports keep both languages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scorecard.__main__ import main

QUOTE = '    quote: "92% hồ sơ xử lý trực tuyến"\n'
PROVINCE = "provinces/lai-chau.yaml"


def add_note(data: Path, note_yaml: str) -> int:
    """Put ``note_yaml`` (already indented) after the online_dossiers_share quote; its line number."""
    path = data / PROVINCE
    text = path.read_text(encoding="utf-8")
    assert text.count(QUOTE) == 1
    before = text.split(QUOTE)[0] + QUOTE
    path.write_text(before + note_yaml + text[len(before) :], encoding="utf-8")
    return before.count("\n") + 1


@pytest.mark.parametrize(
    "note",
    [
        "Fibre reaches the centre of every commune and ward of the merged province.",
        "'Đến nay' in an article dated 2025-12-20.",  # a quoted Vietnamese phrase inside English prose
        "The count of Hà Giang is not the same as the one of the merged province.",
    ],
)
def test_a_plain_english_note_is_refused_at_its_line(data_dir, validate, note):
    line = add_note(data_dir, f"    note: {json.dumps(note, ensure_ascii=False)}\n")
    run = validate(data_dir)
    message = run.line_saying(f"data/{PROVINCE}:{line}:", ["looks English", "vi:", "en:"])
    assert ": warning: " not in message
    assert run.code != 0


@pytest.mark.parametrize(
    "note_yaml",
    [
        "    note: Ước tính; bài không in năm mà con số mô tả.\n",
        "    note:\n      vi: Cáp quang tới mọi xã, phường.\n      en: Fibre reaches every commune and ward.\n",
    ],
)
def test_a_vietnamese_or_bilingual_note_passes(data_dir, validate, note_yaml):
    add_note(data_dir, note_yaml)
    run = validate(data_dir)
    assert run.code == 0, run.out
    assert not [line for line in run.lines if "looks English" in line]


def test_a_note_with_one_language_only_is_refused_with_what_to_add(data_dir, validate):
    line = add_note(data_dir, "    note:\n      en: Fibre reaches every commune and ward.\n")
    run = validate(data_dir)
    assert run.code != 0
    assert any(text.startswith(f"data/{PROVINCE}:{line}") and "add `vi:`" in text for text in run.errors), run.out


def test_the_exports_keep_both_languages(data_dir, tmp_path):
    add_note(data_dir, "    note:\n      vi: Cáp quang tới mọi xã.\n      en: Fibre reaches every commune.\n")
    assert main(["export", "--data", str(data_dir), "--format", "json", "--out", str(tmp_path / "o.json")]) == 0
    rows = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["observations"]
    row = next(r for r in rows if r["province"] == "lai-chau" and r["indicator"] == "online_dossiers_share")
    assert (row["note"], row["note_en"]) == ("Cáp quang tới mọi xã.", "Fibre reaches every commune.")


def test_a_plain_vietnamese_note_has_no_english_column(data_dir, tmp_path):
    add_note(data_dir, "    note: Ước tính; bài không in năm.\n")
    assert main(["export", "--data", str(data_dir), "--format", "json", "--out", str(tmp_path / "o.json")]) == 0
    rows = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["observations"]
    row = next(r for r in rows if r["province"] == "lai-chau" and r["indicator"] == "online_dossiers_share")
    assert (row["note"], row["note_en"]) == ("Ước tính; bài không in năm.", None)


def test_a_plain_english_period_is_refused_and_a_bilingual_one_reads_in_each_language(data_dir, validate, tmp_path):
    path = data_dir / PROVINCE
    text = path.read_text(encoding="utf-8")
    block = "    period: Hiện\n    source: dantri-2025-11-01-lai-chau\n" + QUOTE
    assert text.count(block) == 1
    english = '    period: "currently (article updated 18/11/2025)"\n'
    path.write_text(text.replace(block, block.replace("    period: Hiện\n", english)), encoding="utf-8")
    line = text.split(block)[0].count("\n") + 1
    run = validate(data_dir)
    run.line_saying(f"data/{PROVINCE}:{line}:", ["period looks English", "vi:", "en:"])

    both = "    period:\n      vi: hiện nay (bài cập nhật ngày 18/11/2025)\n"
    both += "      en: currently (article updated 18/11/2025)\n"
    path.write_text(text.replace(block, block.replace("    period: Hiện\n", both)), encoding="utf-8")
    assert validate(data_dir).code == 0
    assert main(["export", "--data", str(data_dir), "--format", "json", "--out", str(tmp_path / "o.json")]) == 0
    rows = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["observations"]
    row = next(r for r in rows if r["province"] == "lai-chau" and r["indicator"] == "online_dossiers_share")
    assert (row["period"], row["period_en"]) == (
        "hiện nay (bài cập nhật ngày 18/11/2025)",
        "currently (article updated 18/11/2025)",
    )


def test_each_page_shows_the_note_in_its_language_and_marks_a_vietnamese_one_on_the_english_page(data_dir):
    from bs4 import BeautifulSoup

    from scorecard.dataset import load_dataset
    from scorecard.pages import all_pages

    add_note(data_dir, "    note:\n      vi: Cáp quang tới mọi xã.\n      en: Fibre reaches every commune.\n")
    quote = '    quote: "675/675 dịch vụ công trực tuyến toàn trình"\n'
    path = data_dir / PROVINCE
    text = path.read_text(encoding="utf-8")
    assert text.count(quote) == 1
    path.write_text(text.replace(quote, quote + "    note: Số khóa học không được nêu.\n"), encoding="utf-8")
    pages = {p.path: p.text for p in all_pages(load_dataset(data_dir), {}, {"site_url": None, "charts_dir": "c"})}

    def notes(page: str) -> list:
        return BeautifulSoup(pages[page], "html.parser").select("span.sc-note")

    vi, en = notes("provinces/lai-chau/figures.md"), notes("en/provinces/lai-chau/figures.md")
    assert any("Cáp quang tới mọi xã." in n.get_text() for n in vi)
    assert not any("Fibre reaches" in n.get_text() for n in vi)
    assert any("Fibre reaches every commune." in n.get_text() and not n.find(attrs={"lang": True}) for n in en)
    # a Vietnamese-only note: on the English page, marked as Vietnamese
    marked = [n.find(attrs={"lang": "vi"}) for n in en if "Số khóa học" in n.get_text()]
    assert marked and marked[0].get_text() == "Số khóa học không được nêu."
