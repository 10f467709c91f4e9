"""One drafted figure, as the extractor builds it up: where it is, what it says, whose it is."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Draft:
    """A figure found in the text; positions are indexes into the article's NFC body."""

    start: int  # the number (or the word rank) as printed
    end: int
    value: float | None
    unit: str | None = None
    kind: str = "actual"
    qualifier: str = "exact"
    numerator: float | None = None
    denominator: float | None = None
    low: float | None = None
    high: float | None = None
    in_words: str | None = None
    prefix_start: int | None = None  # where its qualifier / change / rank words start
    suffix_end: int | None = None  # where its unit ends
    noun_end: int | None = None  # where the indicator's alias after the number ends
    noun_from: int | None = None  # where what it counts is named, when not right after suffix_end
    change: bool = False
    rank: bool = False
    indicator: str | None = None
    suggested_name: str | None = None
    subject: str = "province"
    territory: str | None = None
    scope: str | None = None
    as_of: str | int | None = None
    since: str | None = None
    target_year: int | None = None
    period: str | None = None
    baseline: str | None = None
    quote: tuple[int, int] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def key(self):
        """What the benchmark compares: the value (or a/b, or the range), kind and qualifier."""
        return (self.value_key, self.kind, self.qualifier)

    @property
    def value_key(self):
        if self.value is not None:
            return round(float(self.value), 6)
        if self.low is not None or self.high is not None:
            return ("range", self.low, self.high)
        return ("ratio", self.numerator, self.denominator)
