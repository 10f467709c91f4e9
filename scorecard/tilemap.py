"""The tile map of the 34 provinces: one equal square per province, drawn as inline SVG at build time.

Where each tile sits (and which indicator the home page shows) is data, ``data/tilemap.yaml``;
which figure a tile shows is the site's one rule of "latest" (:func:`wording.latest_actual`) and
how it reads is :mod:`wording`'s, so the map, the pages and the charts cannot disagree. The map
needs no JavaScript and no map library: every tile is a link with a text name, the SVG has a
one-sentence text alternative, and the legend is HTML. Colours are a single-hue sequential
scale that reads in grey; "no data" is hatched with a dashed border and a dash, never a pale blue.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pydantic import ValidationError

from .dataset import Dataset, Fact, validation_problems
from .i18n import t
from .load import DataFileError, Loaded, Problem, load_data_file
from .model import Tile, TileMapFile
from .wording import amount_text, figure_text, latest_actual, merged_text, qualifier_sign, territory_short, when_short

LAYOUT_FILE = "tilemap.yaml"

# ColorBrewer "Blues", light to dark, with the label colour that keeps at least 4.5:1 on each
# (tests/test_tilemap.py computes the contrast); the luminance steps stay apart in greyscale.
SCALE = (
    ("#eff3ff", "#1a1a1a"),
    ("#bdd7e7", "#1a1a1a"),
    ("#6baed6", "#1a1a1a"),
    ("#2171b5", "#fff"),
    ("#08306b", "#fff"),
)
NOT_RANKED = ("#bdd7e7", "#1a1a1a")  # an indicator not comparable across provinces: one shade, no scale
NO_DATA = ("#fff", "#1a1a1a")  # drawn hatched (the pattern of the template), dashed, with a dash
TILE, GAP, PAD = 56, 4, 3  # viewBox units (PAD: room for the focus ring); the SVG scales to the page
VALUE_WIDTH = TILE - 6


# ---------------------------------------------------------------- the layout file


@dataclass(frozen=True)
class TileLayout:
    """A checked layout: every current unit once, one tile per cell, tiles in reading order."""

    home_indicator: str
    tiles: tuple[Tile, ...]

    @property
    def rows(self) -> int:
        return max(tile.row for tile in self.tiles) + 1

    @property
    def columns(self) -> int:
        return max(tile.col for tile in self.tiles) + 1


def read_tilemap(dataset: Dataset) -> tuple[TileLayout | None, list[Problem]]:
    """The layout of ``dataset``'s data folder, or None and the problems, each at its file:line:column.

    A data folder without the file has no map (and no problem): the map is an addition to the
    pages, and small test trees need not draw one.
    """
    path = Path(dataset.data_dir) / LAYOUT_FILE
    if not path.exists() and not path.is_symlink():
        return None, []
    try:
        loaded = load_data_file(path, Path(dataset.data_dir))
    except DataFileError as err:
        return None, [err.problem]
    if not isinstance(loaded.data, dict):
        return None, [Problem(loaded.path, 1, 1, "the file must be a block of 'key: value' lines at the top level")]
    try:
        record = TileMapFile.model_validate(loaded.data)
    except ValidationError as err:
        return None, loaded.warnings + validation_problems(err, loaded, TileMapFile)
    problems = loaded.warnings + _layout_problems(record, loaded, dataset)
    if any(problem.severity == "error" for problem in problems):
        return None, problems
    tiles = tuple(sorted(record.tiles, key=lambda tile: (tile.row, tile.col)))
    return TileLayout(record.home_indicator, tiles), problems


def _layout_problems(record: TileMapFile, loaded: Loaded, dataset: Dataset) -> list[Problem]:
    """Every unit once, known slugs, one tile per cell, distinct letters, a known home indicator."""
    problems = []
    seen: dict[tuple, int] = {}  # ("province", slug) / ("cell", row, col) / ("abbr", text) → line
    for index, tile in enumerate(record.tiles):
        line, column = loaded.where(("tiles", index))
        if tile.province not in dataset.provinces:
            close = difflib.get_close_matches(tile.province, list(dataset.provinces), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "use the name of its data/provinces/<slug>.yaml file"
            where = loaded.where(("tiles", index, "province"))
            problems.append(Problem(loaded.path, *where, f"'{tile.province}' is not a current unit; {hint}"))
        for key, what in (
            (("province", tile.province), f"{tile.province} already has a tile"),
            (("cell", tile.row, tile.col), f"row {tile.row}, col {tile.col} already holds a tile"),
            (("abbr", tile.abbr), f"the letters '{tile.abbr}' are already another tile's"),
        ):
            if key in seen:
                problems.append(Problem(loaded.path, line, column, f"{what} (line {seen[key]}); keep one of the two"))
            seen.setdefault(key, line)
    line, column = loaded.where(("tiles",))
    for unit in dataset.provinces.values():
        if ("province", unit.slug) not in seen:
            problems.append(
                Problem(loaded.path, line, column, f"{unit.name} ({unit.slug}) has no tile; add one under tiles:")
            )
    if dataset.indicators and record.home_indicator not in dataset.indicators:
        close = difflib.get_close_matches(record.home_indicator, list(dataset.indicators), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "use an id of data/indicators.yaml"
        where = loaded.where(("home_indicator",))
        problems.append(Problem(loaded.path, *where, f"'{record.home_indicator}' is not an indicator; {hint}"))
    return problems


def layout_of(dataset: Dataset) -> TileLayout:
    """The dataset's layout (read with it, or now); a broken file stops the build with its problems."""
    layout = getattr(dataset, "tilemap", None)
    if layout is not None:
        return layout
    layout, problems = read_tilemap(dataset)
    if layout is None:
        raise ValueError("\n".join(str(problem) for problem in problems) or f"data/{LAYOUT_FILE} is missing")
    return layout


# ---------------------------------------------------------------- the figures and their classes


def latest_figures(dataset: Dataset, layout: TileLayout, indicator_id: str) -> dict[str, Fact | None]:
    """Each province's latest figure of the indicator by the one rule (whole province only)."""
    return {
        tile.province: latest_actual(dataset, dataset.facts_for(tile.province, indicator_id), indicator_id)
        for tile in layout.tiles
    }


def value_class(value: float, low: float, high: float) -> int:
    """Which of the scale's classes a value falls in: equal ranges between the lowest and the highest."""
    if high == low:
        return len(SCALE) // 2
    return min(len(SCALE) - 1, int((value - low) / (high - low) * len(SCALE)))


def _classes(figures: dict[str, Fact | None]) -> dict[str, int]:
    values = [fact.value for fact in figures.values() if fact is not None]
    if not values:
        return {}
    low, high = min(values), max(values)
    return {slug: value_class(fact.value, low, high) for slug, fact in figures.items() if fact is not None}


# ---------------------------------------------------------------- what each tile says


def short_value(dataset: Dataset, fact: Fact, lang: str) -> str:
    """The value on the tile: the pages' number and unit (:func:`wording.amount_text`), its qualifier as a
    mark ("> 87 %" for "hơn 87 %"); the tile's name carries the figure in full."""
    sign = qualifier_sign(dataset, fact.observation.qualifier)
    mark = f"{sign}\u00a0" if sign else ""
    return f"{mark}{amount_text(dataset, fact, fact.value, lang)}"


def tile_name(dataset: Dataset, name: str, fact: Fact | None, lang: str) -> str:
    """The tile's accessible name: "Lào Cai: 99,6 % (31/10/2025)", or "Lào Cai: chưa có số liệu"."""
    if fact is None:
        return t(lang, "tilemap_tile_none").format(name=name)
    when = when_short(dataset, fact, lang)
    former = territory_short(dataset, fact, lang)
    when = f"{when}; {former}" if former else when
    return t(lang, "tilemap_tile").format(name=name, figure=figure_text(dataset, fact, lang), date=when)


def _fit(text: str, largest: float) -> tuple[float, bool]:
    """A font size that fits ``text`` across the tile, and whether it still has to be squeezed to fit."""
    size = min(largest, VALUE_WIDTH / (0.58 * max(len(text), 1)))
    size = largest if size >= largest else round(size, 1)
    return max(size, 8), size < 8


def value_lines(text: str) -> tuple[tuple[str, float, bool], ...]:
    """The value on one line, or on two at the most even space ("23,6 tỷ" / "đồng") when one line would
    need a font under 10; each line with its font size and whether it is squeezed."""
    size, squeeze = _fit(text, 13)
    spaces = [i for i, char in enumerate(text) if char in " \u00a0"]
    if size >= 10 or not spaces:
        return ((text, size, squeeze),)
    cut = min(spaces, key=lambda i: (max(i, len(text) - i - 1), i))
    first, second = text[:cut], text[cut + 1 :]
    size, squeeze = _fit(max(first, second, key=len), 11)
    return ((first, size, squeeze), (second, size, squeeze))


@dataclass(frozen=True)
class TileView:
    """One tile as the template draws it (all text still unescaped: the template escapes it)."""

    href: str
    name: str
    abbr: str
    value: str
    x: int
    y: int
    fill: str
    ink: str
    kind: str  # "v" with a value, "n" no data
    lines: tuple[tuple[str, float, bool], ...]  # the value's line(s): text, font size, squeezed


def _tile_view(dataset: Dataset, tile: Tile, fact: Fact | None, shade: tuple[str, str], href: str, lang: str):
    unit = dataset.provinces[tile.province]
    former = fact is not None and bool(territory_short(dataset, fact, lang))
    value = short_value(dataset, fact, lang) if fact is not None else "—"
    return TileView(
        href=href,
        name=tile_name(dataset, unit.name, fact, lang),
        abbr=tile.abbr + ("*" if former else ""),
        value=value,
        x=tile.col * (TILE + GAP),
        y=tile.row * (TILE + GAP),
        fill=shade[0],
        ink=shade[1],
        kind="v" if fact is not None else "n",
        lines=value_lines(value),
    )


# ---------------------------------------------------------------- the legend and the text alternative


def _count(n: int, lang: str) -> str:
    return t(lang, "tilemap_count_one" if n == 1 else "tilemap_count").format(n=n)


def _legend(dataset: Dataset, figures: dict, classes: dict, comparable: bool, lang: str) -> list[dict]:
    """The legend's rows, light to dark: each class's lowest and highest value as printed, and how many."""
    rows = []
    if comparable:
        for index, shade in enumerate(SCALE):
            members = sorted((figures[slug] for slug, c in classes.items() if c == index), key=lambda f: f.value)
            if not members:
                continue
            low, high = (amount_text(dataset, fact, fact.value, lang) for fact in (members[0], members[-1]))
            label = low if low == high else f"{low} – {high}"
            rows.append(_row(shade[0], label, _count(len(members), lang), "v"))
    elif classes:
        rows.append(_row(NOT_RANKED[0], t(lang, "tilemap_has_figure"), _count(len(classes), lang), "v"))
    missing = sum(1 for fact in figures.values() if fact is None)
    if missing:
        rows.append(_row(NO_DATA[0], t(lang, "tilemap_no_data"), _count(missing, lang), "n"))
    return rows


def _row(fill: str, label: str, count: str, kind: str) -> dict[str, str]:
    return {"fill": fill, "label": label, "count": count, "kind": kind}


def _extremes(dataset: Dataset, figures: dict[str, Fact | None], pick, lang: str) -> str:
    """The province(s) holding the highest (or lowest) value, each with its figure; ties all named."""
    present = {slug: fact for slug, fact in figures.items() if fact is not None}
    best = pick(fact.value for fact in present.values())
    names = [
        f"{dataset.provinces[slug].name} ({figure_text(dataset, fact, lang)})"
        for slug, fact in present.items()
        if fact.value == best
    ]
    return ", ".join(names)


def map_desc(dataset: Dataset, figures: dict[str, Fact | None], comparable: bool, lang: str) -> str:
    """The one-sentence text alternative: how many provinces have a figure, the highest and the lowest."""
    n = sum(1 for fact in figures.values() if fact is not None)
    if n == 0:
        return t(lang, "tilemap_desc_none")
    if not comparable or n == 1:
        return t(lang, "tilemap_desc_count").format(n=n, total=len(figures))
    return t(lang, "tilemap_desc").format(
        n=n,
        total=len(figures),
        high=_extremes(dataset, figures, max, lang),
        low=_extremes(dataset, figures, min, lang),
    )


def _notes(dataset: Dataset, indicator, tiles: list[TileView], comparable: bool, lang: str) -> list[str]:
    notes = [t(lang, "tilemap_darker") if comparable else t(lang, "tilemap_not_comparable")]
    if comparable and not indicator.higher_is_better:
        notes.append(t(lang, "tilemap_lower_better"))
    if any(tile.abbr.endswith("*") for tile in tiles):
        notes.append(t(lang, "tilemap_former").format(date=merged_text(dataset, lang)))
    notes.append(t(lang, "tilemap_dates"))
    return notes


# ---------------------------------------------------------------- drawing


@functools.cache
def _template():
    environment = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("tilemap.svg")


def tile_map(dataset: Dataset, indicator_id: str, lang: str, page_path: str) -> Markup:
    """The map of ``indicator_id`` for the page ``page_path`` (a docs path: "index.md",
    "en/indicators/online_dossiers_share.md"): a ``<figure>`` holding the inline SVG and its HTML legend.

    The markup has no blank line, so Markdown keeps it as one raw HTML block. Same data, same bytes.
    """
    from .pages.links import prefix, rel  # imported here: the pages import this module to draw the map

    layout = layout_of(dataset)
    indicator = dataset.indicators[indicator_id]
    figures = latest_figures(dataset, layout, indicator_id)
    classes = _classes(figures)
    comparable = indicator.comparable
    tiles = []
    for tile in layout.tiles:
        fact = figures[tile.province]
        shade = NO_DATA if fact is None else SCALE[classes[tile.province]] if comparable else NOT_RANKED
        href = rel(page_path, f"{prefix(lang)}provinces/{tile.province}.md")
        tiles.append(_tile_view(dataset, tile, fact, shade, href, lang))
    text = _template().render(
        uid=f"sc-tm-{indicator_id}",
        width=layout.columns * (TILE + GAP) - GAP,
        height=layout.rows * (TILE + GAP) - GAP,
        size=TILE,
        pad=PAD,
        title=t(lang, "tilemap_title").format(indicator=getattr(indicator.name, lang), total=len(layout.tiles)),
        desc=map_desc(dataset, figures, comparable, lang),
        tiles=tiles,
        legend_title=t(lang, "tilemap_legend"),
        legend=_legend(dataset, figures, classes, comparable, lang),
        notes=_notes(dataset, indicator, tiles, comparable, lang),
        no_data=NO_DATA,
    )
    # the template escapes every text (autoescape on); only its own markup is trusted here
    return Markup("\n".join(line for line in text.splitlines() if line.strip()))  # noqa: S704
