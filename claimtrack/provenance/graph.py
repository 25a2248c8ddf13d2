"""Who relays whom: a citation graph from the claims' relay chains.

Each claim draws a path from the article's outlet through the outlets it cites (its `via`
chain, nearest first) to its speaker: "Le Courrier cites Reuters citing the minister" is
Le Courrier → Reuters → the minister. Edges count claims and keep their first and last day.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from claimtrack.provenance.fingerprint import fold
from claimtrack.safe_text import xml_text
from claimtrack.store.queries import ClaimRow


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str  # outlet | named | unnamed | document (an article whose outlet is unknown)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    claims: int
    first: str  # ISO days
    last: str


@dataclass(frozen=True)
class CitationGraph:
    nodes: list[Node]
    edges: list[Edge]

    def record(self) -> dict:
        return {"nodes": [asdict(n) for n in self.nodes], "edges": [asdict(e) for e in self.edges]}


def _node(kind: str, label: str) -> Node:
    # an outlet is one node whether it publishes, relays or is quoted as a source
    return Node(f"{kind}:{fold(label)}", label, kind)


def citation_graph(rows: Iterable[ClaimRow]) -> CitationGraph:
    """The graph of these claims (stream them from queries.iter_rows: nothing else is kept)."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str], list] = {}
    for row in rows:
        if row.speaker_type == "editorial" and not row.via:
            continue  # the article's own voice cites nobody
        path = [_node("outlet", row.outlet) if row.outlet else _node("document", row.document)]
        path += [_node("outlet", name) for name in row.via]
        if row.speaker and row.speaker_type != "editorial":
            path.append(_node(row.speaker_type, row.speaker))
        for node in path:
            nodes.setdefault(node.id, node)
        day = row.date or row.ingested or ""  # an undated article counts from its ingestion day
        for source, target in zip(path, path[1:], strict=False):
            if source.id == target.id:
                continue
            edge = edges.setdefault((source.id, target.id), [0, day, day])
            edge[0] += 1
            edge[1], edge[2] = min(edge[1], day), max(edge[2], day)
    ordered = sorted(edges.items(), key=lambda kv: (-kv[1][0], kv[0]))
    used = {n for (s, t), _ in ordered for n in (s, t)}
    return CitationGraph(sorted((n for n in nodes.values() if n.id in used), key=lambda n: n.id),
                         [Edge(s, t, count, first, last) for (s, t), (count, first, last) in ordered])


def to_json(graph: CitationGraph) -> str:
    return json.dumps(graph.record(), ensure_ascii=False, indent=2)


def _dot_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def to_dot(graph: CitationGraph) -> str:
    """Graphviz: `dot -Tsvg graph.dot > graph.svg`."""
    shapes = {"outlet": "box", "document": "note", "named": "ellipse", "unnamed": "ellipse"}
    lines = ["digraph citations {", "  rankdir=LR;"]
    for node in graph.nodes:
        lines.append(f"  {_dot_string(node.id)} [label={_dot_string(node.label)}, shape={shapes[node.kind]}, "
                     f"kind={_dot_string(node.kind)}];")
    for edge in graph.edges:
        lines.append(f"  {_dot_string(edge.source)} -> {_dot_string(edge.target)} [label=\"{edge.claims}\", "
                     f"weight={edge.claims}, first=\"{edge.first}\", last=\"{edge.last}\"];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_graphml(graph: CitationGraph) -> str:
    """GraphML, as Gephi, yEd, Cytoscape and networkx read it."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
           '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
           '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
           '  <key id="claims" for="edge" attr.name="claims" attr.type="int"/>',
           '  <key id="first" for="edge" attr.name="first" attr.type="string"/>',
           '  <key id="last" for="edge" attr.name="last" attr.type="string"/>',
           '  <graph id="citations" edgedefault="directed">']
    for node in graph.nodes:
        out.append(f'    <node id="{xml_text(node.id)}"><data key="label">{xml_text(node.label)}</data>'
                   f'<data key="kind">{node.kind}</data></node>')
    for n, edge in enumerate(graph.edges):
        out.append(f'    <edge id="e{n}" source="{xml_text(edge.source)}" target="{xml_text(edge.target)}">'
                   f'<data key="claims">{edge.claims}</data><data key="first">{edge.first}</data>'
                   f'<data key="last">{edge.last}</data></edge>')
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out) + "\n"
