"""Turning files into article text: encodings, HTML, and refusals with a reason.

Offsets of claims index the text returned here, which is what the database stores.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from claimtrack.engine.text.kinds import normalise_line
from claimtrack.errors import ClaimtrackError

MAX_BYTES = 5_000_000
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


class ReadError(ClaimtrackError, ValueError):
    """A file that cannot be ingested; the message is one line for the summary table."""


@dataclass(frozen=True)
class SourceText:
    name: str
    path: str | None
    text: str
    encoding: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    caption_lines: frozenset[str] = frozenset()  # what the page marks as captions (<figcaption>)
    url: str | None = None


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first, then cp1252, then latin-1, which always decodes.

    A text that is UTF-8 but for a few stray bytes stays UTF-8 (the stray bytes become U+FFFD):
    decoding all of it as cp1252 would turn every accent into mojibake and lose its attribution."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8 (repaired)"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    """At least as many well-formed UTF-8 multibyte sequences as bytes that break UTF-8: a
    cp1252 or latin-1 text almost never holds a well-formed sequence (é is one byte there)."""
    valid = len(_UTF8_SEQUENCE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    return valid > 0 and valid >= invalid


# C0 controls other than tab, newline, form feed and carriage return, DEL and the C1 block:
# never article text, and escape sequences would drive the reader's terminal
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")


def clean_text(text: str) -> str:
    """Text without control characters (NUL, ESC …); printable characters are kept as they are."""
    return _CONTROLS.sub("", text)


def _looks_binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    sample = data[:8192]
    if b"\x00" in sample or data.count(b"\x00") > len(data) // 1000:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(3, len(sample) // 100)


class _ArticleHTML(HTMLParser):
    """Block-level text of an HTML page, one paragraph per block, scripts and navigation left out."""

    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "br",
              "section", "article", "header", "tr", "title"}
    SKIP = {"script", "style", "nav", "noscript", "template", "svg", "form", "button"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: str | None = None
        self.meta: dict[str, str] = {}
        self._in_title = False
        self.captions: list[str] = []
        self._caption: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = dict(attrs)
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name")
            if key and attributes.get("content"):
                self.meta[key.lower()] = attributes["content"]
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag == "title":
            self._in_title = True
        if tag == "figcaption":
            self._caption = []
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag == "title":
            self._in_title = False
        if tag == "figcaption" and self._caption is not None:
            self.captions.append(" ".join("".join(self._caption).split()))
            self._caption = None
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
            return
        if not self.skip_depth:
            self.parts.append(re.sub(r"\s+", " ", data))
            if self._caption is not None:
                self._caption.append(data)


def html_to_text(markup: str) -> tuple[str, dict[str, str], str | None, list[str]]:
    """The page's text, its meta tags, its <title> and its figure captions."""
    parser = _ArticleHTML()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p) + "\n", parser.meta, parser.title, parser.captions


def read_bytes(data: bytes, name: str, path: str | None = None, *, max_bytes: int = MAX_BYTES) -> SourceText:
    if len(data) > max_bytes:
        raise ReadError(f"too large ({len(data):,} bytes, limit {max_bytes:,}; raise it with --max-bytes)")
    if not data.strip():
        raise ReadError("empty file")
    if _looks_binary(data):
        raise ReadError("binary file, not an article (expected UTF-8, cp1252 or latin-1 text or HTML)")
    text, encoding = decode(data)
    # universal newlines, as Python's text mode reads them: offsets then match a plain read
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    digest = hashlib.sha256(data).hexdigest()
    is_html = name.lower().endswith((".html", ".htm")) or re.match(r"\s*(<!doctype html|<html)", text, re.I)
    if is_html:
        body, meta, title, captions = html_to_text(text)
        if not body.strip():
            raise ReadError("HTML page with no text")
        _check_running_text(body)
        return SourceText(name, path, body, encoding, digest,
                          title=meta.get("og:title") or title, outlet=meta.get("og:site_name"),
                          published=(meta.get("article:published_time") or "")[:10] or None,
                          caption_lines=frozenset(normalise_line(c) for c in captions if c))
    if not text.strip():
        raise ReadError("empty file")
    _check_running_text(text)
    return SourceText(name, path, text, encoding, digest)


MAX_RUN = 50_000
_SENTENCE_END = re.compile(r"[.!?…\n]")


def _check_running_text(text: str) -> None:
    """Articles end sentences and lines: a stretch of MAX_RUN characters with neither is a
    dump (a minified page, a base64 blob), not text to attribute sentence by sentence."""
    last = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() - last > MAX_RUN:
            break
        last = match.end()
    else:
        if len(text) - last <= MAX_RUN:
            return
    raise ReadError(f"more than {MAX_RUN:,} characters without a sentence end or a line break: not an article")


def read_capped(handle, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes: enough to know a file is too large without reading all of
    it (/dev/zero, a pipe that never ends)."""
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = handle.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_path(path: Path, *, max_bytes: int = MAX_BYTES) -> SourceText:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"too large ({size:,} bytes, limit {max_bytes:,}; raise it with --max-bytes)")
        with open(path, "rb") as handle:
            data = read_capped(handle, max_bytes)
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from error
    return read_bytes(data, path.name, str(path), max_bytes=max_bytes)


@dataclass(frozen=True)
class Unreadable:
    """A file refused before analysis, with the one-line reason for the summary."""

    name: str
    reason: str


def collect_sources(paths: list[str], *, stdin: bytes | None = None,
                    max_bytes: int = MAX_BYTES) -> list[SourceText | Unreadable]:
    """Every article named on the command line ('-' is `stdin`), read or refused with a reason."""
    sources: list[SourceText | Unreadable] = []
    if stdin is not None:
        try:
            # named by its content: two articles piped in one after the other are told apart
            name = f"stdin-{hashlib.sha256(stdin).hexdigest()[:8]}.txt"
            sources.append(read_bytes(stdin, name, None, max_bytes=max_bytes))
        except ReadError as error:
            sources.append(Unreadable("-", str(error)))
    for path in _expand([Path(p) for p in paths if p != "-"]):
        if isinstance(path, Unreadable):
            sources.append(path)
            continue
        try:
            sources.append(read_path(path, max_bytes=max_bytes))
        except ReadError as error:
            sources.append(Unreadable(str(path), str(error)))
    return sources


def _expand(paths: list[Path]) -> list[Path | Unreadable]:
    """Files as given; folders searched recursively for *.txt, *.html and *.htm, in name order."""
    found: list[Path | Unreadable] = []
    for path in paths:
        if path.is_dir():
            found.extend(_articles_under(path))
        else:
            found.append(path)
    return found


def _articles_under(root: Path) -> list[Path | Unreadable]:
    """The article files below `root`, in name order, walked with a stack rather than recursion:
    a folder nested thousands deep is no reason for a RecursionError. Links to folders are not
    followed (a link back up would never end); a folder that cannot be read is reported."""
    files: list[Path] = []
    refused: list[Unreadable] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(Path(entry.path))
                    elif entry.is_file() and Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES:
                        files.append(Path(entry.path))
        except OSError as error:
            refused.append(Unreadable(str(folder)[:200], f"cannot read this folder: {error.strerror or error}"))
    return [*sorted(files), *refused]
