"""HTML input goes through trafilatura and then the same cue filters as text dumps."""

from cleaner import Options, clean

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例新闻 - 示例网</title></head>
<body><nav><a href="/">首页</a><a href="/n">新闻</a></nav>
<article><h1>示例新闻</h1>
<p>这是第一段正文，讲述了一个很长的故事，包含足够多的文字，以便抽取器把它当作正文来保留下来。</p>
<p>图为工作人员在现场检查设备。</p>
<p>这是第二段正文，继续讲述这个故事，同样包含足够多的文字，确保它不会被当作导航或者噪声。</p>
<p>责任编辑：张三</p>
</article><footer>版权所有 示例网</footer></body></html>"""


def test_html_page_is_extracted_and_filtered():
    doc = clean(PAGE.encode("utf-8"), Options(explain=True))
    assert doc.kind == "html" and doc.method == "trafilatura"
    assert doc.title == "示例新闻"
    assert any(p.startswith("这是第一段正文") for p in doc.paragraphs)
    assert any(p.startswith("这是第二段正文") for p in doc.paragraphs)
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["图为工作人员在现场检查设备。"] == "caption"
    assert reasons["责任编辑：张三"] == "editor"
    assert not any("首页" in p for p in doc.paragraphs)


def test_forcing_text_mode_on_html():
    doc = clean(PAGE.encode("utf-8"), Options(input_format="text"))
    assert doc.kind == "text"


def test_html_without_body_text_does_not_crash():
    doc = clean(b"<html><head><script>var a=1;</script></head><body></body></html>")
    assert doc.paragraphs == ()
