"""One stable id per figure, for the JSON API and for each figure's anchor on the pages.

``fact_id`` is ``<indicator>-<8 hex>``: the indicator keeps the id readable in a link
(``#online_dossiers_share-3f2a9c1e``), the hex is the start of a sha256 over what makes the
figure the figure it is:

- whose and where: the province, the territory (a former unit is other land), the subject
  (a national figure quoted on a province's page is not the province's) and the scope;
- what and when: the indicator, its kind (an actual and a target of the same number differ),
  the unit, ``as_of``, ``since`` and ``target_year``;
- from where: the source id;
- the number: value, range and fraction, written as the JSON download writes them (92 and
  92.0 are one value).

Not its position in the file, so the id stays when an editor adds, removes or reorders other
figures; and not its quote, note, period or qualifier, which are how the figure is read, so a
corrected typo in a quote keeps the anchor a journalist linked to. When the figure itself is
corrected (another value, date, territory or source) the id changes, and an old link no longer
points at a number that is not the one it cited. tests/test_api.py checks that the real data
has no two figures with one id.
"""

from __future__ import annotations

import hashlib
import json

from .dataset import Fact

ID_HEX = 8  # 32 bits: for some thousands of figures a chance collision is about one in a thousand


def _number(value: object) -> object:
    """A number as the downloads write it: 92.0 is 92, and no float noise beyond 6 decimals."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 6)
    return value


def identity(fact: Fact) -> list:
    """The fields the id is made of, in a fixed order (see the module's docstring for why these)."""
    obs = fact.observation
    return [
        fact.province,
        fact.territory.id if fact.territory else None,
        obs.subject,
        obs.scope,
        obs.indicator,
        obs.kind,
        obs.unit,
        None if obs.as_of is None else str(obs.as_of),
        None if obs.since is None else str(obs.since),
        obs.target_year,
        obs.source,
        *(_number(n) for n in (obs.value, obs.low, obs.high, obs.numerator, obs.denominator)),
    ]


def fact_id(fact: Fact) -> str:
    """The figure's stable, URL-safe id: ``<indicator>-<8 hex of sha256 over identity(fact)>``, worked out
    once per figure (its row, every link to it, its citation and the API all ask)."""
    return fact.remembered("id", lambda: _digest(fact))


def _digest(fact: Fact) -> str:
    text = json.dumps(identity(fact), ensure_ascii=False, separators=(",", ":"))
    return f"{fact.indicator}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:ID_HEX]}"
