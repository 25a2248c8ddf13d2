"""Text from files and the database made safe for where it goes: a terminal, an XML file.

An article, a file name, a reviewer's note or a batch name can hold an escape sequence (a
window-title change, an OSC 8 link, colours). Printed raw, it drives the reader's terminal; in
GraphML it makes the file ill-formed. Rich's markup escape does not touch such characters, so
every string that reaches a terminal goes through `visible`, which shows them as `\\x1b`.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL and C1 controls, and the bidirectional overrides that
# reorder what a reader sees ("Trojan source")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# what XML 1.0 cannot hold at all, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str | None) -> str:
    """`text` with its control characters written out (ESC becomes the four characters \\x1b)."""
    return _CONTROLS.sub(_shown, text or "")


def xml_text(text: str | None) -> str:
    """`text` fit for an XML attribute or element: characters XML cannot hold written out as
    `visible` does, then the five XML entities escaped."""
    text = _NOT_XML.sub(_shown, visible(text))
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&apos;"))
