"""Generalisation: spun articles whose wording the rules have never seen.

Hand-written cases, written the way a demanding news editor expects them, not to
fit the current rules (see ``/work/shared/docs/ARTEFACTS.md`` for the families):

* ``SPUN``: an article carrying artefacts comes out exactly as the editor wants it
  (and a trailing timestamp, when there is one, lands in ``metadata["published_at"]``);
* ``FLAGGED``: first-person narration that carries facts is kept word for word but
  flagged ``fr.first-person-narration`` (warning) for a human rewrite;
* ``REAL_NEWS``: genuine news comes out byte-identical, with no warning and no error.

Every case is a small full document: a headline line, a blank line, then body
paragraphs separated by blank lines; the expected output is the whole document.
"""

import pytest

from translator import clean_text

NBSP = "\u00a0"  # no-break space: before « : ; ! ? % », inside « »
NNBSP = "\u202f"  # narrow no-break space: thousands separator, before punctuation


def article(headline: str, *paragraphs: str) -> str:
    """A document as the tool reads it: headline, blank line, paragraphs, final newline."""
    return "\n\n".join((headline, *paragraphs)) + "\n"


def spun(case_id, headline, before, after, published_at=None):
    """A spun case: body paragraphs in, body paragraphs expected out."""
    return pytest.param(article(headline, *before), article(headline, *after), published_at, id=case_id)


# --- 1. spun articles ------------------------------------------------------------

SPUN = [
    # Persona + feeling or announcing + que/qu’ + fact: only the fact stays.
    spun(
        "persona-passionnee-ravie-annoncer",
        "Cannes dévoile la sélection officielle de sa 78e édition",
        ["En tant que passionnée de cinéma, je suis ravie d’annoncer que le Festival de Cannes a dévoilé jeudi "
         "les 22 films de la compétition officielle.",
         "La cérémonie d’ouverture aura lieu le 13 mai."],
        ["Le Festival de Cannes a dévoilé jeudi les 22 films de la compétition officielle.",
         "La cérémonie d’ouverture aura lieu le 13 mai."],
    ),
    spun(
        "persona-observatrice-constate-qu-il-straight-apostrophe",
        "Le maire de Lyon refuse de commenter sa mise en examen",
        ["En tant qu'observatrice de la vie politique locale, je constate qu'il a refusé de répondre aux "
         "questions des journalistes lundi."],
        ["Il a refusé de répondre aux questions des journalistes lundi."],
    ),
    spun(
        "persona-fidele-lectrice-heureuse-informer",
        "Le décret sur l’assurance chômage publié au Journal officiel",
        ["En tant que fidèle lectrice du Journal officiel, je suis heureuse de vous informer que le décret a été "
         "publié dimanche.",
         "Il entrera en vigueur le 1er juillet."],
        ["Le décret a été publié dimanche.",
         "Il entrera en vigueur le 1er juillet."],
    ),
    spun(
        "persona-amatrice-fiere-partager",
        "Tournoi des Six Nations : la France domine l’Irlande",
        ["En tant qu’amatrice de rugby, je suis fière de partager que le XV de France s’est imposé 27 à 12 face "
         "à l’Irlande samedi."],
        ["Le XV de France s’est imposé 27 à 12 face à l’Irlande samedi."],
    ),
    spun(
        "persona-fervente-adepte-tiens-a-souligner",
        "Une coopérative bretonne recrute massivement",
        ["En tant que fervente adepte de l’économie sociale et solidaire, je tiens à souligner que la "
         "coopérative a embauché 40 salariés en 2023."],
        ["La coopérative a embauché 40 salariés en 2023."],
    ),
    spun(
        "persona-specialiste-peux-affirmer-nbsp-percent",
        "Le prix du gaz recule nettement en avril",
        [f"En tant que spécialiste des marchés de l’énergie, je peux affirmer que le prix du gaz a baissé de "
         f"12{NBSP}% en avril."],
        [f"Le prix du gaz a baissé de 12{NBSP}% en avril."],
    ),
    spun(
        "persona-defenseure-me-dois-de-signaler",
        "Abandons d’animaux : un refuge francilien débordé",
        ["En tant que défenseure de la cause animale, je me dois de signaler que le refuge de Gennevilliers a "
         "recueilli 300 chiens cet été."],
        ["Le refuge de Gennevilliers a recueilli 300 chiens cet été."],
    ),
    spun(
        "persona-plural-nous-heureux-annoncer",
        "La cathédrale rouvrira le 8 décembre",
        ["En tant que fervents défenseurs du patrimoine, nous sommes heureux d’annoncer que la cathédrale "
         "rouvrira ses portes le 8 décembre."],
        ["La cathédrale rouvrira ses portes le 8 décembre."],
    ),
    spun(
        "persona-feminine-mid-paragraph",
        "COP29 : un accord final arraché à Bakou",
        ["La COP29 s’est achevée samedi à Bakou. En tant que militante écologiste, je suis heureuse de "
         "constater que près de 200 pays ont signé l’accord final."],
        ["La COP29 s’est achevée samedi à Bakou. Près de 200 pays ont signé l’accord final."],
    ),
    # Other persona openers.
    spun(
        "opener-passionnee-de-decouvert-avec-joie",
        "Le prix Goncourt attribué à Kamel Daoud",
        ["Passionnée de littérature, j’ai découvert avec joie que le prix Goncourt a été attribué lundi à "
         "Kamel Daoud."],
        ["Le prix Goncourt a été attribué lundi à Kamel Daoud."],
    ),
    spun(
        "opener-moi-qui-suis-heureux-constater",
        "L’OM tient son nouvel entraîneur",
        ["Moi qui suis un fervent supporter de l’OM, je suis heureux de constater que le club a recruté un "
         "nouvel entraîneur mardi."],
        ["Le club a recruté un nouvel entraîneur mardi."],
    ),
    spun(
        "opener-curieuse-de-nature-qu-elle",
        "La ministre quitte le Conseil des ministres avant la fin",
        [f"Curieuse de nature, j’ai remarqué qu’elle a quitté la réunion avant la fin, vers 11{NBSP}heures."],
        [f"Elle a quitté la réunion avant la fin, vers 11{NBSP}heures."],
    ),
    spun(
        "opener-etant-moi-meme-ravi",
        "Les vendanges ont commencé en Champagne",
        ["Étant moi-même amateur de vin, je suis ravi d’annoncer que les vendanges ont commencé lundi en "
         "Champagne."],
        ["Les vendanges ont commencé lundi en Champagne."],
    ),
    spun(
        "opener-en-qualite-de-captive-apprendre",
        "Indochine repart en tournée",
        ["En qualité d’observateur attentif de la scène musicale, je suis captivé d’apprendre que le groupe "
         "Indochine part en tournée à l’automne."],
        ["Le groupe Indochine part en tournée à l’automne."],
    ),
    spun(
        "opener-toujours-curieux-je-note",
        "Le chômage recule au premier trimestre",
        [f"Toujours curieux, je note que le chômage a reculé de 0,2{NBSP}point au premier trimestre."],
        [f"Le chômage a reculé de 0,2{NBSP}point au premier trimestre."],
    ),
    # First-person framing (no persona), many verbs, both apostrophes.
    spun(
        "framing-fascine-decouvrir",
        "Les ventes de vélos électriques ont doublé en cinq ans",
        ["Je suis fasciné de découvrir que les ventes de vélos électriques ont doublé en cinq ans."],
        ["Les ventes de vélos électriques ont doublé en cinq ans."],
    ),
    spun(
        "framing-intriguee-apprendre",
        "La BCE ne touche pas à ses taux",
        ["Je suis intriguée d’apprendre que la Banque centrale européenne a maintenu ses taux directeurs jeudi."],
        ["La Banque centrale européenne a maintenu ses taux directeurs jeudi."],
    ),
    spun(
        "framing-j-ai-remarque",
        "SNCF : le trafic reprend entre Paris et Lyon",
        [f"J’ai remarqué que les TGV circulent de nouveau entre Paris et Lyon depuis 6{NBSP}heures."],
        [f"Les TGV circulent de nouveau entre Paris et Lyon depuis 6{NBSP}heures."],
    ),
    spun(
        "framing-j-ai-note-straight-apostrophe",
        "Deux écoles fermées à Roubaix",
        ["J'ai noté que la mairie a fermé deux écoles pour raisons sanitaires."],
        ["La mairie a fermé deux écoles pour raisons sanitaires."],
    ),
    spun(
        "framing-viens-d-apprendre-que-l-usine",
        "Michelin va fermer son usine de Cholet",
        ["Je viens d’apprendre que l’usine Michelin de Cholet fermera en 2026."],
        ["L’usine Michelin de Cholet fermera en 2026."],
    ),
    spun(
        "framing-decouvert-qu-ils",
        "Les députés LR votent contre le budget",
        ["J’ai découvert qu’ils ont voté contre le budget dans la nuit de mardi à mercredi."],
        ["Ils ont voté contre le budget dans la nuit de mardi à mercredi."],
    ),
    spun(
        "framing-tiens-a-rappeler",
        "Législatives : dernier jour de campagne",
        ["Je tiens à rappeler que le second tour aura lieu le 7 juillet."],
        ["Le second tour aura lieu le 7 juillet."],
    ),
    spun(
        "framing-souhaite-preciser",
        "Une amende record pour un géant du numérique",
        [f"Je souhaite préciser que le montant de l’amende s’élève à 4{NBSP}millions d’euros."],
        [f"Le montant de l’amende s’élève à 4{NBSP}millions d’euros."],
    ),
    spun(
        "framing-en-mesure-de-confirmer-qu-airbus",
        "Airbus accélère ses livraisons",
        ["Je suis en mesure de confirmer qu’Airbus a livré 67 avions en mai."],
        ["Airbus a livré 67 avions en mai."],
    ),
    spun(
        "framing-heureux-annoncer-qu-a-marseille",
        "Les loyers flambent dans les grandes villes",
        [f"Je suis heureux de vous annoncer qu’à Marseille, les loyers ont augmenté de 8{NBSP}% en un an."],
        [f"À Marseille, les loyers ont augmenté de 8{NBSP}% en un an."],
    ),
    spun(
        "framing-fiere-affirmer-qu-en-straight-apostrophe",
        "Fréquentation touristique record en Occitanie",
        ["Je suis fière d'affirmer qu'en 2023, la région a accueilli 12 millions de touristes."],
        ["En 2023, la région a accueilli 12 millions de touristes."],
    ),
    spun(
        "framing-partager-avec-vous",
        "La médiathèque de Nantes rouvre ses portes",
        ["Je suis heureuse de partager avec vous que la médiathèque de Nantes rouvre samedi après travaux."],
        ["La médiathèque de Nantes rouvre samedi après travaux."],
    ),
    spun(
        "framing-me-suis-apercue",
        "Électricité : les tarifs augmentent de 10 %",
        [f"Je me suis aperçue que les prix de l’électricité ont augmenté de 10{NBSP}% au 1er février."],
        [f"Les prix de l’électricité ont augmenté de 10{NBSP}% au 1er février."],
    ),
    # Un-elision and capitalisation of the restored fact, typography kept.
    spun(
        "unelide-que-l-armee",
        "L’Ukraine reprend deux villages près de Kharkiv",
        ["Je constate que l’armée ukrainienne a repris deux villages près de Kharkiv."],
        ["L’armée ukrainienne a repris deux villages près de Kharkiv."],
    ),
    spun(
        "unelide-que-guillemets-nbsp",
        "Le chef d’état-major met en garde contre un enlisement",
        [f"J’ai observé que «{NBSP}la guerre est loin d’être finie{NBSP}», selon le chef d’état-major."],
        [f"«{NBSP}La guerre est loin d’être finie{NBSP}», selon le chef d’état-major."],
    ),
    spun(
        "typography-kept-in-restored-fact",
        "Le ministre contre-attaque",
        [f"J’ai constaté que le ministre a déclaré{NBSP}: «{NBSP}Nous n’avons rien à cacher{NBSP}»."],
        [f"Le ministre a déclaré{NBSP}: «{NBSP}Nous n’avons rien à cacher{NBSP}»."],
    ),
    # Framing later in the paragraph, or after a linking word that stays.
    spun(
        "framing-mid-paragraph",
        "Le budget de Rennes adopté à l’unanimité",
        ["Le conseil municipal s’est réuni lundi soir. J’ai observé que les élus ont adopté le budget à "
         "l’unanimité. La séance a duré trois heures."],
        ["Le conseil municipal s’est réuni lundi soir. Les élus ont adopté le budget à l’unanimité. "
         "La séance a duré trois heures."],
    ),
    spun(
        "framing-two-in-one-paragraph",
        "Le Premier ministre démissionne",
        ["J’ai appris que le Premier ministre a démissionné. Je constate également qu’un nouveau gouvernement "
         "sera nommé dans la semaine."],
        ["Le Premier ministre a démissionné. Un nouveau gouvernement sera nommé dans la semaine."],
    ),
    spun(
        "after-par-ailleurs-mid-paragraph",
        "Le président en visite au Japon",
        ["Le président est arrivé à Tokyo mardi. Par ailleurs, j’ai appris que le sommet du G7 se tiendra à "
         "Évian en juin."],
        ["Le président est arrivé à Tokyo mardi. Par ailleurs, le sommet du G7 se tiendra à Évian en juin."],
    ),
    spun(
        "after-en-outre-narrow-nbsp",
        "La dette publique atteint un nouveau record",
        [f"En outre, je constate que la dette publique a atteint 3{NNBSP}100{NBSP}milliards d’euros."],
        [f"En outre, la dette publique a atteint 3{NNBSP}100{NBSP}milliards d’euros."],
    ),
    spun(
        "after-cependant-qu-il",
        "Le sénateur ne briguera pas la mairie",
        ["Le sénateur a longtemps hésité. Cependant, je dois souligner qu’il a renoncé à se présenter."],
        ["Le sénateur a longtemps hésité. Cependant, il a renoncé à se présenter."],
    ),
    spun(
        "after-time-adverbial-mardi-soir",
        "Le Conseil constitutionnel valide la loi immigration",
        ["Mardi soir, j’ai appris que le Conseil constitutionnel a validé l’essentiel de la loi."],
        ["Mardi soir, le Conseil constitutionnel a validé l’essentiel de la loi."],
    ),
    spun(
        "after-dans-la-foulee-straight-apostrophe",
        "La Bourse de Paris décroche",
        [f"Dans la foulée, j'ai constaté que la Bourse de Paris a reculé de 2{NBSP}%."],
        [f"Dans la foulée, la Bourse de Paris a reculé de 2{NBSP}%."],
    ),
    # Colon framings: stripped up to the colon, what follows is capitalised.
    spun(
        "colon-maniere-suivante-space",
        "Les syndicats rejettent l’accord salarial",
        ["Je peux résumer la réunion de la manière suivante : les syndicats refusent de signer l’accord salarial."],
        ["Les syndicats refusent de signer l’accord salarial."],
    ),
    spun(
        "colon-maniere-suivante-nbsp-persona",
        "Le CAC 40 dévisse en début de séance",
        [f"En tant qu’analyste financière, je décrirais la séance de la manière suivante{NBSP}: le CAC{NBSP}40 "
         f"a perdu 3{NBSP}% en une heure."],
        [f"Le CAC{NBSP}40 a perdu 3{NBSP}% en une heure."],
    ),
    spun(
        "colon-ainsi-narrow-nbsp",
        "Grève : les transports franciliens paralysés",
        [f"Je résumerais la journée ainsi{NNBSP}: la grève a paralysé les transports franciliens."],
        ["La grève a paralysé les transports franciliens."],
    ),
    spun(
        "colon-voici-ce-que-j-ai-retenu",
        "Le gouvernement renonce à augmenter la TVA",
        ["Voici ce que j’ai retenu de la conférence de presse : le gouvernement renonce à la hausse de la TVA."],
        ["Le gouvernement renonce à la hausse de la TVA."],
    ),
    spun(
        "colon-passionne-expliquer",
        "Boeing suspend la production du 737 MAX",
        ["Passionné d’aéronautique, je vais vous expliquer la situation simplement : Boeing a suspendu la "
         "production du 737 MAX."],
        ["Boeing a suspendu la production du 737 MAX."],
    ),
    # Persona paragraphs and sentences that carry no news: deleted whole.
    spun(
        "intro-amateur-captive",
        "Ligue des champions : le PSG en finale",
        ["En tant qu’amateur de football, je suis toujours captivé par les soirées de Ligue des champions. Ce "
         "sport ne cesse de surprendre et réserve chaque saison son lot d’émotions.",
         "Le PSG s’est qualifié mercredi pour la finale."],
        ["Le PSG s’est qualifié mercredi pour la finale."],
    ),
    spun(
        "intro-lectrice-curieuse",
        "Le polar français s’exporte",
        ["En tant que lectrice passionnée de romans policiers, je suis toujours curieuse de découvrir de "
         "nouveaux auteurs. La littérature policière française connaît un véritable âge d’or.",
         "Les droits de traduction ont progressé de 15 % en 2023."],
        ["Les droits de traduction ont progressé de 15 % en 2023."],
    ),
    spun(
        "intro-bare-passionne-fascine",
        "Européennes : la campagne est lancée",
        ["Passionné de politique européenne, je suis fasciné par les équilibres fragiles entre les États "
         "membres. Les prochaines élections pourraient bien rebattre les cartes.",
         "Trente-huit listes ont été déposées au ministère de l’Intérieur."],
        ["Trente-huit listes ont été déposées au ministère de l’Intérieur."],
    ),
    spun(
        "intro-moi-qui-suis-admiratrice",
        "Notre-Dame : les visiteurs affluent",
        ["Moi qui suis une grande admiratrice de l’architecture gothique, j’ai toujours été émerveillée par "
         "Notre-Dame. Ce monument incarne à lui seul l’histoire de France.",
         "Plus de 30 000 personnes ont visité la cathédrale le premier week-end."],
        ["Plus de 30 000 personnes ont visité la cathédrale le premier week-end."],
    ),
    spun(
        "intro-ce-que-inside-persona-sentence",
        "Les parcs nationaux battent des records de fréquentation",
        ["En tant qu’amoureux de la nature, je suis toujours émerveillé par ce que les parcs nationaux ont à "
         "offrir. Ces espaces préservés sont un trésor pour les générations futures.",
         "Le parc des Écrins a accueilli un million de visiteurs l’été dernier."],
        ["Le parc des Écrins a accueilli un million de visiteurs l’été dernier."],
    ),
    spun(
        "intro-bare-amoureuse",
        "Les Alpes face au manque de neige",
        ["Amoureuse de la montagne, je suis toujours impressionnée par la beauté des Alpes. Ces paysages "
         "majestueux attirent chaque année des millions de visiteurs.",
         "Douze stations n’ont pas pu ouvrir leurs pistes à Noël."],
        ["Douze stations n’ont pas pu ouvrir leurs pistes à Noël."],
    ),
    spun(
        "aside-persona-sentence-mid-paragraph",
        "Le groupe jouera au Stade de France",
        ["Les billets sont en vente depuis lundi. En tant que fan de rock, je suis impatiente d’assister à ce "
         "concert. Le groupe jouera au Stade de France le 12 juillet."],
        ["Les billets sont en vente depuis lundi. Le groupe jouera au Stade de France le 12 juillet."],
    ),
    # Duplicated headlines: one copy is kept (the headline line itself).
    spun(
        "dup-headline-exact",
        "Incendie dans un entrepôt de Saint-Ouen : 200 pompiers mobilisés",
        ["Incendie dans un entrepôt de Saint-Ouen : 200 pompiers mobilisés",
         "Un violent incendie s’est déclaré dans la nuit de samedi à dimanche."],
        ["Un violent incendie s’est déclaré dans la nuit de samedi à dimanche."],
    ),
    spun(
        "dup-headline-uppercase",
        "Grève des contrôleurs aériens : 1 500 vols annulés",
        ["GRÈVE DES CONTRÔLEURS AÉRIENS : 1 500 VOLS ANNULÉS",
         "La DGAC a demandé aux compagnies de réduire leur programme de vols."],
        ["La DGAC a demandé aux compagnies de réduire leur programme de vols."],
    ),
    spun(
        "dup-headline-apostrophe-style",
        "L’Assemblée adopte la loi sur l’aide à mourir",
        ["L'Assemblée adopte la loi sur l'aide à mourir",
         "Le texte a été adopté par 305 voix contre 199."],
        ["Le texte a été adopté par 305 voix contre 199."],
    ),
    spun(
        "dup-headline-trailing-period",
        "Le Louvre fermé après une grève surprise",
        ["Le Louvre fermé après une grève surprise.",
         "Les agents protestent contre la surfréquentation du musée."],
        ["Les agents protestent contre la surfréquentation du musée."],
    ),
    spun(
        "full-spun-article-every-family",
        "Le Japon lance une nouvelle fusée H3",
        ["Le Japon lance une nouvelle fusée H3",
         "Passionnée d’exploration spatiale, je suis toujours fascinée par les progrès de l’industrie "
         "japonaise. Ce secteur en pleine expansion fait rêver des millions de personnes.",
         "L’agence spatiale japonaise a lancé samedi sa fusée H3 depuis la base de Tanegashima.",
         "J’ai appris qu’elle a placé en orbite un satellite d’observation de la Terre.",
         "2024-02-17 09:22"],
        ["L’agence spatiale japonaise a lancé samedi sa fusée H3 depuis la base de Tanegashima.",
         "Elle a placé en orbite un satellite d’observation de la Terre."],
        "2024-02-17 09:22",
    ),
    # Trailing timestamps in several formats: removed, kept as metadata.
    spun(
        "timestamp-iso-date-time",
        "Poutine attendu à Minsk",
        ["Le président russe sera reçu vendredi par Alexandre Loukachenko.", "2024-05-24 03:01"],
        ["Le président russe sera reçu vendredi par Alexandre Loukachenko."],
        "2024-05-24 03:01",
    ),
    spun(
        "timestamp-iso-t-seconds-z",
        "Séisme au large de la Grèce",
        ["Aucune victime n’est à déplorer selon les autorités.", "2023-11-02T08:15:00Z"],
        ["Aucune victime n’est à déplorer selon les autorités."],
        "2023-11-02T08:15:00Z",
    ),
    spun(
        "timestamp-slash-a-h",
        "Le sommet de l’OTAN s’ouvre lundi",
        ["Les chefs d’État sont attendus à Washington.", "24/05/2024 à 03h01"],
        ["Les chefs d’État sont attendus à Washington."],
        "24/05/2024 à 03h01",
    ),
    spun(
        "timestamp-publie-le-french-date",
        "Tempête Ciaran : 1,2 million de foyers privés d’électricité",
        ["Enedis a mobilisé 3 000 techniciens.", "Publié le 12 mars 2023 à 14h05"],
        ["Enedis a mobilisé 3 000 techniciens."],
        "12 mars 2023 à 14h05",
    ),
    spun(
        "timestamp-mis-a-jour-dotted",
        "La Loire en crue",
        ["Le département est placé en vigilance orange.", "Mis à jour le 05.06.2024 à 18:40"],
        ["Le département est placé en vigilance orange."],
        "05.06.2024 à 18:40",
    ),
    spun(
        "timestamp-premier-du-mois",
        "Le smic revalorisé",
        ["La hausse atteint 2 % au 1er janvier.", "1er juin 2024"],
        ["La hausse atteint 2 % au 1er janvier."],
        "1er juin 2024",
    ),
    spun(
        "timestamp-with-weekday",
        "Le festival d’Avignon dévoile sa programmation",
        ["Quarante spectacles sont annoncés.", "Publié le vendredi 24 mai 2024 à 15h32"],
        ["Quarante spectacles sont annoncés."],
        "vendredi 24 mai 2024 à 15h32",
    ),
]


@pytest.mark.parametrize(("text", "expected", "published_at"), SPUN)
def test_spun_article_is_cleaned_as_an_editor_expects(text, expected, published_at):
    result = clean_text(text)
    assert result.text == expected
    assert result.metadata.get("published_at") == published_at


# --- 2. first-person narration: kept, flagged --------------------------------------

def flagged(case_id, headline, paragraph, word):
    """A case whose narration sentence must be flagged, its finding containing ``word``."""
    text = article(headline, "Le reportage a été réalisé mardi.", paragraph, "La suite est attendue jeudi.")
    return pytest.param(text, word, id=case_id)


FLAGGED = [
    flagged("j-assiste", "Le plan d’économies du gouvernement détaillé",
            "J’assiste à la conférence de presse du Premier ministre, qui détaille son plan d’économies.",
            "J’assiste"),
    flagged("je-me-rends", "À Rungis, les prix des fruits s’envolent",
            "Je me rends ensuite au marché de Rungis, où les prix des fruits flambent.", "Je me rends"),
    flagged("sur-place-j-observe", "Forte affluence dans les bureaux de vote",
            "Sur place, j’observe de longues files d’attente devant les bureaux de vote.", "j’observe"),
    flagged("m-a-paru", "Retraites : le cortège parisien moins fourni",
            "Le cortège m’a paru moins fourni que la semaine dernière.", "m’a paru"),
    flagged("mon-interlocuteur", "Réforme : le calendrier confirmé",
            "Mon interlocuteur, un cadre du ministère, confirme le calendrier de la réforme.", "Mon interlocuteur"),
    flagged("enfin-je-note", "Hommage national aux Invalides",
            "Enfin, je note la présence de trois ministres au premier rang.", "je note"),
    flagged("a-mes-yeux", "Loi agricole : ce qui change",
            "À mes yeux, cette réforme change la donne pour les agriculteurs.", "mes yeux"),
    flagged("selon-moi", "Le projet de loi arrive à l’Assemblée",
            "Selon moi, le texte sera adopté sans difficulté à l’Assemblée.", "moi"),
    flagged("j-ai-rencontre-straight-apostrophe", "Le maire de Calais face à la crise",
            "J'ai rencontré le maire dans son bureau, au deuxième étage de l'hôtel de ville.", "J'ai rencontré"),
    flagged("je-pense-que-opinion-not-a-fact", "Les commerçants du centre-ville inquiets",
            "Je pense que la réforme arrive trop tard pour les commerçants du centre-ville.", "Je pense"),
    flagged("je-doute-que-subjunctive", "Pouvoir d’achat : les promesses du gouvernement",
            "Je doute que le gouvernement tienne ses promesses sur le pouvoir d’achat.", "Je doute"),
    flagged("j-y-retrouve-mid-paragraph", "Le salon de l’agriculture ouvre samedi",
            "Le salon ouvre ses portes samedi. J’y retrouve les mêmes exposants que l’an dernier.", "J’y"),
]


@pytest.mark.parametrize(("text", "word"), FLAGGED)
def test_first_person_narration_is_kept_and_flagged(text, word):
    result = clean_text(text)
    assert result.text == text
    assert any(
        f.rule_id == "fr.first-person-narration" and f.level == "warning" and word in f.original
        for f in result.findings
    ), [(f.rule_id, f.level, f.original) for f in result.findings]


# --- 3. real news: untouched, no warning, no error -----------------------------------

def real(case_id, headline, *paragraphs):
    return pytest.param(article(headline, *paragraphs), id=case_id)


REAL_NEWS = [
    real("quote-guillemets-first-person",
         "Le ministre de l’Intérieur exclut de démissionner",
         "Mis en cause dans l’affaire des fadettes, le ministre a réagi mardi soir sur TF1.",
         f"«{NBSP}Je ne démissionnerai pas{NBSP}», a-t-il déclaré, assurant n’avoir «{NBSP}rien à [se] "
         f"reprocher{NBSP}»."),
    real("quote-straight-first-person",
         "Martine Aubry réagit à la fermeture de l’usine",
         "La direction a annoncé lundi la fermeture du site de Lomme.",
         "\"J'ai appris la nouvelle à la radio, comme tout le monde\", a raconté la maire de Lille."),
    real("quote-curly-first-person",
         "Ligue 1 : Lens renverse Lyon",
         "Les Lensois se sont imposés 3-2 après avoir été menés de deux buts.",
         "“Je suis fier de mes joueurs, ils ont tout donné”, a confié l’entraîneur après la victoire."),
    real("quote-framing-words-inside-guillemets",
         "Le nouveau maire de Saint-Étienne découvre les comptes",
         f"«{NBSP}J’ai constaté que les caisses étaient vides{NBSP}», a expliqué le nouveau maire."),
    real("quote-colon-framing-inside-guillemets",
         "Budget : le ministre sonne l’alarme",
         f"Le ministre a prévenu{NBSP}: «{NBSP}Je peux vous résumer la situation ainsi{NBSP}: les caisses sont "
         f"vides.{NBSP}»"),
    real("quote-closed-in-later-paragraph",
         "Dix ans après Maïdan, ces Français restés en Ukraine",
         f"«{NBSP}Je suis arrivé à Kiev en 2014, au lendemain de la révolution de Maïdan. Je ne pensais pas y "
         f"rester dix ans.",
         f"Aujourd’hui, je me sens chez moi ici{NBSP}», raconte Marc, 45{NBSP}ans, ingénieur lyonnais."),
    real("quote-continued-over-three-paragraphs",
         "À Grigny, le maire promet la réouverture de l’école",
         f"Le maire a longuement répondu aux habitants{NBSP}: «{NBSP}Je connais vos difficultés. J’ai moi-même "
         f"grandi dans ce quartier.",
         f"«{NBSP}Je vous promets que l’école rouvrira à la rentrée. Nous avons trouvé les financements.",
         f"«{NBSP}Je serai là pour l’inauguration{NBSP}», a-t-il conclu."),
    real("quote-straight-continued-over-paragraphs",
         "Hôpital : le témoignage d’une aide-soignante",
         "\"Je travaille ici depuis trente ans.",
         "\"J'ai vu passer cinq directeurs, mais jamais une telle crise.",
         "\"Je partirai à la retraite en juin\", confie Jeanne, aide-soignante à Créteil."),
    real("reported-speech-incise-inside-quote",
         "Retraites : le Premier ministre ne reculera pas",
         "Le chef du gouvernement s’est exprimé devant les députés mardi.",
         f"«{NBSP}Je le dis clairement, a-t-il déclaré, nous ne reculerons pas sur les retraites.{NBSP}»"),
    real("reported-speech-incise-without-quotes",
         "La ministre de l’Agriculture face aux agriculteurs",
         "La ministre a été interpellée par des éleveurs lors de son déplacement.",
         "Je ne lâcherai rien, a-t-elle déclaré à l’issue du conseil des ministres."),
    real("indirect-speech-third-person",
         "Le Premier ministre dénonce une fuite",
         f"Le Premier ministre a affirmé qu’il avait appris la nouvelle «{NBSP}par la presse{NBSP}» et a assuré "
         "que le gouvernement ne reculerait pas."),
    real("en-tant-que-ministre-il",
         "Budget 2025 : le ministre défend sa copie au Sénat",
         "En tant que ministre de l’Économie, il a défendu mardi le projet de budget devant les sénateurs."),
    real("en-tant-que-presidente-elle-annonce-que",
         "Des purificateurs d’air dans tous les lycées",
         "En tant que présidente de la région, elle a annoncé que les lycées seraient équipés de purificateurs "
         "d’air."),
    real("en-tant-que-telle",
         "La prime de Noël reconduite",
         "En tant que telle, la mesure ne coûtera rien aux finances publiques, selon Bercy."),
    real("bare-persona-opener-third-person",
         "Vendée Globe : un skipper de 23 ans à l’arrivée",
         "Passionné de voile depuis l’enfance, il a bouclé son premier tour du monde en 80 jours."),
    real("il-est-interessant-de-noter",
         "La loi adoptée à une voix près",
         "Il est intéressant de noter que le texte a été adopté à une voix près, après une nuit de débats."),
    real("force-est-de-constater",
         "Nouvelle-Calédonie : les discussions piétinent",
         "Force est de constater que les négociations piétinent depuis trois mois."),
    real("dateline-city-and-date",
         "Hollande reçoit les partenaires sociaux",
         "PARIS, 22 mai 2012. - Le président François Hollande a reçu mardi les partenaires sociaux à l’Élysée.",
         "La réunion a duré près de trois heures."),
    real("dateline-date-only",
         "Premier Conseil des ministres du gouvernement Ayrault",
         "22 mai 2012. - Le nouveau gouvernement s’est réuni pour la première fois.",
         "Les ministres ont signé une charte de déontologie."),
    real("standfirst-video",
         "Incendie spectaculaire à Saint-Ouen",
         "VIDÉO. Les images impressionnantes de l’incendie qui a ravagé un entrepôt à Saint-Ouen.",
         "Aucune victime n’est à déplorer."),
    real("standfirst-exclusif",
         "Le rapport qui accable la gestion des Ehpad",
         "EXCLUSIF. Le rapport que le gouvernement voulait garder secret.",
         "Il pointe des manquements dans 40 établissements."),
    real("rhetorical-question",
         "L’inflation repart à la hausse",
         f"Les prix ont augmenté de 0,4{NBSP}% en mars. Faut-il pour autant s’inquiéter{NBSP}? Pas forcément, "
         "répondent les économistes interrogés."),
    real("address-to-the-reader",
         "Ces experts qui veulent interdire les écrans avant 6 ans",
         "Le rapport remis au président recommande d’interdire les écrans aux moins de 3 ans.",
         f"Partagez-vous l’avis de ces experts{NBSP}? Donnez votre opinion dans les commentaires."),
    real("editorial-nous-and-nos-confreres",
         "Plan social chez un équipementier automobile",
         f"Comme nous l’annoncions hier, le groupe va supprimer 300{NBSP}postes en France. Selon nos confrères "
         "du Parisien, le site d’Amiens serait le plus touché."),
    real("lawyer-me",
         "Accident mortel à Nanterre : la famille fait appel",
         "Me Dupont, l’avocat de la famille, a annoncé qu’il ferait appel de la décision, a indiqué à l’AFP "
         "Me Éric Morain."),
    real("lawyers-mes",
         "Procès de l’ancien maire de Levallois",
         f"Mes Martin et Durand, qui défendent l’ancien maire, dénoncent «{NBSP}un procès politique{NBSP}»."),
    real("lawyers-mes-accented-first-name",
         "Procès des assistants parlementaires",
         "Mes Émeline Roux et Paul Girard ont plaidé la relaxe de leurs clients."),
    real("show-title-touche-pas-a-mon-poste",
         "L’Arcom sanctionne C8",
         f"L’Arcom a infligé une amende de 3,5{NBSP}millions d’euros à C8 pour des propos tenus dans Touche pas "
         "à mon poste l’an dernier."),
    real("film-title-starting-with-je",
         "César : le triomphe de Jeanne Herry",
         "Le film Je verrai toujours vos visages, de Jeanne Herry, a remporté trois César vendredi soir."),
    real("headline-once-lede-expands-it",
         "Macron en visite d’État en Allemagne",
         "Macron en visite d’État en Allemagne : le président est arrivé dimanche à Berlin pour trois jours.",
         "Il doit prononcer un discours à Dresde lundi."),
    real("headline-question-mark",
         "Faut-il avoir peur de l’intelligence artificielle ?",
         "Un rapport du Sénat publié mercredi appelle à encadrer les usages de l’IA dans l’administration."),
    real("headline-first-person-quote",
         f"«{NBSP}Je ne partirai pas{NBSP}»{NBSP}: le maire de Marseille défie son opposition",
         "Le maire a exclu lundi toute démission, malgré la fronde d’une partie de sa majorité."),
    real("interview-answers-in-quotes",
         "Teddy Riner : « Je reviendrai plus fort »",
         "Le judoka français revient sur sa défaite en quart de finale.",
         f"Comment avez-vous vécu cette élimination{NBSP}?",
         f"«{NBSP}J’ai beaucoup appris. Je n’ai pas eu de chance ce jour-là, mais je reviendrai plus fort.{NBSP}»",
         f"Quels sont vos objectifs pour la saison{NBSP}?",
         f"«{NBSP}Je veux d’abord me reposer. Ensuite, je me concentrerai sur les championnats du "
         f"monde.{NBSP}»"),
    real("sub-heading",
         "Retraites : ce que contient la réforme",
         "L’âge légal passera progressivement de 62 à 64 ans.",
         "Une réforme contestée",
         "Les syndicats appellent à une nouvelle journée de mobilisation jeudi."),
    real("date-in-last-sentence",
         "L’assassin présumé de Samuel Paty sera jugé",
         "L’enquête est close depuis l’automne.",
         "Le procès s’ouvrira le 12 mars 2025 devant la cour d’assises de Paris."),
    real("iso-date-in-last-sentence",
         "Le rapport de la Cour des comptes attendu",
         "La publication est prévue le 2024-06-12 à la mi-journée."),
    real("credit-line-last",
         "Un séisme de magnitude 6 frappe le Japon",
         "Aucune alerte au tsunami n’a été émise.",
         "(Avec AFP)"),
]


@pytest.mark.parametrize("text", REAL_NEWS)
def test_real_news_is_untouched_and_raises_nothing(text):
    result = clean_text(text)
    assert result.text == text
    assert [(f.rule_id, f.original) for f in result.findings if f.level in ("warning", "error")] == []
