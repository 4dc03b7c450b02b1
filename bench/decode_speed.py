"""Decoding and sniffing stay linear: legacy pages of 1 MB and 10 MB with long lines.

    python bench/decode_speed.py

Builds, in memory, GBK and Big5 pages without a charset declaration whose lines are long (a
`data:` URI, a minified script, a Chinese paragraph with no line break), 100 KB, 1 MB and
10 MB, plus a text dump of the same size, and times decode + sniff (`decode_bytes`,
`refuse_binary`, `sniff_kind`) on each, best of 3. Linear time shows as a flat MB/s column.
Not a test: the figures go in the README.
"""

from __future__ import annotations

import time

from cleaner.decode import decode_bytes
from cleaner.sniff import refuse_binary, refuse_binary_text, sniff_kind

ZH = "乘势而上，开创西藏互联网精准扶贫新局面。国务院扶贫办、北京市政府参加了会议。"
HANT = "臺北市政府昨日宣布，老舊公寓加裝電梯的補助上限將提高，並簡化申請流程。"
SIZES = (100_000, 1_000_000, 10_000_000)


def pages(size: int) -> dict[str, bytes]:
    uri = "<img src='data:image/png;base64," + "QUJD" * (size // 8) + "'>"
    script = "<script>" + "var a=1;" * (size // 16) + "</script>"
    html = f"<html><head>{script}</head><body>{uri}<p>{ZH * 20}</p></body></html>"
    return {
        "gbk html, long ASCII lines": html.encode("gbk"),
        "big5 html, long ASCII lines": html.replace(ZH, HANT).encode("big5"),
        "gbk dump, one long CJK line": (ZH * (size // 80)).encode("gbk"),
        "gbk html, unclosed <script> tags": ("<script>x" * (size // 9) + ZH).encode("gbk"),
    }


def main() -> None:
    print(f"{'page':36} {'size':>8} {'seconds':>8} {'MB/s':>7}  codec")
    for size in SIZES:
        for name, data in pages(size).items():
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                refuse_binary(data, name)
                decoded = decode_bytes(data)
                refuse_binary_text(decoded, name)
                sniff_kind(decoded.text)
                best = min(best, time.perf_counter() - started)
            mb = len(data) / 1e6
            print(f"{name:36} {mb:7.1f}M {best:8.3f} {mb / best:7.1f}  {decoded.encoding}")


if __name__ == "__main__":
    main()
