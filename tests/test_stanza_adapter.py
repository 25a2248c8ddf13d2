"""The stanza adapter on stanza Documents read from CoNLL-U (no model weights needed)."""

from __future__ import annotations

import pytest

stanza = pytest.importorskip("stanza", reason="install the stanza extra: pip install 'claimtrack[stanza]'")
from stanza.utils.conll import CoNLL  # noqa: E402

from claimtrack.engine.backends import BackendUnavailable  # noqa: E402
from claimtrack.engine.backends.stanza_backend import StanzaBackend, sentences_from_stanza  # noqa: E402
from claimtrack.engine.document import attribute_document  # noqa: E402
from claimtrack.engine.text.quotes import find_quotes  # noqa: E402

TEXT = "« Nous sommes prêts », a déclaré Ali Rabiei du gouvernement."
CONLLU = """# text = « Nous sommes prêts », a déclaré Ali Rabiei du gouvernement.
1	«	«	PUNCT	_	_	4	punct	_	start_char=0|end_char=1
2	Nous	il	PRON	_	Number=Plur|Person=1	4	nsubj	_	start_char=2|end_char=6
3	sommes	être	AUX	_	Mood=Ind|VerbForm=Fin	4	cop	_	start_char=7|end_char=13
4	prêts	prêt	ADJ	_	Number=Plur	0	root	_	start_char=14|end_char=19
5	»	»	PUNCT	_	_	4	punct	_	start_char=20|end_char=21|SpaceAfter=No
6	,	,	PUNCT	_	_	8	punct	_	start_char=21|end_char=22
7	a	avoir	AUX	_	Mood=Ind|VerbForm=Fin	8	aux:tense	_	start_char=23|end_char=24
8	déclaré	déclarer	VERB	_	Tense=Past|VerbForm=Part	4	parataxis	_	start_char=25|end_char=32
9	Ali	Ali	PROPN	_	_	8	nsubj	_	start_char=33|end_char=36
10	Rabiei	Rabiei	PROPN	_	_	9	flat:name	_	start_char=37|end_char=43
11-12	du	_	_	_	_	_	_	_	start_char=44|end_char=46
11	de	de	ADP	_	_	13	case	_	_
12	le	le	DET	_	_	13	det	_	_
13	gouvernement	gouvernement	NOUN	_	_	9	nmod	_	start_char=47|end_char=59|SpaceAfter=No
14	.	.	PUNCT	_	_	4	punct	_	start_char=59|end_char=60

"""


def test_adapter_keeps_offsets_heads_and_multiword_tokens():
    doc = CoNLL.conll2doc(input_str=CONLLU)
    [sentence] = sentences_from_stanza(doc)
    texts = [t.text for t in sentence.tokens]
    assert texts[:5] == ["«", "Nous", "sommes", "prêts", "»"]
    for tok in sentence.tokens:
        if tok.text not in ("de", "le"):
            assert TEXT[tok.start : tok.end] == tok.text
    de = next(t for t in sentence.tokens if t.text == "de")
    assert TEXT[de.start : de.end] == "du"  # a multiword token's words share its span
    verb = next(t for t in sentence.tokens if t.text == "déclaré")
    assert sentence.tokens[verb.head].text == "prêts" and verb.lemma == "déclarer" and verb.deprel == "parataxis"
    assert sentence.tokens[3].deprel == "root" and sentence.tokens[3].head == 3


def test_rules_run_on_the_stanza_parse():
    doc = CoNLL.conll2doc(input_str=CONLLU)
    sentences = sentences_from_stanza(doc)
    [attribution] = attribute_document(TEXT, sentences, ["claim"], [0], find_quotes(TEXT))
    assert attribution.source.speaker == "Ali Rabiei"
    assert attribution.source.type == "named"
    assert attribution.mode == "direct"


def test_missing_models_are_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(BackendUnavailable) as error:
        StanzaBackend("fr")
    assert "stanza.download('fr')" in str(error.value)
