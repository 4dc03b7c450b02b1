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
    assert same.exit_code == 2 and "is an input folder" in same.stderr
    missing = runner.invoke(main, ["clean", str(tree)])
    assert missing.exit_code == 2 and "need -o FOLDER" in missing.stderr


def test_output_folder_inside_the_input_is_skipped(tree):
    out = tree / "cleaned"
    runner = CliRunner()
    runner.invoke(main, ["clean", str(tree), "-o", str(out), "-q"])
    second = runner.invoke(main, ["clean", str(tree), "-o", str(out)])
    assert "cleaned 4, empty 1, failed 2" in second.stderr  # its own outputs are not inputs


def test_timeout_fails_the_input_and_the_batch_goes_on(tree, tmp_path):
    result = CliRunner().invoke(
        main, ["clean", str(tree), "-o", str(tmp_path / "out"), "--timeout", "0.000001", "-j", "1"]
    )
    assert result.exit_code == 1
    assert "took longer than 1e-06 s (--timeout)" in result.stderr
    assert "skipped 0" in result.stderr


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
