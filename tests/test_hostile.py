"""Hostile text in the data: the site shows it as text and runs none of it.

One copy of the minimal data tree gets every payload of ``tests/fixtures/hostile/payloads.yaml``
in every free-text field (indicator name, definition, why and caveat; scope name; source
title, publisher, author, period and note; observation quote, note and period; plus the
pillar names and the release's title and authors), and the whole site is built from it
once. Each payload has its own indicator, scope, source and observation, so a finding
names the payload. The built pages, charts, downloads, search index and the diff summary
are then checked against a twin site built from the same tree with plain words in place of
the payloads: the same elements and scripts on every page, no handler, no dangerous address,
and every payload readable, exactly, where it was put.

Text the validator must refuse (dangerous addresses, invisible and control characters)
is at the end, with the place each refusal must point at.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import markdown
import pytest
import vl_convert
import yaml
from bs4 import BeautifulSoup

from scorecard.build import build_site
from scorecard.checks import check_dataset
from scorecard.dataset import load_dataset
from scorecard.diff import compare, to_markdown
from scorecard.i18n import t
from scorecard.load import load_yaml
from scorecard.pages import safe_url
from tests._site import POLICY
from tests._vega import expressions as vega_expressions
from tests.conftest import FIXTURE, REPO, write_bytes

PAYLOAD_FILE = Path(__file__).parent / "fixtures" / "hostile" / "payloads.yaml"
SHORT_TEXT = 300  # scorecard.model.ShortText: source title, publisher, author and an observation's period
VALUE = 92  # every hostile figure is 92 %, and its quote ends in " 92%" so the quote check passes
LANGS = ("vi", "en")


@dataclass(frozen=True)
class Payload:
    """One hostile text and the records of the hostile tree that carry it."""

    number: int
    id: str
    text: str
    chart: bool  # also drawn as a whole-province figure in both provinces (ranking chart)

    @property
    def short(self) -> str:
        return self.text[:SHORT_TEXT]

    @property
    def quote(self) -> str:
        return f"{self.text} {VALUE}%"

    @property
    def indicator(self) -> str:
        return f"hostile_{self.number:02d}"

    @property
    def scope(self) -> str:
        return f"hostile_{self.number:02d}"

    @property
    def source(self) -> str:
        return f"hostile-{self.number:02d}"


def _payloads() -> list[Payload]:
    entries = yaml.safe_load(PAYLOAD_FILE.read_text(encoding="utf-8"))["payloads"]
    # A very long text, near the 2000-character limit of long fields (cut to 300 in short ones).
    entries.append({"id": "very-long", "text": "<img src=x onerror=alert(1)>" * 70})
    return [Payload(n, e["id"], e["text"], e.get("chart", False)) for n, e in enumerate(entries)]


PAYLOADS = _payloads()
BY_ID = {p.id: p for p in PAYLOADS}
IDS = [p.id for p in PAYLOADS]
# Pillar names and release texts: a few payloads where there is one field for all of them.
PILLAR_NAMES = {
    "public_services": ("attr-list-heading", "markdown-structure"),
    "connectivity": ("script-tag", "html-entities"),
}
RELEASE = {"authors": "bibtex-braces", "title_vi": "close-title", "title_en": "bibtex-backslash"}
ALL, ALL_NAME = "hostile_all", "js-string-breakout"  # one indicator with a figure per payload, and its name


def test_the_corpus_is_large_and_distinct():
    assert len(PAYLOADS) >= 30
    assert len(set(IDS)) == len(IDS)
    assert len({p.text for p in PAYLOADS}) == len(PAYLOADS)
    assert max(len(p.quote) for p in PAYLOADS) <= 2000


# ---------------------------------------------------------------- the hostile tree and its site


def _read(path: Path) -> dict:
    return load_yaml(path).data


def _dump(path: Path, data: dict) -> None:
    """JSON is YAML: every string comes out double-quoted with exact escapes."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _both(text: str) -> dict:
    return {"vi": text, "en": text}


def _short(text: str) -> str:
    return text[:SHORT_TEXT]


def _quote(text: str) -> str:
    return f"{text} {VALUE}%"


def write_tree(target: Path, text_of) -> None:
    """The minimal tree plus, per payload, an indicator, a scope, a source and figures carrying ``text_of(p)``.

    Every payload's scope and source also label one figure of ``hostile_all``, so a single
    history chart holds all of them as data; payloads marked ``chart`` get a history chart
    and a ranking of their own (two figures in Lai Châu, one in Lào Cai).
    """
    shutil.copytree(FIXTURE, target)
    registry, sources = _read(target / "indicators.yaml"), _read(target / "sources.yaml")
    lai_chau, lao_cai = _read(target / "provinces/lai-chau.yaml"), _read(target / "provinces/lao-cai.yaml")
    release = _read(target / "release.yaml")
    for pillar in registry["pillars"]:
        vi, en = PILLAR_NAMES[pillar["id"]]
        pillar["name"] = {"vi": text_of(BY_ID[vi]), "en": text_of(BY_ID[en])}
    release["authors"] = text_of(BY_ID[RELEASE["authors"]])
    release["title"] = {"vi": text_of(BY_ID[RELEASE["title_vi"]]), "en": text_of(BY_ID[RELEASE["title_en"]])}
    registry["indicators"].append(_indicator(ALL, text_of(BY_ID[ALL_NAME])))
    for p in PAYLOADS:
        text = text_of(p)
        registry["scopes"].append({"id": p.scope, "name": _both(text), "comparable": False})
        registry["indicators"].append(_indicator(p.indicator, text))
        sources["sources"].append(
            {
                "id": p.source,
                "title": _short(text),
                "publisher": _short(text),
                "author": _short(text),
                "url": f"https://example.org/hostile/{p.number}",
                "period": _both(text),  # editors' prose is written in both languages
                "language": "vi",
                "note": _both(text),
            }
        )
        figure = {
            "value": VALUE,
            "unit": "percent",
            "kind": "actual",
            "period": _both(_short(text)),
            "source": p.source,
            "quote": _quote(text),
            "note": _both(text),
        }
        lai_chau["observations"].append({"indicator": p.indicator, **figure, "as_of": "2025-05", "scope": p.scope})
        lai_chau["observations"].append({"indicator": ALL, **figure, "as_of": "2025-06", "scope": p.scope})
        if p.chart:
            lai_chau["observations"].append({"indicator": p.indicator, **figure, "as_of": "2025-06"})
            lao_cai["observations"].append(
                {"indicator": p.indicator, **figure, "as_of": "2025-08", "territory": "current"}
            )
    for name, data in (
        ("indicators.yaml", registry),
        ("sources.yaml", sources),
        ("release.yaml", release),
        ("provinces/lai-chau.yaml", lai_chau),
        ("provinces/lao-cai.yaml", lao_cai),
    ):
        _dump(target / name, data)


def _indicator(ident: str, text: str) -> dict:
    return {
        "id": ident,
        "pillar": "public_services",
        "unit": "percent",
        "name": _both(text),
        "definition": _both(text),
        "why": _both(text),
        "caveat": _both(text),
        "higher_is_better": True,
        "comparable": True,
        "headline": True,  # so a province has its history chart, where the payloads are drawn too
    }


def _build(tmp_path_factory, name: str, text_of) -> tuple[Path, Path]:
    """(data folder, built site) of a tree, its dates judged against today."""
    work = tmp_path_factory.mktemp(name)
    write_tree(work / "data", text_of)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        errors = [str(p) for p in check_dataset(load_dataset(work / "data")) if p.severity == "error"]
        assert not errors, "the tree should be valid:\n" + "\n".join(errors)
        return work / "data", build_site(work / "data", work / "build", REPO)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path]:
    """The tree with every payload in every field, and its site."""
    return _build(tmp_path_factory, "hostile", lambda p: p.text)


@pytest.fixture(scope="module")
def twin(tmp_path_factory) -> tuple[Path, Path]:
    """The same tree with plain words where the payloads were: what the pages' markup should be."""
    return _build(tmp_path_factory, "twin", lambda p: f"Văn bản số {p.number}")


@functools.cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> dict[str, BeautifulSoup]:
    return {path.relative_to(site).as_posix(): _soup(path) for path in sorted(site.rglob("*.html"))}


def page(site: Path, *parts: str) -> BeautifulSoup:
    return _soup(site.joinpath(*parts, "index.html"))


# ---------------------------------------------------------------- what markup may carry


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "srcset")
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")


def _scheme(value: str) -> str:
    """The address as a browser reads its scheme: controls and whitespace ignored, case folded."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value).lower()


def _addresses(element, name: str, value: str) -> list[str]:
    name = name.lower()
    if name == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",")]
    if name == "content" and str(element.get("http-equiv", "")).lower() == "refresh":
        return re.findall(r"url\s*=\s*(.*)", value, re.I)
    return [value] if name in URL_ATTRIBUTES else []


def markup_problems(soup: BeautifulSoup) -> list[str]:
    """Event handlers and javascript:, data: or vbscript: addresses anywhere in one document."""
    problems = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                problems.append(f"<{element.name} {name}={value!r}>")
            if any(_scheme(address).startswith(BAD_SCHEMES) for address in _addresses(element, name, value)):
                problems.append(f"<{element.name} {name}={value!r}>")
    return problems


def script_signature(script) -> tuple:
    return tuple(sorted(script.attrs.items())), script.string or ""


def tag_names(soup: BeautifulSoup) -> list[str]:
    return [element.name for element in soup.find_all(True)]


def _first_difference(left: list, right: list) -> str:
    index = next((i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b), min(len(left), len(right)))
    return f"at element {index}: {left[index - 3 : index + 3]} instead of {right[index - 3 : index + 3]}"


# ---------------------------------------------------------------- the built pages


def test_both_sites_have_a_page_per_payload(hostile, twin):
    for _, site in (hostile, twin):
        for p in PAYLOADS:
            for prefix in ("", "en/"):
                assert (site / f"{prefix}indicators/{p.indicator}/index.html").exists(), p.id
    assert sorted(html_pages(hostile[1])) == sorted(html_pages(twin[1]))


def test_the_twin_site_passes_the_same_checks(twin):
    """The checks below compare against this site; it must itself be clean."""
    for path, soup in html_pages(twin[1]).items():
        assert markup_problems(soup) == [], path


def test_pages_have_the_same_elements_as_with_plain_words(hostile, twin):
    """Data changes the text of a page, never its markup: no element comes or goes."""
    twin_pages = html_pages(twin[1])
    for path, soup in html_pages(hostile[1]).items():
        names, expected = tag_names(soup), tag_names(twin_pages[path])
        assert names == expected, f"{path}: {_first_difference(names, expected)}"


def test_no_script_but_the_themes_own(hostile, twin):
    twin_pages = html_pages(twin[1])
    for path, soup in html_pages(hostile[1]).items():
        scripts = [script_signature(s) for s in soup.find_all("script")]
        assert scripts == [script_signature(s) for s in twin_pages[path].find_all("script")], path
        if path.startswith("embed/"):
            assert scripts == [], path  # a chart alone, to embed elsewhere, runs nothing at all
        else:
            assert scripts, path


def test_no_event_handler_and_no_dangerous_address(hostile):
    for path, soup in html_pages(hostile[1]).items():
        assert markup_problems(soup) == [], path


def test_every_page_allows_scripts_from_the_site_only_and_has_no_inline_one(hostile):
    """With no inline script to allow, a <script> that reached a page through the data cannot run
    (tests/test_builders.py shows the browser refusing one)."""
    for path, soup in html_pages(hostile[1]).items():
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None and policy["content"] == POLICY, path
        inline = [s for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert inline == [], f"{path}: {inline[:1]}"


def _figure_rows(soup: BeautifulSoup, p: Payload) -> list[dict[str, object]]:
    """The rows of the figures table about ``p``, each as {column header: cell}."""
    table = soup.find("table", class_="sc-figures")
    headers = [th.get_text() for th in table.select("thead th")]
    return [
        dict(zip(headers, row.find_all("td"), strict=True))
        for row in table.select("tbody tr")
        if row.find("a", href=re.compile(rf"indicators/{p.indicator}/$"))
    ]


def _one_line(text: str) -> str:
    """How a page title shows a text: its lines joined by spaces."""
    return " ".join(text.splitlines())


def _heading(text: str) -> str:
    """How a Markdown heading shows a text: on one line, without spaces around it."""
    return _one_line(text).strip()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload_id", IDS)
def test_observation_fields_show_as_text(hostile, payload_id, lang):
    p, site = BY_ID[payload_id], hostile[1]
    soup = page(site, *(["en"] if lang == "en" else []), "provinces", "lai-chau", "figures")
    rows = _figure_rows(soup, p)
    assert len(rows) == (2 if p.chart else 1)
    for row in rows:
        assert row[t(lang, "indicator")].get_text() == p.text
        assert row[t(lang, "quote")].find("q").get_text() == p.quote
        assert row[t(lang, "quote")].find("span", class_="sc-note").get_text() == f"{t(lang, 'note')}: {p.text}"
        assert row[t(lang, "date")].get_text().endswith(f"({p.short})")
        assert row[t(lang, "source")].get_text() == p.short
    assert rows[0][t(lang, "whose")].get_text().endswith(f": {p.text}")  # "Lai Châu: <the scope's name>"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload_id", IDS)
def test_indicator_fields_show_as_text(hostile, payload_id, lang):
    p, site = BY_ID[payload_id], hostile[1]
    soup = page(site, *(["en"] if lang == "en" else []), "indicators", p.indicator)
    assert soup.find("h1").get_text() == _heading(p.text)
    assert soup.find("title").get_text().startswith(_one_line(p.text) + " - ")
    assert soup.find("meta", attrs={"name": "description"})["content"] == _one_line(p.text)
    details = [dd.get_text() for dd in soup.select("dl.sc-dl dd")]
    assert details[0] == p.text and p.text in details[3:], "definition, why"
    caveats = [li.get_text() for li in soup.select("article ul li")]
    assert p.text in caveats, "caveat"
    assert any(item.endswith(p.text) for item in caveats), "scope named in the caveats"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload_id", IDS)
def test_source_fields_show_as_text(hostile, payload_id, lang):
    p, site = BY_ID[payload_id], hostile[1]
    folder = site.joinpath(*(["en"] if lang == "en" else []), "sources")
    headings = [_soup(path).find("h2", id=f"src-{p.source}") for path in sorted(folder.glob("*/index.html"))]
    [section] = [found.find_parent("section") for found in headings if found is not None]  # on one page only
    assert section.find("h2").get_text() == p.short
    assert section.find("h2").find("a")["href"] == f"https://example.org/hostile/{p.number}"
    details = {
        dt.get_text(): dd.get_text() for dt, dd in zip(section.select("dl dt"), section.select("dl dd"), strict=True)
    }
    assert details[t(lang, "publisher")] == p.short
    assert details[t(lang, "author")] == p.short
    assert details[t(lang, "period")] == p.text
    assert details[t(lang, "note")] == p.text


@pytest.mark.parametrize("lang", LANGS)
def test_pillar_names_show_as_text_in_headings(hostile, lang):
    site = hostile[1]
    soup = page(site, *(["en"] if lang == "en" else []), "provinces", "lai-chau")
    headings = [h.get_text() for h in soup.find_all("h3")]
    for ids in PILLAR_NAMES.values():
        name = BY_ID[ids[LANGS.index(lang)]].text
        assert _heading(name) in headings


def test_release_title_shows_as_text_on_the_home_page(hostile):
    site = hostile[1]
    assert page(site).find("h1").get_text() == _heading(BY_ID[RELEASE["title_vi"]].text)
    assert page(site, "en").find("h1").get_text() == _heading(BY_ID[RELEASE["title_en"]].text)


# ---------------------------------------------------------------- citations


BIBTEX_FIELDS = ["title", "author", "year", "version", "url", "note"]


def bibtex_fields(entry: str) -> list[str]:
    """The field names of one ``@misc{key, name = {value}, ...}`` entry, read as BibTeX reads it.

    BibTeX counts every brace, with a backslash before it or not, so ``\\}`` closes a value too;
    whatever does not parse as ``name = {value}`` shows up in the list as ``<unparsed: ...>``.
    """
    match = re.match(r"@misc\{[a-z0-9-]+,", entry)
    assert match, entry[:80]
    fields, i = [], match.end()
    while field := re.compile(r"\s*([a-z]+)\s*=\s*\{").match(entry, i):
        fields.append(field.group(1))
        i, depth = field.end(), 1
        while depth:
            if i == len(entry):
                return [*fields, "<unclosed>"]
            depth += {"{": 1, "}": -1}.get(entry[i], 0)
            i += 1
        if not (comma := re.compile(r"\s*,").match(entry, i)):
            break
        i = comma.end()
    rest = entry[i:].strip()
    return fields if rest == "}" else [*fields, f"<unparsed: {rest[:60]!r}>"]


@pytest.mark.parametrize(
    "path",
    ["indicators/{}/index.html", "en/indicators/{}/index.html", "index.html", "en/index.html", "sources/index.html"],
)
@pytest.mark.parametrize("payload_id", ["bibtex-braces", "bibtex-backslash", "close-pre-code", "attr-list-heading"])
def test_citation_stays_in_its_pre_code_with_its_own_fields(hostile, path, payload_id):
    soup = _soup(hostile[1] / path.format(BY_ID[payload_id].indicator))
    cite = soup.find("section", class_="sc-cite")
    pres = cite.find_all("pre")
    assert len(pres) == 1 and [child.name for child in pres[0].children if child.name] == ["code"]
    code = pres[0].find("code")
    assert code.find(True) is None, "markup inside the BibTeX block"
    assert bibtex_fields(code.get_text()) == BIBTEX_FIELDS


# ---------------------------------------------------------------- charts


def chart_files(site: Path, suffix: str) -> list[Path]:
    return sorted((site / "generated" / "charts").glob(f"*{suffix}"))


CHARTED = [p.id for p in PAYLOADS if p.chart]


@pytest.mark.parametrize("lang", LANGS)
def test_every_payload_is_data_in_the_shared_chart(hostile, lang):
    spec = (hostile[1] / "generated" / "charts" / f"province-lai-chau-{ALL}-{lang}.vl.json").read_text("utf-8")
    for p in PAYLOADS:
        assert json.dumps(p.text, ensure_ascii=False)[1:-1] in spec, p.id


@pytest.mark.parametrize("payload_id", CHARTED)
def test_charted_payloads_have_a_history_and_a_ranking(hostile, payload_id):
    p = BY_ID[payload_id]
    for name in (f"province-lai-chau-{p.indicator}", f"ranking-{p.indicator}"):
        for lang in LANGS:
            for suffix in (".svg", ".vl.json", ".csv"):
                assert (hostile[1] / "generated" / "charts" / f"{name}-{lang}{suffix}").exists(), name + suffix


def test_svg_charts_have_no_script_and_no_handler(hostile):
    svgs = chart_files(hostile[1], ".svg")
    assert len(svgs) >= 4 * len(CHARTED)
    for path in svgs:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("script") is None and soup.find("foreignobject") is None, path.name
        assert markup_problems(soup) == [], path.name


@pytest.mark.parametrize("payload_id", CHARTED)
def test_svg_charts_show_the_title_as_text(hostile, payload_id):
    p = BY_ID[payload_id]
    for name in (f"province-lai-chau-{p.indicator}-vi", f"ranking-{p.indicator}-en"):
        svg = BeautifulSoup((hostile[1] / "generated" / "charts" / f"{name}.svg").read_text("utf-8"), "html.parser")
        drawn = "".join("".join(text.get_text() for text in svg.find_all("text")).split())
        assert "".join(p.text.split())[:40] in drawn, name  # title lines are wrapped: compare without spaces


def _channels(node) -> set[str]:
    """Every encoding channel a Vega-Lite spec uses."""
    found = set()
    if isinstance(node, dict):
        found |= set(node.get("encoding", {}))
        for value in node.values():
            found |= _channels(value)
    elif isinstance(node, list):
        for item in node:
            found |= _channels(item)
    return found


def test_vega_lite_specs_keep_payloads_out_of_expressions_and_links(hostile):
    for path in chart_files(hostile[1], ".vl.json"):
        spec = json.loads(path.read_text(encoding="utf-8"))
        assert not {"href", "url"} & _channels(spec), path.name
        expressions = vega_expressions(spec) + vega_expressions(vl_convert.vegalite_to_vega(spec))
        for expression in expressions:
            assert "alert" not in expression, (path.name, expression[:200])
            for p in PAYLOADS:
                if len(p.text) >= 6:
                    assert p.text not in expression and json.dumps(p.text)[1:-1] not in expression, (path.name, p.id)


# ---------------------------------------------------------------- downloads and search


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv_cells(path: Path) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) for cell in row]


def test_csv_cells_that_look_like_formulas_are_neutralised(hostile):
    site = hostile[1]
    paths = [site / "generated" / "downloads" / "observations.csv", *chart_files(site, ".csv")]
    for path in paths:
        live = [cell for cell in _csv_cells(path) if cell.startswith(FORMULA_START) and not _is_number(cell)]
        assert live == [], path.name
    cells = _csv_cells(paths[0])
    for payload_id in ("csv-hyperlink", "csv-dde", "csv-at", "csv-minus"):
        p = BY_ID[payload_id]
        assert "'" + p.text in cells and "'" + p.quote in cells and "'" + p.short in cells, payload_id


def test_json_downloads_round_trip_every_payload_exactly(hostile):
    downloads = hostile[1] / "generated" / "downloads"
    observations = json.loads((downloads / "observations.json").read_text(encoding="utf-8"))["observations"]
    indicators = {i["id"]: i for i in json.loads((downloads / "indicators.json").read_text(encoding="utf-8"))}
    sources = {s["id"]: s for s in json.loads((downloads / "sources.json").read_text(encoding="utf-8"))}
    for p in PAYLOADS:
        mine = [row for row in observations if row["indicator"] == p.indicator]
        assert mine and all((row["quote"], row["note"], row["period"]) == (p.quote, p.text, p.short) for row in mine)
        indicator = indicators[p.indicator]
        assert {indicator[f][lang] for f in ("name", "definition", "why", "caveat") for lang in LANGS} == {p.text}
        source = sources[p.source]
        assert [source[f] for f in ("title", "publisher", "author")] == [p.short] * 3
        assert [source[f] for f in ("period", "note")] == [{"vi": p.text, "en": p.text}] * 2


def test_search_index_holds_no_markup(hostile, twin):
    """Material draws search results with innerHTML: titles and texts must be safe HTML."""

    def tags_and_problems(site: Path) -> tuple[set, list]:
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        tags, problems = set(), []
        for doc in index["docs"]:
            for field in ("title", "text"):
                soup = BeautifulSoup(doc[field], "html.parser")
                tags |= set(tag_names(soup))
                problems += [f"{doc['location']} {field}: {problem}" for problem in markup_problems(soup)]
        return tags, problems

    twin_tags, _ = tags_and_problems(twin[1])
    tags, problems = tags_and_problems(hostile[1])
    assert problems == []
    assert tags <= twin_tags, sorted(tags - twin_tags)


# ---------------------------------------------------------------- the diff summary


def test_diff_markdown_of_hostile_data_renders_no_html(hostile):
    old, new = load_dataset(FIXTURE), load_dataset(hostile[0])
    label = BY_ID["script-tag"].text
    html = markdown.markdown(to_markdown(compare(old, new), label, BY_ID["markdown-link"].text), extensions=["tables"])
    soup = BeautifulSoup(html, "html.parser")
    assert {element.name for element in soup.find_all(True)} <= {
        "h2",
        "h3",
        "p",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "strong",
    }
    assert markup_problems(soup) == []
    assert label in soup.find("h2").get_text()
    cells = {" ".join(td.get_text().split()) for td in soup.find_all("td")}
    for p in PAYLOADS:
        assert " ".join(p.quote.split()) in cells, p.id


# ---------------------------------------------------------------- text the validator refuses


LAI_CHAU = "data/provinces/lai-chau.yaml"
SOURCES = "data/sources.yaml"
QUOTE = 'quote: "92% hồ sơ xử lý trực tuyến"'
NOTE_AFTER = QUOTE + "\n    note: "
URL = "url: https://dantri.com.vn/cong-nghe/doi-moi-sang-tao-va-chuyen-doi-so-dong-luc-thuc-day-tang-truong-lai-chau-20251031194220466.htm"


@dataclass(frozen=True)
class Refused:
    """Replace ``old`` by ``new`` in ``file``; the problem is reported where ``at`` begins in ``new``."""

    file: str
    old: str
    new: str
    at: str
    words: str


def _url(address: str, words: str = "must start with http:// or https://") -> Refused:
    return Refused(SOURCES, URL, f"url: {json.dumps(address)}", "url:", words)


BAD_URLS = {
    "javascript url": "javascript:alert(1)",
    "javascript url upper case": "JAVASCRIPT:alert(1)",
    "javascript url after spaces": "  javascript:alert(1)",
    "javascript url with a tab": "java\tscript:alert(1)",
    "data url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript url": "vbscript:msgbox(1)",
    "protocol-relative url": "//evil.example/x",
    "url breaking out of its attribute": 'https://example.org/" onmouseover="alert(1)',
    "url with a tag": "https://example.org/<script>alert(1)</script>",
    "url with a space": "https://example.org/a b",
}
# Addresses the model's pattern lets through and the invisible-character check refuses:
# safe_url must refuse them on its own too (a page can be built from data it never saw checked).
INVISIBLE_URLS = {
    "url with a zero-width space": ("https://example.org/a\u200bb", "U+200B"),
    "url with a direction override": ("https://example.org/\u202egnp.exe", "U+202E"),
    "url with a control character": ("https://example.org/a\x07b", "U+0007"),
    "url with a line separator": ("https://example.org/a\u2028b", "contain no spaces"),
}
REFUSED = (
    {name: _url(address) for name, address in BAD_URLS.items()}
    | {name: _url(address, words) for name, (address, words) in INVISIBLE_URLS.items()}
    | {
        "zero-width space in a quote": Refused(LAI_CHAU, QUOTE, 'quote: "92%\u200b hồ sơ"', "quote:", "U+200B"),
        "right-to-left override in a quote": Refused(LAI_CHAU, QUOTE, 'quote: "92% \u202eosh"', "quote:", "U+202E"),
        "directional isolate in a note": Refused(LAI_CHAU, QUOTE, QUOTE + '\n    note: "a\u2066b"', "note:", "U+2066"),
        "byte-order mark inside a text": Refused(LAI_CHAU, QUOTE, 'quote: "92%\ufeff hồ sơ"', "quote:", "U+FEFF"),
        "right-to-left override written as an escape": Refused(
            LAI_CHAU, QUOTE, 'quote: "92% \\u202e hồ sơ"', "quote:", "U+202E"
        ),
        "raw control character": Refused(LAI_CHAU, QUOTE, 'quote: "92% \x07hồ sơ"', "\x07", "U+0007"),
        "raw escape character": Refused(LAI_CHAU, QUOTE, 'quote: "92% \x1b[31m"', "\x1b", "U+001B"),
        "raw C1 control character": Refused(LAI_CHAU, QUOTE, 'quote: "92% \x85 hồ sơ"', "\x85", "U+0085"),
        "NUL written as an escape": Refused(LAI_CHAU, QUOTE, 'quote: "92% \\0 hồ sơ"', "quote:", "U+0000"),
        "bell written as an escape": Refused(LAI_CHAU, QUOTE, 'quote: "92% \\x07 hồ sơ"', "quote:", "U+0007"),
        "terminal escape written as an escape": Refused(LAI_CHAU, QUOTE, 'quote: "92% \\e[31m"', "quote:", "U+001B"),
        "C1 control written as an escape": Refused(LAI_CHAU, QUOTE, 'quote: "92% \\N hồ sơ"', "quote:", "U+0085"),
        "DEL written as an escape": Refused(LAI_CHAU, QUOTE, QUOTE + '\n    note: "a\\x7fb"', "note:", "U+007F"),
        "non-character written as an escape": Refused(
            LAI_CHAU, QUOTE, QUOTE + '\n    note: "a\\uFFFEb"', "note:", "U+FFFE"
        ),
        "zero-width space in an indicator id": Refused(
            LAI_CHAU,
            "indicator: online_dossiers_share",
            "indicator: online\u200b_dossiers_share",
            "indicator:",
            "not a valid indicator",
        ),
        "zero-width space in a source id": Refused(
            SOURCES, "id: dantri-2025-11-01-lai-chau", "id: dantri-2025-11-01\u200b-lai-chau", "id:", "not a valid id"
        ),
    }
)


def _position(text: str, at: int) -> str:
    line = text.count("\n", 0, at) + 1
    return f"{line}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


@pytest.mark.parametrize("case", list(REFUSED.values()), ids=list(REFUSED))
def test_validator_refuses_at_the_place(data_dir, validate, case):
    path = data_dir.parent / case.file
    text = path.read_text(encoding="utf-8")
    assert text.count(case.old) >= 1
    start = text.index(case.old)
    changed = text[:start] + case.new + text[start + len(case.old) :]
    write_bytes(data_dir.parent, case.file, changed.encode("utf-8"))
    run = validate(data_dir)
    assert run.code == 1, run.out
    where = f"{case.file}:{_position(changed, start + case.new.index(case.at))}: "
    run.line_saying(where, [case.words])


@pytest.mark.parametrize(
    "address", [*BAD_URLS.values(), *(a for a, _ in INVISIBLE_URLS.values())], ids=[*BAD_URLS, *INVISIBLE_URLS]
)
def test_safe_url_refuses_what_the_validator_refuses(address):
    assert safe_url(address) is None


@pytest.mark.parametrize(
    "payload_id",
    [
        "javascript-scheme",
        "javascript-scheme-mixed-case",
        "vbscript-scheme",
        "data-url",
        "markdown-autolink",
        "attr-breakout-double",
    ],
)
def test_safe_url_refuses_hostile_text(payload_id):
    assert safe_url(BY_ID[payload_id].text) is None


def test_safe_url_keeps_an_ordinary_address_escaped():
    assert safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"
