"""MkDocs hooks (see mkdocs.yml): optional pages join the nav only when they exist.

Strict builds fail on a nav entry whose file is missing, and pages written by other
parts of the project (a reliability page, say) may land before or after the nav is
edited; listing them here keeps ``mkdocs build --strict`` green either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["OPTIONAL_PAGES", "on_config"]

# (nav title, file in docs/, the title of the nav section to append to or None for the top level)
OPTIONAL_PAGES: tuple[tuple[str, str, str | None], ...] = (
    ("Reliability and performance", "reliability.md", None),
)


def on_config(config: Any) -> Any:
    docs = Path(config["docs_dir"])
    nav: list[Any] = config["nav"]
    listed = {str(v) for item in _walk(nav) for v in item.values() if isinstance(v, str)}
    for title, page, section in OPTIONAL_PAGES:
        if not (docs / page).is_file() or page in listed:
            continue
        entry = {title: page}
        target = next((item[section] for item in nav if isinstance(item, dict) and section in item), nav)
        target.append(entry)
    return config


def _walk(nav: list[Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for item in nav:
        if isinstance(item, dict):
            found.append(item)
            for value in item.values():
                if isinstance(value, list):
                    found.extend(_walk(value))
    return found
