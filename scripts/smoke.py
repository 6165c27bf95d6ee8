"""Smoke test of an installed sinoru_corpus, run from outside the source tree."""

from __future__ import annotations

import json
import pathlib

import sinoru_corpus as sc

here = pathlib.Path(sc.__file__).resolve()
assert "site-packages" in here.parts, f"imported from the source tree, not the wheel: {here}"
assert (here.parent / "py.typed").is_file(), "py.typed missing from the installed package"

texts = sc.seed_texts()
assert len(texts) == 5, f"expected 5 bundled seeds, found {sorted(texts)}"
corpus = sc.load_seeds()
assert len(corpus) == 5
for article in corpus:
    assert article.text, article.source
    again = sc.from_json(sc.to_json(article))
    assert again == article, article.source
schema = sc.json_schema()
json.dumps(schema)
titled = sum(1 for a in corpus if a.title)
print(f"smoke ok: sinoru_corpus {sc.__version__}, {len(corpus)} seeds parsed, {titled} with a title")
