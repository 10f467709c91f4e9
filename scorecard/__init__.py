"""The Vietnam provincial digital-transformation scorecard: data in, checks, charts, pages, exports out.

Modules, in the order a figure travels: ``load`` (strict YAML with positions),
``model`` (typed records), ``dataset`` (the whole data tree), ``checks`` (rules across
records), then ``export``, ``charts`` and ``pages``. See ARCHITECTURE in the README.
"""
