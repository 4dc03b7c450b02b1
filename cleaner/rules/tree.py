"""Apply a site rule's FiveFilters HTML directives to a parsed page.

`strip` removes what its XPath selects (elements, or attributes as with strip_attr),
`strip_id_or_class` elements whose id or class holds the word, `strip_image_src` images
whose src holds the string; `title`, `date`, `author` read the first XPath that finds text;
`body` picks the content block (the first XPath that matches; several matches are kept in
order). `find_string`/`replace_string` act on the raw HTML before parsing (text.py, html/parse.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree, html

from .site import SiteRule
from .text import Effect

BLOCK_TAGS = {
    "p", "div", "section", "article", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "dd", "dt", "figcaption", "td", "th", "table", "ul", "ol", "br", "hr",
}  # fmt: skip


@dataclass(frozen=True)
class TreeRuleResult:
    body: tuple  # the content block's elements, or () when no body rule matched
    title: str | None
    date: str | None
    author: str | None
    effects: tuple[Effect, ...]


def apply_tree_rule(tree: html.HtmlElement, rule: SiteRule) -> TreeRuleResult:
    """Mutates `tree` (stripping) and reads title/date/author/body."""
    effects: list[Effect] = []
    where = str(rule.path)
    for xpath in rule.strip:
        count = _strip(tree, xpath)
        if count:
            effects.append(Effect(where, "strip", 0, xpath, f"{count} removed", "page"))
    for word in rule.strip_id_or_class:
        xpath = (
            f"//*[contains(concat(' ',normalize-space(@class),' '),' {word} ')"
            f" or contains(concat(' ',normalize-space(@id),' '),' {word} ')]"
        )
        count = _strip(tree, xpath)
        if count:
            effects.append(Effect(where, "strip_id_or_class", 0, word, f"{count} removed", "page"))
    for src in rule.strip_image_src:
        count = _strip(tree, f"//img[contains(@src, {_literal(src)})]")
        if count:
            effects.append(Effect(where, "strip_image_src", 0, src, f"{count} removed", "page"))
    body = _first_nodes(tree, rule.body)
    if body:
        effects.append(Effect(where, "body", 0, "content block", f"{len(body)} element(s)", "page"))
    return TreeRuleResult(
        body=tuple(body),
        title=_first_text(tree, rule.title),
        date=_first_text(tree, rule.date),
        author=_first_text(tree, rule.author),
        effects=tuple(effects),
    )


def block_text(elements: list) -> str:
    """Visible text of elements, one line per block element."""
    lines: list[str] = []
    for element in elements:
        for node in element.iter():
            if isinstance(node.tag, str) and node.tag.lower() in ("script", "style", "noscript"):
                node.text = None
        lines.append(_text_with_breaks(element))
    return "\n".join(lines)


def _text_with_breaks(element) -> str:
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript"):
            parts.append(node.tail or "")
            return
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if isinstance(node.tag, str):
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if block:
            parts.append("\n")
        parts.append(node.tail or "")

    walk(element)
    return "".join(parts)


def _strip(tree, xpath: str) -> int:
    try:
        found = tree.xpath(xpath)
    except etree.XPathError:
        return 0
    count = 0
    for item in found if isinstance(found, list) else ():
        if isinstance(item, etree._ElementUnicodeResult) and item.is_attribute:
            parent = item.getparent()
            if parent is not None and item.attrname in parent.attrib:
                del parent.attrib[item.attrname]
                count += 1
        elif isinstance(item, html.HtmlElement) and item.getparent() is not None:
            item.drop_tree()
            count += 1
    return count


def _first_nodes(tree, xpaths: tuple[str, ...]) -> list:
    for xpath in xpaths:
        try:
            found = tree.xpath(xpath)
        except etree.XPathError:
            continue
        nodes = (
            [n for n in found if isinstance(n, html.HtmlElement)] if isinstance(found, list) else []
        )
        if nodes:
            return nodes
    return []


def _first_text(tree, xpaths: tuple[str, ...]) -> str | None:
    for xpath in xpaths:
        try:
            found = tree.xpath(xpath)
        except etree.XPathError:
            continue
        values = found if isinstance(found, list) else [found]
        for value in values:
            text = value.text_content() if isinstance(value, html.HtmlElement) else str(value)
            text = " ".join(text.split())
            if text:
                return text
    return None


def _literal(value: str) -> str:
    """An XPath string literal for any value (XPath 1.0 has no escape character)."""
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    return "concat(" + ', "\'", '.join(f"'{part}'" for part in value.split("'")) + ")"
