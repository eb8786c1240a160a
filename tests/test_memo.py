"""Per-article caches: emptied once an article's record is made."""

from __future__ import annotations

import datetime as dt
import gc
import weakref

from saidwhen.extract.memo import doc_tokens
from saidwhen.extract.speech.syntax import span_root
from saidwhen.extract.speech.view import tokens_in
from saidwhen.model import Article
from saidwhen.nlp import load_nlp
from saidwhen.pipeline import extract_articles


def test_no_parse_outlives_its_article_in_a_cache() -> None:
    text = '"We open on Monday," said Ana Ruiz, the baker.\n\nShe said the bread was ready.'
    nlp = load_nlp()
    doc = nlp(text)
    tokens_in(doc, 0, 5)
    assert tokens_in.cache_info().currsize == 1  # kept while the article is extracted
    ref = weakref.ref(doc)
    del doc
    art = Article(text=text, date=dt.date(2021, 3, 1), id="a")
    (record,) = extract_articles([art], nlp)
    assert record.quotes  # the stages ran and asked their questions
    assert tokens_in.cache_info().currsize == 0
    assert span_root.cache_info().currsize == 0
    assert doc_tokens.cache_info().currsize == 0
    gc.collect()
    assert ref() is None  # the doc asked about first is gone with the answers


def test_the_token_list_is_the_docs_tokens() -> None:
    doc = load_nlp()("Ana Ruiz said the bread was ready.\n\nShe left.")
    toks = doc_tokens(doc)
    assert [(t.i, t.text) for t in toks] == [(t.i, t.text) for t in doc]
    assert doc_tokens(doc) is toks  # made once while the article is extracted
