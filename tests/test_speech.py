"""Someone's own words without quotation marks — interviews, op-eds — are real content:
never rewritten, never flagged (a blind second round of cases found these)."""

import pytest

from translator import clean_text


def article(headline, *paragraphs):
    return "\n\n".join((headline, *paragraphs)) + "\n"


SPEECH = [
    pytest.param(article(
        "Anne Hidalgo : « Paris sera prête pour les Jeux »",
        "À quelques mois des Jeux olympiques, la maire de Paris répond à nos questions.",
        "– Vous avez promis une Seine baignable. Est-ce toujours possible ?",
        "– Je suis convaincue que oui. J’ai vu les résultats des derniers prélèvements et je constate que la qualité de l’eau s’améliore.",
        "– En tant que maire, ne craignez-vous pas la colère des Parisiens ?",
        "– Je les comprends. En tant que maire, je suis attentive à leurs difficultés, mais je suis fière d’annoncer que les travaux seront terminés à temps.",
    ), id="interview-en-dash"),
    pytest.param(article(
        "Rencontre avec Thomas Pesquet",
        "L’astronaute français revient sur sa dernière mission.",
        "– Vous êtes resté six mois dans l’espace. Qu’est-ce qui vous a le plus marqué ? – J’ai été frappé par la fragilité de l’atmosphère. J’ai observé que les glaciers reculent à vue d’œil.",
    ), id="interview-one-paragraph"),
    pytest.param(article(
        "Bruno Le Maire : « Nous tiendrons l’objectif de déficit »",
        "LE FIGARO. - Le déficit public dépassera-t-il 5 % cette année ?",
        "BRUNO LE MAIRE. - Non. Je peux vous affirmer que nous tiendrons notre objectif de 4,9 %. J’ai toujours dit que le sérieux budgétaire était une priorité.",
        "Propos recueillis par Marie Visot",
    ), id="interview-speaker-in-capitals"),
    pytest.param(article(
        "Marathon de Paris : « J’ai commencé à courir à 40 ans »",
        "Nous avons rencontré Claire, 52 ans, qui s’apprête à courir son dixième marathon.",
        "Le Parisien : Comment vous préparez-vous ?",
        "Claire Martin : Je cours quatre fois par semaine. En tant qu’ancienne fumeuse, je suis heureuse de constater que mon souffle s’améliore chaque année.",
    ), id="interview-name-colon"),
    pytest.param(article(
        "Antoine Dupont : « En tant que capitaine, je me sens responsable »",
        "— Comment avez-vous vécu cette élimination ?",
        "— J’ai ressenti beaucoup de colère. En tant que capitaine, je me sens responsable de ce groupe : je dois montrer l’exemple.",
        "— Et pour la suite ?",
        "— Je peux vous dire que je serai là pour les Jeux olympiques.",
    ), id="interview-em-dash"),
    pytest.param(article(
        "« La dette publique n’est pas une fatalité »",
        "Par Jean Martin, économiste et professeur à Sciences Po",
        "Je constate depuis des années que le débat sur la dette publique est mal posé.",
        "Je propose donc trois pistes : évaluer chaque dépense, protéger l’investissement et réformer la fiscalité locale.",
    ), id="op-ed-byline"),
    pytest.param(article(
        "Tribune. « Les urgences ne tiendront pas un hiver de plus »",
        "TRIBUNE. En tant que médecin urgentiste, je suis inquiète de constater que les urgences ferment la nuit.",
        "J’ai vu des patients attendre douze heures sur un brancard.",
        "Par la docteure Claire Morel, urgentiste au CHU de Nantes",
    ), id="op-ed-tribune"),
]


@pytest.mark.parametrize("text", SPEECH)
def test_unquoted_speech_is_left_alone(text):
    result = clean_text(text)
    assert result.text == text
    assert result.findings == ()


@pytest.mark.parametrize(
    "headline",
    ["Nupes : les socialistes votent un « moratoire »", "Sénatoriales : la droite conserve la majorité"],
)
def test_a_repeated_title_with_a_colon_is_not_an_interview(headline):
    spun = article(headline, headline, "J’ai constaté que la motion a recueilli 69 % des voix.")
    assert clean_text(spun).text == article(headline, "La motion a recueilli 69 % des voix.")
