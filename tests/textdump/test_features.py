import gc

from cleaner.rules.cuefiles import generic_cues
from cleaner.textdump.features import LineInfo, describe_all, forget_rows

ROW = "Row {}: the council met on day {} and agreed to keep the library open."
DUMP = "\n".join([ROW.format(n, n) for n in range(200)] + ["", "首页 | 新闻 | 体育", "• Share"])


def _tracked_lines() -> int:
    gc.collect()
    return sum(isinstance(o, LineInfo) for o in gc.get_objects())


def test_remembered_rows_leave_the_garbage_collector_nothing_to_walk():
    # an archive run remembers some 50,000 rows; kept as LineInfos (a tuple subclass, which
    # the collector always tracks) every full collection walked them all
    forget_rows()
    before = _tracked_lines()
    first = describe_all(DUMP, generic_cues(), defer=True)
    del first
    assert _tracked_lines() == before
    again = describe_all(DUMP, generic_cues(), defer=True)  # (from the remembered rows)
    forget_rows()
    assert again == describe_all(DUMP, generic_cues(), defer=True)
    assert [i.index for i in again] == list(range(203)) and again[201].text == "首页 | 新闻 | 体育"
