"""HTML pages: the article as its reader sees it, its title, outlet and date.

trafilatura finds the main text; around it saidwhen

- removes hover cards that pages hide inside the text (a name's pop-up
  profile would otherwise run into the sentence),
- drops the paragraphs a reader skips: the headline repeated at the top
  (it is the ``title``), newsletter and app prompts, "related" lists and
  all-capital link lines, photo credits, contributor and contact footers,
  and a tail of links after the article that trafilatura's precision mode
  also leaves out,
- puts back the deck or lead it dropped: the page's own description
  (``og:description``), when shown on the page but missing from the text, is
  the deck or lead (a short block, put first) or the article body the
  extractor missed (a long block, read again on its own),
- reads the date from the page's own evidence (:mod:`saidwhen.io.pagedate`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from saidwhen.errors import EmptyInputError, MissingDateError
from saidwhen.io.pagedate import PageDate, outlet_from_url, page_date
from saidwhen.model import Article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["PageText", "clean_paragraphs", "read_html", "read_page_text"]

log = logging.getLogger(__name__)

# Hover cards and pop-ups nested inside the article's sentences.
_POPUPS = re.compile(r"(?:^|[\s_-])(?:rollover-people-block|popover|tooltip|hovercard)", re.I)
# Paragraphs that are not the article, whatever page they are on.
_BOILERPLATE = re.compile(
    r"""^(?:
      questions\?\s+comments\?.*
    | (?:click|tap)\s+here\b.*
    | (?:sign\s+up|subscribe)\b.*(?:newsletter|inbox|channel|youtube|updates|alerts|here).*
    | .*\bnewsletter\b.{0,40}$
    | thanks\s+for\s+signing\s+up!?.*
    | keep\s+an\s+eye\s+on\s+your\s+inbox.*
    | there\s+was\s+an\s+error\s+processing\s+your\s+subscription.*
    | sorry!?
    | follow\s+(?:us|\w+)\s+on\s+(?:twitter|instagram|facebook).*
    | listen\s+to\s+\w+\s+live\b.*
    | (?:see|read|watch)\s+more:.*
    | (?:more|related|read\s+more|recommended|explore\s+further|don'?t\s+miss)\s*:?.{0,3}
    | \[?related:.*
    | source:\s+[\w\s.]+(?:news|agencies|reuters|afp|ap)\.?
    | (?:copyright|©|\(c\)).*
    | .*\ball\s+rights\s+reserved\b.*
    | .*\bcontributed\s+(?:to\s+)?(?:this\s+)?report(?:ing)?\b.{0,40}
    | reach\s+the\s+reporters?\b.*
    | \(?(?:photo|image|picture)s?\s*(?:by|:|credit).{0,120}
    | .{0,120}\((?:ap|reuters|getty|afp)\s+photo\b.{0,60}\)?
    | .{0,80}\bgetty\s+images\.?
    | note:\s+we\s+are\s+(?:temporarily\s+)?moderating\b.*
    )$""",
    re.I | re.X,
)
_LIST_LINK = re.compile(r"^[-•]\s")


@dataclass(frozen=True, slots=True)
class PageText:
    """What saidwhen read from a page: the text, title, outlet and the date with its evidence."""

    text: str
    title: str | None
    outlet: str | None
    url: str | None
    date: PageDate


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def clean_paragraphs(
    paragraphs: list[str],
    title: str | None,
    precise: str | None,
    links: frozenset[str] = frozenset(),
) -> list[str]:
    """The article's paragraphs without the boilerplate around them.

    Args:
        paragraphs: trafilatura's paragraphs (recall-oriented).
        title: the headline; a first paragraph equal to it is dropped.
        precise: trafilatura's text in precision mode, or None: paragraphs
            after the last one it keeps, and absent from it, are a tail of
            links and prompts.
        links: the words of the page's links: a paragraph that is all one
            link ("SEAN SPICER ELIMINATED FROM ...") points to another story.

    Example:
        >>> clean_paragraphs(["Mayor quits", "The mayor quit.", "Questions? Comments? Email us."],
        ...                  "Mayor quits", None)
        ['The mayor quit.']
    """
    keep = [p.strip() for p in paragraphs if p.strip()]
    if keep and title and _norm(keep[0]) == _norm(title):
        keep = keep[1:]
    if precise:
        inside = _norm(precise)
        kept = [i for i, p in enumerate(keep) if _norm(p) and _norm(p) in inside]
        # Only a tail: a precision text that lost most of the article says nothing.
        if kept and len(kept) * 2 >= len(keep):
            last = kept[-1]
            keep = keep[: last + 1] + [p for p in keep[last + 1 :] if _norm(p) in inside]
    out = []
    for p in keep:
        if _BOILERPLATE.match(p):
            continue
        words = _norm(p)
        # a product name or a bare URL may be a link of the article; a headline is not
        if words in links and (words.count(" ") >= 5 or (p.isupper() and words.count(" ") >= 2)):
            continue
        out.append(p)
    # a run of "- headline" items closing the text, not announced by a colon, is a related list
    run = len(out)
    while run > 0 and _LIST_LINK.match(out[run - 1]):
        run -= 1
    if len(out) - run >= 2 and run > 0 and not out[run - 1].endswith(":"):
        out = out[:run]
    return out


def _tree(html: str) -> HtmlElement | None:
    from trafilatura.utils import load_html

    tree: HtmlElement | None = load_html(html)
    if tree is None:
        return None
    for el in list(tree.iter()):
        if isinstance(el.tag, str) and _POPUPS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            parent = el.getparent()
            if parent is not None:
                el.drop_tree()
    return tree


def _extract(tree: Any, url: str | None, *, precision: bool = False) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=not precision,
        include_comments=False,
        include_tables=False,
        favor_precision=precision,
    )


_BLOCKS = ("div", "p", "section", "h2", "h3", "span", "header", "article", "main", "td")
_BODY_SIZE = 1500  # characters: a holder this long is the article body, not a deck


def _holder(tree: HtmlElement, probe: str) -> HtmlElement | None:
    """The smallest visible block whose text starts with the ``probe`` words."""
    first = " ".join(probe.split()[:2])
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "title"):
            continue
        if not el.text or not _norm(el.text).startswith(first):
            continue
        if any(a.tag in ("head", "script", "style", "noscript") for a in el.iterancestors()):
            continue
        for block in (el, *el.iterancestors()):
            if block.tag in ("body", "html"):
                break
            words = _norm(block.text_content())
            if not words.startswith(first):
                break
            if block.tag in _BLOCKS and words.startswith(probe):
                return block
    return None


def _with_lead(
    tree: HtmlElement, paragraphs: list[str], description: str | None, url: str | None
) -> list[str]:
    """The deck or lead the extractor dropped, found again from the page's own description.

    A page describes its article with its deck or first sentence ("og:description"); when
    those words are shown on the page but missing from the text, a short block is the
    deck or lead (put first), and a long one is the article body the extractor missed.
    """
    probe = " ".join(_norm(description or "").split()[:10])
    if len(probe.split()) < 6 or probe in _norm(" ".join(paragraphs)):
        return paragraphs
    holder = _holder(tree, probe)
    if holder is None:
        return paragraphs
    shown = " ".join(holder.text_content().split())
    if len(shown) < _BODY_SIZE:
        return [shown, *paragraphs]
    from lxml.html import tostring

    html = f"<html><body><article>{tostring(holder, encoding='unicode')}</article></body></html>"
    doc = _extract(html, url)
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    lines = [p.strip() for p in body.split("\n") if p.strip()]
    return clean_paragraphs(lines, None, None) or paragraphs


def read_page_text(html: str, source: str, url: str | None = None) -> PageText:
    """The article text, title, outlet and dated evidence of one page.

    Raises:
        EmptyInputError: no main text found.
    """
    from copy import deepcopy

    tree = _tree(html)
    if tree is None:
        raise EmptyInputError(source, "no main text found in the HTML page")
    doc = _extract(deepcopy(tree), url)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise EmptyInputError(source, "no main text found in the HTML page")
    title = (getattr(doc, "title", None) or "").strip() or None
    precise = _extract(deepcopy(tree), url, precision=True)
    links = frozenset(_norm(a.text_content()) for a in tree.iter("a"))
    paragraphs = clean_paragraphs(
        body.split("\n"), title, (getattr(precise, "text", None) or "") if precise else None, links
    )
    paragraphs = _with_lead(tree, paragraphs, getattr(doc, "description", None), url)
    text = "\n".join(paragraphs) or body
    url = url or getattr(doc, "url", None) or None
    outlet = getattr(doc, "sitename", None) or outlet_from_url(url) or None
    return PageText(text, title, outlet, url, page_date(tree, url, title))


def read_html(
    text: str,
    source: str,
    date: dt.date | None = None,
    *,
    url: str | None = None,
    fallback_date: dt.date | None = None,
) -> Article:
    """One article from an HTML page.

    An explicit ``date`` (``--date``) wins over the page's own evidence;
    ``fallback_date`` (a WARC capture date) is used only when neither exists.

    Raises:
        EmptyInputError: trafilatura found no main text.
        MissingDateError: the page has no date and none was given.
    """
    page = read_page_text(text, source, url)
    if date is not None:
        found = f" (page: {page.date.source})" if page.date.date not in (None, date) else ""
        final, how = date, f"--date{found}"
    elif page.date.date is not None:
        final, how = page.date.date, page.date.source
    elif fallback_date is not None:
        final, how = fallback_date, "capture date (WARC-Date)"
    else:
        raise MissingDateError(source, "no date in the HTML page; give --date YYYY-MM-DD")
    return Article(
        text=page.text,
        date=final,
        id=page.url or source,
        title=page.title,
        url=page.url,
        outlet=page.outlet,
        source=source,
        date_source=how,
    )
