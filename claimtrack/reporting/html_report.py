"""A standalone HTML page of one article: every claim highlighted by speaker type.

No external asset: styles are inline so that the file can be mailed to an editor or archived.
"""

from __future__ import annotations

from html import escape

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claimtrack.reporting.profile import sourcing_profile
from claimtrack.store.models import Claim, Document
from claimtrack.store.queries import FilterError, document_ids

COLOURS = {"named": "#cfe8ff", "unnamed": "#ffe3b3", "outlet": "#e2d4ff", "editorial": "#f1f1f1"}
LABELS = {"named": "named source", "unnamed": "unnamed source", "outlet": "news outlet",
          "editorial": "editorial (no source)"}

STYLE = """
body{font-family:Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}
h1{font-size:1.5rem} .meta{color:#666;font-size:.9rem}
a.id{font:.7rem monospace;color:#555;text-decoration:none;margin-right:.25rem;vertical-align:super}
table.profile{border-collapse:collapse;margin:1rem 0} table.profile td,table.profile th{border:1px solid #ccc;
padding:.2rem .6rem;text-align:right} .legend span{display:inline-block;margin-right:.8rem;padding:0 .4rem}
mark{padding:0 .1rem;border-radius:.2rem;color:inherit} mark .who{font-size:.75rem;font-family:sans-serif;
color:#444;background:#fff;border:1px solid #bbb;border-radius:.2rem;padding:0 .2rem;margin-left:.2rem}
.caption,.boilerplate{color:#999;font-style:italic} .headline{font-weight:bold;font-size:1.1rem}
.machine{font-family:sans-serif;font-size:.8rem;color:#a33}
.state{font-family:sans-serif;font-size:.7rem;margin-left:.2rem;color:#555} .s-confirmed,.s-corrected{color:#176}
p.par{margin:.8rem 0}
"""


def _mark(claim: Claim, text: str) -> str:
    colour = COLOURS[claim.speaker_type]
    speaker = claim.speaker.name if claim.speaker else None
    via = " via " + " > ".join(v.outlet for v in claim.via) if claim.via else ""
    title = f"{LABELS[claim.speaker_type]}: {speaker or 'the article itself'}{via}"
    if claim.cue:
        title += f" (cue: {claim.cue})"
    state = STATES.get(claim.status, claim.status) + (" by a reviewer" if claim.origin == "reviewer" else "")
    title += f" · {state}" + (f" · verdict: {claim.verdict}" if claim.verdict else "")
    note = f'<span class="who">{escape(speaker)}{escape(via)}</span>' if speaker else ""
    badge = f'<span class="state s-{escape(claim.status)}">{escape(BADGES.get(claim.status, ""))}'
    badge += f" {escape(claim.verdict)}" if claim.verdict else ""
    badge += "</span>"
    # the claim's id, linked to itself, so that a reviewer goes from the page to 'claimtrack show ID' and back
    anchor = f'<a class="id" href="#claim-{claim.id}" title="claimtrack show {claim.id}">#{claim.id}</a>'
    return (f'<mark id="claim-{claim.id}" class="claim t-{claim.speaker_type}" data-claim="{claim.id}" '
            f'data-speaker-type="{claim.speaker_type}" data-status="{escape(claim.status)}" '
            f'data-verdict="{escape(claim.verdict or "")}" data-origin="{escape(claim.origin)}" '
            f'style="background:{colour}" title="{escape(title)}">{anchor}{escape(text)}{note}{badge}</mark>')


STATES = {"machine": "machine-extracted", "confirmed": "confirmed", "corrected": "corrected", "rejected": "rejected"}
BADGES = {"machine": "⚙", "confirmed": "✓", "corrected": "✎", "rejected": "✗"}


def _segment_html(segment, claims: list[Claim]) -> str:
    """A sentence with the claims over it: the sentence's own claim, or claims a reviewer added
    over part of it (they are not greyed out as furniture)."""
    inside = sorted((c for c in claims if segment.start <= c.start and c.end <= segment.end), key=lambda c: c.start)
    if not inside:
        return f"<span class='{segment.kind}'>{escape(segment.text)}</span>"
    def plain(a: int, b: int) -> str:
        return f"<span class='{segment.kind}'>{escape(segment.text[a - segment.start:b - segment.start])}</span>"

    parts, at = [], segment.start
    for claim in inside:
        if claim.start < at:
            continue
        if claim.start > at:
            parts.append(plain(at, claim.start))
        parts.append(_mark(claim, segment.text[claim.start - segment.start:claim.end - segment.start]))
        at = claim.end
    if at < segment.end:
        parts.append(plain(at, segment.end))
    return "".join(parts)


def render(session: Session, document_key: str) -> str:
    query = select(Document).options(selectinload(Document.segments), selectinload(Document.claims))
    try:
        ids = document_ids(session, document_key)
    except FilterError as error:
        raise LookupError(str(error)) from error
    document = session.scalars(query.where(Document.id.in_(ids)).order_by(Document.id)).first()
    claims = [c for c in document.claims if c.status != "rejected"]
    [profile] = sourcing_profile(session, ids=[document.id]) or [None]
    title = escape(document.title or document.name)
    parts = [f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title}"
             f"</title><style>{STYLE}</style></head><body>",
             f"<h1>{title}</h1>",
             f"<p class='meta'>{escape(document.name)} · sha256 {document.sha256[:12]}… · outlet "
             f"{escape(document.outlet or 'unknown')} · pipeline {escape(document.pipeline_backend)} "
             f"{escape(document.pipeline_model)} rules {escape(document.pipeline_version)}</p>"]
    if profile:
        cells = "".join(f"<td>{profile.by_type[t]}</td>" for t in COLOURS)
        parts.append("<table class='profile'><tr><th>claims</th>" + "".join(f"<th>{t}</th>" for t in COLOURS)
                     + "<th>% unsourced</th><th>% unnamed</th><th>% reviewed</th></tr>"
                     f"<tr><td>{profile.claims}</td>{cells}<td>{profile.unsourced_share:.0%}</td>"
                     f"<td>{profile.unnamed_share:.0%}</td><td>{profile.reviewed_share:.0%}</td></tr></table>")
    parts.append("<p class='legend'>" + "".join(f"<span style='background:{c}'>{LABELS[t]}</span>"
                                                for t, c in COLOURS.items())
                 + "<span class='caption'>caption / site furniture</span></p>")
    parts.append("<p class='machine'>Attributions are machine-extracted until a reviewer confirms them: "
                 "check each against the original.</p>")
    paragraph, opened = None, False
    for segment in document.segments:
        if segment.paragraph != paragraph:
            if opened:
                parts.append("</p>")
            parts.append(f"<p class='par {segment.kind}'>")
            paragraph, opened = segment.paragraph, True
        parts.append(_segment_html(segment, claims) + " ")
    if opened:
        parts.append("</p>")
    # counts what the browser laid out, so that a reader (or a test) can check the page is whole
    parts.append("<script>document.body.dataset.renderedClaims="
                 "document.querySelectorAll('mark.claim').length;</script>")
    parts.append("</body></html>\n")
    return "".join(parts)
