"""The citation graph as a standalone HTML page: inline SVG, no script or asset from elsewhere,
so that it can be mailed or archived like the article report.

Layout is layered left to right: outlets that only publish on the left, relays in the middle,
speakers on the right; a node's column is its longest relay distance from a publishing outlet
(cycles, where two outlets cite each other, are cut at the first repeat)."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from claimtrack.provenance.graph import CitationGraph

COLOURS = {"outlet": "#e2d4ff", "document": "#eeeeee", "named": "#cfe8ff", "unnamed": "#ffe3b3"}
COLUMN_WIDTH, ROW_HEIGHT, NODE_WIDTH, NODE_HEIGHT, MARGIN = 260, 46, 200, 30, 20


def _columns(graph: CitationGraph) -> dict[str, int]:
    outgoing: dict[str, list[str]] = defaultdict(list)
    incoming: set[str] = set()
    for edge in graph.edges:
        outgoing[edge.source].append(edge.target)
        incoming.add(edge.target)
    column = {n.id: 0 for n in graph.nodes}
    roots = [n.id for n in graph.nodes if n.id not in incoming] or [n.id for n in graph.nodes[:1]]
    for root in roots:  # depth-first, longest path, a node never twice on one path
        stack = [(root, 0, frozenset([root]))]
        while stack:
            node, depth, seen = stack.pop()
            column[node] = max(column[node], depth)
            stack.extend((t, depth + 1, seen | {t}) for t in outgoing[node] if t not in seen
                         and column[t] < depth + 1)
    speakers = max((column[n.id] for n in graph.nodes), default=0)
    for node in graph.nodes:  # speakers in the last column, whatever their distance
        if node.kind in ("named", "unnamed"):
            column[node.id] = max(speakers, 1)
    return column


def render_graph_page(graph: CitationGraph, title: str = "Who relays whom") -> str:
    column = _columns(graph)
    rows: dict[int, list[str]] = defaultdict(list)
    labels = {n.id: n for n in graph.nodes}
    for node in sorted(graph.nodes, key=lambda n: n.label.lower()):
        rows[column[node.id]].append(node.id)
    where = {nid: (MARGIN + c * COLUMN_WIDTH, MARGIN + r * ROW_HEIGHT)
             for c, ids in rows.items() for r, nid in enumerate(ids)}
    width = MARGIN * 2 + (max(rows, default=0)) * COLUMN_WIDTH + NODE_WIDTH
    height = MARGIN * 2 + max((len(ids) for ids in rows.values()), default=1) * ROW_HEIGHT
    heaviest = max((e.claims for e in graph.edges), default=1)
    parts = []
    for edge in graph.edges:
        (x1, y1), (x2, y2) = where[edge.source], where[edge.target]
        x1, y1, y2 = x1 + NODE_WIDTH, y1 + NODE_HEIGHT / 2, y2 + NODE_HEIGHT / 2
        stroke = 1 + 5 * edge.claims / heaviest
        tip = (f"{labels[edge.source].label} → {labels[edge.target].label}: {edge.claims} claim(s), "
               f"{edge.first} to {edge.last}")
        parts.append(f'<path class="edge" data-claims="{edge.claims}" d="M{x1},{y1} C{x1 + 60},{y1} {x2 - 60},{y2} '
                     f'{x2},{y2}" stroke="#777" stroke-opacity="0.6" stroke-width="{stroke:.1f}" fill="none" '
                     f'marker-end="url(#arrow)"><title>{escape(tip)}</title></path>')
    for node in graph.nodes:
        x, y = where[node.id]
        parts.append(f'<g class="node" data-kind="{node.kind}"><rect x="{x}" y="{y}" width="{NODE_WIDTH}" '
                     f'height="{NODE_HEIGHT}" rx="6" fill="{COLOURS[node.kind]}" stroke="#555"/>'
                     f'<text x="{x + 8}" y="{y + 20}" font-size="13">{escape(node.label[:30])}</text>'
                     f'<title>{escape(node.label)} ({node.kind})</title></g>')
    legend = " ".join(f'<span style="background:{colour};padding:0 .4rem">{kind}</span>'
                      for kind, colour in COLOURS.items())
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body{{font-family:sans-serif;margin:1.5rem}} .meta{{color:#666}}</style></head>
<body><h1>{escape(title)}</h1>
<p class="meta">{len(graph.nodes)} nodes, {len(graph.edges)} edges; an edge's width is its number of claims
(hover for counts and dates). {legend}</p>
<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"
 role="img" aria-label="citation graph">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6"
 orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker></defs>
{chr(10).join(parts)}
</svg>
<script>document.body.dataset.renderedNodes = document.querySelectorAll("g.node").length;
document.body.dataset.renderedEdges = document.querySelectorAll("path.edge").length;</script>
</body></html>
"""
