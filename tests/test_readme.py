"""Every `$ command` in the README's console examples runs as shown, from the repository's
root, with the installed `cleaner`: its output is what the README prints (`...` stands for a
part that depends on the machine, such as an install path)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = [
    re.findall(r"^\$ (.+)\n((?:(?!\$ ).*\n)*)", block, re.M)
    for block in re.findall(r"```console\n(.*?)```", README, re.S)
]


def _pattern(shown: str) -> re.Pattern[str]:
    lines = [re.escape(line.rstrip()).replace(re.escape("..."), ".*")
             for line in shown.rstrip("\n").splitlines()]  # fmt: skip
    return re.compile("\n".join(lines))


def _copy(tmp_path: Path) -> Path:
    """What the README's commands read, copied: they run in a folder of their own."""
    for part in ("samples", "bench/mini", "rules"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("CLEANER_RULES", None)
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False)  # fmt: skip


def test_the_readme_has_examples():
    assert sum(map(len, BLOCKS)) >= 8


@pytest.mark.parametrize("block", BLOCKS, ids=[b[0][0] for b in BLOCKS])
def test_a_readme_example_runs_as_shown(block, tmp_path):
    """Each console block's commands in order, in one folder: the output is what is shown."""
    folder = _copy(tmp_path)
    for command, shown in block:
        done = _shell(command, folder)
        out = "\n".join(line.rstrip() for line in (done.stdout + done.stderr).splitlines())
        assert _pattern(shown).fullmatch(out), f"$ {command}\n{out}"


def _usage_commands() -> list[str]:
    """The commands of the README's usage blocks (not its install commands), one per entry,
    continuation lines joined and comments left out."""
    usage = README[README.index("## Usage") : README.index("## Site rules")]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", usage, re.S):
        for command in block.replace("\\\n", " ").splitlines():
            command = re.sub(r"\s+#.*$", "", command).strip()
            if command:
                commands.append(command)
    return commands


@pytest.mark.parametrize("command", _usage_commands())
def test_a_readme_usage_command_runs(command, tmp_path):
    done = _shell(command, _copy(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout or (tmp_path / "cleaned").is_dir() or list(tmp_path.glob("*.jsonl"))
