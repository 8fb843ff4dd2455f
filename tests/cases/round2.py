"""Blind round-2 cases for the French spun-news cleaner, written by a second author who saw
neither the rules nor the first round of cases (the seed article and ARTEFACTS.md only).
The first run scored 34/40 spun and 33/40 real; interviews were the harmful misses.

SPUN: each case is built from a headline and a list of paragraph items:
  - "text"            : paragraph kept verbatim
  - ("in", "out")     : paragraph rewritten by the cleaner
  - ("in", None)      : paragraph deleted whole
  ts=...              : a trailing timestamp paragraph (must be removed, -> published_at)
  flags=...           : rule ids that MUST be present among the findings
REAL: headline + paragraphs that must come out byte-identical, with no warning/error.
"""

NB = "\u00a0"   # no-break space
NNB = "\u202f"  # narrow no-break space


def g(s):
    """French guillemets with no-break spaces."""
    return "«" + NB + s + NB + "»"


def build(headline, items, ts=None):
    src, exp = [headline], [headline]
    for it in items:
        if isinstance(it, tuple):
            a, b = it
            src.append(a)
            if b is not None:
                exp.append(b)
        else:
            src.append(it)
            exp.append(it)
    if ts:
        src.append(ts)
    return "\n\n".join(src) + "\n", "\n\n".join(exp) + "\n"


SPUN = []


def spun(name, headline, items, ts=None, flags=(), note=""):
    src, exp = build(headline, items, ts)
    SPUN.append(dict(name=name, input=src, expected=exp, ts=ts, flags=set(flags), note=note))


NARR = "fr.first-person-narration"
PULL = "fr.pull-quote"

# ---------------------------------------------------------------- spun 1-40
spun("S01-sport-intro-fem-framing-iso-ts",
     "Ligue 1 : le PSG s’impose à Lyon au terme d’un match fou",
     [("En tant que passionnée de football, je suis toujours émerveillée par l’intensité des grandes affiches de Ligue 1. Les rivalités entre les clubs français ajoutent une saveur particulière à chaque saison.", None),
      "Le Paris Saint-Germain s’est imposé 3-2 dimanche soir au Groupama Stadium face à l’Olympique lyonnais, lors de la 12e journée.",
      ("J'ai remarqué que les Parisiens ont marqué deux buts dans les dix dernières minutes. Kylian Mbappé a inscrit le but de la victoire à la 89e minute.",
       "Les Parisiens ont marqué deux buts dans les dix dernières minutes. Kylian Mbappé a inscrit le but de la victoire à la 89e minute."),
      "Lyon reste 15e du classement avec 10 points."],
     ts="2023-11-02 18:45")

spun("S02-eco-persona-framing-qu-Airbus-slash-ts",
     "Airbus relève ses objectifs de livraisons pour 2024",
     ["L’avionneur européen a publié mercredi des résultats trimestriels supérieurs aux attentes des analystes.",
      ("En tant que spécialiste de l’économie, je suis heureux d’annoncer qu’Airbus a livré 488 appareils sur les neuf premiers mois de l’année. Le groupe vise désormais 735 livraisons.",
       "Airbus a livré 488 appareils sur les neuf premiers mois de l’année. Le groupe vise désormais 735 livraisons."),
      "Le titre a progressé de 4 % à la Bourse de Paris."],
     ts="02/11/2023 18:45")

spun("S03-culture-dup-headline-colon-nbsp",
     "Le festival Jazz à Vienne affiche complet pour sa 43e édition",
     [("Le festival Jazz à Vienne affiche complet pour sa 43e édition", None),
      "Plus de 200 000 spectateurs sont attendus dans le théâtre antique de la ville iséroise jusqu’au 13 juillet.",
      ("En tant qu’amatrice de jazz, je peux résumer la soirée d’ouverture ainsi" + NB + ": le trio de Brad Mehldau a ouvert le concert avec un standard de Coltrane, puis la chanteuse Cécile McLorin Salvant a pris le relais.",
       "Le trio de Brad Mehldau a ouvert le concert avec un standard de Coltrane, puis la chanteuse Cécile McLorin Salvant a pris le relais."),
      "Les organisateurs annoncent déjà les premiers noms de l’édition suivante."])

spun("S04-politics-il-me-semble-publie-le-ts",
     "Le gouvernement présente son projet de loi sur l’immigration",
     [("Il me semble important de souligner que le gouvernement a présenté mercredi en Conseil des ministres un nouveau projet de loi sur l’immigration.",
       "Le gouvernement a présenté mercredi en Conseil des ministres un nouveau projet de loi sur l’immigration."),
      "Le texte prévoit notamment la création d’un titre de séjour pour les métiers en tension.",
      "Il sera examiné par le Sénat à partir du 6 novembre."],
     ts="Publié le 2 novembre 2023 à 18h45")

spun("S05-science-midpara-qu-elle",
     "La sonde Lucy survole son premier astéroïde",
     ["La Nasa a confirmé mercredi le succès du survol de l’astéroïde Dinkinesh par sa sonde Lucy.",
      ("La sonde a été lancée en octobre 2021 depuis Cap Canaveral. Je constate qu’elle a parcouru plus de six milliards de kilomètres depuis son départ.",
       "La sonde a été lancée en octobre 2021 depuis Cap Canaveral. Elle a parcouru plus de six milliards de kilomètres depuis son départ."),
      "Elle doit ensuite rejoindre les astéroïdes troyens de Jupiter en 2027."])

spun("S06-faits-divers-linking-word-maj-ts",
     "Incendie dans un immeuble de Marseille : douze personnes évacuées",
     ["Un incendie s’est déclaré mardi soir au troisième étage d’un immeuble du 3e arrondissement de Marseille.",
      ("Par ailleurs, j’ai appris que les pompiers sont intervenus en moins de dix minutes avec une quarantaine d’hommes.",
       "Par ailleurs, les pompiers sont intervenus en moins de dix minutes avec une quarantaine d’hommes."),
      "Deux habitants ont été légèrement intoxiqués par les fumées. Une enquête a été ouverte pour déterminer l’origine du sinistre."],
     ts="Mis à jour le 3 novembre 2023 à 09h12")

spun("S07-dup-headline-trailing-period-tiens-a-souligner",
     "La Banque de France abaisse sa prévision de croissance",
     [("La Banque de France abaisse sa prévision de croissance.", None),
      "L’institution table désormais sur une hausse du PIB de 0,9 % cette année, contre 1 % auparavant.",
      ("Je tiens à souligner que l’inflation devrait reculer à 2,5 % en 2024 selon ces mêmes projections.",
       "L’inflation devrait reculer à 2,5 % en 2024 selon ces mêmes projections."),
      "Le gouverneur François Villeroy de Galhau s’exprimera jeudi devant les députés."])

spun("S08-dup-headline-apostrophe-variant-pull-quote",
     "L’Assemblée adopte le budget de la Sécurité sociale",
     [("L'Assemblée adopte le budget de la Sécurité sociale", None),
      g("Les députés ont adopté le projet de loi de financement de la Sécurité sociale après un nouveau recours au 49.3."),
      "La Première ministre Élisabeth Borne a engagé pour la treizième fois la responsabilité de son gouvernement.",
      "Deux motions de censure ont été déposées par l’opposition. Elles seront examinées vendredi."],
     flags=[PULL])

spun("S09-sport-colon-framing-then-narration",
     "Jeux paralympiques : une cérémonie d’ouverture grandiose sur la Concorde",
     ["Plus de 4 000 athlètes ont défilé mercredi soir sur les Champs-Élysées avant de rejoindre la place de la Concorde.",
      ("En tant qu’observatrice, je peux décrire la cérémonie de cette façon : je vois les délégations entrer sur la place sous les applaudissements. Ensuite, j’aperçois la vasque s’élever dans le ciel parisien.",
       "Je vois les délégations entrer sur la place sous les applaudissements. Ensuite, j’aperçois la vasque s’élever dans le ciel parisien."),
      "Les épreuves débutent jeudi avec le para-cyclisme sur piste."],
     flags=[NARR])

spun("S10-sport-plural-nous-persona-framing",
     "Le Tour de France 2025 partira de Lille",
     [("En tant que passionnés de cyclisme, nous sommes ravis d’annoncer que le Tour de France 2025 partira de Lille le 5 juillet.",
       "Le Tour de France 2025 partira de Lille le 5 juillet."),
      "Les trois premières étapes se dérouleront entièrement dans la région Hauts-de-France.",
      "Le parcours complet sera dévoilé le 29 octobre au Palais des congrès de Paris."],
     note="stretch: plural 'nous' persona (ARTEFACTS grammar names je/j’ only)")

spun("S11-intro-in-middle-masc",
     "Vendanges 2023 : une récolte en baisse en Bourgogne",
     ["Les viticulteurs bourguignons ont achevé les vendanges avec une production en recul de 10 % par rapport à l’an dernier.",
      "La grêle du mois de juin a frappé plusieurs parcelles de la Côte de Beaune.",
      ("En tant qu’amateur de grands vins, je suis toujours captivé par le travail patient des vignerons. Le terroir bourguignon reste une source d’émerveillement inépuisable pour tous les passionnés.", None),
      "Le Bureau interprofessionnel des vins de Bourgogne publiera ses chiffres définitifs en décembre."])

spun("S12-multi-framings-intro-ts",
     "Grève à la SNCF : le trafic fortement perturbé jeudi",
     [("En tant que lecteur attentif de l’actualité sociale, je suis toujours curieux de suivre les mouvements de grève. Les relations entre la direction et les syndicats cheminots restent un sujet brûlant.", None),
      ("J’ai observé que seul un TGV sur trois circulera jeudi sur l’axe Sud-Est.",
       "Seul un TGV sur trois circulera jeudi sur l’axe Sud-Est."),
      ("Je note que les syndicats réclament une hausse des salaires de 5 %. La direction propose 2,5 %.",
       "Les syndicats réclament une hausse des salaires de 5 %. La direction propose 2,5 %."),
      ("Il me semble important de préciser qu'aucune négociation n'est prévue avant lundi.",
       "Aucune négociation n'est prévue avant lundi.")],
     ts="2023-11-02 18:45")

spun("S13-jai-lu-qu-un-slash-ts-h",
     "Un séisme de magnitude 6,3 frappe l’ouest de l’Afghanistan",
     [("J’ai lu qu’un séisme de magnitude 6,3 a frappé samedi la province d’Hérat, dans l’ouest du pays.",
       "Un séisme de magnitude 6,3 a frappé samedi la province d’Hérat, dans l’ouest du pays."),
      "Selon les autorités talibanes, le bilan provisoire s’élève à plus de 2 000 morts.",
      "Plusieurs répliques ont été ressenties jusqu’à la frontière iranienne."],
     ts="02/11/2023 - 18h45")

spun("S14-eco-informer-qu-en",
     "Le chômage recule légèrement au troisième trimestre",
     ["Le taux de chômage s’est établi à 7,2 % de la population active, selon l’Insee.",
      ("Je peux vous informer qu’en un an, le nombre de demandeurs d’emploi a baissé de 60 000 personnes.",
       "En un an, le nombre de demandeurs d’emploi a baissé de 60 000 personnes."),
      "Le gouvernement vise toujours le plein emploi d’ici à 2027."])

spun("S15-sport-fiere-annoncer-no-persona",
     "Coupe du monde : les Bleues qualifiées pour les quarts",
     [("Je suis fière d’annoncer que l’équipe de France féminine s’est qualifiée pour les quarts de finale en battant le Maroc 4-0.",
       "L’équipe de France féminine s’est qualifiée pour les quarts de finale en battant le Maroc 4-0."),
      "Kadidiatou Diani a inscrit un doublé en première période.",
      "Les joueuses d’Hervé Renard affronteront l’Australie samedi à Brisbane."])

spun("S16-env-defenseure-ravie-partager",
     "Lyon va planter 30 000 arbres d’ici 2026",
     ["La métropole lyonnaise a dévoilé lundi son plan de végétalisation pour les trois prochaines années.",
      ("En tant que défenseure de l’environnement, je suis ravie de partager que la ville de Lyon consacrera 20 millions d’euros à ce programme.",
       "La ville de Lyon consacrera 20 millions d’euros à ce programme."),
      "Les premières plantations auront lieu cet hiver dans les 8e et 9e arrondissements."])

spun("S17-eco-lecteur-plaisir-informer",
     "La BCE maintient ses taux directeurs inchangés",
     [("En tant que lecteur assidu de la presse économique, j’ai le plaisir de vous informer que la BCE a maintenu jeudi son principal taux directeur à 4,5 %.",
       "La BCE a maintenu jeudi son principal taux directeur à 4,5 %."),
      "C’est la première pause après dix hausses consécutives depuis juillet 2022.",
      "Christine Lagarde a toutefois refusé d’évoquer une baisse prochaine."])

spun("S18-politics-colon-no-persona",
     "COP28 : les négociations se prolongent à Dubaï",
     ["Les délégués de près de 200 pays n’ont pas réussi à s’entendre mardi sur la sortie des énergies fossiles.",
      ("Je peux résumer la situation de cette manière : les pays producteurs de pétrole refusent toute mention d’une sortie progressive.",
       "Les pays producteurs de pétrole refusent toute mention d’une sortie progressive."),
      "La présidence émiratie a promis un nouveau texte dans la nuit."])

spun("S19-sport-colon-narrow-nbsp",
     "Six Nations : le XV de France écrase l’Italie",
     [("En tant que fervent supporter des Bleus, je vais vous décrire la rencontre ainsi" + NNB + ": les Français ont inscrit six essais et dominé toutes les phases de jeu.",
       "Les Français ont inscrit six essais et dominé toutes les phases de jeu."),
      "Antoine Dupont a été élu homme du match.",
      "La France affrontera l’Irlande dans une semaine à Dublin."])

spun("S20-framing-last-para-maj-slash-ts",
     "Renault dévoile sa nouvelle R5 électrique",
     ["Le constructeur a présenté lundi au salon de Genève la version de série de sa citadine électrique.",
      "Elle sera produite à Douai à partir de l’an prochain.",
      ("Je remarque que le prix de départ sera inférieur à 25 000 euros.",
       "Le prix de départ sera inférieur à 25 000 euros.")],
     ts="Mis à jour le 03/11/2023 à 08:10")

spun("S21-politics-qu-Emmanuel-straight",
     "Emmanuel Macron en visite d’État en Allemagne",
     [("J'ai observé qu'Emmanuel Macron a été accueilli dimanche à Berlin par le président Frank-Walter Steinmeier.",
       "Emmanuel Macron a été accueilli dimanche à Berlin par le président Frank-Walter Steinmeier."),
      "C’est la première visite d’État d’un président français en Allemagne depuis 24 ans.",
      "Il prononcera un discours à Dresde lundi."])

spun("S22-social-je-sais-que-midpara",
     "Réforme des retraites : nouvelle journée de mobilisation",
     [("Les huit principaux syndicats ont appelé à manifester jeudi dans toute la France. Je sais que plus de 250 rassemblements sont prévus.",
       "Les huit principaux syndicats ont appelé à manifester jeudi dans toute la France. Plus de 250 rassemblements sont prévus."),
      "Le ministère de l’Intérieur attend entre 600 000 et 800 000 manifestants."])

spun("S23-health-il-me-parait-essentiel-rappeler",
     "Covid-19 : la campagne de rappel vaccinal démarre",
     ["La Haute Autorité de santé recommande une nouvelle dose pour les plus de 65 ans.",
      ("Il me paraît essentiel de rappeler que les personnes immunodéprimées sont également concernées.",
       "Les personnes immunodéprimées sont également concernées."),
      "Les pharmacies pourront administrer le vaccin dès lundi."])

spun("S24-justice-je-dois-souligner",
     "Procès des attentats de Bruxelles : le verdict attendu en juillet",
     ["La cour d’assises de Bruxelles a entamé lundi ses délibérations.",
      ("Je dois souligner que dix accusés comparaissent devant le jury populaire.",
       "Dix accusés comparaissent devant le jury populaire."),
      "Les attentats du 22 mars 2016 avaient fait 32 morts."])

spun("S25-culture-jai-decouvert-avec-interet",
     "Le Louvre accueille une rétrospective Naples",
     [("J’ai découvert avec intérêt que le musée du Louvre expose une soixantaine de chefs-d’œuvre du musée de Capodimonte.",
       "Le musée du Louvre expose une soixantaine de chefs-d’œuvre du musée de Capodimonte."),
      "L’exposition est visible jusqu’au 8 janvier 2024."],
     note="adverbial insertion between verb and que")

spun("S26-faits-divers-intro-lectrice",
     "Une voiture finit sa course dans la Seine à Rouen",
     [("En tant que lectrice passionnée de faits divers, je suis toujours fascinée par les histoires insolites qui se déroulent près de chez nous. Ces événements nous rappellent à quel point la vie peut être imprévisible.", None),
      "Un automobiliste a perdu le contrôle de son véhicule dans la nuit de samedi à dimanche sur les quais de Rouen.",
      "Le conducteur, âgé de 23 ans, a pu s’extraire seul de l’habitacle. Il a été hospitalisé en état d’hypothermie."])

spun("S27-dup-headline-guillemet-spacing",
     "Nupes : les socialistes votent un « moratoire » sur leur participation",
     [("Nupes : les socialistes votent un " + g("moratoire") + " sur leur participation", None),
      "Le conseil national du PS a adopté mardi soir une résolution suspendant sa participation à l’alliance de gauche.",
      ("J’ai constaté que la motion a recueilli 69 % des voix.",
       "La motion a recueilli 69 % des voix."),
      "Olivier Faure a appelé à « reconstruire » l’union sur de nouvelles bases."])

spun("S28-eco-heureux-apprendre",
     "TotalEnergies annonce un bénéfice record",
     ["Le groupe pétrolier a publié jeudi ses résultats du troisième trimestre.",
      ("Je suis heureux de vous apprendre que TotalEnergies a dégagé un bénéfice net de 6,7 milliards de dollars.",
       "TotalEnergies a dégagé un bénéfice net de 6,7 milliards de dollars."),
      "Le groupe versera un acompte sur dividende en hausse de 7 %."])

spun("S29-faits-divers-entendu-dire",
     "Évasion spectaculaire à la prison de Réau",
     [("J’ai entendu dire qu’un détenu s’est évadé lundi matin à l’aide d’un hélicoptère.",
       "Un détenu s’est évadé lundi matin à l’aide d’un hélicoptère."),
      "L’appareil s’est posé dans la cour d’honneur de l’établissement.",
      "Une vaste opération de recherche a été lancée dans toute l’Île-de-France."])

spun("S30-tech-qu-Orange-curly",
     "Orange va supprimer 700 postes en France",
     [("Je constate qu’Orange prévoit un plan de départs volontaires d’ici à la fin de 2025.",
       "Orange prévoit un plan de départs volontaires d’ici à la fin de 2025."),
      "Les syndicats dénoncent une « saignée » dans les effectifs."])

spun("S31-framing-last-para-seconds-ts",
     "Paris : la vitesse limitée à 50 km/h sur le périphérique",
     ["La mairie de Paris a confirmé la mesure, qui entrera en vigueur le 1er octobre.",
      ("J’ai appris que la voie de gauche sera réservée au covoiturage après les Jeux olympiques.",
       "La voie de gauche sera réservée au covoiturage après les Jeux olympiques.")],
     ts="2023-11-02 18:45:12")

spun("S32-sport-qu-ils",
     "Basket : les Bleus battent les États-Unis en match de préparation",
     ["L’équipe de France de basket a créé la surprise samedi soir à Lille.",
      ("J’ai remarqué qu’ils ont mené pendant tout le match grâce à un Victor Wembanyama en grande forme.",
       "Ils ont mené pendant tout le match grâce à un Victor Wembanyama en grande forme."),
      "Score final : 86-81."])

spun("S33-sport-ancien-joueur-fier-affirmer",
     "Rugby : le XV de France en stage à Capbreton",
     [("En tant qu’ancien joueur de rugby amateur, je suis fier d'affirmer que le XV de France a entamé lundi un stage de préparation à Capbreton.",
       "Le XV de France a entamé lundi un stage de préparation à Capbreton."),
      "Quarante-deux joueurs ont été convoqués par Fabien Galthié."],
     note="persona noun outside the listed ones (ancien joueur)")

spun("S34-culture-narration-no-colon",
     "Le musée d’Orsay rouvre ses salles impressionnistes",
     ["Après deux ans de travaux, le cinquième étage du musée a rouvert mardi au public.",
      "Je découvre d’abord les nouvelles salles, où j’admire une centaine de toiles de Monet et de Renoir. Puis je traverse la galerie rénovée.",
      "Le chantier a coûté 12 millions d’euros."],
     flags=[NARR])

spun("S35-culture-nous-intro",
     "Le Grand Palais rouvre ses portes après quatre ans de travaux",
     [("En tant qu’amateurs d’art, nous sommes toujours émerveillés par les grands monuments parisiens. Ces lieux chargés d’histoire continuent de fasciner les visiteurs du monde entier.", None),
      "Le monument, construit pour l’Exposition universelle de 1900, a rouvert partiellement samedi.",
      "La nef accueillera en décembre une patinoire géante."],
     note="stretch: plural 'nous' persona intro")

spun("S36-science-two-framings-linking",
     "Une étude de l’Inserm relie pollution et maladie d’Alzheimer",
     [("Je peux affirmer que les chercheurs de l’Inserm ont suivi 7 000 personnes pendant quinze ans.",
       "Les chercheurs de l’Inserm ont suivi 7 000 personnes pendant quinze ans."),
      ("De plus, il me semble important de noter que l’étude a été publiée dans la revue The Lancet.",
       "De plus, l’étude a été publiée dans la revue The Lancet."),
      "Les auteurs appellent à renforcer les normes sur les particules fines."])

spun("S37-eco-analyste-tiens-qu-il",
     "Le prix du gazole repasse sous 1,80 euro",
     [("En tant qu'analyste financière, je tiens à souligner qu'il s'agit de la plus forte baisse hebdomadaire depuis juin.",
       "Il s'agit de la plus forte baisse hebdomadaire depuis juin."),
      "Le litre de gazole s'affichait en moyenne à 1,79 euro vendredi, selon le ministère de la Transition énergétique."])

spun("S38-faits-divers-ete-informee",
     "Disparition d’une adolescente dans le Var : appel à témoins",
     ["La gendarmerie a lancé un appel à témoins mardi pour retrouver une jeune fille de 15 ans.",
      ("J’ai été informée que la gendarmerie a mobilisé un hélicoptère et une équipe cynophile.",
       "La gendarmerie a mobilisé un hélicoptère et une équipe cynophile."),
      "L’adolescente a été vue pour la dernière fois samedi à Draguignan."])

spun("S39-politics-everything",
     "Sénatoriales : la droite conserve la majorité",
     [("Sénatoriales : la droite conserve la majorité", None),
      ("En tant qu’observateur passionné de la vie politique, je suis toujours intrigué par les élections sénatoriales. Ce scrutin discret reste pourtant essentiel pour l’équilibre de nos institutions.", None),
      g("La droite et le centre conservent la majorité au Sénat à l’issue du renouvellement de la moitié des sièges."),
      ("J’ai observé que Les Républicains ont remporté 133 sièges sur 348.",
       "Les Républicains ont remporté 133 sièges sur 348."),
      ("En tant qu’observateur, je peux décrire la soirée de cette façon : j’assiste à la réélection de Gérard Larcher à la présidence. Puis je note l’entrée de plusieurs écologistes au palais du Luxembourg.",
       "J’assiste à la réélection de Gérard Larcher à la présidence. Puis je note l’entrée de plusieurs écologistes au palais du Luxembourg."),
      ("En tant que fervente adepte de la politique française, je suis ravie d’annoncer que le Rassemblement national fait son entrée au Sénat avec trois élus.",
       "Le Rassemblement national fait son entrée au Sénat avec trois élus.")],
     ts="Publié le 02/11/2023 à 18:45",
     flags=[NARR, PULL])

spun("S40-transport-remarque-present-midpara-last",
     "Le métro du Grand Paris Express prend du retard",
     ["La Société des grands projets a reconnu lundi un nouveau décalage du calendrier.",
      ("La ligne 15 Sud ne sera pas mise en service avant fin 2025. Je remarque que la ligne 18 devrait ouvrir en 2026. Le coût total dépasse désormais 36 milliards d’euros.",
       "La ligne 15 Sud ne sera pas mise en service avant fin 2025. La ligne 18 devrait ouvrir en 2026. Le coût total dépasse désormais 36 milliards d’euros.")],
     ts="Publié le 2 nov. 2023 à 18h45")

# ---------------------------------------------------------------- real news 1-40
REAL = []


def real(name, headline, paras, note=""):
    text = "\n\n".join([headline] + paras) + "\n"
    REAL.append(dict(name=name, input=text, note=note))


real("R01-quote-guillemets-ministre",
     "Le ministre de l’Intérieur exclut toute démission",
     ["Mis en cause après les violences de samedi, le ministre a tenu à répondre aux critiques.",
      g("Je ne démissionnerai pas") + ", a déclaré le ministre devant les députés. " + g("J’ai la confiance du président de la République et je constate que les forces de l’ordre ont fait leur travail") + ", a-t-il ajouté.",
      "L’opposition réclame une commission d’enquête."])

real("R02-quote-curly-english",
     "Accident sur l’A7 : un témoin raconte",
     ["Un poids lourd a percuté plusieurs véhicules mardi matin près de Valence.",
      "“J’ai vu le camion arriver à toute vitesse, puis j’ai entendu un énorme bruit”, raconte un automobiliste présent sur les lieux.",
      "Trois personnes ont été blessées, dont une grièvement."])

real("R03-quote-straight-framing-verb",
     "Inondations dans le Pas-de-Calais : le préfet s’inquiète",
     ["Les crues de l’Aa et de la Liane ont de nouveau provoqué des évacuations mardi.",
      "\"Je constate que la situation s'est encore dégradée dans la nuit et j'ai demandé des renforts\", a affirmé le préfet lors d'un point presse.",
      "Plus de 200 communes sont placées en état de catastrophe naturelle."])

real("R04-quote-spanning-paragraphs-persona-inside",
     "Le maire de Bordeaux défend son budget",
     ["Devant le conseil municipal, Pierre Hurmic a longuement détaillé ses choix budgétaires.",
      "«" + NB + "En tant que maire, je suis fier d’annoncer que la dette de la ville a baissé pour la troisième année consécutive. J’ai observé que nos investissements dans les écoles portent leurs fruits.",
      "Je sais que certains contestent ces priorités, mais je les assume pleinement." + NB + "», a-t-il conclu.",
      "L’opposition a voté contre le budget."])

real("R05-interview-dash-QR-paragraphs",
     "Anne Hidalgo : « Paris sera prête pour les Jeux »",
     ["À quelques mois des Jeux olympiques, la maire de Paris répond à nos questions.",
      "– Vous avez promis une Seine baignable. Est-ce toujours possible ?",
      "– Je suis convaincue que oui. J’ai vu les résultats des derniers prélèvements et je constate que la qualité de l’eau s’améliore.",
      "– En tant que maire, ne craignez-vous pas la colère des Parisiens ?",
      "– Je les comprends. En tant que maire, je suis attentive à leurs difficultés, mais je suis fière d’annoncer que les travaux seront terminés à temps."])

real("R06-interview-dash-one-paragraph",
     "Rencontre avec Thomas Pesquet",
     ["L’astronaute français revient sur sa dernière mission.",
      "– Vous êtes resté six mois dans l’espace. Qu’est-ce qui vous a le plus marqué ? – J’ai été frappé par la fragilité de l’atmosphère. J’ai observé que les glaciers reculent à vue d’œil."])

real("R07-interview-figaro-format",
     "Bruno Le Maire : « Nous tiendrons l’objectif de déficit »",
     ["LE FIGARO. - Le déficit public dépassera-t-il 5 % cette année ?",
      "BRUNO LE MAIRE. - Non. Je peux vous affirmer que nous tiendrons notre objectif de 4,9 %. J’ai toujours dit que le sérieux budgétaire était une priorité.",
      "Propos recueillis par Marie Visot"])

real("R08-interview-name-colon",
     "Marathon de Paris : « J’ai commencé à courir à 40 ans »",
     ["Nous avons rencontré Claire, 52 ans, qui s’apprête à courir son dixième marathon.",
      "Le Parisien : Comment vous préparez-vous ?",
      "Claire Martin : Je cours quatre fois par semaine. En tant qu’ancienne fumeuse, je suis heureuse de constater que mon souffle s’améliore chaque année."])

real("R09-oped-signed-first-person-debatable-1",
     "« La dette publique n’est pas une fatalité »",
     ["Par Jean Martin, économiste et professeur à Sciences Po",
      "Je constate depuis des années que le débat sur la dette publique est mal posé. On oppose la rigueur à la relance, alors que la vraie question est celle de la qualité de la dépense.",
      "Je propose donc trois pistes : évaluer chaque dépense, protéger l’investissement et réformer la fiscalité locale."],
     note="DEBATABLE: signed op-ed in first person; arguably real content")

real("R10-oped-tribune-persona-debatable-2",
     "Tribune. « Les urgences ne tiendront pas un hiver de plus »",
     ["TRIBUNE. En tant que médecin urgentiste, je suis inquiète de constater que les urgences ferment leurs portes la nuit dans des dizaines d’hôpitaux.",
      "J’ai vu des patients attendre douze heures sur un brancard. Nous ne pouvons plus continuer ainsi.",
      "Par la docteure Claire Morel, urgentiste au CHU de Nantes"],
     note="DEBATABLE: signed tribune whose opening matches the persona-framing grammar exactly")

real("R11-reported-speech",
     "Le ministre promet de ne pas augmenter les impôts",
     ["Le ministre de l’Économie a assuré mardi qu’il n’augmenterait pas les impôts en 2024.",
      "Il a expliqué avoir constaté que les recettes fiscales étaient supérieures aux prévisions. Elle affirme, de son côté, avoir appris que le projet était abandonné.",
      "Selon lui, la croissance devrait atteindre 1,4 % l’an prochain."])

real("R12-rhetorical-questions-reader",
     "Faut-il avoir peur de l’intelligence artificielle ?",
     ["Vous avez sans doute remarqué que les outils d’intelligence artificielle se multiplient dans votre quotidien.",
      "Faut-il pour autant s’en inquiéter ? Pas forcément, selon les chercheurs interrogés. Que savons-nous vraiment de ces systèmes ?",
      "Pour le mathématicien Cédric Villani, la régulation reste indispensable."])

real("R13-datelines",
     "Séisme au Maroc : les secours à pied d’œuvre",
     ["MARRAKECH, 10 septembre (Reuters) - Les secouristes marocains continuaient dimanche de fouiller les décombres dans les villages de l’Atlas.",
      "22 mai 2012. - Le bilan s’élève désormais à plus de 2 000 morts, selon le ministère de l’Intérieur.",
      "Rabat a accepté l’aide de quatre pays."])

real("R14-standfirst-video",
     "Un chef étoilé ouvre un restaurant solidaire à Lyon",
     ["VIDÉO. Le chef Mathieu Viannay propose des menus à 5 euros pour les étudiants.",
      "Le restaurant, installé dans le 7e arrondissement, peut accueillir 80 couverts.",
      "Il est ouvert du lundi au vendredi, de 11h30 à 14 heures."])

real("R15-standfirst-infographie-subheadings",
     "Comment l’inflation a évolué depuis 2021",
     ["INFOGRAPHIE. Les prix à la consommation ont augmenté de près de 15 % en trois ans.",
      "Une flambée alimentaire",
      "Les prix de l’alimentation ont bondi de 20 % sur la période, selon l’Insee.",
      "L’énergie se stabilise",
      "Après un pic à l’automne 2022, les prix de l’énergie reculent depuis six mois."])

real("R16-lire-aussi",
     "La Poste va augmenter le prix du timbre",
     ["Le prix de la lettre verte passera à 1,29 euro au 1er janvier.",
      "Lire aussi : La Poste supprime le timbre rouge",
      "La hausse moyenne des tarifs du courrier atteindra 8,3 %.",
      "Lire aussi | Comment La Poste se réinvente face au déclin du courrier"])

real("R17-captions",
     "Le président reçoit les chefs de partis à l’Élysée",
     ["Emmanuel Macron a réuni mercredi les responsables des partis représentés au Parlement.",
      "Le président de la République à l’Élysée, le 30 août 2023. (Photo : Ludovic Marin / AFP)",
      "La réunion a duré plus de douze heures. (Photo : AFP)",
      "Une nouvelle rencontre est prévue à l’automne."])

real("R18-en-tant-que-third-person",
     "Christine Lagarde, une présidence sous pression",
     ["En tant que présidente de la BCE, elle a relevé les taux à dix reprises depuis juillet 2022.",
      "En tant que président, il a promulgué la loi dès le lendemain. En tant qu’ancien ministre des Finances, Bruno Le Maire connaît bien le dossier.",
      "En tant que première femme à diriger l’institution, elle est régulièrement citée parmi les femmes les plus influentes du monde."])

real("R19-comme-je-lai-dit-in-quote",
     "Ligue des champions : Lens y croit encore",
     ["Battus 2-0 à Séville, les Lensois joueront leur qualification lors de la dernière journée.",
      g("Comme je l’ai dit à mes joueurs, rien n’est fait. J’ai remarqué que nous avons manqué de réalisme") + ", a confié l’entraîneur Franck Haise.",
      "Lens reçoit Arsenal le 12 décembre."])

real("R20-lists",
     "Budget 2024 : les principales mesures",
     ["Le projet de loi de finances comprend plusieurs mesures phares :",
      "- l’indexation du barème de l’impôt sur le revenu sur l’inflation ;\n- la suppression progressive de la CVAE ;\n- 3 milliards d’euros supplémentaires pour l’Éducation nationale.",
      "1. Les ménages\n2. Les entreprises\n3. Les collectivités",
      "Le texte sera examiné à l’Assemblée à partir du 17 octobre."])

real("R21-numbers-times-inline",
     "Ligue 1 : OM-PSG programmé à 20h45 dimanche",
     ["Le classique se jouera dimanche 24 septembre à 20h45 au stade Vélodrome.",
      "Les portes ouvriront à 18h45. Près de 65 000 spectateurs sont attendus, pour une recette estimée à 3,5 millions d’euros.",
      "La réunion de sécurité est prévue le 02/11/2023 à 18:45 en préfecture."])

real("R22-last-para-date-sentence",
     "Procès de l’incendie de la rue Erlanger : le verdict attendu",
     ["Le tribunal correctionnel de Paris a mis sa décision en délibéré.",
      "La défense a plaidé la relaxe pour l’ancienne gardienne de l’immeuble.",
      "Le jugement sera rendu le 2 novembre 2023 à 14 heures."])

real("R23-last-para-mis-a-jour-sentence",
     "Tempête Ciaran : des centaines de milliers de foyers privés d’électricité",
     ["La tempête a balayé la Bretagne et la Normandie dans la nuit de mercredi à jeudi.",
      "Le bilan, mis à jour le 3 novembre 2023 à 9 heures, fait état de 12 blessés.",
      "Cet article a été mis à jour le 3 novembre 2023 à 10h00 pour préciser le bilan."])

real("R24-lede-paraphrases-headline",
     "Le PSG s’impose à Lyon",
     ["Le PSG s’impose à Lyon et reprend la tête du championnat.",
      "Les Parisiens se sont imposés 3-2 dimanche soir au Groupama Stadium."])

real("R25-attributed-pull-quote",
     "Euro féminin : les Bleues en demi-finale",
     [g("Nous avons gagné ensemble, et je suis fière de ce groupe"),
      "— Wendie Renard, capitaine de l’équipe de France",
      "Les Françaises ont battu les Pays-Bas 1-0 après prolongation."])

real("R26-editorial-nous",
     "Logements insalubres : le maire de Montreuil interpellé",
     ["Selon nos informations, une vingtaine de familles vivent toujours dans l’immeuble.",
      "Contacté par nos soins, le maire n’a pas donné suite. Nous avons également sollicité le bailleur, sans réponse à ce stade."])

real("R27-titles-with-je",
     "Cinéma : « Je verrai toujours vos visages » triomphe aux César",
     ["Le film de Jeanne Herry a remporté trois statuettes vendredi soir.",
      "Jane Birkin interprétait " + g("Je suis venu te dire que je m’en vais") + " lors de l’hommage rendu à Serge Gainsbourg.",
      "Le " + g("J’accuse") + " de Zola reste l’un des textes les plus célèbres de la presse française."])

real("R28-colon-then-quote",
     "Réforme du lycée : le ministre défend sa méthode",
     ["Le ministre a déclaré" + NB + ": " + g("Je constate que la réforme fonctionne et je suis heureux d’annoncer qu’elle sera étendue."),
      "Une enseignante raconte : \"J'ai vu mes élèves progresser, mais je note que les effectifs sont trop lourds.\""])

real("R29-quote-spanning-reopened",
     "Attaque au couteau à Arras : le récit d’un professeur",
     ["Un enseignant présent dans l’établissement a accepté de témoigner.",
      "«" + NB + "Je suis arrivé dans la cour vers 11 heures. J’ai entendu des cris et j’ai vu les élèves courir vers le gymnase.",
      "«" + NB + "Ensuite, j’ai aidé à confiner les enfants dans une salle de classe. Je pense encore à mon collègue chaque jour." + NB + "»",
      "L’enquête a été confiée au parquet national antiterroriste."])

real("R30-interview-em-dash-persona-answer",
     "Antoine Dupont : « En tant que capitaine, je me sens responsable »",
     ["— Comment avez-vous vécu cette élimination ?",
      "— J’ai ressenti beaucoup de colère. En tant que capitaine, je me sens responsable de ce groupe : je dois montrer l’exemple.",
      "— Et pour la suite ?",
      "— Je peux vous dire que je serai là pour les Jeux olympiques."])

real("R31-avec-afp-signature",
     "Grève des contrôleurs aériens : des vols annulés à Orly",
     ["La DGAC a demandé aux compagnies de réduire leurs programmes de vols de 25 % jeudi.",
      "Le trafic devrait revenir à la normale vendredi.",
      "Avec AFP"])

real("R32-open-letter-quoted",
     "Des maires ruraux écrivent au président",
     ["Dans une lettre ouverte publiée mardi, 200 élus ruraux interpellent le chef de l’État :",
      "«" + NB + "Monsieur le Président, en tant que maires, nous sommes inquiets de constater que les services publics désertent nos villages. Je vous écris au nom de tous ceux qui se sentent oubliés." + NB + "»",
      "L’Élysée n’a pas encore répondu."])

real("R33-rimbaud-je-est-un-autre",
     "Rimbaud, l’éternel adolescent",
     [g("Je est un autre") + ", écrivait Rimbaud dans sa lettre à Paul Demeny en 1871.",
      "Cette formule continue d’inspirer les écrivains et les psychanalystes."])

real("R34-je-ne-sais-quoi",
     "La Renault 4 revient en version électrique",
     ["Cette voiture a un je-ne-sais-quoi de rétro qui séduit les nostalgiques.",
      "Le constructeur mise sur le « je-m’en-foutisme » assumé de son design."])

real("R35-quote-persona-colon-inside",
     "Conflit social chez Amazon : la CGT hausse le ton",
     [g("En tant que syndicat, nous pouvons résumer la situation ainsi : les salariés sont épuisés") + ", a dénoncé la CGT dans un communiqué.",
      "La direction assure respecter la réglementation sur les cadences."])

real("R36-science-numbers",
     "Le Giec alerte sur le réchauffement",
     ["La température moyenne a augmenté de 1,1 °C depuis l’ère préindustrielle, selon le rapport publié lundi à 10h00.",
      "Les émissions doivent baisser de 43 % d’ici à 2030 par rapport à 2019.",
      "Sur la période 2011-2020, le niveau des mers a progressé de 4,5 mm par an."])

real("R37-temoignage-quote-midparagraph",
     "Crash en Himalaya : le récit d’un survivant",
     ["Le seul survivant de l’accident s’est confié à la presse népalaise depuis son lit d’hôpital. " + g("J’ai senti l’appareil plonger, puis plus rien") + ", raconte-t-il. Il poursuit : " + g("Je me suis réveillé dans la neige et j’ai vu les secours arriver."),
      "L’enquête devra déterminer les causes de l’accident."])

real("R38-propos-recueillis-date-signature",
     "Entretien avec la ministre de la Culture",
     ["La ministre présente son plan pour le patrimoine rural.",
      "Propos recueillis par Julie Martin, le 2 novembre 2023"])

real("R39-vous-address-practical",
     "Impôts : comment déclarer vos revenus en ligne",
     ["Vous devez déclarer vos revenus avant le 25 mai à 23h59 si vous habitez dans les départements 01 à 19.",
      "Si vous constatez une erreur, vous pouvez corriger votre déclaration jusqu’au 31 juillet.",
      "Pour toute question, vous pouvez appeler le 0809 401 401, du lundi au vendredi de 8h30 à 19 heures."])

real("R40-headline-once-with-colon-kicker",
     "Mondial de rugby : l’Afrique du Sud sacrée pour la quatrième fois",
     ["Les Springboks ont battu la Nouvelle-Zélande 12-11 samedi au Stade de France.",
      "Mondial de rugby",
      "Siya Kolisi devient le deuxième capitaine à soulever deux fois le trophée Webb Ellis."])
