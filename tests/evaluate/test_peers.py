"""`cleaner eval --compare` and `--by`: the peers side by side on the same pages, a table per
page type (over the small gold set shipped in bench/mini)."""

import re

from click.testing import CliRunner
from conftest import ROOT

from cleaner.cli import main

MINI = ROOT / "bench" / "mini" / "wcxb-dev"


def _eval(*args):
    return CliRunner().invoke(main, ["eval", str(MINI), "--worst", "0", *args])


def test_every_peer_runs_beside_cleaner_with_a_table_per_page_type():
    result = _eval("--compare", "trafilatura,trafilatura-precision", "--compare",
                   "readability,resiliparse", "--by", "page_type")  # fmt: skip
    assert result.exit_code == 0, result.output
    names = re.findall(r"^(\S+)\s+7\s", result.output, re.M)
    assert names == ["cleaner", "trafilatura", "trafilatura-precision", "readability",
                     "resiliparse"]  # fmt: skip
    rows = re.findall(r"^\| (\w+) \(1\) \|(.*)\|$", result.output, re.M)
    kinds = ["article", "collection", "documentation", "forum", "listing", "product", "service"]
    assert [kind for kind, _ in rows] == kinds
    for _, cells in rows:
        values = [float(c.strip(" *")) for c in cells.split("|")]
        assert len(values) == 5 and all(0 <= v <= 1 for v in values)
        assert f"**{max(values):.3f}**" in cells  # the best of the row stands out


def test_an_unknown_peer_is_a_usage_error():
    result = _eval("--compare", "boilerpipe")
    assert result.exit_code == 2
    assert "--compare boilerpipe: unknown; choose from trafilatura, trafilatura-precision" in (
        result.output
    )


def test_title_accuracy_stands_beside_f1_where_the_set_has_reviewed_titles():
    from cleaner.evaluate.sets import same_title

    result = _eval("--compare", "trafilatura")
    head, ours, peer = result.output.splitlines()[1:4]
    assert head.split()[-1] == "title"
    assert re.fullmatch(r"\d+\.\d%", ours.split()[-1]) and peer.split()[-1] == "-"
    assert same_title("We’ve Compiled the Top 7 – 2025", "we've compiled the top 7 - 2025")
    assert not same_title(None, "A title") and not same_title("A title | Site", "A title")
    assert same_title("Ansible playbooks", "Ansible playbooks\uf0c1")  # an icon font's glyph
