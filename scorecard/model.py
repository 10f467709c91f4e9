"""The typed records the scorecard is made of, and the schema editors write against.

Each model forbids unknown fields (a typo such as ``valeu`` is an error, not a silently
ignored key) and uses strict types (``value: "92"`` in quotes is text, not a number).
Field descriptions and ``examples`` here are the single source for the editors' field
reference (``python -m scorecard fields``), so the guide and the checks cannot drift.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, field_validator

Number = StrictInt | StrictFloat
Unit = Literal["percent", "count", "km", "Mbps", "VND", "rank", "score", "per_person", "level"]
Qualifier = Literal["exact", "about", "at_least", "more_than", "nearly", "at_most"]
Kind = Literal["actual", "target"]
PillarId = Literal[
    "public_services",
    "connectivity",
    "digital_government",
    "skills_society",
    "security_data",
    "digital_economy",
]
IdText = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=60)]
SlugText = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
ShortText = Annotated[str, Field(min_length=1, max_length=300)]
LongText = Annotated[str, Field(min_length=1, max_length=2000)]

_AS_OF = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


class Strict(BaseModel):
    """Base for every record: unknown fields are refused, values are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Bilingual(Strict):
    """A text in Vietnamese (the site's default language) and English."""

    vi: ShortText | LongText = Field(description="Vietnamese text.")
    en: ShortText | LongText = Field(description="English text.")


class Pillar(Strict):
    """One of the six groups the scorecard sorts indicators into."""

    id: PillarId
    name: Bilingual


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
    pillar: PillarId = Field(description="The pillar the indicator belongs to.", examples=["public_services"])
    unit: Unit = Field(
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
    published: date | None = Field(
        None, description="Publication date when printed (YYYY-MM-DD); empty when not printed."
    )
    period: LongText | None = Field(
        None, description="What the text itself says of its period when no date is printed."
    )
    language: Literal["vi", "en"] = Field("vi", description="Language of the text.")
    note: LongText | None = Field(None, description="Anything a reader should know about this source.")

    @field_validator("url")
    @classmethod
    def _http_only(cls, url: str | None) -> str | None:
        if url is not None and not re.match(r"^https?://[^\s<>\"'`]+$", url):
            raise ValueError("an address must start with http:// or https:// and contain no spaces or quotes")
        return url

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, text: object) -> object:
        if isinstance(text, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            return date.fromisoformat(text)
        if text is not None and not isinstance(text, date):
            raise ValueError("write the date as YYYY-MM-DD, e.g. 2025-11-01, or leave it empty")
        return text


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
    unit: Unit = Field(description="Must be the indicator's unit.", examples=["percent"])
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
    kind: Kind = Field(description="actual (achieved) or target ('mục tiêu', 'phấn đấu').", examples=["actual"])
    as_of: StrictInt | str | None = Field(
        None,
        description="For actuals: the date the figure describes, at the text's precision: 2024, 2025-05 or 2025-05-31.",
        examples=["2025-05", 2024],
    )
    target_year: StrictInt | None = Field(None, description="For targets: the year to reach it by.", examples=[2030])
    period: ShortText | None = Field(
        None, description="How the text states the period, verbatim, when it matters ('6 tháng đầu năm 2025')."
    )
    territory: Annotated[str, Field(max_length=40)] | None = Field(
        None,
        description=(
            "Which territory the figure covers: 'current' (the province since 1 July 2025), 'former' (the "
            "former province of the same name) or a former unit's id (yen-bai-15). Derived from the date "
            "when left out."
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
    note: LongText | None = Field(None, description="Anything a reader needs to read the figure right.")

    @field_validator("as_of")
    @classmethod
    def _as_of_shape(cls, as_of: int | str | None) -> int | str | None:
        if as_of is None:
            return None
        text = str(as_of)
        match = _AS_OF.match(text)
        if not match:
            raise ValueError("write the date as a year (2024), a month (2025-05) or a day (2025-05-31)")
        month, day = match["month"], match["day"]
        try:
            date(int(match["year"]), int(month or 1), int(day or 1))
        except ValueError:
            raise ValueError(f"{text} is not a real date") from None
        return as_of


class ProvinceFile(Strict):
    """One province's file: who it is and every figure about it."""

    name: ShortText = Field(description="The official Vietnamese name, as in the registry.", examples=["Lào Cai"])
    code: Annotated[str, Field(pattern=r"^\d{2}$")] = Field(
        description="The official two-digit code, in quotes.", examples=["15"]
    )
    observations: list[Observation] = Field(default_factory=list, description="Every figure about the province.")


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
        last = date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1
        return date(year, month, 1), date.fromordinal(last)
    return date(year, 1, 1), date(year, 12, 31)
