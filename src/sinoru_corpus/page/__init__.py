"""Stage 2, page: every line gets a kind, then the page's metadata is read from the layout.

Owns: what kind of line each line is (``_layout``, with ``_line_model``, ``_zone``, ``_edges``
and the layout cues of ``_cues``); which line is the title, the standfirst and the body
(``_metadata``); the outlet (``_outlets``); the authors with roles and affiliations
(``_bylines``); which printed date is the publication date (``_datelines``).
"""

from __future__ import annotations

from ._metadata import (
    PageMetadata,
    extract_metadata,
)

__all__ = [
    "PageMetadata",
    "extract_metadata",
]
