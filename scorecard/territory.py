"""The 34 current provincial units, the former units they absorbed, and which one a figure covers.

The current units, names and codes come from the ``vietnam-provinces`` package (the
official registry) rather than being typed here; ``data/former-units.yaml`` adds the 63
former units each absorbed on 1 July 2025. A figure about the former Lào Cai (code 10)
must never be joined silently with one about the merged Lào Cai (code 15), so every
observation resolves to a :class:`Territory` with its own id.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from vietnam_provinces import Province

from .model import Observation, Source, as_of_bounds

_CITY_PREFIX = "Thành phố "


def ascii_slug(text: str) -> str:
    """``"Lào Cai"`` → ``"lao-cai"``: ASCII, lower case, hyphens (đ becomes d)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in ascii_text).split()
    return "-".join(words)


@dataclass(frozen=True)
class Territory:
    """A piece of land a figure can describe: a current unit, or a former one."""

    id: str  # "lao-cai" (current, merged), "lao-cai-10" (former); an unchanged unit's one id is "lai-chau-12"
    name: str
    code: str
    current: bool  # True for the unit as it has been since 1 July 2025
    unchanged: bool  # True when former and current territory are the same land


@dataclass(frozen=True)
class ProvinceUnit:
    """One of the 34 current provincial units and the former units it is made of."""

    slug: str
    name: str  # short official name: "Lào Cai", "Hà Nội", "Hồ Chí Minh"
    full_name: str  # as registered: "Thành phố Hà Nội"
    code: str
    is_city: bool
    former: tuple[Territory, ...]

    @property
    def unchanged(self) -> bool:
        return len(self.former) == 1 and self.former[0].unchanged

    @property
    def current_territory(self) -> Territory:
        """The land since the merger. A merged unit's id is its slug alone ("da-nang"): the merged Đà
        Nẵng kept code 48, so "da-nang-48" already names the former city, which is other land."""
        if self.unchanged:
            return self.former[0]
        return Territory(self.slug, self.name, self.code, current=True, unchanged=False)

    def territory(self, label: str) -> Territory | None:
        """Resolve an editor's ``territory:`` ('current' or a former unit's id).

        'former' is accepted only for a province that was not merged, where it is the same
        land: for a merged one it would have to guess which former unit is meant, and a
        figure about Yên Bái must never be filed as the former Lào Cai's.
        """
        if label == "current" or (label == "former" and self.unchanged):
            return self.current_territory
        for candidate in (*self.former, self.current_territory):
            if candidate.id == label:
                return candidate
        return None

    def former_units_text(self) -> str:
        """The former units as editors know them, each with what to write: "Hà Giang (territory: ha-giang-02)"."""
        return ", ".join(f"{t.name} (territory: {t.id})" for t in self.former)


def _former_territories(slug: str, name: str, code: str, entry: dict) -> tuple[Territory, ...]:
    if entry.get("unchanged"):
        return (Territory(f"{slug}-{code}", name, code, current=True, unchanged=True),)
    return tuple(
        Territory(
            f"{ascii_slug(unit['name'])}-{unit['code']}", unit["name"], unit["code"], current=False, unchanged=False
        )
        for unit in entry["former_units"]
    )


def build_registry(former_units: dict) -> dict[str, ProvinceUnit]:
    """All 34 current units by slug, from the official package plus the former-units data."""
    registry: dict[str, ProvinceUnit] = {}
    for province in sorted(Province.iter_all(), key=lambda p: p.code.value):
        code = f"{province.code.value:02d}"
        name = province.name.removeprefix(_CITY_PREFIX)
        slug = province.codename.replace("_", "-")
        entry = former_units["current_units"][code]
        registry[slug] = ProvinceUnit(
            slug=slug,
            name=name,
            full_name=province.name,
            code=code,
            is_city=province.name.startswith(_CITY_PREFIX),
            former=_former_territories(slug, name, code, entry),
        )
    return registry


@cache
def official_units() -> tuple[tuple[str, str, str], ...]:
    """(slug, short name, code) of the 34 units, straight from the official package."""
    return tuple(
        (p.codename.replace("_", "-"), p.name.removeprefix(_CITY_PREFIX), f"{p.code.value:02d}")
        for p in sorted(Province.iter_all(), key=lambda p: p.code.value)
    )


@dataclass(frozen=True)
class Reorganisation:
    """When the current units began and how many there are: what dates and ranking bases mean."""

    merged_on: date  # ``merged_on`` in data/former-units.yaml
    units_after: int  # how many units a ranking made since then ranks (34)


def resolve_territory(
    unit: ProvinceUnit, observation: Observation, source: Source | None, reorg: Reorganisation
) -> Territory | None:
    """Which territory a figure covers: as written, else what its date or ranking base proves.

    For a merged province a figure from before ``merged_on`` is never given a default
    former unit: None here makes the validator ask the editor which one it describes.
    A ranking of as many units as exist since the merger (14/34) describes the current
    unit whatever year it measures.
    """
    if observation.territory is not None:
        return unit.territory(observation.territory)
    if unit.unchanged:
        return unit.current_territory
    if observation.unit == "rank" and observation.denominator is not None:
        return unit.current_territory if observation.denominator <= reorg.units_after else None
    if observation.as_of is not None:
        return unit.current_territory if as_of_bounds(observation.as_of)[0] >= reorg.merged_on else None
    published = source.published_text if source is not None else None
    if published is not None and as_of_bounds(published)[0] >= reorg.merged_on:
        return unit.current_territory
    return None
