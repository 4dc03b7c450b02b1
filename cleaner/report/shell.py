"""What every report shares: the page around it (inline CSS, no network, no framework), escaping,
and the two charts (horizontal bars and a scatter), drawn as inline SVG with their figures written
beside them, so that a report reads without colour and without images."""

from __future__ import annotations

import html
from collections.abc import Sequence

BAR_WIDTH = 360  # pixels of the longest bar
BAR_HEIGHT = 18
SCATTER_SIZE = 320  # pixels of a scatter plot's side
_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;color:#111}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.2em .5em;
text-align:left;vertical-align:top}th{background:#eee}td.num{text-align:right}
code{font:12px ui-monospace,monospace;background:#f3f3f3;padding:0 .2em;word-break:break-all}
ol.lines{list-style:none;padding:0}ol.lines li{border-left:6px solid #999;margin:2px 0;
padding:1px 6px;display:grid;grid-template-columns:4em 13em 1fr;gap:.5em}
ol.lines li.kept{border-left:6px solid #2a7}ol.lines li.title{border-left:6px double #15c;
font-weight:bold}ol.lines li.removed{border-left:6px dashed #c33;color:#555}
ol.lines li.left-out{border-left:6px dotted #c93;color:#555}
ol.lines li.repaired,ol.lines li.rewritten{border-left:6px solid #a5c}
ol.lines li.blank,ol.lines li[hidden]{display:none}
li .no{color:#777;text-align:right}li .tag{font-size:12px;font-weight:bold}
li details{grid-column:3}li summary{cursor:pointer;font-size:12px;color:#036}
.side{display:grid;grid-template-columns:1fr 1fr;gap:1em}.side pre{white-space:pre-wrap;
border:1px solid #bbb;padding:.5em;font-size:12px;max-height:24em;overflow:auto}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:underline}
.bar{fill:#4a7ab8}.bar2{fill:#c77}.dot{fill:#4a7ab8;fill-opacity:.6}svg text{font-size:12px}
"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def page(title: str, body: str, script: str = "") -> str:
    """A whole report: one self-contained HTML file."""
    tail = f"<script>{script}</script>" if script else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}'
        f"</title><style>{_CSS}</style></head><body><h1>{esc(title)}</h1>{body}{tail}"
        "</body></html>\n"
    )


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table; a cell given as ('raw', html) is inserted as is, numbers align right."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _cell(value: object) -> str:
    if isinstance(value, tuple) and value[:1] == ("raw",):
        return f"<td>{value[1]}</td>"
    if isinstance(value, int | float):
        return f'<td class="num">{esc(value)}</td>'
    return f"<td>{esc(value)}</td>"


def bars(items: Sequence[tuple[str, float, str]], label: str, scale: float | None = None) -> str:
    """Horizontal bars: (name, value, the value as written) each; `scale` is the value of a
    full bar (default: the largest). The written value stands beside each bar."""
    top = scale or max((v for _, v, _ in items), default=0) or 1
    height = BAR_HEIGHT * len(items) + 4
    rows = []
    for i, (name, value, written) in enumerate(items):
        y, width = i * BAR_HEIGHT + 2, max(1, round(BAR_WIDTH * value / top))
        rows.append(
            f'<text x="0" y="{y + 13}">{esc(name)}</text>'
            f'<rect class="bar" x="200" y="{y}" width="{width}" height="{BAR_HEIGHT - 4}"/>'
            f'<text x="{206 + width}" y="{y + 13}">{esc(written)}</text>'
        )
    return (
        f'<svg role="img" aria-label="{esc(label)}" width="{260 + BAR_WIDTH + 60}" '
        f'height="{height}">{"".join(rows)}</svg>'
    )


def scatter(points: Sequence[tuple[float, float, str]], x_label: str, y_label: str) -> str:
    """Points in [0, 1]², each with a tooltip (its page); axes labelled."""
    side, pad = SCATTER_SIZE, 30
    dots = "".join(
        f'<circle class="dot" cx="{pad + x * side:.1f}" cy="{side - y * side + 5:.1f}" r="3">'
        f"<title>{esc(tip)}</title></circle>"
        for x, y, tip in points
    )
    axes = (
        f'<line x1="{pad}" y1="{side + 5}" x2="{pad + side}" y2="{side + 5}" stroke="#333"/>'
        f'<line x1="{pad}" y1="5" x2="{pad}" y2="{side + 5}" stroke="#333"/>'
        f'<text x="{pad + side / 2 - 30}" y="{side + 25}">{esc(x_label)} →</text>'
        f'<text x="0" y="{side / 2}" transform="rotate(-90 10 {side / 2})">{esc(y_label)} →</text>'
        f'<text x="{pad - 8}" y="{side + 18}">0</text><text x="{pad + side - 6}" '
        f'y="{side + 18}">1</text><text x="{pad - 12}" y="12">1</text>'
    )
    return (
        f'<svg role="img" aria-label="{esc(x_label)} against {esc(y_label)}" '
        f'width="{side + pad + 10}" height="{side + 35}">{axes}{dots}</svg>'
    )
