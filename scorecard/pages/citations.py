"""How a page is cited: APA and BibTeX for this version of this page, the data version line and
the licence, all from the release record (data/release.yaml)."""

from __future__ import annotations

import re

from markupsafe import Markup

from ..dataset import Dataset, Fact, Release
from ..i18n import t
from ..ids import fact_id
from ..wording import figure_text, indicator_name, subject_name, when_short
from .render import macro, render

# BibTeX counts every brace, a backslash before it or not, so "\}" would still end a field: braces
# and backslashes from the data are written as commands with balanced braces of their own.
_BIBTEX = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}", "\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def license_name(release: Release) -> str:
    """The data's licence as readers know it, from data/release.yaml (its identifier if no name is given)."""
    return release.license_name or release.license


def license_note(dataset: Dataset, lang: str) -> str:
    """ "The data is released under CC BY 4.0: …", the licence named by data/release.yaml (plain text)."""
    name = license_name(dataset.release) if dataset.release else t(lang, "not_stated")
    return t(lang, "license_note").format(license=name)


def licence_paragraph(release: Release | None, note: str) -> Markup:
    """The licence line, linking the licence's own text when there is a release record."""
    if release is None:
        return macro("licence")(note, None, None)
    return macro("licence")(note, release.license_url, license_name(release))


def bib_url(url: str) -> str:
    """A BibTeX url field: biblatex reads it verbatim (so no \\_), but braces and backslashes still
    count, so those are percent-encoded as in any address."""
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def _bib_escape(text: object) -> str:
    return re.sub(r"[{}\\%&$#_^~]", lambda m: _BIBTEX.get(m[0], "\\" + m[0]), str(text))


def page_url(page_path: str, version: str, site_url: str | None) -> tuple[str, str]:
    """(the page's path as served, its address in this version of the site)."""
    url_path = page_path.removesuffix("index.md").removesuffix(".md")
    url_path = url_path + "/" if url_path and not url_path.endswith("/") else url_path
    url = f"{site_url.rstrip('/')}/{version}/{url_path}" if site_url else f"/{version}/{url_path}"
    return url_path, url


def _bibtex(release: Release | None, key: str, title: str, site_title: str, version: str, url: str) -> str:
    year = release.released.year if release else ""
    authors = release.authors if release else ""
    licence = f"\n  note = {{Data: {_bib_escape(license_name(release))}}}" if release else ""
    return (
        f"@misc{{{key},\n  title = {{{_bib_escape(title)} --- {_bib_escape(site_title)}}},\n"
        f"  author = {{{{{_bib_escape(authors)}}}}},\n  year = {{{year}}},\n  version = {{{_bib_escape(version)}}},\n"
        f"  url = {{{bib_url(url)}}},{licence}\n}}"
    )


def cite_block(dataset: Dataset, page_path: str, title: str, lang: str, site_url: str | None) -> Markup:
    """APA and BibTeX for this version of this page, naming the data version."""
    release = dataset.release
    version = release.version if release else "dev"
    url_path, url = page_url(page_path, version, site_url)
    site_title = release.title[lang] if release else t(lang, "site_title")
    year = release.released.year if release else ""
    authors = release.authors if release else ""
    apa = f"{authors} ({year}). {title}. {site_title} (" + t(lang, "data_version").lower() + f" {version}). {url}"
    key = re.sub(r"[^a-z0-9]+", "-", f"scorecard-{version}-{url_path}".lower()).strip("-")
    bibtex = _bibtex(release, key, title, site_title, version, url)
    return render("cite.html", lang=lang, version=version, apa=apa, bibtex=bibtex, site_url=site_url)


def figure_citation(dataset: Dataset, fact: Fact, page_path: str, lang: str, site_url: str | None) -> str:
    """How to cite one figure: this version of this page, at the figure's anchor, and its own source.

    "Lào Cai: Tỷ lệ hồ sơ trực tuyến, 92 % (tháng 5/2025). Bảng điểm … (phiên bản dữ liệu 2026.12).
    https://…/2026.12/provinces/lao-cai/#online_dossiers_share-1a2b3c4d. Nguồn: Báo Dân trí." Short, as
    every figure carries one; the page's own citation block gives the authors and the year.
    """
    release = dataset.release
    version = release.version if release else "dev"
    _, url = page_url(page_path, version, site_url)
    subject, name = subject_name(dataset, fact, lang), indicator_name(dataset, fact.indicator, lang)
    site_title = release.title[lang] if release else t(lang, "site_title")
    source = dataset.sources.get(fact.observation.source)
    origin = f" {t(lang, 'source')}: {source.publisher}." if source else ""
    return (
        f"{subject}: {name}, {figure_text(dataset, fact, lang)} ({when_short(dataset, fact, lang)}). {site_title} "
        f"({t(lang, 'data_version').lower()} {version}). {url}#{fact_id(fact)}.{origin}"
    )


def version_line(dataset: Dataset, lang: str) -> Markup | str:
    """ "Data version 2026.12, released 2026-12-01" (nothing without a release record)."""
    release = dataset.release
    if release is None:
        return ""
    return macro("version_line")(release.version, release.released.isoformat(), lang)
