"""The quote bank on disk: one SQLite file, one writer, many readers.

Writing is idempotent: an article's key is a hash of its id (or URL) and its
content, so a re-run skips what is stored, and every batch of articles is one
transaction, so an interrupted run leaves whole articles only. The writer keeps
a few caches in memory (normalised quote keys, people by surname) and is the
only process that writes: a second writer is refused rather than let in.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any
from urllib.parse import quote as url_quote

from saidwhen.errors import (
    BankBusyError,
    DamagedBankError,
    DiskFullError,
    InputError,
    NotABankError,
    ReadOnlyBankError,
    StoreError,
)
from saidwhen.model import Article, ArticleRecord, Quote, Span
from saidwhen.store.merge import (
    MIN_NEAR_WORDS,
    is_near_duplicate,
    normalise,
    preferred_form,
    shingles,
    text_hash,
)
from saidwhen.store.migrations import migrate
from saidwhen.store.speakers import PersonEntry, PersonRegistry

__all__ = [
    "DEFAULT_DB",
    "Store",
    "WriteStats",
    "article_key",
    "bank_errors",
    "connect",
    "content_hash",
    "schema_version",
]

DEFAULT_DB = "saidwhen.db"
_NEAR_CANDIDATES = 64  # per shingle: a very common run of words is not evidence
_NORM_CACHE = 200_000  # wire copies repeat the same quotes: normalise each once
_CACHE_MAX = 1_000_000  # entries per writer cache; a miss costs one indexed lookup


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def article_key(ext_id: str | None, url: str | None, date: dt.date, chash: str) -> str:
    """The article's identity: the same text under the same id (or URL) and date."""
    ident = f"{ext_id or ''}\x1f{url or ''}\x1f{date.isoformat()}\x1f{chash}"
    return hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def key_of_article(article: Article) -> tuple[str, str]:
    """The article's key and content hash, computed before it is parsed."""
    chash = content_hash(article.text)
    return article_key(article.id, article.url, article.date, chash), chash


def _record_hash(record: ArticleRecord) -> str:
    if record.text is not None:
        return content_hash(record.text)
    # no text: what was found in it stands for it
    parts = [f"{q.start}:{q.end}:{q.text}" for q in record.quotes]
    parts += [p.name for p in record.people]
    parts += [f"{t.start}:{t.value}" for t in record.timexes]
    return content_hash("\x1f".join(parts))


@functools.lru_cache(maxsize=_NORM_CACHE)
def _norm(text: str) -> tuple[int, tuple[str, ...]]:
    norm = normalise(text)
    return text_hash(norm), tuple(norm.split())


def connect(path: str | os.PathLike[str], *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in WAL mode with the schema up to date (read-only: no upgrade).

    A reader opens the file with SQLite's ``mode=ro``, so it can never write; on
    read-only media (where SQLite cannot make the WAL index beside the file) it
    opens it ``immutable``. A file that is not a quote bank is refused here.
    """
    p = Path(path)
    if readonly:
        return _connect_readonly(p)
    try:
        conn = sqlite3.connect(str(p), isolation_level=None, timeout=60.0)
        _tune(conn)
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn)
    except sqlite3.Error as err:
        raise _bank_error(p, err) from err
    return conn


def _tune(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA busy_timeout = 60000")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA temp_store = MEMORY")


def _connect_readonly(p: Path) -> sqlite3.Connection:
    if not p.exists():
        raise NotABankError(f"no quote bank at {p} (run 'saidwhen ingest --db {p}' first)")
    if not p.is_file():
        raise NotABankError(f"{p} is not a file")
    base = f"file:{url_quote(p.resolve().as_posix())}?mode=ro"
    conn: sqlite3.Connection | None = None
    try:
        for uri in (base, base + "&immutable=1"):
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=60.0)
            try:
                _tune(conn)
                conn.execute("PRAGMA query_only = ON")
                version = schema_version(conn)
                break
            except sqlite3.OperationalError as err:
                conn.close()
                conn = None
                # no WAL index and no right to make one: read-only media
                if uri != base or err.sqlite_errorcode & 0xFF not in _CANT_WRITE:
                    raise
        assert conn is not None
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as err:
        if conn is not None:
            conn.close()
        raise _bank_error(p, err) from err
    if version < 1 or "quotes" not in tables:
        conn.close()
        raise NotABankError(f"{p}: not a saidwhen quote bank (no quotes table)")
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version of the bank (``PRAGMA user_version``)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


# SQLite's primary result codes for "cannot write here": READONLY, CANTOPEN, IOERR
_CANT_WRITE = {8, 14, 10}
_SQLITE_FULL, _SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_BUSY = 13, 11, 26, 5


def _bank_error(path: Path, err: sqlite3.Error) -> StoreError:
    """A coded error for what SQLite said about the bank at ``path``."""
    code = getattr(err, "sqlite_errorcode", 0) & 0xFF
    if code == _SQLITE_FULL:
        return DiskFullError(
            f"{path}: no room left on its disk ({err}); the batch being written was "
            "rolled back and the bank holds everything stored before it: free space and "
            "run the same command again"
        )
    if code == _SQLITE_NOTADB:
        return NotABankError(f"{path}: not a saidwhen quote bank ({err})")
    if code == _SQLITE_CORRUPT:
        return DamagedBankError(
            f"{path}: the bank is damaged ({err}); restore it from a copy or ingest again"
        )
    if code == 8:  # SQLITE_READONLY
        return ReadOnlyBankError(f"{path}: read-only, it cannot be written ({err})")
    if code == _SQLITE_BUSY:
        return BankBusyError(f"{path}: busy, another process holds it ({err})")
    return StoreError(f"{path}: {err}")


@contextmanager
def bank_errors(path: str | os.PathLike[str]) -> Iterator[None]:
    """Turn SQLite's errors while reading or writing the bank at ``path`` into coded ones."""
    try:
        yield
    except sqlite3.Error as err:
        raise _bank_error(Path(path), err) from err


@dataclass(slots=True)
class WriteStats:
    """What one or more writes did."""

    articles: int = 0  # newly stored
    skipped: int = 0  # already stored (same key)
    occurrences: int = 0
    new_quotes: int = 0
    merged_exact: int = 0  # an occurrence of a quote already in the bank
    merged_near: int = 0  # a new form joined to a near-duplicate quote
    failures: int = 0

    def add(self, other: WriteStats) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _said(q: Quote, article_date: str) -> str:
    if q.when and len(q.when) == 10 and q.when[4] == "-":
        return q.when
    if q.when_range and q.when_range.start:
        return q.when_range.start
    return article_date


class _WriterLock:
    """An advisory lock next to the database: a second writer waits or is refused.

    It is keyed on the real file, so two paths to one bank (a symlink) share it.
    """

    def __init__(self, path: Path, wait: bool) -> None:
        self._file: IO[str] | None = None
        try:
            import fcntl
        except ImportError:  # not POSIX: rely on SQLite's own locking
            return
        real = path.resolve()
        try:
            f = open(f"{real}.writer-lock", "w")  # noqa: SIM115 - held for the writer's life
        except OSError as err:
            if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise ReadOnlyBankError(
                    f"{path}: cannot write here ({err.strerror}: {real}.writer-lock); "
                    "a bank on read-only media can be searched, not ingested into"
                ) from None
            raise StoreError(f"{path}: cannot create the writer lock ({err})") from None
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            f.close()
            raise BankBusyError(f"{path}: another saidwhen process is writing to it") from None
        self._file = f

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing releases the lock
            self._file = None


class Store:
    """The quote bank's writer (and a convenient handle for reading).

    Example:
        >>> with Store("bank.db") as store:  # doctest: +SKIP
        ...     stats = store.add(records)
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, *, wait: bool = False) -> None:
        self.path = Path(path)
        self._lock = _WriterLock(self.path, wait)
        try:
            self.conn = connect(self.path)
        except BaseException:
            self._lock.release()
            raise
        # a bulk load checkpoints less often: fewer, larger copies from the WAL
        self.conn.execute("PRAGMA wal_autocheckpoint = 10000")
        self._reset_caches()

    # -- life cycle -------------------------------------------------------------
    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _reset_caches(self) -> None:
        self._keys: dict[int, int] = {}  # normalised form -> quote id
        self._canon: dict[int, _Canon] = {}  # quote id -> what its row says now
        self._pairs: set[tuple[int, int]] = set()  # (quote, person) attributions stored
        rows = self.conn.execute(
            "SELECT id, name, first, surname, gender, descriptors, aliases, names, same_as,"
            " genders FROM people"
        )
        self.people = PersonRegistry(
            PersonEntry(
                i,
                n,
                f,
                s,
                g,
                set(json.loads(d)),
                set(json.loads(a)),
                json.loads(ns) or {n: 1},
                t,
                json.loads(gs) or ({g: 1} if g and f else {}),
            )
            for i, n, f, s, g, d, a, ns, t, gs in rows
        )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            yield cur
            cur.execute("COMMIT")
        except BaseException as err:
            # Ctrl-C included: nothing of this batch stays, and the caches forget it too
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._reset_caches()
            if isinstance(err, sqlite3.Error):  # disk full, damaged: a coded error
                raise _bank_error(self.path, err) from err
            raise

    # -- reading what is there -------------------------------------------------
    def known(self, keys: Iterable[str]) -> set[str]:
        """Which of these article keys are stored already."""
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                k
                for (k,) in self.conn.execute(
                    f"SELECT key FROM articles WHERE key IN ({marks})", chunk
                )
            )
        return found

    # -- writing ---------------------------------------------------------------
    def add_failures(self, failures: Iterable[InputError]) -> int:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        rows = [(f.source, f.line or 0, f.code, f.reason, now) for f in failures]
        if rows:
            with self._transaction() as cur:
                cur.executemany("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?)", rows)
        return len(rows)

    def add(
        self, records: Sequence[ArticleRecord], keys: Sequence[tuple[str, str]] | None = None
    ) -> WriteStats:
        """Store a batch of records in one transaction; ``keys`` from :func:`key_of_article`.

        Without keys, a record's key hashes its text (or, without text, its findings).
        """
        stats = WriteStats()
        if keys is None:
            hashes = [_record_hash(r) for r in records]
            keys = [
                (article_key(r.id, r.url, r.date, h), h)
                for r, h in zip(records, hashes, strict=True)
            ]
        with self._transaction() as cur:
            if len(self._keys) > _CACHE_MAX:  # bounded memory on a crawl of millions
                self._keys.clear()
            if len(self._canon) > _CACHE_MAX:
                self._canon.clear()
            if len(self._pairs) > _CACHE_MAX:
                self._pairs.clear()
            w = _BatchWriter(cur, self._keys, self._canon, self._pairs, self.people, stats)
            for record, (key, chash) in zip(records, keys, strict=True):
                w.article(record, key, chash)
            w.flush()
        return stats


@dataclass(slots=True)
class _Canon:
    """What a quote's row says, cached while a bank is written."""

    text: str  # the longest form seen
    first_seen: str
    topic: bool  # true while every occurrence is a topic
    kind: str  # the first in "direct" < "fragment" < "indirect" of its occurrences


class _BatchWriter:
    """Rows of one transaction, gathered then written with ``executemany``."""

    def __init__(
        self,
        cur: sqlite3.Cursor,
        keys: dict[int, int],
        canon: dict[int, _Canon],
        pairs: set[tuple[int, int]],
        people: PersonRegistry,
        stats: WriteStats,
    ) -> None:
        self.cur, self.keys, self.people, self.stats = cur, keys, people, stats
        self.canon, self.pairs = canon, pairs
        self.new_pairs: set[int] = set()  # quotes whose speakers changed
        self.occ: list[tuple[Any, ...]] = []
        self.timexes: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []
        self.earlier: dict[int, str] = {}  # quote id -> a first-seen date earlier than stored
        self.said_not_topic: set[int] = set()  # topic quotes that now have a statement
        self.kinds: dict[int, str] = {}  # quote id -> a kind that now leads
        self.batch_pairs: dict[int, set[int]] = {}  # quote -> speakers new in this batch
        self.by_person: dict[int, int] = {}  # person id -> occurrences in this batch
        self.moved: set[int] = set()  # people whose stored occurrences went to another
        self.named_used: dict[int, set[int]] = {}  # surname-only entry -> people it went to

    def _one_speaker(self, qid: int, person: PersonEntry) -> PersonEntry:
        """The quote's speaker when another outlet named the person this one only
        describes (or the other way round): one person, no conflict."""
        known = set(self.batch_pairs.get(qid, ()))  # this batch's, then stored
        known |= {
            r[0]
            for r in self.cur.execute(
                "SELECT person_id FROM quote_speakers WHERE quote_id = ?", (qid,)
            )
        }
        others = [e for pid in known if (e := self.people.by_id(pid)) is not None]
        same = self.people.same_speaker(person, others)
        if same is None:
            return person
        kept, dropped = same
        if dropped.id != person.id:  # the description came first: its attributions move
            self.cur.execute(
                "UPDATE occurrences SET speaker_id = ?, named_id = NULL"
                " WHERE quote_id = ? AND speaker_id = ?",
                (kept.id, qid, dropped.id),
            )
            self.cur.execute(
                "DELETE FROM quote_speakers WHERE quote_id = ? AND person_id = ?",
                (qid, dropped.id),
            )
            self.occ = [
                (*o[:6], kept.id, *o[7:17], None, *o[18:])
                if o[0] == qid and o[6] == dropped.id
                else o
                for o in self.occ
            ]
            self.pairs.discard((qid, dropped.id))
            self.moved |= {kept.id, dropped.id}
            self.batch_pairs.get(qid, set()).discard(dropped.id)
            self.new_pairs.add(qid)
        return kept

    def article(self, rec: ArticleRecord, key: str, chash: str) -> None:
        date = rec.date.isoformat()
        cur = self.cur.execute(
            "INSERT OR IGNORE INTO articles (key, ext_id, url, title, outlet, date, content_hash,"
            " source, n_quotes, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                rec.id,
                rec.url,
                rec.title,
                rec.outlet,
                date,
                chash,
                rec.source,
                len(rec.quotes),
                rec.text,
            ),
        )
        if cur.rowcount == 0:
            self.stats.skipped += 1
            return
        aid = cur.lastrowid
        self.stats.articles += 1
        local: dict[str, PersonEntry | None] = {}
        for p in rec.people:
            aliases = [*_name_aliases(p.mentions), *p.aliases]
            local[p.name] = self.people.resolve_speaker_named(
                p.name, p.type, p.gender, p.descriptors, aliases
            )
        for q in rec.quotes:
            self.quote(q, aid, date, local)
        for t in rec.timexes:
            r = t.date_range
            self.timexes.append(
                (
                    aid,
                    t.start,
                    t.end,
                    t.text,
                    t.type,
                    t.value,
                    t.date,
                    r.start if r else None,
                    r.end if r else None,
                    t.granularity,
                    t.anchor,
                )
            )
        for e in rec.events:
            r = e.when_range
            self.events.append(
                (
                    aid,
                    e.actor,
                    e.predicate.text,
                    e.predicate.start,
                    e.predicate.end,
                    e.text,
                    e.when,
                    r.start if r else None,
                    r.end if r else None,
                    e.timex,
                )
            )

    def quote(
        self, q: Quote, aid: int | None, date: str, local: dict[str, PersonEntry | None]
    ) -> None:
        h, toks = _norm(q.text)
        if not toks:
            return
        said = _said(q, date)
        qid = self.keys.get(h)
        if qid is None:
            row = self.cur.execute(
                "SELECT quote_id FROM quote_keys WHERE hash = ?", (h,)
            ).fetchone()
            qid = row[0] if row else self._new_form(q, toks, said)
            self.keys[h] = qid
            if not row:
                self.cur.execute("INSERT INTO quote_keys VALUES (?, ?)", (h, qid))
            else:
                self.stats.merged_exact += 1
        else:
            self.stats.merged_exact += 1
        person: PersonEntry | None = None
        named_id: int | None = None
        sp = q.speaker
        if sp is not None and sp.name:
            if sp.name not in local:
                local[sp.name] = self.people.resolve_speaker_named(sp.name, sp.type)
            named = local[sp.name]
            if named is not None:
                target = self.people.target(named)
                person = self._one_speaker(qid, target)
                if named.first is None and person is target:
                    named_id = named.id  # a surname alone: its person may change
                    self.named_used.setdefault(named.id, set()).add(person.id)
        pid = person.id if person else None
        if pid is not None:
            pair = (qid, pid)
            if pair not in self.pairs:
                stored = self.cur.execute(
                    "SELECT 1 FROM quote_speakers WHERE quote_id = ? AND person_id = ?", pair
                ).fetchone()
                if not stored:
                    self.new_pairs.add(qid)
                    self.batch_pairs.setdefault(qid, set()).add(pid)
                self.pairs.add(pair)
            self.by_person[pid] = self.by_person.get(pid, 0) + 1
        known = self.canon.get(qid)
        if known is None:
            text, first_seen, topic, kind = self.cur.execute(
                "SELECT text, first_seen, topic, kind FROM quotes WHERE id = ?", (qid,)
            ).fetchone()
            known = self.canon[qid] = _Canon(text, first_seen, bool(topic), kind)
        if (
            q.text != known.text
            and _norm(known.text)[1] == toks
            and preferred_form(q.text, known.text) == q.text
        ):  # the same words written otherwise: one rule picks the quote's text
            self._extend(qid, known.text, q.text)
        canon = known.text
        if q.kind < known.kind:
            known.kind = self.kinds[qid] = q.kind
        if said < known.first_seen:  # said earlier than any occurrence so far
            known.first_seen = self.earlier[qid] = said
        if known.topic and not q.topic:  # said somewhere: no longer only a topic
            known.topic = False
            self.said_not_topic.add(qid)
        r = q.when_range
        self.occ.append(
            (
                qid,
                aid,
                q.start,
                q.end,
                q.kind,
                None if q.text == canon else q.text,  # the raw form, when it differs
                pid,
                sp.mention if sp else None,
                q.cue.text if q.cue else None,
                q.cue.start if q.cue else None,
                q.channel,
                said,
                q.when,
                r.start if r else None,
                r.end if r else None,
                q.when_basis,
                int(q.topic),
                named_id,
                *_reported(q),
            )
        )
        self.stats.occurrences += 1

    def _extend(self, qid: int, old: str, new: str) -> None:
        """A longer form becomes the quote's text; occurrences of the old one keep theirs."""
        self.cur.execute(
            "UPDATE occurrences SET text = ? WHERE quote_id = ? AND text IS NULL", (old, qid)
        )
        self.occ = [(*o[:5], old, *o[6:]) if o[0] == qid and o[5] is None else o for o in self.occ]
        words = " ".join(_norm(new)[1])
        self.cur.execute("UPDATE quotes SET text = ?, words = ? WHERE id = ?", (new, words, qid))
        if qid in self.canon:
            self.canon[qid].text = new

    def _new_form(self, q: Quote, toks: tuple[str, ...], said: str) -> int:
        """A form not seen before: join a near duplicate, or start a new quote."""
        cur = self.cur
        near = len(toks) >= MIN_NEAR_WORDS
        sh = shingles(toks) if near else []
        if near:
            hits: dict[int, int] = {}
            for s in sh:
                for (cand,) in cur.execute(
                    "SELECT quote_id FROM shingles WHERE hash = ? LIMIT ?", (s, _NEAR_CANDIDATES)
                ):
                    hits[cand] = hits.get(cand, 0) + 1
            for cand in sorted(hits, key=lambda c: -hits[c])[:8]:
                (text,) = cur.execute("SELECT text FROM quotes WHERE id = ?", (cand,)).fetchone()
                other = _norm(text)[1]
                if is_near_duplicate(toks, other):
                    self.stats.merged_near += 1
                    if len(toks) > len(other):  # keep the longest form (more words)
                        self._extend(cand, text, q.text)
                        cur.executemany(
                            "INSERT OR IGNORE INTO shingles VALUES (?, ?)", [(s, cand) for s in sh]
                        )
                    return cand
        qid = cur.execute(
            "INSERT INTO quotes (text, words, kind, first_seen, topic) VALUES (?, ?, ?, ?, ?)",
            (q.text, " ".join(toks), q.kind, said, int(q.topic)),
        ).lastrowid
        assert qid is not None
        self.canon[qid] = _Canon(q.text, said, q.topic, q.kind)
        if sh:
            cur.executemany("INSERT OR IGNORE INTO shingles VALUES (?, ?)", [(s, qid) for s in sh])
        self.stats.new_quotes += 1
        return qid

    def flush(self) -> None:
        cur = self.cur
        retargeted = {e.id: (e, {old}, new) for e, old, new in self.people.take_retargeted()}
        for nid, used in self.named_used.items():  # a person that changed within the batch
            e = self.people.by_id(nid)
            if e is not None and used != {new := self.people.target(e).id}:
                retargeted.setdefault(nid, (e, set(), new))[1].update(used)
        changed, renamed = self.people.take_changed()
        if changed:
            cur.executemany(
                "INSERT INTO people (id, name, first, surname, gender, descriptors, aliases, names,"
                " same_as, genders) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET"
                " name = excluded.name, first = excluded.first, gender = excluded.gender,"
                " descriptors = excluded.descriptors, aliases = excluded.aliases,"
                " names = excluded.names, same_as = excluded.same_as, genders = excluded.genders",
                [
                    (
                        e.id,
                        e.name,
                        e.first,
                        e.surname,
                        e.gender,
                        json.dumps(sorted(e.descriptors)),
                        json.dumps(sorted(e.aliases)),
                        json.dumps(e.names, sort_keys=True),
                        e.same_as,
                        json.dumps(e.genders, sort_keys=True),
                    )
                    for e in changed
                ],
            )
        cur.executemany(
            "INSERT INTO occurrences (quote_id, article_id, start, end, kind, text, speaker_id,"
            " mention, cue, cue_start, channel, said, when_, when_start, when_end, when_basis,"
            " topic, named_id, reported_by, reported_mention, reported_start, reported_end,"
            " reported_type, reported_cue, reported_cue_start)"
            f" VALUES ({', '.join('?' * 25)})",
            self.occ,
        )
        cur.executemany(
            "INSERT INTO timexes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.timexes
        )
        cur.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self.events)
        cur.executemany(
            "UPDATE quotes SET first_seen = ? WHERE id = ? AND first_seen > ?",
            [(d, qid, d) for qid, d in self.earlier.items()],
        )
        cur.executemany(
            "UPDATE quotes SET topic = 0 WHERE id = ?", [(qid,) for qid in self.said_not_topic]
        )
        cur.executemany(
            "UPDATE quotes SET kind = ? WHERE id = ?", [(k, qid) for qid, k in self.kinds.items()]
        )
        cur.executemany(
            "UPDATE people SET n_occurrences = n_occurrences + ? WHERE id = ?",
            [(n, pid) for pid, n in self.by_person.items()],
        )
        cur.executemany(
            "INSERT OR IGNORE INTO quote_speakers VALUES (?, ?)",
            [(q, p) for q, people in self.batch_pairs.items() for p in people],
        )
        # a surname alone whose person changed: its occurrences follow, whenever stored
        for e, old, new in retargeted.values():
            cur.execute(
                "UPDATE occurrences SET speaker_id = ? WHERE named_id = ? AND speaker_id != ?",
                (new, e.id, new),
            )
            self.moved |= old | {new}
            self.new_pairs.update(
                q
                for (q,) in cur.execute(
                    "SELECT DISTINCT quote_id FROM occurrences WHERE named_id = ?", (e.id,)
                )
            )
            self.pairs.clear()  # the cache of stored attributions is out of date
        if retargeted:  # their quotes' attributions, from their occurrences
            rebuilt = [(q,) for q in self.new_pairs]
            cur.executemany("DELETE FROM quote_speakers WHERE quote_id = ?", rebuilt)
            cur.executemany(
                "INSERT OR IGNORE INTO quote_speakers SELECT DISTINCT quote_id, speaker_id"
                " FROM occurrences WHERE quote_id = ? AND speaker_id IS NOT NULL",
                rebuilt,
            )
        # a new speaker, or one more vote where speakers disagree, may change who leads
        votes = {o[0] for o in self.occ if o[6] is not None} - self.new_pairs
        if self.moved:
            cur.executemany(
                "UPDATE people SET n_occurrences ="
                " (SELECT count(*) FROM occurrences WHERE speaker_id = people.id) WHERE id = ?",
                [(pid,) for pid in self.moved],
            )
        if self.new_pairs or votes or renamed:
            cur.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY)")
            cur.execute("DELETE FROM touched")
            cur.executemany(
                "INSERT OR IGNORE INTO touched VALUES (?)", [(q,) for q in self.new_pairs]
            )
            cur.executemany(
                "INSERT OR IGNORE INTO touched"
                " SELECT id FROM quotes WHERE id = ? AND n_speakers > 1",
                [(q,) for q in votes],
            )
            # a renamed person may now win (or lose) a tie by name
            cur.executemany(
                "INSERT OR IGNORE INTO touched"
                " SELECT quote_id FROM quote_speakers WHERE person_id = ?",
                [(e.id,) for e in renamed],
            )
            # the most frequent speaker leads, ties going to the name first in code-point
            # order (never to the id: ids follow the order of arrival); two or more: a conflict
            cur.execute(
                "UPDATE quotes SET"
                " speaker_id = (SELECT o.speaker_id FROM occurrences o"
                "  JOIN people p ON p.id = o.speaker_id WHERE o.quote_id = quotes.id"
                "  GROUP BY o.speaker_id ORDER BY count(*) DESC, p.name, p.id LIMIT 1),"
                " n_speakers = (SELECT count(*) FROM quote_speakers s WHERE s.quote_id = quotes.id)"
                " WHERE id IN (SELECT id FROM touched)"
            )


def _reported(
    q: Quote,
) -> tuple[str | None, str | None, int | None, int | None, str | None, str | None, int | None]:
    """The occurrence's reported_by columns: who passes the words on, and by which cue."""
    by, rc = q.reported_by, q.reported_cue
    return (
        by.name if by else None,
        by.mention if by else None,
        by.start if by else None,
        by.end if by else None,
        by.type if by else None,
        rc.text if rc else None,
        rc.start if rc else None,
    )


def _name_aliases(mentions: Sequence[Span], most: int = 5) -> list[str]:
    """Up to ``most`` mentions that name the person ("Ms. Teigen"), not "She" or "The model"."""
    out: list[str] = []
    for m in mentions:
        text = m.text
        if not text[:1].isupper() or text in out:
            continue  # most mentions are pronouns: the cheap test first
        words = text.split()
        if words[0].lower() in _NOT_NAMES or not all(
            w[:1].isupper() or not w[:1].isalpha() for w in words
        ):
            continue
        out.append(text)
        if len(out) == most:
            break
    return out


_NOT_NAMES = frozenset(
    "he she him her his hers they them their we i you it the a an this that".split()
)
