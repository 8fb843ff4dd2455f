"""The built-in French→English glossary: it loads, protects the seed article's names
and leaves ordinary French alone."""

import pytest

from translator.resources import builtin_data_dir
from translator.translate.glossary import TermType, load_glossaries, load_glossary_file

from .conftest import SEED

NAMES = builtin_data_dir("glossaries") / "fr-en" / "names.yaml"


@pytest.fixture(scope="module")
def glossary():
    return load_glossaries(builtin=True)


def found(glossary, text):
    return [(m.form, m.term.target) for m in glossary.find(text)]


def test_builtin_glossary_loads_without_error(glossary):
    terms = load_glossary_file(NAMES, source="fr", target="en")
    assert 250 <= len(terms) <= 400
    assert len(glossary) >= len(terms)  # other built-in files may add terms


def test_vladimir_poutine_is_one_match_not_two(glossary):
    matches = glossary.find("Vladimir Poutine est arrivé à Minsk")
    names = [m for m in matches if m.start == 0]
    assert len(names) == 1
    assert names[0].form == "Vladimir Poutine"
    assert names[0].term.target == "Vladimir Putin"
    assert [m.form for m in matches] == ["Vladimir Poutine", "Minsk"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("les camarades biélorusses", [("biélorusses", "Belarusian")]),
        ("des troupes de l’OTAN", [("OTAN", "NATO")]),
        ("des troupes de l'OTAN", [("OTAN", "NATO")]),
        ("la guerre d’Ukraine", [("Ukraine", "Ukraine")]),
        ("Biélorusse de naissance, il vit à Paris.", [("Biélorusse", "Belarusian")]),
        ("les partisans occidentaux de Kiev", [("Kiev", "Kyiv")]),
        ("Poutine a parlé", [("Poutine", "Putin")]),
        ("le président Alexandre Loukachenko", [("Alexandre Loukachenko", "Alexander Lukashenko")]),
        ("Loukachenko a invité", [("Loukachenko", "Lukashenko")]),
        ("en Biélorussie", [("Biélorussie", "Belarus")]),
        ("la Crimée et le Donbass", [("Crimée", "Crimea"), ("Donbass", "Donbas")]),
        ("une visite en Ouzbékistan", [("Ouzbékistan", "Uzbekistan")]),
        ("avec Xi Jinping", [("Xi Jinping", "Xi Jinping")]),
        ("le président français Emmanuel Macron", [("français", "French"), ("Emmanuel Macron", "Emmanuel Macron")]),
        ("les lanceurs de missiles Iskander", [("Iskander", "Iskander")]),
        ("le Kremlin a annoncé", [("Kremlin", "Kremlin")]),
        ("les États-Unis et leurs alliés", [("États-Unis", "United States")]),
        ("aux Etats-Unis", [("Etats-Unis", "United States")]),
        ("en Chine", [("Chine", "China")]),
        ("entre la Russie et ses voisins", [("Russie", "Russia")]),
        ("quatre anciens territoires ukrainiens", [("ukrainiens", "Ukrainian")]),
        ("le président russe", [("russe", "Russian")]),
        ("les frontières russes", [("russes", "Russian")]),
        ("Selon Moscou", [("Moscou", "Moscow")]),
    ],
)
def test_seed_names_map_to_their_english_form(glossary, text, expected):
    assert found(glossary, text) == expected


def test_every_name_of_the_seed_article_is_found():
    glossary = load_glossaries(builtin=True)
    pairs = set(found(glossary, SEED.read_text(encoding="utf-8")))
    for pair in [
        ("Poutine", "Putin"),
        ("Vladimir Poutine", "Vladimir Putin"),
        ("Loukachenko", "Lukashenko"),
        ("Biélorussie", "Belarus"),
        ("biélorusses", "Belarusian"),
        ("biélorusse", "Belarusian"),
        ("Minsk", "Minsk"),
        ("Kiev", "Kyiv"),
        ("OTAN", "NATO"),
        ("Crimée", "Crimea"),
        ("Donbass", "Donbas"),
        ("Ouzbékistan", "Uzbekistan"),
        ("Xi Jinping", "Xi Jinping"),
        ("Emmanuel Macron", "Emmanuel Macron"),
        ("Iskander", "Iskander"),
        ("Kremlin", "Kremlin"),
        ("États-Unis", "United States"),
        ("Chine", "China"),
        ("Russie", "Russia"),
        ("Ukraine", "Ukraine"),
        ("ukrainiens", "Ukrainian"),
        ("russe", "Russian"),
        ("russes", "Russian"),
        ("Moscou", "Moscow"),
    ]:
        assert pair in pairs, pair


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("au Caire", [("Caire", "Cairo")]),
        ("Le Caire a répondu", [("Le Caire", "Cairo")]),
        ("à Mexico, capitale du Mexique", [("Mexico", "Mexico City"), ("Mexique", "Mexico")]),
        ("en Haute-Vienne", [("Haute-Vienne", "Haute-Vienne")]),
        ("la Corée du Nord", [("Corée du Nord", "North Korea")]),
        ("le Conseil de sécurité de l’ONU", [("Conseil de sécurité", "Security Council"), ("ONU", "UN")]),
        # « les Suisses » (the people) is left to the model: a lower-case entry
        # (suisse → Swiss) matches capitalised only at the start of a sentence
        ("les Suisses et la Suisse", [("Suisse", "Switzerland")]),
        ("Suisses et Belges ont voté.", [("Suisses", "Swiss")]),
        ("la bande de Gaza", [("bande de Gaza", "Gaza Strip")]),
        ("le Parlement européen", [("Parlement européen", "European Parliament")]),
        ("le conflit russo-ukrainien", [("russo-ukrainien", "Russian-Ukrainian")]),
    ],
)
def test_longest_form_and_capitalisation_pick_the_right_entry(glossary, text, expected):
    assert found(glossary, text) == expected


# Frequent French words (articles, pronouns, prepositions, verbs, news vocabulary):
# a glossary form equal to one of them would pin its translation everywhere.
STOP_WORDS = set(
    """
    le la les l un une des de du d et ou où est a à au aux en dans par pour sur avec sans sous
    entre vers chez contre selon depuis après avant pendant que qui quoi dont ce cet cette ces
    son sa ses leur leurs il elle ils elles nous vous on se ne pas plus mais comme si tout tous
    été être avoir fait dit sont ont était peut deux trois premier première nouveau nouvelle
    grand grande ministre président présidente gouvernement guerre paix pays état etat monde
    ville région capitale nord sud ouest armée sécurité conseil union nations national nationale
    international internationale mois année jour semaine mardi jeudi vendredi mai juin police
    justice loi parti élection accord sommet crise presse agence journal maison blanche rouge
    noire mer golfe assemblée république commission parlement banque centrale centre
    """.split()
)


def test_no_form_is_a_frequent_french_word():
    offenders = [
        (form, term.origin)
        for term in load_glossary_file(NAMES)
        for form in term.forms
        if form.casefold() in STOP_WORDS
    ]
    assert offenders == []


def test_lower_case_single_words_are_only_adjectives_and_terms():
    # A lower-case form matches anywhere in running text; only nationality
    # adjectives and a few fixed terms may take that risk.
    risky = [
        (form, term.origin)
        for term in load_glossary_file(NAMES)
        for form in term.forms
        if form[:1].islower() and " " not in form and term.type is TermType.NAME and not form.startswith("al-")
    ]
    assert risky == []


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a présenté mardi un projet de loi sur les retraites devant l’Assemblée.",
        "Le président a estimé que la guerre des prix entre les supermarchés durerait plusieurs mois.",
        "Selon la préfecture, plus de deux mille personnes ont manifesté samedi dans le centre-ville.",
        "Les prix de l’énergie ont augmenté de 12 % en un an, a indiqué l’institut de statistique.",
        "Le conseil de sécurité de l’établissement s’est réuni après l’incendie de la maison blanche.",
        "Qu’il vienne demain ou jeudi, la réunion du conseil municipal aura lieu à la mairie.",
        "Il a commandé une poutine et un chili avant de traverser l’équateur en voilier.",
        "Le gouvernement a promis de nouvelles mesures pour l’emploi des jeunes dans les pays en développement.",
        "Un pentagone est un polygone à cinq côtés, a rappelé le professeur à ses élèves.",
    ],
)
def test_ordinary_french_sentences_have_no_glossary_match(glossary, text):
    assert glossary.find(text) == []


def test_every_nationality_adjective_accepts_the_country_forms_news_english_uses():
    # « frontières russes » → "Russia's borders", « les Ukrainiens » → "Ukrainians"
    terms = load_glossary_file(NAMES)
    adjectives = [t for t in terms if t.type is TermType.TERM and t.forms[0][:1].islower() and t.target != "Taliban"]
    assert len(adjectives) > 50
    assert [t.target for t in adjectives if not t.also] == []
    forms = {form for term in terms for form in term.forms}
    assert [(t.target, a) for t in adjectives for a in t.also if a in forms] == []
