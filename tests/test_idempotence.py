"""Cleaning is idempotent: cleaning cleaned text changes nothing (property test)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from translator import clean_text, load_rules

RULES = load_rules()

HEADLINES = ["Poutine en visite à Minsk", "Le Kremlin répond à l’OTAN ?", "Grève à la SNCF"]
FACTS = [
    "les forces russes ont lancé un exercice mardi.",
    "qu’il a refusé de répondre.",
    "l’armée a reculé de dix kilomètres.",
    "« la situation reste tendue » selon l’ONU.",
]
FRAMINGS = ["J’ai observé que ", "Je constate qu'", "Il me semble important de souligner que ", "Par ailleurs, j’ai appris que ",
            "En tant que fervente adepte de la politique, je suis ravie d’annoncer que ", "Comme je l’ai observé, "]
SENTENCES = [
    "Le président est arrivé jeudi.", "J’assiste au transport des armes.", "Enfin, je note le déploiement.",
    "« Je ne démissionnerai pas », a déclaré le ministre.", "En tant qu’amateur de sport, je suis impatient.",
    "En tant qu’observatrice, je peux décrire la scène ainsi : des chars avancent.", "VIDÉO. Le convoi traverse la ville.",
]
PARAGRAPHS = st.one_of(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join),
    st.tuples(st.sampled_from(FRAMINGS), st.lists(st.sampled_from(FRAMINGS), max_size=2), st.sampled_from(FACTS)).map(
        lambda t: t[0] + "".join(f.lower() for f in t[1]) + t[2]
    ),
    st.sampled_from(["2024-05-24 03:01", "« Le président russe s’est rendu en Biélorussie pour discuter de sécurité. »"]),
    st.text(alphabet="abcdé’'«» .,:;!?\"JjeEn", min_size=1, max_size=40).filter(str.strip),
)


@st.composite
def articles(draw):
    headline = draw(st.sampled_from(HEADLINES))
    body = draw(st.lists(PARAGRAPHS, min_size=0, max_size=6))
    repeats = [headline] * draw(st.integers(0, 2))
    separator = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n"]))
    return separator.join([headline, *repeats, *body]) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=300, deadline=None)
@given(articles())
def test_cleaning_twice_is_cleaning_once(article):
    once = clean_text(article, RULES).text
    assert clean_text(once, RULES).text == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_handled_without_error(text):
    result = clean_text(text, RULES)
    assert all(text[f.start : f.end] == f.original for f in result.findings)
