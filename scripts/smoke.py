"""Smoke test of an installed sinoru_corpus, run from outside the source tree."""

from __future__ import annotations

import json
import pathlib

import sinoru_corpus as sc

here = pathlib.Path(sc.__file__).resolve()
assert "site-packages" in here.parts, f"imported from the source tree, not the wheel: {here}"
assert (here.parent / "py.typed").is_file(), "py.typed missing from the installed package"
assert not (here.parent / "seeds").exists(), "the publishers' seed pages must not be installed"

# The seed pages are not packaged: load_seeds() says so with its documented exception.
try:
    sc.load_seeds()
except sc.SeedsNotFoundError as exc:
    message = str(exc)
else:
    raise AssertionError("load_seeds() found seed pages in an installed wheel")
assert "load_samples" in message, message

texts = sc.sample_texts()
assert len(texts) >= 3, f"expected the bundled sample pages, found {sorted(texts)}"
corpus = sc.load_samples()
assert len(corpus) == len(texts)
for article in corpus:
    assert article.text, article.source
    assert article.title, article.source
    assert article.claims, article.source
    again = sc.from_json(sc.to_json(article))
    assert again == article, article.source
schema = sc.json_schema()
json.dumps(schema)
print(f"smoke ok: sinoru_corpus {sc.__version__}, {len(corpus)} sample pages parsed")

# The hypothesis entry point registers the model's strategies: st.from_type works with no setup.
from hypothesis import given, settings  # noqa: E402 (needs the [strategies] extra)
from hypothesis import strategies as st  # noqa: E402

drawn: list[sc.Article] = []


@settings(max_examples=10, database=None, deadline=None)
@given(st.from_type(sc.Article), st.from_type(sc.PartialDate), st.from_type(sc.Mention))
def _from_type(article: sc.Article, date: sc.PartialDate, mention: sc.Mention) -> None:
    assert article.id == sc.article_id(article.text, article.source)
    for claim in article.claims:
        assert article.text[claim.start : claim.end] == claim.text
    assert date.year >= 1
    assert mention.end - mention.start == len(mention.surface)
    drawn.append(article)


_from_type()
assert drawn, "st.from_type(Article) drew nothing"
print(f"smoke ok: st.from_type drew {len(drawn)} Articles through the hypothesis entry point")

# The command line: `query` on an exported JSONL finds the same articles as on the pages.
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    folder = pathlib.Path(tmp, "pages")
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    export = pathlib.Path(tmp, "pages.export")

    def cli(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "sinoru_corpus", *args, "-q"], capture_output=True, text=True, check=True
        )
        return done.stdout

    cli("export", str(folder), "-o", str(export))
    on_pages = json.loads(cli("query", str(folder), "--format", "json"))
    on_export = json.loads(cli("query", str(export), "--format", "json"))
    assert on_pages == on_export, "query on the export differs from query on the pages"
    assert len(on_pages) == len(texts)
print(f"smoke ok: query on an export gives the same {len(on_pages)} articles as on the pages")
