"""Each general rule of the engine on invented sentences (none copied from an article).

A case is a small text; its last claim is checked: speaker (substring, either way), type, mode.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def analyzer(rules_analyzer):
    """These tests pin the rules down (the candidates the decision layer chooses among), so
    they read the rules' own choices."""
    return rules_analyzer


def _check(analyzer, text, speaker, speaker_type, mode=None, via=None):
    claim = analyzer.analyze(text).claims[-1]
    assert claim.speaker_type == speaker_type, claim
    if speaker is None:
        assert claim.speaker is None, claim
    else:
        assert claim.speaker and (speaker.lower() in claim.speaker.lower()
                                  or claim.speaker.lower() in speaker.lower()), claim
    if mode is not None:
        assert claim.mode == mode, claim
    if via is not None:
        assert claim.via == via, claim
    return claim


LEXICON_CASES = [
    # speech acts and stance verbs of the grown lexicon
    ("La ministre Claire Vautrin a condamné l'attaque contre le dispensaire.", "Claire Vautrin", "named"),
    ("Le syndicat Force Unie a rejeté l'offre de la direction dès lundi.", "Force Unie", "named"),
    ("Le maire Paul Ferrand a défendu son budget devant le conseil.", "Paul Ferrand", "named"),
    ("L'ONG Terre Vive déplore le manque de moyens des secours.", "Terre Vive", "named"),
    ("Des habitants s'interrogent sur la sécurité du barrage.", "des habitants", "unnamed"),
    ("La sénatrice Inès Morel s'est souvenue que la loi avait été votée de nuit.", "Inès Morel", "named"),
    ("Le général Marc Dulac a insisté sur la nécessité de renforcer les patrouilles.", "Marc Dulac", "named"),
    # a list announced by a colon is what the speaker says; with no colon nor clause, a plain list
    ("Ensuite, la juge Marie Porras énumère quelques exemples: il y a des photos qu'on ne montre pas.",
     "Marie Porras", "named"),
    ("Le catalogue énumère les pièces du musée.", None, "editorial"),
    ("« Nous ne céderons pas », a répliqué Hugo Brandt.", "Hugo Brandt", "named"),
    # multiword and pronominal cues
    ("Le président Luis Ortega s'est montré favorable à une réforme de la banque centrale.", "Luis Ortega", "named"),
    ("Le ministre Omar Haddad a laissé entendre que les négociations reprendraient.", "Omar Haddad", "named"),
    # a negation that asserts, and one that reports nothing
    ("Le Premier ministre Alain Roussel n'exclut pas de convoquer des élections anticipées.",
     "Alain Roussel", "named"),
    ("Le porte-parole Jean Lemoine n'a pas dit que la guerre était finie.", None, "editorial"),
    # a reporting infinitive under a finite verb speaks for that verb's subject
    ("La juge Anne Berthier a tenu à préciser que le dossier restait ouvert.", "Anne Berthier", "named"),
    ("Le ministre Karim Sellami s'est borné à expliquer pourquoi le projet avait pris du retard.",
     "Karim Sellami", "named"),
    # fixed phrases and decisions report nothing
    ("Une réunion s'est tenue en juin, c'est-à-dire au lendemain de l'attaque.", None, "editorial"),
    ("Les quatre pays ont convenu de créer un centre commun à Vienne.", None, "editorial"),
    ("Le Parlement a ratifié la loi sur l'eau mardi.", None, "editorial"),
]


def test_incise_with_auxiliary_inside_a_quotation(analyzer):
    text = '"J\'ai appris à nager à six ans, à Lyon, a raconté Sofia Benali, installée à Nantes depuis 2015."'
    _check(analyzer, text, "Sofia Benali", "named", "direct")


def test_quoted_and_first_person_sentences_go_on_in_the_speaker_s_voice(analyzer):
    text = ("La maire Hélène Carvalho a annoncé mardi la fermeture du pont.\n"
            "Si je renonçais maintenant, ce serait une faute envers mes électeurs.\n"
            "\"Nous rouvrirons le pont en juin.\"\n"
            "Le pont relie les deux rives depuis 1890.")
    claims = analyzer.analyze(text).claims
    assert [c.speaker_type for c in claims] == ["named", "named", "named", "editorial"]
    assert claims[1].speaker == claims[0].speaker and claims[1].mode == "direct"


def test_a_quotation_that_goes_on_a_report_makes_its_speaker_one_the_first_person_returns_to(analyzer):
    """An indirect report, then the speaker's words quoted with no cue of their own: a "je" after a
    line of narration is still the speaker's (GUIDE §2), as after any quotation."""
    text = ("Le procès des anciens soldats.\n\n"
            "Le dossier avancera lentement, déclare Marc Dubois, professeur de droit à l'université de Lyon.\n\n"
            "Cependant, fait-il remarquer, \"A mon avis, ils devraient pouvoir gagner\".\n\n"
            "Seule cette doctrine très ancienne se trouve entre eux et un verdict.\n\n"
            "J'ai toujours critiqué cette doctrine.")
    claims = analyzer.analyze(text).claims
    assert [c.speaker for c in claims[1:]] == ["Marc Dubois", "Marc Dubois", None, "Marc Dubois"]
    assert claims[-1].mode == "direct"


def test_a_memoir_s_first_person_is_the_article_s_voice(analyzer):
    lines = ["Le recteur Paul Imbert a déclaré que l'université était ouverte à tous."]
    lines += [f"J'ai passé ma {n}e année à la bibliothèque, seule." for n in range(2, 7)]
    claims = analyzer.analyze("\n".join(lines)).claims
    assert claims[0].speaker_type == "named"
    assert all(c.speaker_type == "editorial" for c in claims[1:])


SPEAKER_CASES = [
    # things that cannot speak give no speaker
    ("La pression a montré que le gouvernement devait céder.", None, "editorial"),
    ("Mardi a confirmé que la saison était perdue.", None, "editorial"),
    ("Et 40% estiment que la réforme échouera.", None, "editorial"),
    ("La quantité de gaz indique que le réservoir fuit.", None, "editorial"),
    # agent nouns and human nouns can
    ("Un agriculteur explique que la sécheresse a tout détruit.", "un agriculteur", "unnamed"),
    ("Des voisins racontent que l'usine fumait la nuit.", "des voisins", "unnamed"),
    # a time word between an inverted verb and its subject
    ("Le pont « restera fermé tout l'hiver », a annoncé lundi soir le préfet Gilles Aubry.",
     "Gilles Aubry", "named"),
]


def test_a_pronoun_points_to_the_person_named_as_subject_since_the_last_speaker(analyzer):
    text = ("Le ministre Paul Girard a déclaré que le budget était prêt.\n"
            "Marie Lefort a été élue à la tête du syndicat en 2019.\n"
            "Elle a estimé que le budget était insuffisant.")
    _check(analyzer, text, "Marie Lefort", "named")


@pytest.mark.parametrize("group", ["la coalition", "la milice locale", "la rébellion"])
def test_a_group_in_a_person_s_title_gives_no_gender(analyzer, group):
    """"Jean Vert, ancien chef de la coalition": the article of the group is not the person's."""
    text = ("Le chef Paul Roy a parlé lundi.\n"
            f"Jean Vert, ancien chef de {group}, a fait part de ses regrets.\n"
            "Mais il a ajouté que le plan était mauvais.")
    _check(analyzer, text, "Jean Vert", "named")


def test_a_subject_inside_a_reported_clause_does_not_take_the_pronoun(analyzer):
    text = ("Le producteur Jean Morin a estimé que Luc Vidal était parti trop vite.\n"
            "Il a indiqué que la tournée était annulée.")
    _check(analyzer, text, "Jean Morin", "named")


def test_a_person_named_inside_a_quotation_does_not_take_the_pronoun(analyzer):
    text = ("L'entraîneur Marc Olier a reçu la presse lundi.\n"
            "« Paul Verdin a fait un travail formidable », a-t-il souligné.\n"
            "« Nous sommes prêts », a-t-il ajouté.")
    _check(analyzer, text, "Marc Olier", "named")


def test_a_surname_alone_as_subject_takes_the_pronoun(analyzer):
    # "Lorel" alone, after "Anne Lorel" in full: the subject a later "elle" points to
    text = ("Sylvie Maret et Anne Lorel ont présenté le projet.\n"
            "« Le chantier commence lundi », a affirmé Sylvie Maret.\n"
            "Avec humour, Lorel a pour sa part évoqué la « patience » des riverains.\n"
            "« Ils ont tout supporté », a-t-elle souligné.")
    _check(analyzer, text, "Anne Lorel", "named")


QUOTATION_INCISE_CASES = [
    # a verb the lexicon does not list, in the incise place after a closing quotation
    ("Le joueur Hugo Brun est arrivé lundi.\n« Nous gagnerons », s'est-il enthousiasmé.", "Hugo Brun", "named"),
    ("La juge Léa Roy a reçu les avocats.\n« Le dossier est vide », s'est-elle agacée.", "Léa Roy", "named"),
    # a listed verb the tagger reads as an infinitive ("tranché")
    ("Le maire Paul Sorel a parlé lundi.\n« La piscine rouvrira en mai », a-t-il tranché.", "Paul Sorel", "named"),
    # the same verb group anywhere else is no incise
    ("Le maire Paul Sorel a parlé lundi.\nLe préfet a-t-il fait le nécessaire ?", None, "editorial"),
    # an unlisted verb with a name or a noun phrase for subject after it (the tagger reads "énumère"
    # as an infinitive)
    ("« Les prix montent, les salaires non », énumère l'économiste Paul Gris.", "Paul Gris", "named"),
    ("« Les empreintes sont sur un serveur; les noms sur un autre », énumère Philippe Robin, de Thales.",
     "Philippe Robin", "named"),
    # a quoted word inside the sentence, the verb's subject before it: no incise; nor a clause that
    # goes on past its noun phrase
    ("Le président, « furieux », quitte la salle.", None, "editorial"),
    ("« Le Courrier du soir », lit le juge Marc Roy chaque matin.", None, "editorial"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), QUOTATION_INCISE_CASES,
                         ids=[c[0][-40:] for c in QUOTATION_INCISE_CASES])
def test_any_verb_inverted_after_a_closing_quotation_reports_it(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


TURN_AND_DEMONYM_CASES = [
    # a phrase marking the speaker's turn between the verb and its inverted subject
    ("« Nous ferons mieux », assure de son côté la ministre Claire Vautrin.", "Claire Vautrin", "named"),
    ("« Rien n'est joué », a ajouté pour sa part l'avocat Marc Lenoir.", "Marc Lenoir", "named"),
    # a turn phrase between the auxiliary and the participle
    ("Le sommet a eu lieu lundi.\nLes États-Unis se sont de leur côté félicités d'un accord historique.",
     "États-Unis", "named"),
    ("Le sommet a eu lieu lundi.\nLa ministre Léa Gris a quant à elle estimé que le plan échouerait.",
     "Léa Gris", "named"),
    # how the words were said: a bare noun after "sans" or "avec", an infinitive after "sans", a gerund
    ("« Nous fermerons la piscine en janvier, c'est définitif », assure sans détour Paul Martin, adjoint.",
     "Paul Martin", "named"),
    ("« Les travaux coûteront trop cher », explique avec prudence la directrice Anne Roux.", "Anne Roux", "named"),
    ("« C'est une erreur », répond sans hésiter Jean Noir.", "Jean Noir", "named"),
    ("« Nous verrons bien », ajoute en souriant la maire Lise Brun.", "Lise Brun", "named"),
    # a determiner after "avec" makes a complement: the pronoun stays the speaker
    ("Le député Paul Vert a reçu les syndicats.\n« Ce sera long », a-t-il dit avec le ministre Jean Gris.",
     "Paul Vert", "named"),
    # a definite demonym alone stands for the person just named, not for a body called so
    ("Le milieu de terrain Julien Marchal a retrouvé ses coéquipiers lundi.\n"
     "« Je veux aller de l'avant », assure de son côté le Lillois.", "Julien Marchal", "named"),
    ("La navigatrice Anne Perrot a rejoint le port mardi.\n« La mer était dure », a raconté la Bretonne.",
     "Anne Perrot", "named"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), TURN_AND_DEMONYM_CASES,
                         ids=[c[0][-40:] for c in TURN_AND_DEMONYM_CASES])
def test_turn_phrases_and_demonyms_of_inverted_speakers(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


ISSUED_FIGURES_CASES = [
    # figures and rulings speak for the body the article says issued them
    ("D'après une estimation du Pentagone, le chiffre est faux.", "Pentagone", "named"),
    ("D'après la propre estimation du ministère de la Défense, le chiffre est faux.", "ministère de la Défense",
     "named"),
    ("Selon une décision de 1950 de la Cour suprême, l'État ne peut être poursuivi.", "Cour suprême", "named"),
    ("Le chiffre est faux selon le centre de prévention des agressions.", "centre de prévention", "named"),
    # on their own they are nobody's words
    ("Les chiffres montrent que la crise est profonde.", None, "editorial"),
    ("La décision du tribunal a surpris les avocats.", None, "editorial"),
    ("Les analyses de laboratoire montreront si le coureur a menti.", None, "editorial"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), ISSUED_FIGURES_CASES,
                         ids=[c[0][:40] for c in ISSUED_FIGURES_CASES])
def test_figures_and_rulings_speak_for_their_issuer(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


COMMALESS_INCISE_CASES = [
    # an incise whose comma the writer left out, its subject closing the sentence
    ("Il est temps pour l'armée de se moderniser déclare Susan Morel.", "Susan Morel", "named"),
    # a relative clause with an inverted subject is no incise
    ("Le texte est long.\nJe ne suis pas d'accord avec tout ce qu'avait dit Mme Lanvin.", None, "editorial"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), COMMALESS_INCISE_CASES,
                         ids=[c[0][-30:] for c in COMMALESS_INCISE_CASES])
def test_an_incise_without_its_comma(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


SUBJECT_FORM_CASES = [
    # the sides of a trial and voices heard can speak
    ("Le texte est long.\nÀ la fin, la défense a dit qu'il y avait plus de mille messages.", "défense", "unnamed"),
    ("Le texte est long.\nPlusieurs voix dénoncent que le projet a été décidé en secret.", "plusieurs voix",
     "unnamed"),
    # "l'on", "de" + adjective: forms of "on" and of the indefinite article
    ("Le texte est long.\nEt l'on évoque déjà la possibilité d'en construire un autre.", "on", "unnamed"),
    ("Le texte est long.\nDe précédentes études avaient révélé que les chats dormaient plus.",
     "de précédentes études", "unnamed"),
    # a finding reported with a que-clause
    ("Le texte est long.\nUne équipe de l'université de Lyon a découvert que les chats rêvaient.",
     "une équipe de l'université de Lyon", "unnamed"),
    ("Le texte est long.\nIl a découvert la ville en 1990.", None, "editorial"),
    ("Le texte est long.\nRien de plus facile que de découvrir si le ministre a voyagé.", None, "editorial"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), SUBJECT_FORM_CASES,
                         ids=[c[0][19:60] for c in SUBJECT_FORM_CASES])
def test_subject_forms(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


def test_il_does_not_point_to_a_feminine_description(analyzer):
    text = ("Le psychologue Jean Morel a étudié les chiens.\n"
            "Il a expliqué que les chiens voyaient les couleurs.\n"
            "Une équipe de l'université de Lyon a affirmé que les chats rêvaient.\n"
            "Il a indiqué que les résultats devaient être confirmés.")
    _check(analyzer, text, "Jean Morel", "named")


ON_LOCATED_CASES = [
    # "on" after the body that opens the sentence speaks for that body
    ("À l'Agence régionale de santé, on fait valoir que les patients ne risquent rien.",
     "Agence régionale de santé", "named"),
    ("Chez Veolia, on assure que l'usine restera ouverte.", "Veolia", "named"),
    ("Du côté des syndicats, on affirme que la grève sera suivie.", "des syndicats", "unnamed"),
    # a place that cannot speak leaves "on" as it is
    ("À la campagne, on pense que la réforme échouera.", "on", "unnamed"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), ON_LOCATED_CASES,
                         ids=[c[0][:30] for c in ON_LOCATED_CASES])
def test_on_speaks_for_the_body_the_sentence_opens_on(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


OUTLET_CASES = [
    # an outlet known by its context, then named bare
    ("La ministre Eva Lind a déclaré à la radio publique, Radio Nordique, que l'usine rouvrirait.",
     "Eva Lind", "named", ("Radio Nordique",)),
    ("Le sénateur Tom Hale a déclaré sur CapitolNews.com que le vote était reporté.",
     "Tom Hale", "named", ("CapitolNews.com",)),
    ("Dans une lettre à The Harbour Gazette, l'écrivaine Rose Dunn a affirmé que le port fermerait.",
     "Rose Dunn", "named", ("The Harbour Gazette",)),
    # ordinary words count as an outlet's name only with its capitals
    ("Le monde selon les candidats est en crise, a déclaré le maire Paul Roux.", "Paul Roux", "named", ()),
    ("La ministre Ana Ruiz a déclaré au Monde que la réforme serait votée.", "Ana Ruiz", "named", ("Le Monde",)),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type", "via"), OUTLET_CASES,
                         ids=[c[0][:40] for c in OUTLET_CASES])
def test_outlets_by_context(analyzer, text, speaker, speaker_type, via):
    _check(analyzer, text, speaker, speaker_type, via=via)


def test_a_relayed_interview_keeps_its_via_until_another_source_speaks(analyzer):
    text = ("Le président Tomas Vidal a déclaré à la chaîne publique, Canal Sur Uno, que la frontière resterait "
            "ouverte.\n"
            "La frontière a été fermée deux fois en 2019.\n"
            "Il a ajouté que les douanes seraient renforcées.\n"
            "La ministre Lucia Prado a affirmé que le budget le permettait.")
    claims = analyzer.analyze(text).claims
    assert [c.via for c in claims] == [("Canal Sur Uno",), (), ("Canal Sur Uno",), ()]
    assert claims[2].speaker == claims[0].speaker


SUBJECT_CASES = [
    # an incise between commas in mid-sentence, whatever the parser chose as subject
    ("La plupart des fusils saisis, expliquent les enquêteurs, venaient des casernes.", "les enquêteurs", "unnamed"),
    # an incise after an opening adverbial, a time word and "en + noun"
    ("Au contraire, affirmait hier en visioconférence Léa Martin, la loi protège les locataires.",
     "Léa Martin", "named"),
    # an insertion between the subject and the verb is not an inverted subject
    ("Mansour, pour sa part, a salué l'aide de ses voisins à son pays", "Mansour", "named"),
    # a name, its age between commas, then the verb
    ("Gaston Leroy, 81 ans, rappela que le village avait brûlé en 1944.", "Gaston Leroy", "named"),
    # an object clitic before the auxiliary
    ("Me Claire Dumas, l'avocate de la famille, l'a accusé d'avoir menti.", "Claire Dumas", "named"),
    # a surname opening the sentence that the tagger takes for a participle
    ("Le Dr Ivan Kowalczyk dirige le service. Kowalczyk a déclaré que les lits manquaient.",
     "Ivan Kowalczyk", "named"),
    # documents speak for the issuer named with them
    ("Selon les statistiques du ministère de la Santé, les admissions ont doublé.", "ministère de la Santé", "named"),
]


def test_a_former_office_holder_does_not_take_the_current_title(analyzer):
    text = ("Marc Tessier mise sur le Nord.\n"
            "Marc Tessier a présenté hier son plan pour le Nord.\n"
            "Il a évoqué le programme de Paul Ormond, premier ministre de 1957 à 1963.\n"
            "Tessier veut aller vite.\n"
            "Le premier ministre a dit que le plan serait prêt en mai.")
    claim = _check(analyzer, text, "Marc Tessier", "named")
    assert claim.speaker == "Marc Tessier"


def test_a_demonstrative_points_to_the_person_named_last(analyzer):
    text = ("La famille a mandaté Me Yves Garnier. Celui-ci a indiqué que la plainte serait déposée lundi.")
    _check(analyzer, text, "Yves Garnier", "named")


def test_initials_stay_in_the_name(analyzer):
    _check(analyzer, "L'écrivain J. R. Malone a déclaré que le roman sortirait en mars.", "J. R. Malone", "named")


def test_documents_relayed_by_outlets_and_their_issuers(analyzer):
    claim = _check(analyzer, "Les câbles britanniques obtenus par WikiLeaks et consultés par Le Monde révèlent "
                             "les coulisses du sommet.", "câbles britanniques", "named")
    assert set(claim.via) == {"WikiLeaks", "Le Monde"}
    claim = _check(analyzer, "Le communiqué publié par le bureau du gouverneur Ali Samir a indiqué que la route "
                             "était rouverte.", "Ali Samir", "named")
    assert claim.via == ()


def test_an_outlet_named_in_passing_relays_nothing(analyzer):
    claim = _check(analyzer, "Le juge Paul Amrani a affirmé que le fondateur de WikiLeaks serait entendu.",
                   "Paul Amrani", "named")
    assert claim.via == ()


MORE_CASES = [
    # an institution noun as inverted subject of a pronominal verb
    ("Pourquoi tant de hâte, se demande le consulat à Genève.", "consulat à Genève", "named"),
    # a present tense the tagger takes for a participle, after a relative insertion
    ("Lucie Arnaud, qui est elle-même membre du conseil, conteste en particulier les chiffres.",
     "Lucie Arnaud", "named"),
    # the people counted are the head of "la plupart des …"
    ("Le vaccin est sûr, mais la plupart des pédiatres disent que la dose est trop forte.",
     "la plupart des pédiatres", "unnamed"),
    # "on" is people the article does not name, unless a speaker tells what they heard
    ("On estime que la crue a coûté dix millions.", "on", "unnamed"),
    # an incise closing the sentence frames the report inside it
    ("Les pompiers ont dit qu'ils étaient débordés, a déclaré le maire Paul Girod.", "Paul Girod", "named"),
]


def test_what_a_speaker_heard_is_their_own_report(analyzer):
    text = ("Le producteur Marc Vial a dénoncé l'opération, qualifiée de « désastre ».\n"
            "On nous a dit que c'était un massacre.\n"
            "« J'ai entendu parler d'une plainte à venir », a-t-il dit.")
    claims = analyzer.analyze(text).claims
    assert [c.speaker for c in claims] == ["Marc Vial"] * 3


def test_a_pronominal_verb_is_a_verb_of_its_own(analyzer):
    _check(analyzer, "Au bout de la route, se trouve une petite ville tranquille.", None, "editorial")
    _check(analyzer, "Le maire Jean Roussel s'est dit confiant dans l'issue du vote.", "Jean Roussel", "named")


def test_straight_quotes_pair_line_by_line(analyzer):
    from claimtrack.engine.text.quotes import find_quotes

    text = ('"Nous partirons demain", a dit le guide Paul Mérand.\n'
            '"La route est coupée au col.\n'
            '"Il faudra trois jours", a-t-il ajouté.\n'
            'Le col est fermé depuis lundi.\n'
            'Un " isolé ne doit rien avaler.\n'
            'La vallée reste accessible.')
    quotes = [text[q.start:q.end] for q in find_quotes(text)]
    assert quotes[0] == '"Nous partirons demain"'
    assert quotes[1].startswith('"La route') and quotes[1].endswith('trois jours"')  # over two paragraphs
    assert not any("Le col est fermé" in q or "La vallée" in q for q in quotes)
    claims = analyzer.analyze(text).claims
    assert [c.speaker_type for c in claims[-2:]] == ["editorial", "editorial"]
    assert claims[1].speaker == "Paul Mérand"


def test_a_description_resolves_to_the_person_it_was_given_to(analyzer):
    text = ("Victor Pelletier, observateur et ancien militaire, connaît le sujet.\n"
            "« Les stocks ont fondu », se souvient le militaire.")
    _check(analyzer, text, "Victor Pelletier", "named")


def test_the_last_speaker_named_another_way(analyzer):
    text = ("« Les canaux sont au nombre de cinq », raconte Victor Lenoir, colonel à la retraite.\n"
            "« Des incendies ont été allumés à dessein », explique l'ancien militaire.")
    _check(analyzer, text, "Victor Lenoir", "named")
    far = ("« Les canaux sont au nombre de cinq », raconte Victor Lenoir, colonel à la retraite.\n"
           + "La région compte trois casernes et deux dépôts de munitions.\n" * 30
           + "« Des incendies ont été allumés », explique l'ancien militaire.")
    _check(analyzer, far, "ancien militaire", "unnamed")


def test_speech_addressed_to_someone_without_quotation_marks_is_the_article_s(analyzer):
    """GUIDE §2: no quotation mark, no cue and no first person is the article's own voice, even
    right after a quotation; "vous" and "tu" are no first person. In quotation marks it goes on."""
    text = ("« La loi laisse du temps aux parents », a déclaré la pédiatre Anne Colin.\n"
            "Le texte a été voté la semaine dernière.\n"
            "Vous avez un bébé en bonne santé et vous pouvez attendre.\n"
            "« Vous avez un bébé en bonne santé et vous pouvez attendre. »\n"
            "Le texte entre en vigueur en mai.")
    claims = analyzer.analyze(text).claims
    assert [c.speaker_type for c in claims] == ["named", "editorial", "editorial", "named", "editorial"], claims
    assert claims[3].speaker == "Anne Colin" and claims[3].mode == "direct"


@pytest.mark.parametrize("addressed", ["Laisse-leur une chance.", "Dis-moi ce que tu en penses."])
def test_an_imperative_without_quotation_marks_is_the_article_s(analyzer, addressed):
    text = ("« La ville n'a jamais été aussi belle », m'a dit mon voisin Marc Olier.\n"
            "Il est possible de fleurir toutes les rues.\n"
            "Il souriait.\n"
            f"{addressed}\n"
            "Le marché ouvre à huit heures.")
    claims = analyzer.analyze(text).claims
    assert [c.speaker_type for c in claims[1:]] == ["editorial"] * 4, claims


def test_a_hyphenated_word_is_no_imperative(analyzer):
    text = ("« La ville n'a jamais été aussi belle », m'a dit mon voisin Marc Olier.\n"
            "Elle-même n'en savait rien.")
    assert analyzer.analyze(text).claims[-1].speaker_type == "editorial"


SENTENCE_CASES = LEXICON_CASES + SPEAKER_CASES + SUBJECT_CASES + MORE_CASES



def test_an_honorific_title_stands_for_the_article_s_protagonist(analyzer):
    text = ("La Reine Mathilde Verlaine inaugure le sommet.\n"
            "Mathilde Verlaine a salué les délégués.\n"
            "Verlaine a rappelé les enjeux du microcrédit.\n"
            "Ainsi, Sa Majesté a expliqué que l'objectif serait atteint en 2030.")
    _check(analyzer, text, "Mathilde Verlaine", "named")


SESSION_CASES = [
    # a surname the tagger takes for a participle, after the verb of an incise
    ("Le texte est long.\n« On appelait cela une urgence sanitaire », a indiqué Kerscher.", "Kerscher", "named"),
    # a demonstrative described by its relative clause, and a quantified one, are unnamed sources
    ("Le texte est long.\nCeux qui ont quitté la vallée racontent que les digues ont cédé.",
     "ceux qui ont quitté la vallée", "unnamed"),
    ("Le texte est long.\nBeaucoup de ceux qui ont voté affirment que le scrutin était truqué.",
     "beaucoup de ceux qui ont voté", "unnamed"),
    ("Le texte est long.\n« Qui paiera la facture ? » a demandé l'un d'entre eux.", "l'un d'entre eux", "unnamed"),
    # the word after the determiner says who speaks, whatever the parser made the head
    ("Le texte est long.\nUn étudiant en troisième année de droit, qui avait manifesté, a dit : « Nous reviendrons. »",
     "un étudiant en troisième année de droit", "unnamed"),
    # a name before its apposition, an adverb opening a sentence is not one
    ("Le texte est long.\nMarc Oliveira, 34 ans, trésorier de l'« Association des pêcheurs », a déclaré que "
     "les quotas étaient injustes.", "Marc Oliveira", "named"),
    ("Le texte est long.\nToutefois, le ministère des Transports affirme que la ligne rouvrira.",
     "ministère des Transports", "named"),
    # a participle tagged as an adjective after its auxiliary is still a verb of saying
    ("Le texte est long.\nLe quotidien Le Phare a prétendu que j'avais quitté la ville.", "Le Phare", "outlet"),
    # "Name: first person" is that person speaking; a heading with a colon is not
    ("Le texte est long.\nRosa Delmas : J'ai été licenciée parce que j'étais syndiquée.", "Rosa Delmas", "named"),
    ("Le texte est long.\nBilan : nous avons perdu deux saisons.", None, "editorial"),
    # a quotation, its verb and the speaker after it, with no comma; an abbreviated honorific
    ('Le texte est long.\n" Une vraie honte pour la commune tout entière" a déclaré Mlle. Garnier.', "Garnier",
     "named"),
    # a quoted title before its verb is the subject, not a quotation closing before an incise
    ('Le texte est long.\nEt "Vigie" cite également cette interprétation des faits.', "Vigie", "outlet"),
    # a hyphenated subject clitic makes the word before it a verb, whatever the tagger said
    ('La juge Mona Petit a parlé.\nLe dossier "reste ouvert à toutes les hypothèses", analyse-t-elle.', "Mona Petit",
     "named"),
]



def test_authors_of_a_named_issuer_s_document_are_that_issuer(analyzer):
    text = ("Un rapport sur les inondations a été rédigé en 2019 par l'Institut Hydra de Lyon.\n"
            "Les digues anciennes, expliquent les chercheurs, ont cédé les premières.")
    _check(analyzer, text, "Institut Hydra", "named")
    far = text + "\n" + "\n".join(f"La rivière {n} a débordé au printemps dernier près du village." for n in range(40))
    _check(analyzer, far + "\nSelon les chercheurs, la crue reviendra.", "les chercheurs", "unnamed")


def test_a_run_of_sentences_addressed_to_someone_is_the_article_s(analyzer):
    text = ("« Les parents ne doivent pas céder à la panique », a déclaré la pédiatre Nora Vidal.\n"
            "Cela leur laisse du temps.\n"
            "Vous pouvez attendre et observer votre enfant.\n"
            "Vous avez un bébé en bonne santé.\n"
            "Vous n'avez pas à décider tout de suite.")
    claims = analyzer.analyze(text).claims
    assert [c.speaker_type for c in claims] == ["named"] + ["editorial"] * 4, claims


VIA_CASES = [
    # an outlet the speaker talks to, named after an outlet noun, relays the speaker
    ("« Nous tiendrons », a déclaré Hélène Vasseur au quotidien Le Phare du Nord.", "Hélène Vasseur", "named",
     ("Le Phare du Nord",)),
    # an outlet the article does not name relays all the same
    ("Le syndicaliste Tom Regnier a déclaré à un journal du dimanche que la grève durerait.", "Tom Regnier", "named",
     ("un journal du dimanche",)),
    # the kind of outlet may be qualified ("agence de presse", "quotidien espagnol")
    ("« Les réserves sont vides », a déclaré Pierre Valmont à l'agence de presse Reuters.", "Pierre Valmont",
     "named", ("Reuters",)),
    ("« Les réserves sont vides », a confié Pierre Valmont au quotidien espagnol El País.", "Pierre Valmont",
     "named", ("El País",)),
    # an interview is held with an outlet
    ("« La réforme arrive trop tard », regrette Marie Caron au cours de son entretien avec Le Figaro.",
     "Marie Caron", "named", ("Le Figaro",)),
    # the outlet's quoted words are the quotation's, and a place the speaker spoke about no relay
    ("« Nous irons à Reuters-ville », a déclaré Marie Caron à Lyon.", "Marie Caron", "named", ()),
    # whose outlet it is does not name it ("d'État", "de l'Armée"): an outlet the article describes
    ("« Le pays tiendra », a déclaré Marie Caron à la télévision d'État.", "Marie Caron", "named",
     ("la télévision d'État",)),
    ("« Le front tiendra », a dit le général Hugo Brant à la radio de l'Armée.", "Hugo Brant", "named",
     ("la radio de l'Armée",)),
    # a capitalised word that is no complement names the outlet: the name, not the description
    ("« Le pays tiendra », a déclaré Marie Caron à la télévision Horizon Sept.", "Marie Caron", "named",
     ("Horizon Sept",)),
]


def test_an_interview_given_or_an_appearance_on_an_outlet_relays_what_follows(analyzer):
    """An interview a person gave to an outlet (named, or described: "trois chaînes de télévision
    arabes"), or their appearance on one, relays what they say next; a visit is no interview."""
    text = ("Mais le plus notable a été une interview que Vladimir Ostrov a donnée à trois chaînes de télévision "
            "arabes avant sa visite.\n\n"
            "Dans l'interview, Vladimir Ostrov a annoncé qu'il voulait jouer un rôle de médiateur.\n\n"
            "Lors de son apparition au journal du soir sur la chaîne ABC, Gabrielle Dorval a eu du mal à marcher.\n\n"
            "« Il y a eu beaucoup de morts », a déclaré Gabrielle Dorval.\n\n"
            "Lors de son passage à Lyon, Jean Martin a visité une usine.\n\n"
            "« Tout va bien », a déclaré Jean Martin.")
    claims = {c.speaker: c.via for c in analyzer.analyze(text).claims if c.speaker}
    assert claims == {"Vladimir Ostrov": ("trois chaînes de télévision arabes",), "Gabrielle Dorval": ("ABC",),
                      "Jean Martin": ()}


@pytest.mark.parametrize(("text", "speaker", "speaker_type", "via"), VIA_CASES, ids=[c[0][:40] for c in VIA_CASES])
def test_outlets_spoken_to(analyzer, text, speaker, speaker_type, via):
    _check(analyzer, text, speaker, speaker_type, via=via)


def test_an_outlet_that_interviewed_people_relays_their_words(analyzer):
    text = ("« Les prix montent », a déclaré Léa Fournier, économiste, la semaine dernière.\n\n"
            "Le quotidien Le Phare a interrogé trois agriculteurs de la région. « Nous n'avons plus d'eau depuis "
            "des mois », explique Juan Ortega. Il ajoute que les puits sont à sec.\n\n"
            "Léa Fournier a répété que les prix allaient encore monter.")
    claims = analyzer.analyze(text).claims
    by_text = {c.text[:20]: (c.speaker, c.via) for c in claims}
    assert by_text["« Nous n'avons plus "] == ("Juan Ortega", ("Le Phare",))
    assert by_text["Il ajoute que les pu"] == ("Juan Ortega", ("Le Phare",))
    # quoted before the interview: not one of the people the outlet interviewed
    assert by_text["Léa Fournier a répét"] == ("Léa Fournier", ())
    # an outlet that only reports on people interviewed nobody
    text = ("Le quotidien Le Phare a publié une enquête sur les agriculteurs de la région. « Nous n'avons plus "
            "d'eau depuis des mois », explique Juan Ortega.")
    assert analyzer.analyze(text).claims[-1].via == ()


def test_a_subheading_ends_what_an_interviewing_outlet_relays(analyzer):
    text = ("Le quotidien Le Phare a interrogé trois agriculteurs de la région.\n"
            "« Nous n'avons plus d'eau depuis des mois », explique Juan Ortega.\n"
            "Ce que disent les experts\n"
            "Léa Fournier, hydrologue à l'université de Lyon, estime que les nappes baissent.\n"
            "« La sécheresse va durer », ajoute-t-elle.")
    claims = [(c.speaker, c.via) for c in analyzer.analyze(text).claims if c.speaker]
    assert claims == [("Juan Ortega", ("Le Phare",)), ("Léa Fournier", ()), ("Léa Fournier", ())]


def test_a_description_names_the_last_person_named_or_the_unnamed_speaker_it_repeats(analyzer):
    text = ("« Les stocks ont fondu », explique Paul Kessler, ancien officier.\n"
            "« Personne ne contrôle rien », affirme un expert.\n"
            "« La mafia s'est organisée », ajoute l'ancien officier.")
    _check(analyzer, text, "Paul Kessler", "named")
    text = ("« Les stocks ont fondu », a déclaré un expert.\n"
            "« Personne ne contrôle rien », ajoute l'expert.")
    _check(analyzer, text, "un expert", "unnamed")


def test_documents_read_are_not_new_sources(analyzer):
    text = ("Une étude a été publiée en 2020 par l'Institut Orion.\n"
            "Des spécialistes ont lu les rapports du ministère de la Santé.\n"
            "Selon les chercheurs, la moitié des lits manquent.")
    _check(analyzer, text, "Institut Orion", "named")


def test_an_acronym_stands_for_the_name_the_article_spells_out(analyzer):
    text = ("Le congrès du Mouvement démocrate de Savoie s'est tenu samedi.\n"
            "Le MDS réclame une nouvelle ligne de train vers Chambéry.")
    _check(analyzer, text, "Mouvement démocrate de Savoie", "named")
    alone = "Le MDS réclame une nouvelle ligne de train vers Chambéry."
    _check(analyzer, "Le congrès s'est tenu samedi.\n" + alone, "MDS", "named")


def test_a_person_introduced_by_a_first_name_is_what_il_points_to(analyzer):
    text = ("Le professeur Harry Pitt parlait depuis une heure.\n"
            "C'était un étudiant de première année, nommé Jamie, qui s'est présenté comme membre du club.\n"
            "« Je sais qui tu es », a-t-il dit, gentiment.")
    _check(analyzer, text, "Jamie", "named")


DOCUMENT_CASES = [
    # a news outlet's own product with no issuer: the outlet that broadcast it speaks
    ("Le texte est long.\nLe débat reste vif, selon un reportage diffusé sur Radio Lumière.", "Radio Lumière",
     "outlet"),
    # an impersonal "on" speaking in a document: the issuer the article named for it
    ("Une étude a été rédigée en 2021 par l'Observatoire Sirius.\n"
     "Les loyers ont doublé « en dix ans », explique-t-on dans l'étude.", "Observatoire Sirius", "named"),
    # a passive agent with a long title and the name closing the sentence
    ("Le texte est long.\nLe projet a été défendu par la présidente de la commission des finances et du budget "
     "de la région, Lucie Marchal.", "Lucie Marchal", "named"),
]



RELAY_CASES = [
    # the people an outlet cites are the source, the outlet relays them
    ("Le texte est long.\nSelon Reuters, citant des sources diplomatiques, les négociations ont échoué.",
     "des sources diplomatiques", "unnamed", ("Reuters",)),
    ("Le texte est long.\nDes sources sécuritaires citées par l'agence Anadolu affirment que le poste est tombé.",
     "des sources sécuritaires", "unnamed", ("Anadolu",)),
    # a name after a reporting verb and "sur" is the channel that published the words ...
    ("Le texte est long.\nUne infirmière a déclaré sur Radio Vallée qu'elle quitterait l'hôpital.",
     "une infirmière", "unnamed", ("Radio Vallée",)),
    # ... but a social network is the speaker's own post, and a place is a topic
    ("Le texte est long.\nUne infirmière a également écrit sur Facebook que l'hôpital fermerait.",
     "une infirmière", "unnamed", ()),
    ("Le texte est long.\nLa ministre Léa Pons a insisté sur Nord Stream devant les députés.",
     "Léa Pons", "named", ()),
    # an outlet between an incise's verb and its inverted subject
    ("Le texte est long.\n« C'est inacceptable », a déclaré sur France Inter la députée Claire Dumont.",
     "Claire Dumont", "named", ("France Inter",)),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type", "via"), RELAY_CASES,
                         ids=[c[0][18:58] for c in RELAY_CASES])
def test_outlets_citing_sources(analyzer, text, speaker, speaker_type, via):
    _check(analyzer, text, speaker, speaker_type, via=via)


def test_the_outlet_noun_alone_names_the_outlet_named_last(analyzer):
    text = ("Le Figaro a publié une enquête sur le contrat.\n"
            "Toujours selon le quotidien, le contrat aurait été signé en secret.")
    _check(analyzer, text, "Le Figaro", "outlet")


QUOTATION_RUN_CASES = [
    # no quotation mark, no cue, no first person: the article's own voice, even when it reads
    # like the speaker's words in the present right after the quotation (GUIDE §2)
    ("« Les digues tiendront cet hiver », a assuré l'ingénieure Maud Keller.\n"
     "Il est possible de renforcer les berges sans fermer la route.", None, "editorial"),
    ("« Les digues tiendront cet hiver », a assuré l'ingénieure Maud Keller.\n"
     "Il est possible de renforcer les berges sans fermer la route.\n"
     "Les habitants pourront rester chez eux.", None, "editorial"),
    # inside a quotation opened before it and closed after it, it is the quoted speaker's
    ("« Les digues tiendront cet hiver. Il est possible de renforcer les berges sans fermer la route. "
     "Les habitants pourront rester chez eux », a assuré l'ingénieure Maud Keller.", "Maud Keller", "named"),
    ("L'ingénieure Maud Keller a répondu : « Les digues tiendront cet hiver.\n"
     "Il est possible de renforcer les berges sans fermer la route.\n"
     "Les habitants pourront rester chez eux. »", "Maud Keller", "named"),
    # nor does narration in the past, a date, a name, a subheading or a question
    ("« Les digues tiendront cet hiver », a assuré l'ingénieure Maud Keller.\n"
     "La crue de la rivière a emporté deux ponts.", None, "editorial"),
    ("« Les digues tiendront cet hiver », a assuré l'ingénieure Maud Keller.\n"
     "Les travaux commencent le 3 mars.", None, "editorial"),
    ("« Les digues tiendront cet hiver », a assuré l'ingénieure Maud Keller.\n"
     "La mairie doit voter le budget des travaux la semaine prochaine.", None, "editorial"),
    ("« Les digues tiendront cet hiver », a assuré l'ingénieure Maud Keller.\n"
     "Keller dirige le chantier depuis dix ans.", None, "editorial"),
    ("« Les digues tiendront cet hiver », a assuré l'ingénieure Maud Keller.\n"
     "Un chantier sans fin", None, "editorial"),
    ("« Les digues tiendront cet hiver », a assuré l'ingénieure Maud Keller.\n"
     "Qui paiera les travaux ?", None, "editorial"),
    # the quotation must open the sentence before its cue: a report with a quote inside does not run on
    ("L'ingénieure Maud Keller a assuré que les digues « tiendront cet hiver ».\n"
     "Il est possible de renforcer les berges sans fermer la route.", None, "editorial"),
]


QUOTED_RETURN_CASES = [
    # a sentence all in quotation marks goes back to the quotation one or two lines of narration before
    ("« Il y a des centaines de clients à Moscou », a déclaré Nicole Marais, une représentante.\n"
     "Elle participait au salon pour la première fois.\n"
     "« Les clients sont tous bien préparés et ils paient comptant ».", "Nicole Marais", "named"),
    ("« Nous ouvrirons en mai », a annoncé la directrice Léa Gris.\n"
     "Le chantier a pris du retard.\nLes ouvriers sont revenus lundi.\n"
     "« Tout sera prêt à temps. »", "Léa Gris", "named"),
    # not past another speaker, nor further away
    ("« Nous ouvrirons en mai », a annoncé la directrice Léa Gris.\n"
     "Le maire Jean Brun a affirmé que le budget suivrait.\nLe chantier a pris du retard.\n"
     "« Tout sera prêt à temps. »", None, "editorial"),
    ("« Nous ouvrirons en mai », a annoncé la directrice Léa Gris.\n"
     "Le chantier a pris du retard.\nLes ouvriers sont revenus lundi.\nLa grue est arrivée.\n"
     "« Tout sera prêt à temps. »", None, "editorial"),
]

GROUP_BODY_CASES = [
    # bodies and groups that speak as one, unnamed without a name
    ("Le vote a lieu samedi.\nLa confrérie a appelé à une contre-manifestation.", "confrérie", "unnamed"),
    ("Le vote a lieu samedi.\nLa direction de l'hôpital a indiqué que les urgences resteraient ouvertes.",
     "direction de l'hôpital", "unnamed"),
    ("Le vote a lieu samedi.\nLa junte affirme avoir repris la ville.", "junte", "unnamed"),
    ("Le vote a lieu samedi.\nLe collectif dénonce une décision injuste.", "collectif", "unnamed"),
    # the same words as no speaker
    ("Le vote a lieu samedi.\nLa direction du vent a changé.", None, "editorial"),
]


BLOG_CASES = [
    # blogs and independent sites are outlets by name, aliases resolve to one name
    ("Le texte est long.\nSelon Moon of Alabama, les négociations ont échoué depuis longtemps.",
     "Moon of Alabama", "outlet"),
    ("Le texte est long.\nSwiss Policy Research rappelle que les chiffres officiels ont été révisés.", "SPR", "outlet"),
    ("Le texte est long.\nLe blog Les Crises affirme que le traité a été violé.", "Les Crises", "outlet"),
    # a name that is ordinary words matches with its capitals only
    ("Le texte est long.\nLes crises se succèdent dans la région depuis dix ans.", None, "editorial"),
]



PARTIAL_QUOTE_CASES = [
    # a sentence that weaves in a quotation right after a report goes on citing that source
    ("« Le port restera ouvert », a assuré la ministre Ana Ruiz.\n"
     "Une réforme lancée en 2020, qui « avait alors été perçue comme trop tardive par les dockers ».",
     "Ana Ruiz", "named"),
    # unless its subject names the person who speaks in it
    ("« Le port restera ouvert », a assuré la ministre Ana Ruiz.\n"
     "Le maire, Paul Brun, est venu inaugurer « le plus beau port de la côte atlantique ».", "Paul Brun", "named"),
    # a scare quote or a title is no quotation
    ("« Le port restera ouvert », a assuré la ministre Ana Ruiz.\n"
     "Le « pacte portuaire » sera signé en mai.", None, "editorial"),
    # after the article's own voice there is no one to go on citing
    ("Le port est fermé depuis le printemps.\n"
     "En « renforçant les digues du port », la ville veut protéger ses quais.", None, "editorial"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), PARTIAL_QUOTE_CASES,
                         ids=[c[0].split("\n")[-1][:40] for c in PARTIAL_QUOTE_CASES])
def test_a_partial_quotation_after_a_report_goes_on_citing_it(analyzer, text, speaker, speaker_type):
    claim = _check(analyzer, text, speaker, speaker_type)
    if speaker:
        assert claim.mode == "direct", claim


AS_CLAUSE_CASES = [
    # "comme" + reporting verb: the clause's own subject speaks, before or after the verb
    ("Le texte est long.\nLa réforme est largement acceptée, comme «Vigie» l'avait déjà écrit en mars.",
     "Vigie", "outlet"),
    ("Le texte est long.\nLa réforme est largement acceptée, comme l'a souligné l'économiste Paul Nadal.",
     "Paul Nadal", "named"),
    # never the main clause's subject, and a subject that cannot speak is no source
    ("Le texte est long.\nLa ville change vite, comme le montrent les chiffres.", None, "editorial"),
    # writing something is not reporting it: "écrire" reports with a clause, a colon or a quotation
    ("Le texte est long.\nIl écrivait deux chroniques par semaine dans la presse régionale.", None, "editorial"),
]



DOCUMENT_VERB_CASES = [
    # a document says what it presents: a plain object is enough when the subject is a document
    ("Le texte est long.\nLe rapport donnait également un aperçu des difficultés des familles.", "rapport", "unnamed"),
    ("Le texte est long.\nL'étude dresse un tableau sombre de la situation.", "étude", "unnamed"),
    ("Le texte est long.\nLe document se penche ensuite sur les raisons de cette décision.", "document", "unnamed"),
    # the same verbs with a person as subject are acts, not speech
    ("Le texte est long.\nLe ministre donne un aperçu de sa réforme aux députés.", None, "editorial"),
    # the issuer is the document's own complement, not a noun inside another one
    ("Le texte est long.\nL'enquête sur le rapt de deux Français au Niger montre des complicités locales.",
     "enquête", "unnamed"),
]



MANY_ARE_THOSE_CASES = [
    ("Le texte est long.\nMais désormais, nombreux sont ceux qui remettent en cause le fondement de la réforme.",
     "nombreux sont ceux qui", "unnamed"),
    ("Le texte est long.\nNombreux sont ceux qui affirment que la réforme a échoué.", "nombreux sont ceux", "unnamed"),
    ("Le texte est long.\nLa députée Marie Coste remet en question la réforme des retraites.", "Marie Coste", "named"),
]


STANCE_CASES = [
    # an adjective of belief as the predicate reports what its subject thinks
    ("Le texte est long.\nLes médecins étaient convaincus que l'enfant serait une fille.", "les médecins", "unnamed"),
    ("Le texte est long.\nLe ministre Paul Durand est persuadé que la crise passera.", "Paul Durand", "named"),
    ("Le texte est long.\nLes auteurs de la pétition sont certains que la loi n'empêchera pas les crimes.",
     "les auteurs de la pétition", "unnamed"),
    # impersonal "il est certain que" is the article's voice; without a clause it is a description
    ("Le texte est long.\nIl est certain que la crise passera.", None, "editorial"),
    ("Le texte est long.\nLa population est inquiète depuis la fermeture de l'usine.", None, "editorial"),
]



def test_the_authors_of_another_document_are_not_the_last_issuer(analyzer):
    text = ("Une pétition est apparue sur le Net.\n"
            "Selon les statistiques du ministère de la Santé, les urgences ont reçu dix mille patients.\n"
            "Les auteurs de la pétition affirment que les urgences manquent de lits.")
    claims = analyzer.analyze(text).claims
    assert claims[1].speaker_type == "named"
    assert claims[2].speaker_type == "unnamed" and "pétition" in claims[2].speaker, claims[2]


EXPERIENCER_CASES = [
    # whoever feels is the source: the object of the active verb ...
    ("Le texte est long.\nLes violences à Lyon ont alarmé les Etats-Unis et plusieurs pays européens.",
     "Etats-Unis", "named"),
    ("Le texte est long.\nLa création d'un axe terroriste au Sahel inquiète tous les spécialistes de la région.",
     "tous les spécialistes de la région", "unnamed"),
    # ... the subject of the passive
    ("Le texte est long.\nLes journaux lyonnais ont été choqués par les violences de la nuit.",
     "Les journaux lyonnais", "outlet"),
    # the pronominal verb reports as itself, a negated feeling voices nothing, and a storm is no source's
    ("Le texte est long.\nParis s'inquiète des liens entre les deux groupes.", "Paris", "named"),
    ("Le texte est long.\nLa hausse des prix n'inquiète pas le gouvernement.", None, "editorial"),
    ("Le texte est long.\nLa tempête a effrayé les chevaux du haras.", None, "editorial"),
]



def test_a_straight_quotation_runs_on_to_a_closing_mark_a_line_or_two_below(analyzer):
    from claimtrack.engine.text.quotes import find_quotes

    text = ('Le conseiller Luc Noir a déclaré à un journal local "qu\'il y a un parti pris dans la mairie.\n'
            'Les gens pensent que nous sommes des fous sans même nous connaître."\n'
            'La séance a duré trois heures.\n'
            '"Comment font-ils donc?" a demandé une habitante.\n'
            'Ils se moquent de nous, n\'est-ce pas?"\n'
            'Le budget du Léman sera voté en juin, la définissant de "sobre" pour la saison.\n'
            'Un budget " sobre" est annoncé.')
    quotes = [text[q.start:q.end] for q in find_quotes(text)]
    assert quotes[0].startswith('"qu\'il y a') and quotes[0].endswith('connaître."')  # over two lines
    assert 'Ils se moquent de nous, n\'est-ce pas?"' in quotes  # its opening mark dropped
    claims = analyzer.analyze(text).claims
    assert claims[1].speaker == "Luc Noir" and claims[1].mode == "direct"
    assert claims[2].speaker_type == "editorial"
    assert claims[4].speaker_type == "unnamed" and claims[4].mode == "direct"


def test_an_unbalanced_straight_mark_stops_at_three_lines(analyzer):
    from claimtrack.engine.text.quotes import find_quotes

    text = ('Il a dit "oui à tout.\nLa suite sans guillemet.\nEncore une ligne.\nEt une autre.\n'
            'Le mot "test" revient.\nIls sont partis."')
    quotes = [text[q.start:q.end] for q in find_quotes(text)]
    assert quotes[0] == '"oui à tout.'
    assert not any("Encore une ligne" in q for q in quotes)


GLOSS_CASES = [
    # an acronym in brackets abbreviates the noun before it; a name after "du quartier" is a place
    ("Le texte est long.\nLes membres de l'association des locataires (ALR) du quartier Nord ont déclaré "
     "qu'ils étaient isolés.", "les membres de l'association des locataires", "unnamed"),
    ("Le texte est long.\nLe président de la Ligue des droits de l'homme (LDH) a déclaré que la loi était injuste.",
     "président de la Ligue", "unnamed"),
    # a person's name in brackets, or after a title and a complement, is who speaks
    ("Le texte est long.\nLe porte-parole (Marc Lenoir) a déclaré que la loi était injuste.", "Marc Lenoir", "named"),
    ("Le texte est long.\nLe maire du village Pierre Dupont a déclaré que la loi était injuste.",
     "Pierre Dupont", "named"),
    ("Le texte est long.\nL'Organisation mondiale de la santé (OMS) a déclaré que l'épidémie reculait.",
     "Organisation mondiale de la santé", "named"),
]



def test_a_line_whose_opening_mark_was_dropped_keeps_its_own_cue(analyzer):
    text = ("Le texte est long.\n"
            "Dans d'autres villes, les commerçants disent être traités comme des boucs émissaires de la crise.\"\n"
            "La ville a bien changé \" a déclaré Ella Mirande, une ancienne institutrice du quartier.\"")
    claims = analyzer.analyze(text).claims
    assert claims[1].speaker_type == "unnamed" and "commerçants" in claims[1].speaker, claims[1]
    assert claims[2].speaker == "Ella Mirande", claims[2]


def test_ils_stands_for_the_people_a_plural_clause_had_for_subject(analyzer):
    text = ("« Les documents seront publiés », a déclaré la porte-parole Anne Roy.\n"
            "Le conseiller Luc Sorel, accompagné du directeur Marc Vidal, rencontrent la diplomate Eva Stone.\n"
            "Ils lui expliquent que la méthode française a fait ses preuves.\n"
            "Des experts du ministère estiment que la méthode est coûteuse.\n"
            "Ils ajoutent qu'elle a fait ses preuves.")
    claims = analyzer.analyze(text).claims
    assert claims[2].speaker == "Luc Sorel et Marc Vidal", claims[2]
    assert claims[4].speaker_type == "unnamed" and "experts" in claims[4].speaker, claims[4]  # a group spoke since


def test_an_interview_of_someone_else_relays_that_person_next(analyzer):
    text = ("Le Kremlin a assuré jeudi que le conflit ne se trouvait pas dans une impasse, contestant des propos "
            "du général Pavel Orlov dans un entretien à The Economist.\n"
            "« Nous avons atteint un niveau technologique qui nous bloque », avait déclaré Pavel Orlov.\n"
            "« Il n'y aura pas de percée », avait-il ajouté.\n"
            "Le ministre Ivan Sokol a déclaré que le front tenait.")
    claims = analyzer.analyze(text).claims
    assert claims[0].speaker == "Kremlin" and claims[0].via == ()
    assert [c.via for c in claims[1:3]] == [("The Economist",)] * 2
    assert claims[3].via == ()


def test_a_relayed_interview_does_not_go_on_without_marks(analyzer):
    # what follows a relayed interview in the present, without marks, cue or first person, is the
    # article's (GUIDE §2), however much it reads like the interview
    text = ("« Le pays tiendra », a déclaré le président Marco Ruiz à la télévision d'État, Canal Uno.\n"
            "Il a ajouté que l'économie repartait.\n"
            "« Nous avons des réserves pour deux ans », a-t-il assuré.\n"
            "Il a aussi précisé que les banques resteraient ouvertes.\n"
            "Pour le moment, ce plan n'est pas appliqué.\n"
            "Les conflits sont inévitables.")
    claims = analyzer.analyze(text).claims
    assert [c.speaker for c in claims[:4]] == ["Marco Ruiz"] * 4, claims[:4]
    assert [c.speaker_type for c in claims[4:]] == ["editorial"] * 2, claims[4:]


def test_a_report_without_relay_does_not_run_on(analyzer):
    text = ("Le président Marco Ruiz a déclaré que le pays tiendrait.\n"
            "Il a ajouté que l'économie repartait.\n"
            "Il a aussi précisé que les banques resteraient ouvertes.\n"
            "Pour le moment, ce plan n'est pas appliqué.")
    assert analyzer.analyze(text).claims[-1].speaker_type == "editorial"


def test_a_movement_in_the_compound_past_ends_a_quotation_run(analyzer):
    text = ("« Les digues tiendront cet hiver », a assuré l'ingénieure Maud Keller.\n"
            "Elle est retournée sur le chantier.")
    assert analyzer.analyze(text).claims[-1].speaker_type == "editorial"


CONTENTLESS_SPEECH_CASES = [
    # a purpose infinitive says what someone came to do, unless it reports a clause
    ("Le texte est long.\nLes chanteurs Léa Roy et Marc Bel sont venus au festival pour rendre hommage à Nina Simone.",
     None, "editorial"),
    ("Le texte est long.\nLe ministre Paul Durand a convoqué la presse pour annoncer que la réforme était retirée.",
     "Paul Durand", "named"),
    # "s'exprimer" reports what is said, not that someone spoke
    ("Le texte est long.\nAprès plusieurs jours de silence, le Dr Paul Vidal s'est exprimé vendredi par son avocat.",
     None, "editorial"),
    ("Le texte est long.\nLa ministre Ana Ruiz s'est exprimée sur le sujet : « Nous ne céderons pas ».",
     "Ana Ruiz", "named"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), [
    # a gerund the tagger read as an adjective still reports for the main clause's subject
    ("Le texte est long.\nFinalement, la reine Sofia Lind a fini son intervention en encourageant les personnes "
     "présentes à participer au débat.", "Sofia Lind", "named"),
    ("Le texte est long.\nLe maire Paul Bon a inauguré le pont en affirmant que la ville respirerait enfin.",
     "Paul Bon", "named"),
    ("Le texte est long.\nLe maire Paul Bon a traversé le pont en courant.", None, "editorial"),
], ids=["en encourageant", "en affirmant", "en courant"])
def test_a_gerund_reports_for_the_main_subject(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), [
    # "vouloir que" voices a demand; "vouloir" + infinitive is an intention
    ("Le texte est long.\nLes étudiants conservateurs veulent qu'il y ait un représentant au comité.",
     "les étudiants conservateurs", "unnamed"),
    ("Le texte est long.\nLe ministre Paul Durand veut partir en vacances.", None, "editorial"),
    # a noun in "-er" after "être" is no reporting verb, whatever the tagger says
    ("Le texte est long.\nLe ministre Paul Durand était conseiller du président depuis dix ans.", None, "editorial"),
], ids=["veulent que", "veut partir", "était conseiller"])
def test_wanting_that_is_a_demand_and_an_adviser_is_no_advice(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), [
    # an indefinite description the article names elsewhere in the same words is that name
    ("Une figure du mouvement de contestation à Lyon a qualifié la loi de scandale.\nLa loi passe mardi.\n"
     "Léa Marin, figure du mouvement de contestation à Lyon, manifestera.", "Léa Marin", "named"),
    ("Il faut fermer la centrale, dit un comité d'experts.\n"
     "Le comité d'experts de la Société royale du Canada a rendu son rapport.",
     "comité d'experts de la Société royale du Canada", "named"),
    # one word is too little to know it is the same one, and an outlet is nobody's name
    ("Un habitant a déclaré que la rue était dangereuse.\nPaul Roy, habitant du quartier, se tait.",
     "un habitant", "unnamed"),
    ("Selon la BBC, une personne intersexuée aurait dit que la loi était injuste.", "une personne", "unnamed"),
], ids=["figure du mouvement", "comité d'experts", "un habitant", "selon la BBC"])
def test_an_indefinite_description_named_elsewhere(analyzer, text, speaker, speaker_type):
    claim = analyzer.analyze(text).claims[0]
    assert claim.speaker_type == speaker_type and speaker.lower() in claim.speaker.lower(), claim


def test_a_poll_and_a_report_keep_their_own_issuers(analyzer):
    text = ("Le rapport de la Commission Vidal recommande de légaliser le suicide assisté.\n"
            "Selon un sondage Ipsos Nord effectué en 2020, 60% des habitants veulent une loi.\n"
            "Quant aux médecins, les sondés estiment à 40% qu'ils ne devraient pas être poursuivis.\n"
            "La situation est moins claire pour les mineurs, disent les auteurs du rapport.")
    claims = analyzer.analyze(text).claims
    assert claims[1].speaker == "Ipsos Nord"  # the name right after the poll issued it
    assert claims[2].speaker == "Ipsos Nord" and claims[2].speaker_type == "named"  # its respondents
    assert "Commission Vidal" in claims[3].speaker, claims[3]  # the report's authors, not the poll's


BARE_INFINITIVE_CASES = [
    # a bare infinitive right after a verb of saying or thinking reports ("prétend avoir", "dit être") ...
    ("Le texte est long.\nLe maire Paul Roy prétend avoir réglé le problème des inondations.", "Paul Roy", "named"),
    # ... but after a verb of intention or will it is a plan ("souhaiter faire" too; "espérer faire" reports a hope)
    ("Le texte est long.\nLe maire Paul Roy pense partir en vacances demain.", None, "editorial"),
    ("Le texte est long.\nDes élus souhaitaient faire passer une route dans le village.", None, "editorial"),
]


@pytest.mark.parametrize(("text", "speaker"), [
    # a short quoted name belongs to the mention: a user name, an association's name before the person's
    ('Le colonel Victor Baranets a parlé.\n"Sans permis, bien sûr", demande l\'utilisateur "Ivan" sur le forum.',
     "Ivan"),
    ('Le colonel Victor Baranets a parlé.\n"Il reçoit une photo", explique le secrétaire de l\'association '
     '" Droit à une arme", Dmitry Kislov.', "Dmitry Kislov"),
], ids=["user name", "association name"])
def test_a_quoted_name_inside_the_speaker_mention(analyzer, text, speaker):
    _check(analyzer, text, speaker, "named")


def test_a_pronoun_agrees_in_gender_with_whoever_it_stands_for(analyzer):
    text = ("« Nous tiendrons », a déclaré le président Paul Marin.\n"
            "« Nous tiendrons aussi longtemps qu'il le faudra », a répondu le commandant en chef, Luc Ferrand.\n"
            "Lors de la visite de la présidente de la Commission, Léa Dumont, à Kiev, la dirigeante compte aborder "
            "le soutien militaire, a-t-elle déclaré à des journalistes.\n"
            "Il a ajouté que les troupes tiendraient.")
    claims = analyzer.analyze(text).claims
    assert claims[2].speaker == "Léa Dumont", claims[2]  # not the men who spoke before
    assert claims[3].speaker == "Luc Ferrand", claims[3]  # "il": the last man, past the woman


def test_a_man_called_monsieur_is_no_elle(analyzer):
    text = ("« Le pont tiendra », a déclaré M. Paul Marin.\n"
            "« Les travaux finiront en mai », a-t-elle ajouté, selon Mme Léa Dumont, l'ingénieure du chantier.")
    claims = analyzer.analyze(text).claims
    assert claims[1].speaker != "Paul Marin", claims[1]


def test_a_states_documents_speak_for_its_body_the_article_names(analyzer):
    text = ("Les télégrammes suédois obtenus par Le Monde montrent que Stockholm a hésité.\n"
            "L'ambassade suédoise à Oslo le savait depuis longtemps.")
    claim = analyzer.analyze(text).claims[0]
    assert claim.speaker_type == "named" and claim.speaker.startswith("ambassade suédoise"), claim
    assert claim.via == ("Le Monde",)
    lone = analyzer.analyze("Les télégrammes suédois montrent que Stockholm a hésité.").claims[0]
    assert lone.speaker_type == "named" and "télégrammes suédois" in lone.speaker, lone  # no body named


def test_an_outlet_by_its_name_relays_the_documents_it_obtained(analyzer):
    text = ("Les télégrammes suédois obtenus par Radio Nord montrent que Stockholm a hésité.\n"
            "L'ambassade suédoise à Oslo le savait depuis longtemps.")
    claim = analyzer.analyze(text).claims[0]
    assert claim.speaker_type == "named" and claim.via == ("Radio Nord",), claim


def test_a_described_person_is_the_protagonist_of_the_same_gender(analyzer):
    base = ("Le boxeur Karim Zanal a gagné le tournoi de Pékin.\nZanal s'entraîne depuis dix ans.\n"
            "Le public aime Zanal.\n")
    young_man = analyzer.analyze(base + "« La compétition était rude », a expliqué le jeune homme.").claims[-1]
    assert young_man.speaker == "Karim Zanal", young_man
    young_woman = analyzer.analyze(base + "« C'est une belle victoire », a dit la jeune femme.").claims[-1]
    assert young_woman.speaker_type == "unnamed", young_woman


def test_a_father_and_his_son_are_two_people_a_nickname_is_one(analyzer):
    from claimtrack.engine.speakers.names import Person, _short_for

    assert _short_for(Person("Nacer Zemmal", 0), Person("Nacereddine Zemmal", 0))
    assert not _short_for(Person("David Hallyday", 0), Person("Johnny Hallyday", 0))
    text = ("Johnny Hallyday est hospitalisé.\nDavid Hallyday est arrivé.\nHallyday va mieux.\n"
            "Le fils du chanteur a assuré qu'il irait à l'hôpital.")
    assert analyzer.analyze(text).claims[-1].speaker != "Johnny Hallyday"


LONG_SUBJECT_CASES = [
    # after a long apposition the person at the head of the sentence speaks, not the last noun before the verb
    ("Le texte est long.\nMais le Dr Anne Roy, radiologue à Lyon, dont la fille est malade et qui aide des milliers "
     "de personnes dans un groupe de soutien, a déclaré que la loi aidera les parents.", "Anne Roy", "named"),
    ("Le texte est long.\nLa ministre Léa Pons, qui revient des mammographies à Pittsburgh, a déclaré que la loi "
     "passerait.", "Léa Pons", "named"),
]


FIRST_NAME_AS_VERB_CASES = [
    # "Alondra" reads as a future tense; the entity and the surname hung on it say it is a name
    ('Les jumelles Alondra et Alexia Kenon visitent la ville.\n'
     '"La ville est belle", Alondra Kenon a déclaré après la messe.', "Alondra Kenon", "named"),
]


FIRST_PERSON_RETURN_CASES = [
    # narration about the quoted speaker pauses the quotation; "je" outside quotes is still theirs
    ("« Je savais que je partirais », a déclaré Marc Lavoie à la radio.\nÀ 20 ans, il a quitté la ferme.\n"
     "Ce qu'il a trouvé en ville l'a déçu.\nJ'ai perdu dix ans de ma vie.", "Marc Lavoie", "named"),
]


DESCRIBED_PERSON_CASES = [
    # "le sympathique gaillard" (two adjectives to the tagger): the person last named as a subject
    ("Le concert a eu lieu samedi à Québec.\nLe chanteur Marc Dion a joué deux heures.\n"
     "« La salle était pleine », a raconté le sympathique gaillard.", "Marc Dion", "named"),
    # with nobody named before, no guess: neither a name nor an unnamed "gaillard"
    ("Le concert a eu lieu samedi à Québec.\n« La salle était pleine », a raconté le sympathique gaillard.",
     None, "editorial"),
]


QUOTED_HANDLE_CASES = [
    # an incise whose subject is a handle or a pseudonym in quotation marks
    ('Sur le forum, les messages se multiplient.\n"Je cherche un fusil de chasse", écrit "Loup92" dans sa demande.',
     "Loup92", "named"),
    ("Sur le forum, les messages se multiplient.\n« Je cherche un fusil de chasse », a répondu « Vieux Renard » "
     "le lendemain.", "Vieux Renard", "named"),
    ("Le livre sort en mai.\n« Un roman sombre », écrit « Le Monde » dans sa critique.", "Le Monde", "outlet"),
    # after "comme", and a title holding a participle
    ("Le texte est long.\nComme l'a révélé « Le Canard enchaîné », le ministre a été payé deux fois.",
     "Canard enchaîné", "outlet"),
    # a quoted sentence after the verb is no handle
    ("Le texte est long.\nLe maire a répondu « Je pars demain » aux journalistes.", "maire", "unnamed"),
]


COUNTED_PEOPLE_CASES = [
    # a quantifier the parser makes the subject, with the people it counts; "avoir peur que" voices a fear
    ("Le texte est long.\nBeaucoup d'habitants ont peur que la ville disparaisse.", "beaucoup d'habitants",
     "unnamed"),
    ("Le texte est long.\nCertains des riverains ont toujours peur qu'une crue emporte le pont.",
     "certains des riverains", "unnamed"),
    ("Le texte est long.\nLes enfants ont peur du noir.", None, "editorial"),  # a fear of something, no claim
]


ANALYSIS_CASES = [
    # making an analysis or stating a finding is a judgement voiced; a lab test is not
    ("Le texte est long.\nBerlin semble faire une analyse similaire.", "Berlin", "named"),
    ("Le texte est long.\nLes experts font la même analyse.", "les experts", "unnamed"),
    ("Le texte est long.\nLa ministre Anne Roy fait le constat que la ville a changé.", "Anne Roy", "named"),
    ("Le texte est long.\nLe laboratoire fait une analyse de sang.", None, "editorial"),
]


ELIDED_ADVERB_CASES = [
    # "a d'ailleurs invoqué": an adverb in two tokens between the auxiliary and its participle
    ("Le texte est long.\nLe sénateur Paul Roy, qui a d'ailleurs invoqué un dialogue ouvert sur la race, est parti.",
     "Paul Roy", "named"),
    ("Le texte est long.\nLa ministre Anne Roy a d'abord affirmé que la ville changera.", "Anne Roy", "named"),
    # the relative's antecedent is a name the tagger misreads ("Obama/PRON"), its entity still says it
    ("Le texte est long.\nMême en année d'élection, le sénateur Barack Obama, qui a d'ailleurs invoqué un dialogue "
     "ouvert sur la race, beaucoup ici restent prudents.", "Barack Obama", "named"),
]


QUOTATION_RELATIVE_CASES = [
    # a quotation, then a relative clause whose object it is: the relative's subject said it
    ("Le texte est long.\n« Nous ne céderons pas », c'est ce qu'a déclaré le ministre Paul Roy.", "Paul Roy", "named"),
    ("Le texte est long.\n« Repousser les limites du nord » : telle est l'ambition que Léa Pons a présentée hier.",
     "Léa Pons", "named"),
    # with no quotation, a relative clause reports nothing of the sentence
    ("Le texte est long.\nLe projet que le maire Paul Roy a présenté hier coûtera cher.", None, "editorial"),
    ("Le texte est long.\nIl n'était pas d'accord avec tout ce qu'avait dit Mme Thatcher.", None, "editorial"),
]


def test_a_sentence_giving_whole_the_words_quoted_before_is_the_same_speakers(analyzer):
    text = ("Le pont « sera rouvert avant l'été », a assuré lundi le maire Paul Roy.\n"
            "Le pont sera rouvert avant l'été.\nLes travaux ont coûté deux millions.")
    claims = analyzer.analyze(text).claims
    assert claims[1].speaker == "Paul Roy" and claims[1].mode == "direct"
    assert claims[2].speaker_type == "editorial"  # the article's own figure, no repeated words


NEWS_PATTERN_CASES = [
    # the narrative infinitive with a whole noun phrase for subject; not a noun's complement
    ("Le sous-marin est rentré lundi.\nEt la Marine nationale de certifier que le programme tient.",
     "Marine nationale", "named"),
    ("Le sous-marin est rentré lundi.\nEt le ministre de répondre que tout allait bien.", "ministre", "unnamed"),
    ("Le sous-marin est rentré lundi.\nEt la possibilité de répondre existe toujours.", None, "editorial"),
    # a participle the tagger cannot read ("tweeté/X") after its auxiliary
    ("Le texte est long.\n« Nous ne céderons pas », a tweeté le président Paul Roy.", "Paul Roy", "named"),
    # a comme-clause opening the sentence
    ("Le texte est long.\nComme l'a rapporté Le Monde, la ministre envisage de démissionner.", "Le Monde", "outlet"),
    # a name opening on a capitalised article after an outlet noun and its adjective
    ("Le texte est long.\nD'après le quotidien espagnol El País, le gouvernement prépare un remaniement.",
     "El País", "outlet"),
    # "appeler à" + a noun is a speech act (GUIDE), as "appeler à" + an infinitive
    ("Le texte est long.\nLe président Paul Roy a appelé à la retenue.", "Paul Roy", "named"),
    ("Le texte est long.\nL'ONU a appelé au calme.", "ONU", "named"),
    # a judgement with an object and its attribute; judging a case is no judgement voiced
    ("Le texte est long.\nLes experts interrogés par Le Parisien jugent la mesure inefficace.", "les experts",
     "unnamed"),
    ("Le texte est long.\nLe tribunal juge l'affaire mardi.", None, "editorial"),
    # a capitalised portfolio and a person's name run together: the person apposed speaks
    ("Le texte est long.\nInterrogée sur France Inter, la ministre de la Culture Rachida Dati a défendu la réforme.",
     "Rachida Dati", "named"),
    # an incise after a clause whose present tense the tagger read as a participle ("presse")
    ("Le texte est long.\nLe temps presse, insiste la présidente de l'association, Marie Lenoir.", "Marie Lenoir",
     "named"),
    # threats and fears are voiced with a noun object too; a flood threatens nobody in words
    ("Le texte est long.\nUn responsable du Hezbollah a menacé Israël de représailles.", "un responsable du Hezbollah",
     "unnamed"),
    ("Le texte est long.\nLa population craint une nouvelle vague de violences.", "la population", "unnamed"),
    ("Le texte est long.\nL'inondation menace la ville.", None, "editorial"),
    # "au micro de", "sur le plateau de" an outlet: spoken to, a via
    ("Le texte est long.\n« Je suis fatigué », a confié Paul Roy au micro de RTL.", "Paul Roy", "named"),
    # knowing "de bonne source" is having been told; knowing how to swim is no report
    ("Le texte est long.\nL'ambassade américaine le sait de bonne source.", "ambassade américaine", "named"),
    ("Le texte est long.\nLe ministre Paul Roy tient de source sûre que le vote aura lieu.", "Paul Roy", "named"),
    ("Le texte est long.\nLe journaliste sait nager.", None, "editorial"),
    # a state's diplomacy speaks for it
    ("Le texte est long.\nLa diplomatie française a exhorté les deux camps au dialogue.", "diplomatie française",
     "named"),
    # a dateline's dash is no part of the subject; the dispatch's first source is relayed by its outlet
    ("MOSCOU (AFP) - Le Kremlin a affirmé lundi que la Russie n'était pas impliquée.", "Kremlin", "named"),
    # a name apposed to the sentence's opening noun phrase is its subject, for a later "il"
    ("Le texte est long.\nLe ministre de l'Intérieur, Gérald Darmanin, était à Lyon mardi.\n"
     "Il a affirmé que la sécurité serait renforcée.", "Gérald Darmanin", "named"),
]


def test_a_signed_box_belongs_to_its_signature(analyzer):
    """A box whose last line has no full stop, signed by a line naming a person and what they
    are: the signature is no claim, the box's lines are the person's; the narration before is
    not."""
    text = ("Le marché noir des armes prospère à Lyon.\n\nLes revendeurs utilisent des messageries chiffrées.\n\n"
            "Un vendeur a refusé de répondre.\n\nJ'ai cherché sur des forums pendant des semaines.\n\n"
            "J'ai vu des fusils vendus comme des téléphones\n\nPaul Mercier, ancien policier\n\n"
            "La police prépare une nouvelle loi.\n")
    analysis = analyzer.analyze(text)
    by_text = {c.text: c for c in analysis.claims}
    assert "Paul Mercier, ancien policier" not in by_text
    assert [s.kind for s in analysis.segments if text[s.start : s.end].startswith("Paul Mercier")] == ["caption"]
    for line in ("J'ai cherché sur des forums pendant des semaines.", "J'ai vu des fusils vendus comme des téléphones"):
        assert by_text[line].speaker == "Paul Mercier" and by_text[line].speaker_type == "named"
    assert by_text["Un vendeur a refusé de répondre."].speaker_type == "editorial"
    assert by_text["La police prépare une nouvelle loi."].speaker_type == "editorial"


def test_a_signature_after_a_finished_line_is_no_box(analyzer):
    text = ("Le marché noir des armes prospère à Lyon.\n\nJ'ai vu des fusils vendus comme des téléphones.\n\n"
            "Paul Mercier, ancien policier\n")
    by_text = {c.text: c for c in analyzer.analyze(text).claims}
    assert by_text["J'ai vu des fusils vendus comme des téléphones."].speaker != "Paul Mercier"


@pytest.mark.parametrize("insertion", ["assis dans son bureau", "assis dans son bureau, face au lac, là où il est né"])
def test_an_insertion_between_the_verb_and_its_clause(analyzer, insertion):
    text = f"Le texte est long.\nMais le maire Paul Roy ajoute en outre, {insertion}, qu'il ne partira pas."
    _check(analyzer, text, "Paul Roy", "named")


# an inverted speaker clause inside the sentence, between commas, whatever follows its subject
MID_SENTENCE_INCISE_CASES = [
    ("La digue, a expliqué le maire Paul Roy, tiendra jusqu'au printemps.", "Paul Roy", "named"),
    ("La digue, a reconnu jeudi le directeur du port, ne tiendra pas.", "le directeur du port", "unnamed"),
    # adjuncts after the inverted subject: the subject before the incise is not the speaker
    ("La flotte, a affirmé un marin sous couvert d'anonymat, manque de carburant.", "un marin", "unnamed"),
    ("La flotte, a dit un amiral à la radio, manque de carburant.", "un amiral", "unnamed"),  # via: la radio
    # an incise inside an infinitive's clause: no obligation over the incise ("Il faut, écrit X, …")
    ("Il faut, écrit le sociologue Marc Henry dans son essai, réduire la dette.", "Marc Henry", "named"),
    # a clitic incise, the pronoun resolved to the person named before
    ("La ministre Anne Duval a visité le port.\nLes travaux, a-t-elle ajouté, reprendront la semaine prochaine.",
     "Anne Duval", "named"),
]

# a determiner and a time noun date the verb: no inverted subject ("reprendront la semaine prochaine")
DATED_PHRASE_CASES = [
    ("Les travaux, a-t-il dit, reprendront le mois prochain.", "il", "unnamed"),
    ("« Le port rouvrira », a déclaré ce matin le maire Paul Roy.", "Paul Roy", "named"),
    ("La digue cédera, a averti la semaine dernière l'ingénieure Maud Keller.", "Maud Keller", "named"),
]

# a judgement whose short attribute comes before its object, the verb tagged as a noun
ATTRIBUTE_FIRST_CASES = [
    ("Madrid juge « irresponsables » les propos du ministre.", "Madrid", "named"),
    ("Ottawa juge inacceptables les sanctions annoncées.", "Ottawa", "named"),
]

# a document named by the body that made it, apposed without "de" ("un sondage Ifop")
APPOSED_ISSUER_CASES = [
    ("Selon un sondage Elabe publié lundi, 40 % des électeurs hésitent.", "Elabe", "named"),
    ("D'après le rapport Durand, la réforme coûtera deux milliards.", "Durand", "named"),
]

# "agence", "site", "chaîne" qualified as something other than the press name no outlet
NON_PRESS_BODY_CASES = [
    ("L'agence de notation Fitch a relevé la note du Portugal, estimant que la dette baisserait.", "Fitch",
     "named"),
    ("L'agence spatiale Roscosmos a annoncé le report du lancement.", "Roscosmos", "named"),
    ("L'agence Reuters a annoncé le report du lancement.", "Reuters", "outlet"),
]

# speech acts of the lexicon's newer classes, with their frames; multiword cues whose participle
# the tagger reads as an adjective, or whose verb of motion takes être in the active
SPEECH_ACT_CASES = [
    ("Sur son blog, le juriste Marc Henry ironise sur la réforme des retraites.", "Marc Henry", "named"),
    ("La sénatrice Anne Duval s'est élevée contre la fermeture de la maternité.", "Anne Duval", "named"),
    ("Le maire Paul Roy est monté au créneau pour défendre le projet.", "Paul Roy", "named"),
    ("La ministre Anne Duval a minimisé la portée de la grève.", "Anne Duval", "named"),
    ("« Nous verrons bien », sourit le maire Paul Roy.", "Paul Roy", "named"),
    # the same verbs in another sense report nothing
    ("Les loyers se sont élevés de 4 % en un an.", None, "editorial"),
    ("La grève a continué de paralyser les transports.", None, "editorial"),
    ("Le conseil a adopté un plan prévoyant la fermeture de deux écoles.", None, "editorial"),
]

# a noun the tagger gives a reporting verb's form, between an insertion's comma and "que"
VERB_READ_AS_NOUN_CASES = [
    ("L'ancien préfet, aujourd'hui retraité, juge que la réforme échouera.", "ancien préfet", "unnamed"),
]

# "selon le quotidien madrilène": a definite outlet noun with adjectives only is the outlet named last
DESCRIBED_OUTLET_CASES = [
    ("Le quotidien La Razón a publié une enquête.\nSelon le quotidien madrilène, le ministre va démissionner.",
     "La Razón", "outlet"),
]

# a clause whose colon opens a quotation: its subject says it; a quoted list of things is no one's words
CLAUSE_COLON_CASES = [
    ("Le maire Paul Roy a été ferme : « Nous ne rouvrirons pas l'usine. »", "Paul Roy", "named"),
    ("Le syndicat a une seule exigence : « Les salaires doivent augmenter. »", "syndicat", "named"),
    ("La ville a deux visages : « le port et la vieille ville ».", None, "editorial"),
    ("Le maire Paul Roy n'a pas été clair : « Nous verrons bien. »", None, "editorial"),
]

# a quotation with no cue of its own, right after the sentence that brings a person in
INTRODUCED_QUOTATION_CASES = [
    ("Marc Aubry, 52 ans, est pêcheur à Sète.\n« Je n'ai jamais vu la mer aussi chaude. »", "Marc Aubry", "named"),
    ("La ministre Anne Duval a visité le chantier mardi.\n« Les travaux avancent bien et nous tiendrons les délais. »",
     "Anne Duval", "named"),
    ("Le port a fermé mardi.\n« Les travaux avancent bien et nous tiendrons les délais. »", None, "editorial"),
]

# "ils" after a plural subject that could speak, when no one spoke since
PLURAL_SUBJECT_CASES = [
    ("Les chercheurs de l'Inserm ont publié leurs travaux.\nIls estiment que le vaccin protège.",
     "les chercheurs de l'Inserm", "unnamed"),
    ("Les syndicats ont dénoncé la réforme.\nLes infirmières ont manifesté mardi.\nElles réclament des renforts.",
     "les infirmières", "unnamed"),
]

# inverted subjects behind an object clitic or detached adjectives; the main clause's cue over a
# relative clause's; "selon ce qu'a dit X"; what was read in a publication
INVERSION_AND_FRAMING_CASES = [
    ("Comme le rapporte La Stampa, le gouvernement prépare un remaniement.", "La Stampa", "outlet"),
    ("« Tout est perdu », soupire, las et amer, un ancien ministre.", "un ancien ministre", "unnamed"),
    # a multiword cue with a frame of its own: "laisser tomber" reports only as an incise or before que
    ("« C'est fini », a laissé tomber le maire Paul Roy.", "Paul Roy", "named"),
    ("Le maire Paul Roy a laissé tomber le projet de tramway.", None, "editorial"),
    ("Mme Duval, dont les propos ont été rapportés par la RTBF, a dénoncé une « trahison ».", "Duval", "named"),
    ("Selon ce qu'a expliqué le préfet à la radio, la route rouvrira lundi.", "préfet", "unnamed"),
    ("Selon ce que le maire Paul Roy a dit, la route rouvrira lundi.", "Paul Roy", "named"),
    ("J'ai lu dans Libération que la route rouvrirait lundi.", "Libération", "outlet"),
    ("J'ai lu dans ses yeux une immense fatigue.", None, "editorial"),
    ("On pouvait lire dans le Parisien que la route rouvrirait lundi.", "Le Parisien", "outlet"),
]

# a first name and a surname the entity recogniser leaves unlabelled, as a subject, are a person's:
# a description later ("le sympathique gaillard") stands for them
UNRECOGNISED_PERSON_CASES = [
    ("Le Lyonnais d'origine malienne Oumarou Traoré a un parcours atypique.\n"
     "L'athlète s'entraîne à Lyon depuis 2015.\n"
     "« Cette victoire est la plus belle de ma carrière, a expliqué le sympathique gaillard. »",
     "Oumarou Traoré", "named"),
]

# the quotation's own negation is not the incise's; a quoted sentence the parser made the subject
QUOTATION_BEFORE_INCISE_CASES = [
    ("« Je ne partirai pas », affirme le maire de Lyon Paul Roy", "Paul Roy", "named"),
    ("« Nous n'avons rien vu venir », a confié auprès de Reuters un pêcheur.", "un pêcheur", "unnamed"),
    ("Le ministre Paul Roy a exclu toute hausse des impôts.", "Paul Roy", "named"),
]

# a quoted title or name (most words capitalised) is nobody's words: no partial quotation follows a report;
# a participle right after its subject clitic, its auxiliary dropped, is still the verb
QUOTED_TITLE_CASES = [
    ("« Nous allons tout reconstruire », a déclaré le maire Paul Roy.\n"
     "La chaîne a diffusé le documentaire « Les Jours Heureux de la Vallée Perdue » en mars.", None, "editorial"),
    ("Le maire Paul Roy a parlé longtemps.\nEn conférence de presse, il invoqué une autre raison, plus ancienne.",
     "Paul Roy", "named"),
]

# blame ending in a penalty is a court's decision; a source framing the whole sentence is the
# outermost speaker (an outlet framing it relays instead)
DECISION_AND_SCOPE_CASES = [
    ("La cour a condamné l'ancien préfet à trois ans de prison.", None, "editorial"),
    ("L'ancien préfet a été condamné à une amende de 10 000 euros.", None, "editorial"),
    ("Le syndicat a condamné l'agression d'un contrôleur.", "syndicat", "named"),
    ("Le chauffeur aurait avoué les faits, selon une source policière.", "une source policière", "unnamed"),
    ("D'après le parquet, le chauffeur a reconnu les faits.", "parquet", "named"),
]

# outlets as sources: a name cut by the parser, a foreign name read as a verb, an outlet noun of
# the web, incises of what an outlet learned or believes it knows
OUTLET_SOURCE_CASES = [
    ("Le Canard enchaîné affirme que le préfet va partir.", "Le Canard enchaîné", "outlet"),
    ("Le site d'investigation Disclose affirme que les chiffres ont été truqués.", "Disclose", "outlet"),
    ("Le blog Le Vent Libre affirme que la grève est suivie.", "Le Vent Libre", "outlet"),
    ("Le préfet va partir, a appris Mediapart.", "Mediapart", "outlet"),
    ("Le préfet va partir, croit savoir L'Express.", "L'Express", "outlet"),
    ("Des élèves ont appris à nager cet été.", None, "editorial"),
]

# words the tagger misreads: a name as an adverb, a participle as a lower-case name; "on" is French,
# so a quotation with "on" is no English caption
MISREAD_WORD_CASES = [
    ("Le texte est long.\nMacron a salué « le courage » des pompiers.", "Macron", "named"),
    ("Le texte est long.\nLa ministre a tweeté : « Solidarité avec les sinistrés. »", "ministre", "unnamed"),
    ("« On a tout perdu », lance un commerçant du marché.", "un commerçant du marché", "unnamed"),
]

# periphrases of journalism stand for one of several titles (lexicons/role_synonyms.tsv); "les deux
# dirigeants" are the two people a plural clause just named
ROLE_PERIPHRASIS_CASES = [
    ("La secrétaire d'État Mary Hill s'est rendue à Oslo.\nLa cheffe de la diplomatie a promis une aide.",
     "Mary Hill", "named"),
    ("L'ambassadeur du Japon, Ken Sato, a été convoqué.\nLe diplomate avait affirmé que l'accord était caduc.",
     "Ken Sato", "named"),
    ("Le chancelier Hans Vogel a présenté son budget.\nSelon le chef du gouvernement, la dette baissera.",
     "Hans Vogel", "named"),
    ("Le maire Paul Roy a inauguré le pont.\nL'édile a promis d'autres travaux.", "Paul Roy", "named"),
    ("Anne Duval et Karl Weber se sont rencontrés à Genève.\nLes deux dirigeants ont affirmé leur soutien à l'accord.",
     "Anne Duval et Karl Weber", "named"),
    ("Un diplomate européen a affirmé que l'accord était caduc.", "un diplomate européen", "unnamed"),
    # a title with its complement names a post, not the last speaker named another way
    ("« La réforme frappe les précaires », écrit l'économiste Marc Henry.\n"
     "Le ministre du Travail a affirmé que le système était en danger.", "ministre du Travail", "unnamed"),
    ("« Mon père va mieux », a déclaré Paul Roy.\nLe fils du chanteur a assuré qu'il rentrerait bientôt.",
     "Paul Roy", "named"),
    # a regime is a government; armed groups named by a common noun can speak
    ("Le régime birman a accusé les rebelles d'avoir attaqué le convoi.", "régime birman", "named"),
    ("Les talibans ont nié toute implication dans l'attaque.", "talibans", "unnamed"),
]

# a reporting verb whose subject is an event, a figure or a text reports nothing; whoever feels is a source
ABSTRACT_SUBJECT_CASES = [
    ("La crise souligne la fragilité du secteur bancaire.", None, "editorial"),
    ("Ces chiffres confirment la tendance de l'an dernier.", None, "editorial"),
    ("Le texte interdit la vente d'alcool aux mineurs.", None, "editorial"),
    ("La hausse des loyers inquiète les ménages.", "les ménages", "unnamed"),
]

# "l'entreprise", "le groupe" with no name of their own are the organisation named last; the civil
# society is a vague collective
ORGANISATION_VARIATION_CASES = [
    ("Michelin a présenté ses comptes mardi.\nL'entreprise a annoncé la fermeture de deux usines.", "Michelin",
     "named"),
    ("Le groupe Hezbollah a tiré des roquettes.\nLe groupe a revendiqué les tirs dans un communiqué.", "Hezbollah",
     "named"),
    ("L'OMS a publié un rapport.\nLa société civile dénonce l'inaction des États.", "société civile", "unnamed"),
]

# a forecast: "prévoir", "anticiper", "tabler sur" with a trend noun for object and a subject that is
# no document; a plan, a law or an intention is no forecast
FORECAST_CASES = [
    ("Le FMI prévoit une croissance de 2 % l'an prochain.", "FMI", "named"),
    ("La Banque d'Italie anticipe un net ralentissement de l'activité.", "Banque d'Italie", "named"),
    ("Les économistes tablent sur une baisse du chômage.", "les économistes", "unnamed"),
    ("Le texte prévoit une hausse des salaires de 3 %.", None, "editorial"),
    ("La mairie prévoit de rénover trois écoles.", None, "editorial"),
    ("Le conseil a voté un budget prévoyant la fermeture de la piscine.", None, "editorial"),
]

# Each table states one rule on invented sentences, under the name of that rule; one test reads them all.
RULE_TABLES = {
    "sentence rules": SENTENCE_CASES,
    "subjects and speakers": SESSION_CASES,
    "documents and agents": DOCUMENT_CASES,
    "after a quotation, no mark, no cue, no first person is the article's": QUOTATION_RUN_CASES,
    "a sentence all in quotation marks goes back to the quotation before it": QUOTED_RETURN_CASES,
    "blogs and independent sites are outlets": BLOG_CASES,
    "bodies and groups speak as one": GROUP_BODY_CASES,
    "a comme clause reports the sentence around it": AS_CLAUSE_CASES,
    "documents say what they present": DOCUMENT_VERB_CASES,
    "adjectives of belief report their subject": STANCE_CASES,
    "whoever feels is the source": EXPERIENCER_CASES,
    "brackets and complements do not name the speaker": GLOSS_CASES,
    "many are those who say is an unnamed group": MANY_ARE_THOSE_CASES,
    "speaking acts without content are no report": CONTENTLESS_SPEECH_CASES,
    "a bare infinitive after a verb of saying": BARE_INFINITIVE_CASES,
    "the person heading a long subject speaks": LONG_SUBJECT_CASES,
    "a first name read as a verb is still a name": FIRST_NAME_AS_VERB_CASES,
    "the first person comes back to the quoted speaker": FIRST_PERSON_RETURN_CASES,
    "a person described is the one just talked about": DESCRIBED_PERSON_CASES,
    "a quoted handle is an incise's subject": QUOTED_HANDLE_CASES,
    "a quantifier speaks with the people it counts": COUNTED_PEOPLE_CASES,
    "an analysis or a finding is voiced": ANALYSIS_CASES,
    "an adverb in two tokens inside the verb group": ELIDED_ADVERB_CASES,
    "a relative clause whose object is the quotation before it": QUOTATION_RELATIVE_CASES,
    "common news patterns": NEWS_PATTERN_CASES,
    "an incise between commas inside the sentence": MID_SENTENCE_INCISE_CASES,
    "a determiner and a time noun date the verb": DATED_PHRASE_CASES,
    "an attribute before its object makes a judgement": ATTRIBUTE_FIRST_CASES,
    "a document's issuer apposed to it": APPOSED_ISSUER_CASES,
    "a body qualified as no press is no outlet": NON_PRESS_BODY_CASES,
    "speech acts and their frames": SPEECH_ACT_CASES,
    "a verb read as a noun before its que-clause": VERB_READ_AS_NOUN_CASES,
    "an outlet described after its name": DESCRIBED_OUTLET_CASES,
    "a clause before a colon and a quotation": CLAUSE_COLON_CASES,
    "a quotation after the sentence that brings its speaker in": INTRODUCED_QUOTATION_CASES,
    "a plural pronoun after a plural subject": PLURAL_SUBJECT_CASES,
    "inversions and framings around the verb": INVERSION_AND_FRAMING_CASES,
    "a name the recogniser missed is a person's as a subject": UNRECOGNISED_PERSON_CASES,
    "a quotation before its incise": QUOTATION_BEFORE_INCISE_CASES,
    "a quoted title is no quotation; a dropped auxiliary": QUOTED_TITLE_CASES,
    "decisions of justice and the scope of a framing": DECISION_AND_SCOPE_CASES,
    "outlets as sources": OUTLET_SOURCE_CASES,
    "words the tagger misreads": MISREAD_WORD_CASES,
    "periphrases and counted groups": ROLE_PERIPHRASIS_CASES,
    "events and figures report nothing": ABSTRACT_SUBJECT_CASES,
    "an organisation named another way": ORGANISATION_VARIATION_CASES,
    "a forecast is voiced": FORECAST_CASES,
}
RULE_CASES = [(rule, *case) for rule, cases in RULE_TABLES.items() for case in cases]


@pytest.mark.parametrize(("rule", "text", "speaker", "speaker_type"), RULE_CASES,
                         ids=[f"{c[0][:40]}: {c[1].split(chr(10))[-1][:40]}" for c in RULE_CASES])
def test_rule_tables(analyzer, rule, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


def test_a_quoted_subheading_belongs_to_the_quotation_it_repeats(analyzer):
    text = ("La ville se prépare à la crue\n\n« Les digues tiendront », a assuré l'ingénieure Maud Keller.\n\n"
            "« Nous rebâtirons le pont »\n\n"
            "Le pont emporté en mars sera reconstruit.\n"
            "« Je vous le promets, nous rebâtirons le pont avant l'été », a déclaré le maire Paul Brun.\n\n"
            "« Éditions spéciales »\n\n"
            "Les journaux locaux publient des numéros spéciaux.\n")
    claims = {c.text: c for c in analyzer.analyze(text).claims}
    assert claims["« Nous rebâtirons le pont »"].speaker == "Paul Brun"  # not Maud Keller, who spoke before
    assert claims["« Éditions spéciales »"].speaker_type == "editorial"  # a section title, no one's words


def test_a_subheading_quoting_a_few_words_belongs_to_the_quotation_that_holds_them(analyzer):
    text = ("La ville se prépare à la crue\n\nLe fleuve monte depuis lundi.\n\n"
            "Des digues « solides » face au fleuve\n\n"
            "Le niveau a dépassé quatre mètres mardi.\n"
            "« Les digues sont solides et nous surveillons chaque point », a déclaré le préfet Marc Aubry.\n\n"
            "Des écoles « fermées » jusqu'à nouvel ordre\n\nLes cours reprendront en avril.\n")
    claims = {c.text: c for c in analyzer.analyze(text).claims}
    assert claims["Des digues « solides » face au fleuve"].speaker == "Marc Aubry"
    assert claims["Des écoles « fermées » jusqu'à nouvel ordre"].speaker_type == "editorial"  # no one says it


def test_a_short_line_closing_on_a_quoted_word_is_a_subheading(analyzer):
    text = ("La ville se prépare à la crue\n\nLe fleuve monte depuis lundi.\n\nUne « crue historique »\n\n"
            "Le niveau a dépassé quatre mètres.\n"
            "« C'est une crue historique, la pire depuis 1910 », a déclaré le préfet Marc Aubry.\n")
    analysis = analyzer.analyze(text)
    assert [s.kind for s in analysis.segments if text[s.start : s.end] == "Une « crue historique »"] == ["headline"]
    assert {c.text: c for c in analysis.claims}["Une « crue historique »"].speaker == "Marc Aubry"


def test_a_quoted_clause_on_its_own_line_without_its_full_stop_is_running_text(analyzer):
    text = ("Le salon du luxe ouvre à Moscou\n\n"
            "« Les Russes veulent les marques les plus chères » a déclaré le vendeur Piet Gijsen, assis à son stand.\n"
            "« il est certain que les Russes aiment ce qui brille »\n"
            "« Grâce au pétrole, la capitale semble rouler sur l'or et les clients affluent chaque soir au salon »\n"
            "« Nos clients »\n\nLes prix ont doublé.\n")
    analysis = analyzer.analyze(text)
    kinds = {text[s.start : s.end]: s.kind for s in analysis.segments}
    speakers = {c.text: c.speaker for c in analysis.claims}
    lower, long = (line for line in text.splitlines() if line.startswith(("« il", "« Grâce")))
    assert kinds[lower] == kinds[long] == "claim" and speakers[lower] == speakers[long] == "Piet Gijsen"
    assert kinds["« Nos clients »"] == "headline"  # a few quoted words stay a subheading


@pytest.mark.parametrize(("text", "speaker"), [
    ("Le texte est long.\nLes jeunes en particulier, pensent que la ville a changé.", "les jeunes"),
    ("Le texte est long.\nDes experts, de leur côté, estiment que la ville a changé.", "des experts"),
], ids=["en particulier", "de leur côté"])
def test_a_trailing_adverb_is_no_part_of_the_speaker(analyzer, text, speaker):
    assert analyzer.analyze(text).claims[-1].speaker == speaker


def test_a_dispatch_opened_by_a_named_source_is_relayed_by_its_outlet(analyzer):
    text = "MOSCOU (AFP) - Le Kremlin a démenti lundi toute implication.\nLes combats se poursuivent dans l'est."
    first, second = analyzer.analyze(text).claims
    assert (first.speaker, first.speaker_type, first.via) == ("Kremlin", "named", ("AFP",))
    assert (second.speaker, second.speaker_type) == ("AFP", "outlet")  # the dispatch's own sentences


def test_a_pronoun_with_no_speaker_before_is_the_person_named_last(analyzer):
    text = ("Le texte est long.\nJ'ai rencontré le maire Paul Roy dans son bureau.\n"
            "Il m'a dit que l'usine fermerait.")
    claim = analyzer.analyze(text).claims[-1]
    assert (claim.speaker, claim.speaker_type) == ("Paul Roy", "named")


def test_a_contrast_with_someone_else_ends_a_quotation_run(analyzer):
    text = ("Le texte est long.\n« L'usine fermera », a déclaré le maire Paul Roy.\n"
            "Les syndicats, eux, refusent de négocier.")
    assert analyzer.analyze(text).claims[-1].speaker != "Paul Roy"


def test_a_document_relayed_by_an_outlet_keeps_no_comma_in_its_name(analyzer):
    text = "Le texte est long.\nLe rapport, obtenu par Le Monde, accuse la police de violences."
    claim = analyzer.analyze(text).claims[-1]
    assert (claim.speaker, claim.speaker_type, claim.via) == ("rapport", "unnamed", ("Le Monde",))


@pytest.mark.parametrize(("text", "speaker", "speaker_type", "via"), [
    # an outlet that cites a source relays it (GUIDE: "X a cité Y"), as a relative clause too
    ("La BBC cite des diplomates européens selon lesquels l'accord est prêt.", "des diplomates européens", "unnamed",
     ("BBC",)),
    ("Selon le Financial Times, qui cite des banquiers, la fusion est prête.", "des banquiers", "unnamed",
     ("Financial Times",)),
    ("Selon le Financial Times, qui cite deux banquiers, la fusion est prête.", "deux banquiers", "unnamed",
     ("Financial Times",)),
    # a social network is where the speaker posted, no relay, even "publié sur" it
    ("Le Hezbollah a revendiqué le tir dans un message publié sur Telegram.", "Hezbollah", "named", ()),
    # a column or an article in an outlet: the outlet relays its writer
    ("Le député Paul Roy a affirmé dans sa tribune du Guardian que la loi passerait.", "Paul Roy", "named",
     ("The Guardian",)),
    # invited by an outlet, fronted or apposed: the outlet relays the guest
    ("Invitée de France Inter, la députée Anne Duval a critiqué le budget.", "Anne Duval", "named", ("France Inter",)),
    ("La députée Anne Duval, invitée de BFMTV dimanche, a critiqué le budget.", "Anne Duval", "named", ("BFMTV",)),
    # an interview granted to an outlet: what the person says next, the outlet relays
    ("Le maire Paul Roy a accordé un entretien à Libération.\n« Nous rouvrirons le pont », a-t-il assuré.",
     "Paul Roy", "named", ("Libération",)),
    # the rescue services are a group that can speak
    ("Aucun blessé n'est à déplorer, selon les secours.", "les secours", "unnamed", ()),
    # spoken at an outlet's microphone; an outlet named after its noun, before the inverted subject
    ("Au micro de RTL, la préfète a défendu le couvre-feu.", "préfète", "unnamed", ("RTL",)),
    ("« Nous sommes inquiets », a déclaré au quotidien Le Soir un diplomate belge.", "un diplomate belge", "unnamed",
     ("Le Soir",)),
    # a named body's office speaks for the body
    ("Le service de presse de l'Élysée a fait savoir que la visite était reportée.", "service de presse", "named", ()),
    # a state body of the institution lexicon speaks for itself
    ("D'après la protection civile, la crue a fait trois victimes.", "protection civile", "named", ()),
    # an inverted subject ends before where it spoke; an outlet met there is a via
    ("La flotte, a dit un amiral à la radio, manque de carburant.", "un amiral", "unnamed", ("la radio",)),
    # a definite outlet noun is the outlet the article named last
    ("Der Spiegel a interrogé le maire Paul Roy.\n« Nous tiendrons », a déclaré M. Roy à l'hebdomadaire allemand.",
     "Paul Roy", "named", ("Der Spiegel",)),
], ids=["outlet cites", "relative cites", "relative cites a number", "platform", "column", "guest", "guest apposed",
        "granted interview",
        "rescue services", "microphone", "outlet before the subject", "press office", "institution",
        "spoken to a radio", "the weekly named before"])
def test_relays_named_inside_the_sentence(analyzer, text, speaker, speaker_type, via):
    _check(analyzer, "Le texte est long.\n" + text, speaker, speaker_type, via=via)


INTERVIEW = ("« Nous rouvrirons la ligne » : entretien avec le maire de Brest, Paul Roy\n\n"
             "Le maire de Brest a répondu à nos questions.\n\n"
             "Pourquoi fermer la ligne maintenant ?\n\n"
             "Parce que les rails sont usés. Nous n'avons pas le choix.\n\n"
             "Quand rouvrira-t-elle ?\n\n"
             "En septembre, je m'y engage.\n")


def test_an_interview_s_answers_are_the_interviewee_s_and_its_questions_the_outlet_s(analyzer):
    claims = {c.text: c for c in analyzer.analyze(INTERVIEW).claims}
    for answer in ("Parce que les rails sont usés.", "Nous n'avons pas le choix.", "En septembre, je m'y engage.",
                   "« Nous rouvrirons la ligne » : entretien avec le maire de Brest, Paul Roy"):
        assert (claims[answer].speaker, claims[answer].speaker_type, claims[answer].mode) == \
            ("Paul Roy", "named", "direct"), answer
    for question in ("Pourquoi fermer la ligne maintenant ?", "Quand rouvrira-t-elle ?"):
        assert claims[question].speaker_type == "editorial", question


def test_questions_without_an_announced_interview_stay_the_article_s(analyzer):
    text = INTERVIEW.replace(": entretien avec le maire de Brest, Paul Roy", "").replace(
        "Le maire de Brest a répondu à nos questions.", "La ligne est fermée depuis mai.")
    claims = {c.text: c for c in analyzer.analyze(text).claims}
    assert claims["Parce que les rails sont usés."].speaker_type == "editorial"


def test_a_person_named_in_the_quotation_is_not_whose_interview_it_is(analyzer):
    text = ("Le texte est long.\n« Si Paul Roy aimait son pays, il partirait », a dit le roi du Nordland, "
            "voisin du pays, dans une interview à la BBC.")
    claim = analyzer.analyze(text).claims[-1]
    assert claim.via == ("BBC",) and "roi" in claim.speaker


def test_an_interview_with_an_outlet_relays_the_interviewee_in_the_whole_article(analyzer):
    text = ("Le texte est long.\n"
            "Le banquier Rajan Malik a déclaré que l'Asie devait aider l'Europe.\n"
            "« Nous sommes tous liés », a-t-il dit au Financial Times au cours d'une interview à Bombay.\n"
            "La ministre Ana Ruiz a affirmé que le budget était prêt.")
    first, second, third = analyzer.analyze(text).claims[1:]
    assert first.speaker == second.speaker == "Rajan Malik"
    assert first.via == second.via == ("Financial Times",)
    assert third.via == ()  # someone else, not interviewed


def test_speaking_to_an_outlet_without_an_interview_relays_only_from_there_on(analyzer):
    text = ("Le texte est long.\n"
            "Le banquier Rajan Malik a déclaré que l'Asie devait aider l'Europe.\n"
            "« Nous sommes tous liés », a-t-il dit au Financial Times.")
    first, second = analyzer.analyze(text).claims[1:]
    assert (first.via, second.via) == ((), ("Financial Times",))


def test_a_name_misspelt_once_is_the_same_source(analyzer):
    text = ("Le texte est long.\n"
            "« Aucun accord n'a été trouvé », a annoncé le président Fatmir Kelmendi.\n"
            "Aux journalistes, Fatmir Klemendi avait répondu que le Parlement aurait le dernier mot.\n")
    assert [c.speaker for c in analyzer.analyze(text).claims[1:]] == ["Fatmir Kelmendi", "Fatmir Kelmendi"]


def test_the_spelling_used_more_often_wins_and_other_first_names_stay_apart(analyzer):
    text = ("Le texte est long.\n"
            "L'écrivaine Mayra Montyero a estimé que les lectures variaient.\n"
            "Mayra Montero a affirmé que la littérature devait déranger.\n"
            "Montero a ajouté que le public était jeune.\n"
            "Le poète Luis Monteros a souligné que la soirée était réussie.")
    speakers = [c.speaker for c in analyzer.analyze(text).claims[1:]]
    assert speakers[:3] == ["Mayra Montero"] * 3 and speakers[3] == "Luis Monteros"


@pytest.mark.parametrize("text", [
    "Le texte est long.\nInterrogé par l'AFP, le service de presse n'a ni confirmé, ni commenté l'information.",
    "Le texte est long.\nLe ministre n'a ni confirmé ni démenti que le projet était abandonné.",
], ids=["ni, ni", "ni ni"])
def test_ne_ni_ni_reports_nothing(analyzer, text):
    _check(analyzer, text, None, "editorial")


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), [
    # a description, its comma, then the person's name (a title between them at most)
    ("Le texte est long.\nLe club n'était pas sûr, a déclaré l'expert en violences sexuelles sur les enfants, "
     "le Professeur Alan Whitby de l'université de Perth.", "Alan Whitby", "named"),
    ("Le texte est long.\nL'idée a été soutenue par la présidente du comité pour la sécurité et la lutte contre "
     "la fraude, Irina Volkova qui a promis une loi.", "Irina Volkova", "named"),
    # a name that is no person stays apart from the description
    ("Le texte est long.\nLe club n'était pas sûr, a déclaré un expert, Genève restant prudente.", "un expert",
     "unnamed"),
], ids=["title between", "complement before the comma", "a place after"])
def test_a_description_followed_by_the_person_s_name(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


def test_a_pronoun_with_no_agreeing_antecedent_is_the_person_its_sentence_names(analyzer):
    # "Le soldat" gives Anna Berg a masculine article; "elle" is still the person the sentence names
    text = ("Le texte est long.\n"
            "Le soldat de 1re classe Anna Berg avait 25 ans la nuit où elle affirme avoir été agressée.")
    _check(analyzer, text, "Anna Berg", "named")


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), [
    # an impersonal passive report, an adjunct before its que-clause
    ("Le texte est long.\nIl a été démontré devant la Commission que le club savait tout.", "source non précisée",
     "unnamed"),
    ("Le texte est long.\nIl a été annoncé que le pont fermerait.", "source non précisée", "unnamed"),
    # an impersonal passive with no que-clause reports nothing
    ("Le texte est long.\nIl a été décidé devant la Commission, après un long débat, de fermer le pont.", None,
     "editorial"),
], ids=["il a été démontré devant", "il a été annoncé", "no que-clause"])
def test_an_impersonal_passive_report(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


APPEAL_CASES = [
    # "appeler X à": the people called on, and time adjuncts, may stand before "à"
    ("Le président Paul Marchal a appelé les rebelles à se démobiliser.", "Paul Marchal", "named"),
    ("Le président Paul Marchal a appelé mercredi soir une nouvelle fois les rebelles à « se démobiliser ».",
     "Paul Marchal", "named"),
    ("Le préfet a appelé les manifestants au calme.", "préfet", "unnamed"),
    ("La communauté turque a appelé ce week-end à une commémoration.", "communauté turque", "unnamed"),
    # a call on the telephone, naming a thing, calling someone: no appeal
    ("Le ministre a appelé son homologue au téléphone.", None, "editorial"),
    ("Les spécialistes appellent cela des frais d'utilisation au kilométrage.", None, "editorial"),
    ("Il a appelé son fils Marc.", None, "editorial"),
]


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), APPEAL_CASES, ids=[c[0][:40] for c in APPEAL_CASES])
def test_an_appeal_with_its_addressee_before_a(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


def test_pour_frames_a_person_a_pronoun_or_a_speaker_noun_not_whom_it_concerns(analyzer):
    text = ("Le médecin Gérard Moulin a été démis de son poste en juillet.\n\n"
            "Pour lui, « si les autres services pouvaient absorber le surplus, il n'y aurait pas de problème ».\n\n"
            "Pour ce chercheur, la méthode est fausse.\n\n"
            "Pour les enfants, le parc est fermé.\n\n"
            "Pour leurs parents, la fête sera difficile.\n\n"
            "Pour la ville, c'est un coup dur.\n\n"
            "Pour l'instant, la priorité du maire est le cinéma.\n\n"
            "Pour le nucléaire, la sûreté est un impératif.")
    claims = analyzer.analyze(text).claims
    assert [(c.speaker, c.speaker_type) for c in claims[1:3]] == [("Gérard Moulin", "named")] * 2
    assert [c.speaker_type for c in claims[3:]] == ["editorial"] * 5


def test_a_surname_misspelt_after_a_title_is_the_person_named_in_full(analyzer):
    text = ("Azad Karryev, le directeur marketing de la société, a déclaré que son équipe imprimait des billets.\n"
            "\n"
            "« Tout le monde peut se sentir millionnaire », a déclaré M. Karyev.\n\n"
            "Lena Dubrovsky, l'avocate de la famille, a dénoncé une enquête bâclée.\n\n"
            "« Nous ferons appel », a ajouté Mme Dubrovksy.\n\n"
            "Anna Moscon, une habitante, a raconté la nuit.\n\n"
            "Moscou a démenti toute implication.")
    speakers = [c.speaker for c in analyzer.analyze(text).claims]
    assert speakers[:4] == ["Azad Karryev", "Azad Karryev", "Lena Dubrovsky", "Lena Dubrovsky"]
    assert speakers[5] == "Moscou"  # no title: a place one letter from a surname stays itself


def test_an_unresolved_pronoun_is_no_antecedent_of_the_next(analyzer):
    text = ("Elle a déclaré qu'une commémoration aurait lieu samedi.\n\n"
            "« Ça commence à sentir mauvais », tel est le titre de la chronique de Paul Keller.\n\n"
            "Il y souligne que des gens ont été assassinés.")
    claims = analyzer.analyze(text).claims
    assert claims[0].speaker == "elle"  # no one named before it
    assert claims[2].speaker == "Paul Keller"


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), [
    ("« Les inscriptions sont closes », explique Karel Goldman de l'agence Bison&Rose.", "Karel Goldman", "named"),
    ("Jean Dupont de l'AFP a déclaré que les inscriptions étaient closes.", "Jean Dupont", "named"),
    ("« C'est fini », a déclaré Marie Curie du journal Le Monde.", "Marie Curie", "named"),
    # no "de" ties the outlet to the person: the outlet speaks
    ("Johnny Hallyday réopéré, RTL affirme qu'il est en coma artificiel", "RTL", "outlet"),
    ("Le Monde a écrit que les inscriptions étaient closes.", "Le Monde", "outlet"),
])
def test_a_person_named_with_the_outlet_they_work_for_is_the_speaker(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Alan Turner du Musée d'Histoire naturelle de New York dit que trois vagues ont eu lieu.", "Alan Turner"),
    ("Paul Martin du Parti libéral a dit que les loyers montent.", "Paul Martin"),
    ("Douglas Kidd de la National Association of Airline Passengers a déclaré qu'il doutait.", "Douglas Kidd"),
    ("Le juge, Jon C. Bleue de la Cour supérieure d'État, a affirmé que les médias étaient contrôlés.",
     "Jon C. Bleue"),
    ("Charles de Gaulle a déclaré que la France était libre.", "Charles de Gaulle"),
    ("Jean de La Fontaine a écrit que la raison du plus fort est toujours la meilleure.", "Jean de La Fontaine"),
    ("Marie de La Rochefoucauld a dit que les loyers montent.", "Marie de La Rochefoucauld"),
])
def test_a_name_ends_where_the_body_the_person_works_for_begins(analyzer, text, speaker):
    claim = analyzer.analyze(text).claims[-1]
    assert (claim.speaker, claim.speaker_type) == (speaker, "named")


def test_of_two_people_named_as_often_the_first_named_is_the_protagonist(analyzer):
    text = ("John Kerry a admis que l'espionnage était allé trop loin.\n\n"
            "Kerry a ajouté que la NSA protégeait le pays.\n\n"
            "Le sénateur Chris Murphy a indiqué qu'il irait en Europe.\n\n"
            "Murphy a déclaré que le voyage aurait lieu cette année.\n\n"
            "Kerry a estimé que les alliés comprendraient.\n\n"
            "Murphy a expliqué que les Européens devaient être honnêtes.\n\n"
            "Le secrétaire d'État a également admis qu'il avait gouverné sur pilote automatique.")
    last = analyzer.analyze(text).claims[-1]
    assert (last.speaker, last.speaker_type) == ("John Kerry", "named")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Janey, maintenant Superintendant des écoles de Newark, a déclaré que l'année était longue.", "Janey"),
    ("Eurostat, l'agence de statistiques de l'Union européenne, a annoncé un taux de 9,8 %.", "Eurostat"),
    # no comma: the complement is part of the body's name; a list stays a list
    ("Le Commandement des opérations interarmées irakien a annoncé que la ville était reprise.",
     "Commandement des opérations interarmées irakien"),
    ("L'UNICEF, Amnistie internationale et l'Association du Barreau canadien plaident pour son retour.",
     "UNICEF, Amnistie internationale et l'Association du Barreau canadien"),
])
def test_a_capitalised_name_ends_before_the_apposition_after_its_comma(analyzer, text, speaker):
    claim = analyzer.analyze(text).claims[-1]
    assert (claim.speaker, claim.speaker_type) == (speaker, "named")


_REPORT = "Le ministre Paul Roy a jugé que la réforme était utile. "


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), [
    # the article's own determiner before the marks: a term, not the previous speaker's words
    (_REPORT + "La Ligue arabe étudie à présent un « mécanisme de protection des civils » pour la région.",
     None, "editorial"),
    (_REPORT + "Des médecins participeront à la mise en place d'une « permanence de soins ambulatoires ».",
     None, "editorial"),
    # a capital opening the quoted words mid-sentence: a title
    (_REPORT + "Le centre a produit un manuel, « Une histoire du Kampuchea démocratique », en 2007.",
     None, "editorial"),
    # the speaker goes on as "il"; speech woven in starts in lower case
    (_REPORT + "Il détecte une « étroitesse des valeurs clés » chez ses adversaires.", "Paul Roy", "named"),
    (_REPORT + "Le texte doit « rendre enfin justice aux petits commerçants du centre ».", "Paul Roy", "named"),
])
def test_a_quoted_term_or_title_is_no_partial_quotation(analyzer, text, speaker, speaker_type):
    _check(analyzer, text, speaker, speaker_type)


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), [
    ("Paul Roy fait remarquer que la fin du monde approche.", "Paul Roy", "named"),
    ("Restall fait valoir que la fin du monde approche.", "Restall", "named"),
    ("Un gâteau fait maison a été servi aux invités.", None, "editorial"),  # a participle indeed
])
def test_fait_before_the_infinitive_of_a_cue_is_a_present_tense(analyzer, text, speaker, speaker_type):
    """The tagger reads "fait" in "fait remarquer", "fait valoir" as a participle (no subject,
    no auxiliary): no participle takes an infinitive without its auxiliary."""
    _check(analyzer, text, speaker, speaker_type)


@pytest.mark.parametrize(("text", "speaker", "speaker_type"), [
    ("Trente chantiers seront retardés, selon les propos de Karel Hanzelka.", "Karel Hanzelka", "named"),
    # the words speak for whoever said them, named or not
    ("Les ravisseurs auraient accepté, selon les dires d'un agent de sécurité égyptien.",
     "un agent de sécurité égyptien", "unnamed"),
    # a possessive gives the person
    ("Mohamed Morsi a présenté le projet. Le texte sera, selon ses propres mots, soumis à un référendum.",
     "Mohamed Morsi", "named"),
    ("Mohamed Morsi a présenté le projet. Le texte sera, selon sa déclaration, soumis à un référendum.",
     "Mohamed Morsi", "named"),
    ("Les accusations de corruption se multiplient contre le maire.", None, "editorial"),
    # someone's words are no document that "l'article" goes back to
    ("Le quotidien Al-Ahram écrivait que, selon les dires d'un médiateur allemand, la libération tardait. "
     "Selon l'article, les ravisseurs voulaient une rançon.", "article", "unnamed"),
])
def test_someone_s_words_speak_for_whoever_said_them(analyzer, text, speaker, speaker_type):
    claim = analyzer.analyze(text).claims[-1]
    assert (claim.speaker, claim.speaker_type) == (speaker, speaker_type), claim


@pytest.mark.parametrize("text", [
    "« Cette mission était impérative », a indiqué par ailleurs le porte-parole de l'armée Peter Lerner.",
    "« Nous resterons », a répété une nouvelle fois le ministre Peter Lerner.",
    "« Nous resterons », a assuré en outre le ministre Peter Lerner.",
])
def test_a_connective_phrase_between_an_incise_and_its_subject_is_skipped(analyzer, text):
    _check(analyzer, text, "Peter Lerner", "named")


@pytest.mark.parametrize(("text", "speaker"), [
    ("M. Lawrie Drew dont le fils a été enseveli a déclaré qu'il ne peut pas se résigner.", "Lawrie Drew"),
    ("Marie Dupont dont la maison a brûlé affirme que les secours sont arrivés tard.", "Marie Dupont"),
])
def test_a_name_before_a_relative_in_dont_without_commas_speaks(analyzer, text, speaker):
    _check(analyzer, text, speaker, "named")


def test_the_party_after_a_title_is_no_holder_of_it(analyzer):
    """"eurodéputée" is a title; the body written right after it is the person's party."""
    text = ("Lívia Járóka, eurodéputée Fidesz Parti Populaire Européen, a présenté le rapport.\n\n"
            "D'après l'eurodéputée, il est nécessaire d'en parler.")
    _check(analyzer, text, "Lívia Járóka", "named")


def test_a_titled_person_in_the_apposition_after_a_place_speaks(analyzer):
    """The parser's subject starts on the place the adjunct before it names ("entre Bagdad et
    Moscou, le général …"): the person the apposition gives with a title speaks."""
    text = ("Sur fond de coopération entre Bagdad et Moscou, le général Maan al-Saadi, commandant de "
            "l'armée de l'air, a annoncé que des radars arriveraient.")
    claim = analyzer.analyze(text).claims[-1]
    assert (claim.speaker, claim.speaker_type) == ("Maan al-Saadi", "named")
