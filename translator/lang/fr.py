"""French: the language the built-in rules are written for."""

from __future__ import annotations

import re

from ..regex_cache import cached_compile
from . import LanguageProfile

_UPPER = "A-ZÀ-ÖØ-Þ"
# labels of the page, not speakers: « Note : », « Mise à jour : », « Source : »…
_PAGE_LABEL = (
    r"(?:Note|Remarque|N\.?\s?B|P\.?\s?S|Mise à jour|Update|Updated|Correction|Rectificatif|Erratum|Source|Sources"
    r"|Photo|Photos|Crédit|Crédits|Légende|Lire aussi|Voir aussi|À lire|A lire|Infos? pratiques?|Contact|Tarifs?"
    r"|Horaires?|Programme|Mots-clés|Meta description|Titre|Résumé|Auteur|Author|Disclaimer|Avertissement)\b"
)

PROFILE = LanguageProfile(
    code="fr",
    name="French",
    # frequent words English does not share (no « a », « on », « est », « son »…)
    stopwords=frozenset(
        """le la les des du une au aux et ou mais donc qui que qu dans pour par sur avec sans sous entre
        vers chez il elle ils elles nous vous leur leurs ces cette ce cet se sa ses été être était sont ont
        avait fait plus ne pas aussi très selon après avant depuis lors dont où comme tout tous toute""".split()
    ),
    capitals=_UPPER,
    lower_case="a-zà-ÿ",
    speech_opening=cached_compile(
        rf"\s*(?:[–—]|-\s"  # a dialogue dash
        rf"|[{_UPPER}][{_UPPER}’' .-]{{1,60}}\.\s*[-–—]\s"  # LE FIGARO. - … / BRUNO LE MAIRE. - …
        rf"|(?:Q|R|Question|Réponse)\s*[.:]\s"  # Q : … / R. …
        # Claire Martin : Je… / Le Parisien : Comment… (a sentence starts after the colon,
        # where a title goes on in lower case: « Nupes : les socialistes votent »); not a
        # label of the page (« Note : », « Mise à jour : », « Source : »…)
        rf"|(?!{_PAGE_LABEL})(?:[{_UPPER}][\w’'-]*\s){{0,3}}[{_UPPER}][\w’'-]*\s?:\s+[«“\"]?\s?[{_UPPER}])"
    ),
    interview_credit=cached_compile(r"\s*\(?propos\s+recueillis\s+par\b", re.IGNORECASE),
    # Genres written in the first person on purpose: their « je » is the author's own.
    opinion=cached_compile(
        # a label: « TRIBUNE. », « Point de vue : », « Le billet du lundi : », « Courrier des lecteurs. »
        r"\s*(?:(?:le|la|les|l’|l'|notre|mon|ma)\s*)?"
        r"(?:tribune|opinion|point\s+de\s+vue|édito|edito|éditorial|editorial|chronique|billet|courrier\s+des\s+lecteurs"
        r"|lettre\s+ouverte|lettre\s+d['’]une?\s+lect(?:eur|rice)|témoignage|temoignage|carte\s+blanche|blog|carnet"
        r"|droit\s+de\s+réponse|humeur|coup\s+de\s+gueule|libre\s+opinion|parole\s+de\s+lecteur|vos\s+lettres)"
        r"\b(?:\s+(?:du|de\s+la|de|des|d['’])\s*[^:.!?\n]{1,40}?)?\s*(?:[.:!—–-]|$)"
        # a byline: « Par Jean Martin, … », « Par le Dr Karim Haddad, … »
        rf"|(?-i:\s*Par\s+(?:(?:le|la)\s+)?(?:(?:Dr|Pr|Me|docteur|docteure|professeur|professeure|maître)\.?\s+)?"
        rf"[{_UPPER}][\w’'-]+(?:\s+(?:de\s+|d’|le\s+)?[{_UPPER}][\w’'.-]+)+\s*(?:,|$))",
        re.IGNORECASE,
    ),
    # a speech tag after unquoted words: « …, a-t-il dit », « …, a regretté l’entraîneur »
    # (not after a closing quotation mark: the words were quoted)
    speech_tag=cached_compile(
        r"(?<![»”\"])(?<![»”\"][\s\u00a0]),\s+(?:[a-zàâéèêîôû]+-t-(?:il|elle|ils|elles|on)|(?:[a-zàâéèêîôû]+-(?:il|elle|ils|elles))"
        # (verbs that take no object here: « …, a reconnu les faits » closes an apposition)
        r"|(?:a|ont|avait|avaient)\s+(?:dit|déclaré|soufflé|lâché|confié|ajouté|réagi|commenté"
        r"|glissé|insisté|martelé|prévenu|lancé|regretté|poursuivi|conclu|répondu|précisé|confessé|plaisanté|tranché|affirmé)"
        # (verbs that may take one, when a speaker follows: « …, a expliqué l’entraîneur »)
        r"|(?:a|ont|avait|avaient)\s+(?:expliqué|assuré|estimé|raconté|souligné|indiqué|reconnu|admis|avoué|analysé|salué"
        r"|constaté|témoigné|résumé|déploré|souri|ironisé)\s+(?:de\s+son\s+côté\s+)?(?:(?:le|la|l['’]|son|sa)\s*)?"
        r"(?:[A-ZÀ-ÖØ-Þ][\w’'-]+|[\w-]+(?:eur|euse|rice|iste|ier|ière|ien|ienne|ant|ante|at|ate|é|ée|in|ine|aire))(?=[\s,.;!?…]|$)"
        # an inverted incise: « …, sourit la sexagénaire », « …, explique Paul Martin »
        r"|(?:dit|sourit|explique|raconte|confie|souffle|lâche|glisse|ajoute|poursuit|résume|précise|assure|insiste"
        r"|reconnaît|admet|avoue|note|observe|estime|tranche|conclut|rappelle|souligne|plaisante|s'amuse|s’amuse)"
        r"\s+(?:le|la|l['’]|les|un|une|son|sa|ses|cette|ce|[A-ZÀ-ÖØ-Þ]))(?![\w’'-])"
    ),
    # « Qu’entendez-vous par là ? »
    question_to_you=cached_compile(r"[^\n]*(?<![\w’'-])(?:vous|votre|vos|-vous)(?![\w’'-])[^\n]*\?\s*", re.IGNORECASE),
    # « Kherson, de notre envoyée spéciale. »
    reporter=cached_compile(
        r"(?<![\w’'-])(?:de\s+notre\s+|notre\s+)?(?:envoyée?s?\s+spéciale?s?|correspondante?\s+(?:à|en|au|aux)\s+[A-ZÀ-ÖØ-Þ]"
        r"|de\s+notre\s+correspondante?)(?![\w’'-])",
        re.IGNORECASE,
    ),
    # « Monsieur le ministre, », « Chers lecteurs, »
    salutation=cached_compile(
        r"\s*(?:monsieur|madame|mesdames|messieurs|cher|chère|chers|chères)\b[^,.!?\n]{0,40},\s", re.IGNORECASE
    ),
    # the writer's own first person (« Me Dupont » is a lawyer, « Mes » lawyers), and a
    # « nous » that speaks for the writers (« Nous refusons… », not « il nous dit »)
    first_person=cached_compile(
        r"(?<![\w’'-])(?:(?:je|me|moi|mon|ma|mes|Je|Moi|Mon|Ma)(?![\w’'-])|[jmJ][’'](?=\w)"
        r"|(?:[Nn]ous)\s+(?:ne\s+|n[’'])?(?:sommes|avons|[\w’'-]+ons)(?![\w’'-]))"
    ),
    framing_shape=cached_compile(
        r"[^.!?:;«»“”\"]{0,40}?(?<![\w’'-])(?:je(?![\w’'-])|j[’'](?=\w)|il\s+m(?:e\s|[’']))"
        r"[^.!?:;«»“”\"]{0,100}?(?:\bque\b|\bqu[’']|:(?!\s*[«“\"]))",
        re.IGNORECASE,
    ),
    abbreviations=frozenset(
        """m mm mme mmes mlle mlles dr pr me mes mgr st ste av apr env etc cf ex
        al éd ed coll tél jr sr vs op cit ibid
        janv févr fév avr juil sept oct nov déc lun mar mer jeu ven sam dim""".split()
    ),
    # « vol. 3 », « p. 12 », but « en vol. As of… » ends a sentence
    number_abbreviations=frozenset("p pp vol no n° art chap fig min max".split()),
    timestamp_labels="Publié|Mis à jour|Mise à jour|Modifié|Posté|MAJ|Màj",
    # a speaker inside the quotation (« …, a-t-il dit, … », « selon lui »); « selon les premiers
    # bilans » is the story's own sourcing, which a pull quote repeats
    attribution=cached_compile(
        r"-(?:t-)?(?:il|elle|ils|elles|on)\b|\b(?:selon|d['’]après)\s+(?:lui|elle|eux|elles|moi|nous|vous)\b",
        re.IGNORECASE,
    ),
    speaker_pronouns=cached_compile(
        r"\b(?:je|j['’]|me|m['’]|moi|mon|ma|mes|nous|notre|nos|vous|votre|vos|tu|te|ton|ta|tes)\b", re.IGNORECASE
    ),
    elision=cached_compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'(?=\w)", re.IGNORECASE),
)
