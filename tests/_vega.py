"""What the chart tests look for in Vega and Vega-Lite specs: the strings that run as expressions."""

from __future__ import annotations

# Every key whose string value Vega or Vega-Lite evaluates as an expression.
EXPRESSION_KEYS = {"expr", "signal", "test", "update", "filter", "calculate", "labelExpr", "formula"}


def expressions(node) -> list[str]:
    """Every expression string of a Vega or Vega-Lite spec, however deeply nested."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in EXPRESSION_KEYS and isinstance(value, str):
                found.append(value)
            found += expressions(value)
    elif isinstance(node, list):
        for item in node:
            found += expressions(item)
    return found
