"""Batch mode: folders in, one safe output per input (or a JSONL stream), failures reported."""

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from cleaner import Options, clean, to_text
from cleaner.cli import main

GOOD = {
    "seed.txt": SAMPLES / "zh-seed-repost" / "raw.txt",
    "a/big5.txt": SAMPLES / "zh-hant-big5-dump" / "raw.txt",
    "a/b/en.txt": SAMPLES / "en-news-dump" / "raw.txt",
}


@pytest.fixture
def tree(tmp_path):
    """Nested folders, UTF-8 and Big5 pages, an empty file, a PNG, a gzipped page, a corrupt
    gzip file (the worker fails on it) and a hidden folder that must be skipped."""
    root = tmp_path / "in"
    for name, source in GOOD.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, root / name)
    (root / "empty.txt").write_bytes(b"")
    (root / "a" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    (root / "a" / "zipped.txt.gz").write_bytes(gzip.compress(GOOD["a/b/en.txt"].read_bytes()))
    (root / "a" / "broken.txt.gz").write_bytes(b"this is not gzip data")
    (root / ".hidden").mkdir()
    shutil.copy(GOOD["seed.txt"], root / ".hidden" / "x.txt")
    return root


def expected(source) -> str:
    return to_text(clean(source.read_bytes(), Options()))


def files(folder) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def snapshot(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}  # fmt: skip


def test_folder_is_cleaned_failures_reported_nothing_half_written(tree, tmp_path):
    out, errors = tmp_path / "out", tmp_path / "errors.jsonl"
    result = CliRunner().invoke(main, ["clean", str(tree), "-o", str(out), "--errors", str(errors)])
    assert result.exit_code == 1
    written = files(out)
    assert set(written) == {"seed.txt", "a/big5.txt", "a/b/en.txt", "a/zipped.txt", "empty.txt"}
    for name, source in GOOD.items():
        assert written[name] == expected(source)
    assert written["a/zipped.txt"] == expected(GOOD["a/b/en.txt"])  # .gz read transparently
    assert written["empty.txt"] == ""
    failures = [json.loads(line) for line in errors.read_text().splitlines()]
    assert {f["path"].split("/in/")[1] for f in failures} == {"a/pic.png", "a/broken.txt.gz"}
    assert "cleaned 4, empty 1, failed 2, skipped 0" in result.stderr
    assert not list(tmp_path.rglob("*.tmp"))


def test_jobs_1_and_2_give_identical_outputs(tree, tmp_path):
    runner = CliRunner()
    for jobs in ("1", "2"):
        runner.invoke(main, ["clean", str(tree), "-o", str(tmp_path / jobs), "-j", jobs, "-q"])
    assert files(tmp_path / "1") == files(tmp_path / "2") != {}
    streams = [
        runner.invoke(main, ["clean", str(tree), "-f", "jsonl", "-j", jobs, "-q"]).stdout
        for jobs in ("1", "2")
    ]
    assert streams[0] == streams[1]
    sources = [json.loads(line)["source"] for line in streams[0].splitlines()]
    assert sources == sorted(sources) and len(sources) == 5


def test_skip_existing_after_a_run_writes_nothing(tree, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    runner.invoke(main, ["clean", str(tree), "-o", str(out), "-q"])
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = runner.invoke(main, ["clean", str(tree), "-o", str(out), "--skip-existing"])
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before
    assert "cleaned 0, empty 0, failed 2, skipped 5" in again.stderr  # failures are retried


def test_glob_and_exclude(tree, tmp_path):
    out = tmp_path / "out"
    args = ["clean", str(tree), "-o", str(out), "--glob", "*.txt", "--exclude", "a/b/*"]
    CliRunner().invoke(main, args)
    assert set(files(out)) == {"seed.txt", "a/big5.txt", "empty.txt"}


def test_output_may_not_be_an_input_folder_and_is_required(tree):
    runner = CliRunner()
    same = runner.invoke(main, ["clean", str(tree), "-o", str(tree)])
    assert same.exit_code == 2 and "is the input folder" in same.stderr
    missing = runner.invoke(main, ["clean", str(tree)])
    assert missing.exit_code == 2 and "need -o FOLDER" in missing.stderr


@pytest.mark.parametrize("where", ["inside", "above"])
def test_output_folder_inside_or_above_an_input_folder_is_refused(tree, where):
    args = [str(tree), "-o", str(tree / "cleaned")] if where == "inside" else [
        str(tree / "a"), "-o", str(tree)]  # fmt: skip
    before = snapshot(tree)
    result = CliRunner().invoke(main, ["clean", *args])
    assert result.exit_code == 2 and "outputs must not land among inputs" in result.stderr
    assert snapshot(tree) == before  # nothing written, nothing overwritten


def test_timeout_fails_the_input_and_the_batch_goes_on(tree, tmp_path):
    result = CliRunner().invoke(
        main, ["clean", str(tree), "-o", str(tmp_path / "out"), "--timeout", "0.000001", "-j", "1"]
    )
    assert result.exit_code == 1
    assert "took longer than 1e-06 s (--timeout)" in result.stderr
    assert "skipped 0" in result.stderr


class _Panic(BaseException):
    """As a Rust library's panic reaches Python (pyo3's PanicException): no Exception."""


@pytest.mark.parametrize("timed_out", [False, True])
def test_a_libraries_panic_fails_its_input_alone(tree, tmp_path, monkeypatch, timed_out):
    # a panic in a Rust library (resiliparse), or the --timeout's error raised inside its call
    # back into Python and wrapped in its panic, fails that input with a one-line message
    import cleaner.batch.runner as runner

    cleaned = runner.clean

    def clean_or_panic(data, options):
        if not options.source.endswith("en.txt"):
            return cleaned(data, options)
        if not timed_out:
            raise _Panic("called `Result::unwrap()` on an `Err` value")
        try:
            signal.raise_signal(signal.SIGALRM)  # the deadline expires inside the library
        except Exception as err:  # noqa: BLE001 - what the library does with it
            raise _Panic(f"PyErr {{ value: {err!r} }}") from None
        return None

    monkeypatch.setattr(runner, "clean", clean_or_panic)
    args = ["clean", str(tree), "-o", str(tmp_path / "out"), "-j", "1", "--timeout", "60"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "Traceback" not in result.output
    failed = [line for line in result.stderr.splitlines() if "en.txt:" in line]
    said = "took longer than 60 s (--timeout)" if timed_out else "internal error (_Panic: called"
    assert len(failed) == 1 and said in failed[0]
    assert (tmp_path / "out" / "seed.txt").read_text(encoding="utf-8")  # the others cleaned


def test_interrupt_leaves_only_complete_outputs(tmp_path):
    source = GOOD["a/b/en.txt"]
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(2000):  # enough that the batch is still running when SIGINT comes
        shutil.copy(source, inputs / f"page{i:04}.txt")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "cleaner", "clean", str(inputs), "-o", str(out), "-j", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (out.exists() and any(out.glob("*.txt"))) and time.monotonic() < deadline:
        time.sleep(0.01)  # wait until the batch is under way; not a timing assertion
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "cleaned" in stderr and "interrupted" in stderr
    written = list(out.glob("*"))
    assert 0 < len(written) < 2000
    reference = expected(source)
    assert all(p.read_text(encoding="utf-8") == reference for p in written)
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]


# --- issue #16: outputs never touch inputs, nothing lost, nothing crashes ---


def write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


EN = GOOD["a/b/en.txt"].read_bytes()


def test_two_inputs_with_one_output_name_are_refused_before_anything_is_written(tmp_path):
    root = tmp_path / "in"
    write(root / "x.txt", EN)
    write(root / "x.txt.gz", gzip.compress(EN))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(root), "-o", str(out)])
    assert result.exit_code == 2 and "would both be written to x.txt" in result.stderr
    assert not out.exists()
    excluded = CliRunner().invoke(main, ["clean", str(root), "-o", str(out), "--exclude", "*.gz"])
    assert excluded.exit_code == 0 and files(out) == {"x.txt": expected(GOOD["a/b/en.txt"])}


def test_several_input_folders_are_mirrored_under_their_own_names(tmp_path):
    for name in ("a", "b"):
        write(tmp_path / name / "page.txt", EN)
    out = tmp_path / "out"
    args = ["clean", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out), "-q"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert set(files(out)) == {"a/page.txt", "b/page.txt"}
    write(tmp_path / "c" / "a" / "page.txt", EN)
    same_name = [str(tmp_path / "a"), str(tmp_path / "c" / "a"), "-o", str(tmp_path / "o2")]
    result = CliRunner().invoke(main, ["clean", *same_name])
    assert result.exit_code == 2 and "would both be written to a" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{in}/page.txt", "-o", "{in}/page.txt"], "is an input"),
        (["{in}", "-f", "jsonl", "-o", "{in}/all.jsonl"], "lies inside the input folder"),
        (["{in}", "-o", "{out}", "--errors", "{in}/failed.jsonl"], "lies inside the input"),
        (["{in}/page.txt", "-o", "{out}.txt", "--errors", "{out}.txt"], "given to both"),
    ],
)
def test_streams_and_error_files_may_not_touch_inputs(tmp_path, args, message):
    write(tmp_path / "in" / "page.txt", EN)
    before = snapshot(tmp_path / "in")
    filled = [a.format(**{"in": tmp_path / "in", "out": tmp_path / "out"}) for a in args]
    result = CliRunner().invoke(main, ["clean", *filled])
    assert result.exit_code == 2 and message in result.stderr
    assert snapshot(tmp_path / "in") == before


def test_outputs_get_the_users_umask(tmp_path):
    write(tmp_path / "in" / "page.txt", EN)
    old = os.umask(0o027)
    try:
        runner = CliRunner()
        runner.invoke(main, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"])
        runner.invoke(main, ["clean", str(tmp_path / "in" / "page.txt"), "-o", str(tmp_path / "o")])
        stream = ["clean", str(tmp_path / "in"), "-f", "jsonl", "-o", str(tmp_path / "s.jsonl")]
        runner.invoke(main, stream)
    finally:
        os.umask(old)
    for path in (tmp_path / "out" / "page.txt", tmp_path / "o", tmp_path / "s.jsonl"):
        assert path.stat().st_mode & 0o777 == 0o640, path


def _stream_inputs(folder):
    """Two pages, a PNG (fails), a FIFO the run blocks on, one more page."""
    names = [write(folder / "a.txt", EN), write(folder / "b.txt", GOOD["seed.txt"].read_bytes()),
             write(folder / "c.png", b"\x89PNG\r\n\x1a\n" + bytes(64)), folder / "d.fifo",
             write(folder / "e.txt", GOOD["a/big5.txt"].read_bytes())]  # fmt: skip
    os.mkfifo(folder / "d.fifo")
    return [str(p) for p in names]


def _sources(stream):
    return [json.loads(line)["source"] for line in stream.read_text().splitlines()]


def test_a_killed_stream_keeps_its_records_and_a_rerun_resumes_it(tmp_path):
    inputs = _stream_inputs(tmp_path / "in")
    stream, errors = tmp_path / "all.jsonl", tmp_path / "failed.jsonl"
    command = [sys.executable, "-m", "cleaner", "clean", *inputs, "-f", "jsonl", "-o",
               str(stream), "--errors", str(errors), "-j", "1"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    with open(inputs[3], "wb"):  # returns once the run has opened the FIFO: a, b, c are done
        process.kill()  # SIGKILL: no handler runs, nothing is flushed at exit
    process.wait()
    assert _sources(stream) == inputs[:2]  # every finished record is there, whole
    assert [json.loads(x)["path"] for x in errors.read_text().splitlines()] == [inputs[2]]
    assert not [p for p in os.listdir(tmp_path) if "tmp" in p]
    os.remove(inputs[3])
    write(tmp_path / "in" / "d.fifo", EN)
    with stream.open("ab") as handle:
        handle.write(b'{"source": "half a rec')  # a record cut off by a power failure
    rerun = subprocess.run([*command, "--skip-existing"], capture_output=True, text=True)
    assert rerun.returncode == 1  # the PNG is retried and fails again
    assert _sources(stream) == [inputs[i] for i in (0, 1, 3, 4)]
    fresh = subprocess.run([*command[:-6], "-f", "jsonl", "-j", "1"], capture_output=True)
    assert stream.read_bytes() == fresh.stdout  # the resumed stream is the whole run's


def test_unreadable_folders_dangling_symlinks_and_loops_are_reported(tmp_path, monkeypatch):
    root = tmp_path / "in"
    write(root / "ok.txt", EN)
    write(root / "locked" / "x.txt", EN)
    (root / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "linked").symlink_to(root / "locked")
    (root / "locked" / "loop").symlink_to(root)
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked") and "linked" not in str(path):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = CliRunner().invoke(main, ["clean", str(root), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "locked: cannot list this folder (Permission denied)" in result.stderr
    assert "dangling.txt: a dangling symlink" in result.stderr
    assert "symlink loop" in result.stderr
    assert set(files(tmp_path / "out")) == {"ok.txt", "linked/x.txt"}  # the rest goes on


def test_an_output_that_cannot_be_written_fails_that_input_only(tmp_path):
    write(tmp_path / "in" / "a" / "x.txt", EN)
    write(tmp_path / "in" / "b.txt", EN)
    write(tmp_path / "out" / "a", b"a file where a folder must go")
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1 and "cannot write" in result.stderr
    assert (tmp_path / "out" / "b.txt").read_text() == expected(GOOD["a/b/en.txt"])


def test_an_unreadable_rules_folder_is_a_usage_error(tmp_path, monkeypatch):
    from pathlib import Path

    rules = tmp_path / "rules"
    rules.mkdir()
    real = Path.iterdir

    def iterdir(self):
        if self == rules:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = CliRunner().invoke(main, ["clean", "--rules", str(rules), str(GOOD["seed.txt"])])
    assert result.exit_code == 2 and "cannot read this rules folder" in result.stderr
