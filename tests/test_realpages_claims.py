"""Attribution figures on real news pages (PolNeAR gold, the development half).

Runs ``../shared/tools/score_claims.py --split dev`` in a subprocess with this
checkout's ``src`` first on the path and reads its JSON output.  The floors sit at
the measured figures rounded down to 0.01, so they can only rise.  Skipped with a
message when ``../shared`` is not beside this checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SHARED, read_json

SCORER = SHARED / "tools" / "score_claims.py"
BENCH = SHARED / "realpages" / "attribution"

RECALL_FLOOR = 0.75
PRECISION_FLOOR = 0.82
LENIENT_PRECISION_FLOOR = 0.98
SPEAKER_FLOOR = 0.92


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not SCORER.is_file() or not (BENCH / "split.json").is_file():
        pytest.skip("../shared (score_claims.py and realpages/attribution) is not beside this checkout")
    out: Path = tmp_path_factory.mktemp("claims") / "dev.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    subprocess.run(
        [sys.executable, str(SCORER), "--split", "dev", "--json", str(out)],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    return read_json(out)


def test_recall_holds_its_floor(figures: dict[str, Any]) -> None:
    assert figures["recall"] >= RECALL_FLOOR


def test_precision_holds_its_floor(figures: dict[str, Any]) -> None:
    assert figures["precision"] >= PRECISION_FLOOR


def test_lenient_precision_holds_its_floor(figures: dict[str, Any]) -> None:
    assert figures["precision_incl_content"] >= LENIENT_PRECISION_FLOOR


def test_speaker_accuracy_holds_its_floor(figures: dict[str, Any]) -> None:
    assert figures["speaker_accuracy"] >= SPEAKER_FLOOR


def test_every_dev_article_was_scored(figures: dict[str, Any]) -> None:
    split = read_json(BENCH / "split.json")
    assert figures["articles"] == len(split["dev"])
    assert figures["gold_attributions"] > 0
