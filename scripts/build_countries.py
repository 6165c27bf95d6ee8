"""Development-time helper for the gazetteer's region data.

Three jobs, none of them run by the library or its tests:

``skeleton OUT.json``
    Write one stub per ISO 3166-1 entry (code, pycountry's name, official and
    common names) from ``pycountry``. This is how the country list in
    ``regions.json`` was first produced; the stubs were then curated by hand
    (common English short names such as "Russia" as the canonical name, aliases,
    kinds, parents, context words). pycountry is NOT a project dependency:
    install it in a throwaway virtualenv::

        python3 -m venv /tmp/gen && /tmp/gen/bin/pip install pycountry
        /tmp/gen/bin/python scripts/build_countries.py skeleton /tmp/countries.json

``check``
    Compare the ISO codes in ``regions.json`` with pycountry's (needs pycountry,
    as above) and list codes that are missing or unknown, e.g. after a pycountry
    release adds a code.

``format``
    Rewrite the three data files in their canonical form: entries sorted by
    name, lists of strings kept in their written order, 2-space indented UTF-8
    JSON. Uses the standard library only; run it after editing by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["check", "format_files", "main", "skeleton"]

DATA = Path(__file__).resolve().parent.parent / "src" / "sinoru_corpus" / "entities" / "gazetteer" / "data"
# Former ISO 3166-1 codes kept for historical states (ISO 3166-3 withdrew them).
HISTORICAL_CODES = {"SU", "YU", "CS", "DD"}
_SORTED_LISTS = {"regions.json": "regions", "institutions.json": "institutions", "people.json": "people"}


def skeleton(out: Path) -> int:
    import pycountry  # type: ignore[import-not-found]  # dev-only, never a runtime dependency

    stubs: list[dict[str, Any]] = []
    for c in pycountry.countries:
        stubs.append(
            {
                "iso_code": c.alpha_2,
                "pycountry_name": c.name,
                "official_name": getattr(c, "official_name", None),
                "common_name": getattr(c, "common_name", None),
            }
        )
    stubs.sort(key=lambda s: s["iso_code"])
    out.write_text(json.dumps(stubs, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(stubs)} stubs to {out}")
    return 0


def check() -> int:
    import pycountry

    known = {c.alpha_2 for c in pycountry.countries}
    data = json.loads((DATA / "regions.json").read_text(encoding="utf-8"))
    ours = {r["iso_code"] for r in data["regions"] if r["iso_code"]}
    missing = sorted(known - ours)
    unknown = sorted(ours - known - HISTORICAL_CODES)
    print(f"missing from regions.json: {missing or 'none'}")
    print(f"not in ISO 3166-1 (and not historical): {unknown or 'none'}")
    return 1 if missing or unknown else 0


def canonical(name: str, data: dict[str, Any]) -> str:
    """The canonical text of one data file (what ``format`` writes)."""
    key = _SORTED_LISTS[name]
    data[key] = sorted(data[key], key=lambda e: e["name"])
    if "non_entities" in data:
        data["non_entities"] = sorted(set(data["non_entities"]))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def format_files() -> int:
    for name in _SORTED_LISTS:
        path = DATA / name
        text = canonical(name, json.loads(path.read_text(encoding="utf-8")))
        path.write_text(text, encoding="utf-8")
        print(f"formatted {path}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "skeleton":
        return skeleton(Path(argv[1]))
    if argv == ["check"]:
        return check()
    if argv == ["format"]:
        return format_files()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
