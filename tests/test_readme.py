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
EXAMPLES = [
    (command, shown)
    for block in re.findall(r"```console\n(.*?)```", README, re.S)
    for command, shown in re.findall(r"^\$ (.+)\n((?:(?!\$ ).*\n)*)", block, re.M)
]


def _pattern(shown: str) -> re.Pattern[str]:
    lines = [re.escape(line.rstrip()).replace(re.escape("..."), ".*")
             for line in shown.rstrip("\n").splitlines()]  # fmt: skip
    return re.compile("\n".join(lines))


def test_the_readme_has_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_a_readme_example_runs_as_shown(command, shown):
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("CLEANER_RULES", None)
    done = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    out = "\n".join(line.rstrip() for line in (done.stdout + done.stderr).splitlines())
    assert _pattern(shown).fullmatch(out), out


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
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    shutil.copytree(ROOT / "bench" / "mini", tmp_path / "bench" / "mini")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout or (tmp_path / "cleaned").is_dir() or list(tmp_path.glob("*.jsonl"))
