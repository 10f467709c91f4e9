"""The typed records the scorecard is made of, and the schema editors write against.

Each model forbids unknown fields (a typo such as ``valeu`` is an error, not a silently
ignored key) and uses strict types (``value: "92"`` in quotes is text, not a number).
Field descriptions and ``examples`` here are the single source for the editors' field
reference (``python -m scorecard fields``), so the guide and the checks cannot drift.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, field_validator

Number = StrictInt | StrictFloat
Qualifier = Literal["exact", "about", "at_least", "more_than", "nearly", "at_most"]
Kind = Literal["actual", "target", "forecast", "change"]
IdText = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=60)]
SlugText = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
ShortText = Annotated[str, Field(min_length=1, max_length=300)]
LongText = Annotated[str, Field(min_length=1, max_length=2000)]

FIRST_YEAR, LAST_YEAR = 1900, 2100
_AS_OF = re.compile(r"^(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?\Z")  # ASCII digits only


def http_address(url: str | None) -> str | None:
    """``url`` when it is a whole http(s) address: nothing before or after it, not even a line break
    (``$`` would let "https://x/a\\n" through, and a link with a line break silently disappears)."""
    if url is not None and not re.fullmatch(r"https?://[^\s<>\"'`]+", url):
        raise ValueError("an address must start with http:// or https:// and contain no spaces or quotes")
    return url


def plausible_year(year: int, last: int = LAST_YEAR) -> int:
    """``year`` when a figure can be about it, from 1900 to ``last`` (0001 or 10000 is a typo, and would
    stretch a chart's time axis over centuries or break it). Dates of what happened pass ``last=9999``:
    the checks refuse those after today, with a message that says so."""
    if not FIRST_YEAR <= year <= last:
        raise ValueError(f"{year:04d} is not a plausible year; write a year from {FIRST_YEAR} to {LAST_YEAR}")
    return year


# Units and pillars are vocabularies in data/units.yaml and data/indicators.yaml; the model only
# knows their shape, and checks.py refuses an id the vocabulary does not define.
UnitId = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=40)]


class Strict(BaseModel):
    """Base for every record: unknown fields are refused, values are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Bilingual(Strict):
    """A text in Vietnamese (the site's default language) and English."""

    vi: ShortText | LongText = Field(description="Vietnamese text.")
    en: ShortText | LongText = Field(description="English text.")


def _note_shape(note: object) -> object:
    """A note is one text, or a ``vi:`` and an ``en:`` line: say which line is missing or extra."""
    if isinstance(note, dict):
        missing = [lang for lang in ("vi", "en") if lang not in note]
        extra = [str(key) for key in note if key not in ("vi", "en")]
        if extra:
            raise ValueError(f"a note has only a `vi:` and an `en:` line; '{extra[0]}' is neither")
        if missing:
            raise ValueError(f"a note in two languages needs both a `vi:` and an `en:` line; add `{missing[0]}:`")
    elif not isinstance(note, str):
        raise ValueError("write the note as text, or as a `vi:` line and an `en:` line below `note:`")
    return note


NOTE_HELP = (
    "written as vi: and en: below it, so each page shows a note in its own language; one plain "
    "text is read as Vietnamese and shown, marked as such, on the English page too"
)
Note = Annotated[Bilingual | LongText, BeforeValidator(_note_shape)]


class Pillar(Strict):
    """One of the groups the scorecard sorts indicators into (listed in data/indicators.yaml)."""

    id: IdText
    name: Bilingual


class Unit(Strict):
    """A unit figures are stated in, with how it reads and which values it allows (data/units.yaml)."""

    id: UnitId = Field(description="Stable id used in indicators' and observations' `unit:`.", examples=["percent"])
    name: Bilingual = Field(description="What the unit is called, in both languages.")
    symbol: Bilingual | None = Field(None, description="What follows a number on the page ('%', 'điểm %').")
    label: Bilingual | None = Field(
        None,
        description="The unit's word in a Unit column and on a chart's axis ('thứ hạng'); its symbol when left out.",
    )
    minimum: StrictInt | StrictFloat | None = Field(None, description="The lowest value a level can take.")
    maximum: StrictInt | StrictFloat | None = Field(None, description="The highest value a level can take.")
    whole: StrictBool = Field(False, description="true when values are whole numbers (counts, ranks).")
    level_only: StrictBool = Field(
        False,
        description="true when a change of it is never stated in it (a change of rank is in rank_places, not rank).",
    )
    change_of: list[UnitId] = Field(
        default_factory=list,
        description=(
            "For a unit of change: the indicator units whose changes it states (percentage_points: [percent]). "
            "A figure of kind change may use it for an indicator of those units."
        ),
        examples=[["percent"]],
    )


class UnitsFile(Strict):
    """data/units.yaml: every unit a figure may be stated in."""

    units: list[Unit]


class Scope(Strict):
    """What a figure covers when it is less than the whole province (one operator's network)."""

    id: IdText = Field(description="Stable id used in observations' `scope:`.", examples=["vnpt_network"])
    name: Bilingual
    comparable: StrictBool = Field(
        False, description="Whether figures with this scope may be compared with whole-province figures."
    )


class Indicator(Strict):
    """What is measured: its names, definition, unit and how to read it."""

    id: IdText = Field(
        description="Stable id, lower case with underscores; never changed once published.",
        examples=["online_services_end_to_end"],
    )
    pillar: IdText = Field(description="The pillar the indicator belongs to.", examples=["public_services"])
    unit: UnitId = Field(
        description="The unit every figure of this indicator uses; percent is stored as 0-100.",
        examples=["percent"],
    )
    name: Bilingual = Field(description="Short name shown in tables and chart titles.")
    definition: Bilingual = Field(description="One sentence saying exactly what is counted.")
    why: Bilingual | None = Field(None, description="Why it matters, for the indicator's page.")
    caveat: Bilingual | None = Field(None, description="What a reader should keep in mind when comparing.")
    higher_is_better: StrictBool = Field(description="true when a higher value is the better one.")
    comparable: StrictBool = Field(description="true when provinces can be ranked on it (same definition everywhere).")
    headline: StrictBool = Field(False, description="true to show it among the home page's headline figures.")
    parts: list[IdText] = Field(
        default_factory=list,
        description="Indicators whose figures add up to this one (2G+3G+4G+5G stations = all stations).",
        examples=[["base_stations_2g", "base_stations_3g", "base_stations_4g", "base_stations_5g"]],
    )
    aliases: list[Annotated[str, Field(min_length=2, max_length=120)]] = Field(
        default_factory=list,
        description=(
            "Vietnamese phrases articles use for what this indicator counts, written as printed "
            "('trạm 2G', 'hồ sơ xử lý trực tuyến'); `python -m scorecard extract` matches drafts to "
            "indicators by them. The words next to the number count most."
        ),
        examples=[["trạm 2G", "trạm BTS 2G"]],
    )


class Source(Strict):
    """A published text figures are taken from. Unknown fields stay empty, never guessed."""

    id: SlugText = Field(
        description="Stable id used in observations' `source:`.", examples=["dantri-2025-11-01-lai-chau"]
    )
    title: ShortText = Field(description="The title as published, in its own language.")
    publisher: ShortText = Field(description="Who published it (newspaper, portal).", examples=["Báo Dân trí"])
    author: ShortText | None = Field(None, description="The author as printed; empty when none is printed.")
    url: Annotated[str, Field(max_length=500)] | None = Field(
        None, description="The original address (http or https only).", examples=["https://dantri.com.vn/..."]
    )
    published: date | StrictInt | str | None = Field(
        None,
        description=(
            "Publication date when printed, at the precision printed: 2025-11-01, 2025-11 or 2025; "
            "empty when not printed."
        ),
        examples=["2025-11-01", "2025-10"],
    )
    period: Note | None = Field(
        None,
        description=(
            "What the text itself says of its period when no date is printed; like a note, one Vietnamese "
            "text or a vi: and an en: line."
        ),
    )
    language: Literal["vi", "en"] = Field("vi", description="Language of the text.")
    note: Note | None = Field(None, description=f"Anything a reader should know about this source, {NOTE_HELP}.")

    @field_validator("url")
    @classmethod
    def _http_only(cls, url: str | None) -> str | None:
        return http_address(url)

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, text: object) -> object:
        if isinstance(text, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            try:
                published = date.fromisoformat(text)
            except ValueError:
                raise ValueError(f"{text} is not a real date") from None
            plausible_year(published.year, last=9999)
            return published
        if isinstance(text, (int, str)) and not isinstance(text, bool) and _AS_OF.match(str(text)):
            _real_date(str(text))
            return str(text)
        if text is not None and not isinstance(text, date):
            raise ValueError(
                "write the date as YYYY-MM-DD (2025-11-01), or YYYY-MM or YYYY when only that is printed, "
                "or leave it empty"
            )
        return text

    @property
    def published_text(self) -> str | None:
        """The publication date at its printed precision ("2025-11-01", "2025-10", "2025")."""
        if self.published is None:
            return None
        return self.published.isoformat() if isinstance(self.published, date) else str(self.published)

    @property
    def published_day(self) -> date | None:
        """The exact day of publication, when the source prints one."""
        return self.published if isinstance(self.published, date) else None


class Observation(Strict):
    """One figure as a source states it: value, unit, qualifier, date, source and quote."""

    indicator: IdText = Field(description="An id from data/indicators.yaml.", examples=["online_dossiers_share"])
    value: Number | None = Field(
        None,
        description=(
            "The figure as a plain number (92, 99.6, 1655; never 1.655 for one thousand six hundred and "
            "fifty-five). May be left out for a percent when the text only gives numerator/denominator."
        ),
        examples=[92, 99.6, 1655],
    )
    unit: UnitId = Field(
        description=(
            "An id from data/units.yaml; the indicator's unit, or for kind: change a unit of change "
            "(percentage_points, rank_places, percent, ratio)."
        ),
        examples=["percent"],
    )
    qualifier: Qualifier = Field(
        "exact",
        description=(
            "How the text qualifies the figure: exact, about ('khoảng'), at_least ('tối thiểu', "
            "'từ ... trở lên'), more_than ('hơn', 'trên'), nearly ('gần'), at_most ('tối đa', 'dưới')."
        ),
        examples=["nearly"],
    )
    numerator: Number | None = Field(None, description="The 'a' of an 'a/b' in the text.", examples=[1562])
    denominator: Number | None = Field(
        None, description="The 'b' of an 'a/b' in the text; for a rank, how many were ranked.", examples=[1568]
    )
    low: Number | None = Field(None, description="Lower end when the text gives a range ('60–80%').")
    high: Number | None = Field(None, description="Upper end when the text gives a range.")
    kind: Kind = Field(
        description=(
            "actual (achieved), target ('mục tiêu', 'phấn đấu', 'chỉ tiêu'), forecast ('dự kiến', 'ước' for a "
            "period not yet closed) or change (a difference against an earlier value or another unit: "
            "'tăng 4 hạng', '+0,2052 điểm', 'gấp 2 lần'; may be negative, never drawn as a level)."
        ),
        examples=["actual"],
    )
    baseline: ShortText | None = Field(
        None,
        description="For kind: change, what the figure is compared with, in the text's words ('so với năm 2023').",
        examples=["so với năm 2023"],
    )
    in_words: Annotated[str, Field(min_length=1, max_length=60)] | None = Field(
        None,
        description="When the text writes the number in words ('tám', 'phân nửa', 'đứng đầu'): the words as printed.",
        examples=["tám"],
    )
    as_of: StrictInt | str | None = Field(
        None,
        description="For actuals: the date the figure describes, at the text's precision: 2024, 2025-05 or 2025-05-31.",
        examples=["2025-05", 2024],
    )
    since: StrictInt | str | None = Field(
        None,
        description=(
            "For a figure over a span ('6 tháng đầu năm 2025'): where the span starts, at the text's "
            "precision; as_of is where it ends."
        ),
        examples=["2025-01"],
    )
    target_year: StrictInt | None = Field(
        None, description="For targets (and forecasts of a year): the year to reach it by.", examples=[2030]
    )
    period: Note | None = Field(
        None,
        description=(
            "How the text states the period, verbatim, when it matters ('6 tháng đầu năm 2025'); like a note, "
            "one Vietnamese text, or a vi: and an en: line when the words are English or need a remark."
        ),
    )
    territory: Annotated[str, Field(max_length=40)] | None = Field(
        None,
        description=(
            "Which territory the figure covers: 'current' (the province since the merger, merged_on in "
            "data/former-units.yaml) or, for a merged "
            "province, the id of the former unit it describes (yen-bai-15, ha-giang-02); never guessed for "
            "a merged province. Left out for a province that was not merged."
        ),
        examples=["former"],
    )
    scope: IdText | None = Field(
        None,
        description="An id from the scopes in data/indicators.yaml when the figure covers less than the province.",
        examples=["vnpt_network"],
    )
    subject: Annotated[str, Field(max_length=40)] = Field(
        "province",
        description=(
            "Whose figure it is: 'province' (default), 'national' for a country-wide figure quoted for "
            "comparison, or another province's slug for a peer figure."
        ),
    )
    source: SlugText = Field(description="An id from data/sources.yaml.")
    quote: LongText = Field(
        description="The shortest verbatim phrase of the source that states the figure, copied exactly.",
        examples=["92% hồ sơ xử lý trực tuyến"],
    )
    note: Note | None = Field(None, description=f"Anything a reader needs to read the figure right, {NOTE_HELP}.")

    @field_validator("as_of", "since")
    @classmethod
    def _as_of_shape(cls, as_of: int | str | None) -> int | str | None:
        if as_of is None:
            return None
        text = str(as_of)
        if not _AS_OF.match(text):
            raise ValueError("write the date as a year (2024), a month (2025-05) or a day (2025-05-31)")
        _real_date(text)
        return as_of

    @field_validator("target_year")
    @classmethod
    def _target_year_shape(cls, year: int | None) -> int | None:
        return None if year is None else plausible_year(year)


def _real_date(text: str) -> None:
    """Refuse a date of the right shape that no calendar has (2025-02-30)."""
    match = _AS_OF.match(text)
    try:
        date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
    except ValueError:
        raise ValueError(f"{text} is not a real date") from None
    plausible_year(int(match["year"]), last=9999)


class TableObservation(Observation):
    """A row of a nationwide table (data/tables/): an observation that says which province it belongs to."""

    province: SlugText = Field(
        description="The file name (slug) of the current province the row belongs to.", examples=["tuyen-quang"]
    )


class ProvinceFile(Strict):
    """One province's file: who it is and every figure about it."""

    name: ShortText = Field(description="The official Vietnamese name, as in the registry.", examples=["Lào Cai"])
    code: Annotated[str, Field(pattern=r"^\d{2}$")] = Field(
        description="The official two-digit code, in quotes.", examples=["15"]
    )
    observations: list[Observation] = Field(default_factory=list, description="Every figure about the province.")


class QualifierWord(Strict):
    """A word written right before a figure that makes it not exact ("gần" → nearly)."""

    word: ShortText
    qualifier: Qualifier


class QualifierLabel(Strict):
    """How a qualifier reads before a figure: its words in both languages, and the short sign a chart or
    a map tile draws where the words do not fit."""

    vi: ShortText = Field(description="The words before a figure on a Vietnamese page ('gần').")
    en: ShortText = Field(description="The words before a figure on an English page ('nearly').")
    sign: Annotated[str, Field(min_length=1, max_length=3)] = Field(
        description="The short sign a chart or a map tile draws instead: '≈', '≥', '>' or '≤'."
    )


class VocabularyFile(Strict):
    """data/vocabulary.yaml: the words the validator reads in quotes, and the qualifiers' words pages print."""

    qualifiers: dict[Qualifier, QualifierLabel] = Field(
        default_factory=dict,
        description="How each qualifier reads before a figure ('gần', 'nearly') and its sign ('≈'); not exact.",
    )
    qualifier_words: dict[Qualifier, list[ShortText]] = Field(default_factory=dict)
    qualifier_before: list[QualifierWord] = Field(default_factory=list)
    comparatives: list[ShortText] = Field(default_factory=list)
    number_words: dict[ShortText, StrictInt | StrictFloat] = Field(default_factory=dict)
    extract: dict = Field(
        default_factory=dict,
        description="The phrases `python -m scorecard extract` reads by; their sections are described in the file.",
    )


class NationalFile(Strict):
    """data/national.yaml: the country's own figures, which provinces are compared against."""

    name: ShortText = Field(description="The country's name.", examples=["Việt Nam"])
    observations: list[Observation] = Field(default_factory=list, description="Every country-wide figure.")


class TableFile(Strict):
    """A file in data/tables/: one nationwide table, a row per province, each with its quote."""

    observations: list[TableObservation] = Field(default_factory=list, description="The table's rows.")


class IndicatorsFile(Strict):
    """data/indicators.yaml: the pillars, scopes and indicators."""

    pillars: list[Pillar]
    scopes: list[Scope] = Field(default_factory=list)
    indicators: list[Indicator]


class SourcesFile(Strict):
    """data/sources.yaml: every source figures are taken from."""

    sources: list[Source]


def as_of_bounds(as_of: int | str) -> tuple[date, date]:
    """The first and last day an ``as_of`` of any precision can mean."""
    match = _AS_OF.match(str(as_of))
    year = int(match["year"])
    if match["day"]:
        day = date(year, int(match["month"]), int(match["day"]))
        return day, day
    if match["month"]:
        month = int(match["month"])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])  # 9999-12 too
    return date(year, 1, 1), date(year, 12, 31)


# ---------------------------------------------------------------- the tile map (data/tilemap.yaml)

MAX_COLUMNS = 7  # col 0-6: seven tiles still read on a 360 px phone
MAX_ROWS = 20


class Tile(Strict):
    """One province's square: where it sits on the grid and the letters shown on it."""

    province: SlugText = Field(description="The current unit's slug, as data/provinces/<slug>.yaml is named.")
    row: StrictInt = Field(description="0 is the top row (the north).")
    col: StrictInt = Field(description=f"0 is the left column (the west); at most {MAX_COLUMNS - 1}.")
    abbr: Annotated[str, Field(min_length=1, max_length=4)] = Field(
        description="The letters shown on the tile (LCa, HCM); the full name is read from the registry."
    )

    @field_validator("row")
    @classmethod
    def _row_on_the_grid(cls, row: int) -> int:
        if not 0 <= row < MAX_ROWS:
            raise ValueError(f"write a row from 0 (the top) to {MAX_ROWS - 1}")
        return row

    @field_validator("col")
    @classmethod
    def _col_on_the_grid(cls, col: int) -> int:
        if not 0 <= col < MAX_COLUMNS:
            raise ValueError(
                f"write a column from 0 (the left) to {MAX_COLUMNS - 1}: "
                f"{MAX_COLUMNS} columns at most, so the map still reads on a phone"
            )
        return col


class TileMapFile(Strict):
    """data/tilemap.yaml: the tile of every current unit and the home page's indicator."""

    home_indicator: IdText = Field(description="The indicator the home page's map shows.")
    tiles: list[Tile]
