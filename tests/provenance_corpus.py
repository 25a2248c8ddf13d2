"""A small invented corpus for the provenance tests: one quotation of a minister relayed by three
outlets over three days with drift (shortened, one word changed, a hedge dropped; the last one
without credit to anyone), a different
quotation of the same minister that must stay apart, and his name written two ways."""

from __future__ import annotations

from pathlib import Path

ORIGINAL = ("Nous ne reculerons pas devant les menaces et nous défendrons probablement notre territoire "
            "jusqu’au bout, quoi qu’il en coûte")
SHORTENED = "Nous ne reculerons pas devant les menaces et nous défendrons probablement notre territoire"
CHANGED = ("Nous ne reculerons pas devant les pressions et nous défendrons probablement notre territoire "
           "jusqu’au bout, quoi qu’il en coûte")
HEDGE_DROPPED = ("Nous ne reculerons pas devant les menaces et nous défendrons notre territoire jusqu’au bout, "
                 "quoi qu’il en coûte")
OTHER_QUOTE = ("Le budget des armées augmentera de dix pour cent dès l’année prochaine, comme nous l’avons "
               "promis aux soldats")

ARTICLES = {
    # name: (outlet, publication date, paragraphs)
    "a_origin.html": ("Gazette du Nord", "2026-03-02", [
        "Tensions à la frontière",
        f"Le ministre de la Défense, Paul Durand, a déclaré lundi : « {ORIGINAL}. »",
        f"« {OTHER_QUOTE} », a ajouté Paul Durand devant les députés.",
        "La séance s’est terminée tard dans la soirée après un long débat sur les crédits.",
    ]),
    "b_relay.html": ("Courrier du Sud", "2026-03-03", [
        "Le ministre ne cède pas",
        f"« {SHORTENED} », a déclaré Paul Durand au quotidien Gazette du Nord.",
        "Les habitants de la région frontalière attendent toujours des renforts promis depuis des mois.",
    ]),
    "c_relay.html": ("Écho de l’Ouest", "2026-03-04", [
        "Le ministre répète sa fermeté",  # (no other spelling of Paul Duran in this article: one source, one name)
        f"« {CHANGED} », a affirmé Paul Duran, cité par le journal Courrier du Sud.",
        "Le gouvernement doit présenter un nouveau plan de défense la semaine prochaine au Parlement.",
    ]),
    "d_relay.html": ("Journal de l’Est", "2026-03-04", [
        "Fermeté du ministre",
        f"Paul Durand a lancé : « {HEDGE_DROPPED}. »",
        "Les élus de l’opposition réclament un débat public sur la stratégie militaire du pays.",
    ]),
}


def write_corpus(folder: Path) -> list[Path]:
    """The corpus as HTML pages whose meta tags give the outlet and the publication date."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (outlet, published, paragraphs) in ARTICLES.items():
        body = "\n".join(f"<p>{text}</p>" for text in paragraphs[1:])
        page = (f'<!doctype html><html><head><meta property="og:site_name" content="{outlet}">'
                f'<meta property="article:published_time" content="{published}T08:00:00Z">'
                f"<title>{paragraphs[0]}</title></head><body><h1>{paragraphs[0]}</h1>{body}</body></html>")
        path = folder / name
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    return paths
