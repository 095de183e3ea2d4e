"""Texts of the papers handed to the sheltered people (ID card back, rules and rights notice,
consent form) in Spanish, Haitian Creole and French: one catalog per language, keyed by the
English source text, in short plain sentences.

The Haitian Creole and French texts are DRAFTS awaiting review by a native speaker
(``REVIEWED`` lists the languages that were reviewed); docs/translations-review.md lists
every text for the reviewer, and the papers print a small note while a draft is used. The
catalogs are plain dictionaries (no Qt, no gettext) so that they can be registered in a
shared Qt-free catalog with a per-call language.
"""

from __future__ import annotations

LANGUAGES = ("es", "ht", "fr")
DEFAULT = "es"
LANGUAGE_NAMES = {"es": "Español", "ht": "Kreyòl ayisyen", "fr": "Français"}
REVIEWED: frozenset[str] = frozenset({"es"})

# The keys, in the order the papers print them.
CARD_BACK = (
    "This card is yours. It is free.",
    "Show it at meals, at the clinic and at the door.",
    "Nobody may take it from you or make you pay for it.",
    "If you lose it, tell the staff. They will make you a new one.",
    "Emergencies: call 911. The call is free.",
)
RIGHTS = (
    "Your stay here is free.",
    "Everyone is treated with respect, whatever their nationality, colour, sex, religion or "
    "migratory status.",
    "You have the right to medical care. Tell the staff if you feel sick.",
    "You may leave whenever you want. Please tell the staff.",
    "Nobody here may ask you for money or favours in exchange for help.",
    "Your personal data are private. We share them only if you agree.",
    "Children have the right to go to school. Ask the staff.",
    "If someone hurts or threatens you, tell the staff or call 911. You can also go to DIF "
    "or to the Human Rights Commission (CEDH).",
)
RULES = (
    "Always carry your ID card.",
    "Respect the meal times and the quiet hours.",
    "No alcohol, drugs or weapons in the shelter.",
    "Violence of any kind is not allowed.",
    "Look after your children at all times.",
    "Keep your space clean and help keep the shared spaces clean.",
    "Tell the staff if you will sleep away from the shelter.",
    "Questions or complaints: talk to the coordinator of the shelter.",
)
CONSENT_INTRO = (
    "The shelter asks for your personal data to help you.",
    "You decide. You can say no. You will still receive shelter, food and medical care.",
    "You can change your mind at any time. Tell the staff.",
    "Only the staff who need your data can see them. Health data are seen only by the "
    "health staff.",
)
# the purposes of the registration form's consent (ui/intake/codes.py CONSENT_PURPOSES)
CONSENT_PURPOSES = (
    "Census registration",
    "Medical care",
    "Referral to programs (work, housing, school)",
    "Sharing with partner agencies (UNHCR, IOM)",
)

# The simplified privacy notice (aviso de privacidad simplificado), printed with the consent
# form: the contents the LGPDPPSO requires of it (art. 27: who is responsible; the purposes,
# telling apart those that need consent; transfers that need consent; how to refuse; where to
# read the full notice, art. 28) and the rights of access, correction, erasure and objection
# (arts. 43-47, answered within 20 working days, art. 51). docs/erasure.md.
PRIVACY_NOTICE = (
    "DIF Municipal Mexicali is responsible for your personal data (Plan Integral de Atención "
    "al Migrante).",
    "We use them to register your stay, give you a bed, food and medical care, and keep you "
    "safe. These uses do not need your consent.",
    "Referral to work, housing and school programs, and sharing with partner agencies (UNHCR, "
    "IOM), need your consent. You decide below.",
    "Some of your data are sensitive: health, migratory status, protection needs. Only the "
    "staff who need them see them.",
    "We only give your data to other authorities when a law requires it, or with your consent.",
    "You can ask to see your data, to correct them, to delete them or to object to their use.",
    "Ask the coordinator of the shelter or the Transparency Unit of the municipality. We answer "
    "within 20 working days.",
    "The full privacy notice is at the coordination office of the shelter and at the "
    "Transparency Unit of the municipality of Mexicali.",
)

# the letter of stay (constancia de estancia), given when a person leaves
STAY_LETTER = (
    "This letter confirms that {name}, folio {folio}, stayed at {center}, a shelter of the "
    "Plan Integral de Atención al Migrante of DIF Municipal Mexicali.",
    "Arrival: {arrival}.",
    "Departure: {departure}.",
    "Keep this letter. It may help you at other offices.",
)

ES: dict[str, str] = {
    "Letter of stay": "Constancia de estancia",
    "This letter confirms that {name}, folio {folio}, stayed at {center}, a shelter of the "
    "Plan Integral de Atención al Migrante of DIF Municipal Mexicali.":
        "Esta constancia confirma que {name}, folio {folio}, estuvo en {center}, albergue del "
        "Plan Integral de Atención al Migrante del DIF Municipal Mexicali.",
    "Arrival: {arrival}.": "Ingreso: {arrival}.",
    "Departure: {departure}.": "Egreso: {departure}.",
    "still staying": "sigue en el albergue",
    "Keep this letter. It may help you at other offices.":
        "Guarde esta constancia. Puede servirle en otras oficinas.",
    "Issued on {date} by {who}.": "Expedida el {date} por {who}.",
    "Signature and stamp": "Firma y sello",
    "Spanish version": "Versión en español",
    "This card is yours. It is free.": "Esta credencial es suya. Es gratuita.",
    "Show it at meals, at the clinic and at the door.":
        "Muéstrela en el comedor, en el consultorio y en la entrada.",
    "Nobody may take it from you or make you pay for it.":
        "Nadie puede quitársela ni cobrarle por ella.",
    "If you lose it, tell the staff. They will make you a new one.":
        "Si la pierde, avise al personal. Le harán otra.",
    "Emergencies: call 911. The call is free.": "Emergencias: llame al 911. La llamada es gratis.",
    "Welcome to the shelter": "Bienvenida al albergue",
    "Your rights": "Sus derechos",
    "The rules of the shelter": "Las reglas del albergue",
    "Your stay here is free.": "Su estancia aquí es gratuita.",
    "Everyone is treated with respect, whatever their nationality, colour, sex, religion or "
    "migratory status.":
        "Todas las personas reciben un trato respetuoso, sin importar su nacionalidad, color, "
        "sexo, religión o situación migratoria.",
    "You have the right to medical care. Tell the staff if you feel sick.":
        "Tiene derecho a atención médica. Avise al personal si se siente mal.",
    "You may leave whenever you want. Please tell the staff.":
        "Puede irse cuando quiera. Por favor avise al personal.",
    "Nobody here may ask you for money or favours in exchange for help.":
        "Nadie aquí puede pedirle dinero ni favores a cambio de ayuda.",
    "Your personal data are private. We share them only if you agree.":
        "Sus datos personales son privados. Solo los compartimos si usted está de acuerdo.",
    "Children have the right to go to school. Ask the staff.":
        "Las niñas y los niños tienen derecho a ir a la escuela. Pregunte al personal.",
    "If someone hurts or threatens you, tell the staff or call 911. You can also go to DIF "
    "or to the Human Rights Commission (CEDH).":
        "Si alguien le hace daño o le amenaza, avise al personal o llame al 911. También "
        "puede acudir al DIF o a la Comisión Estatal de los Derechos Humanos (CEDH).",
    "Always carry your ID card.": "Lleve siempre su credencial.",
    "Respect the meal times and the quiet hours.":
        "Respete los horarios de comida y de descanso.",
    "No alcohol, drugs or weapons in the shelter.":
        "No se permiten alcohol, drogas ni armas en el albergue.",
    "Violence of any kind is not allowed.": "No se permite ningún tipo de violencia.",
    "Look after your children at all times.": "Cuide a sus hijas e hijos en todo momento.",
    "Keep your space clean and help keep the shared spaces clean.":
        "Mantenga limpio su espacio y ayude a mantener limpias las áreas comunes.",
    "Tell the staff if you will sleep away from the shelter.":
        "Avise al personal si va a dormir fuera del albergue.",
    "Questions or complaints: talk to the coordinator of the shelter.":
        "Dudas o quejas: hable con la coordinación del albergue.",
    "Consent to the use of your personal data":
        "Consentimiento para el uso de sus datos personales",
    "The shelter asks for your personal data to help you.":
        "El albergue le pide sus datos personales para ayudarle.",
    "You decide. You can say no. You will still receive shelter, food and medical care.":
        "Usted decide. Puede decir que no. Igual recibirá albergue, comida y atención médica.",
    "You can change your mind at any time. Tell the staff.":
        "Puede cambiar de opinión en cualquier momento. Avise al personal.",
    "Only the staff who need your data can see them. Health data are seen only by the "
    "health staff.":
        "Solo el personal que necesita sus datos puede verlos. Los datos de salud solo los ve "
        "el personal de salud.",
    "Mark what you agree to:": "Marque lo que acepta:",
    "Yes": "Sí",
    "No": "No",
    "Census registration": "Registro en el censo",
    "Medical care": "Atención médica",
    "Referral to programs (work, housing, school)":
        "Canalización a programas (trabajo, vivienda, escuela)",
    "Sharing with partner agencies (UNHCR, IOM)": "Compartir con organismos aliados (ACNUR, OIM)",
    "I read this paper, or someone read it to me in a language I understand.":
        "Leí este papel, o me lo leyeron en un idioma que entiendo.",
    "For a child, the mother, father or guardian signs.":
        "Por una niña o un niño firma la madre, el padre o quien tenga la tutela.",
    "Name": "Nombre",
    "Folio": "Folio",
    "Signature or fingerprint": "Firma o huella",
    "Date": "Fecha",
    "Staff member": "Persona que atiende",
    "Interpreter, if any": "Intérprete, si lo hubo",
    "Privacy notice": "Aviso de privacidad",
    "DIF Municipal Mexicali is responsible for your personal data (Plan Integral de Atención "
    "al Migrante).":
        "El DIF Municipal de Mexicali es responsable de sus datos personales (Plan Integral de "
        "Atención al Migrante).",
    "We use them to register your stay, give you a bed, food and medical care, and keep you "
    "safe. These uses do not need your consent.":
        "Los usamos para registrar su estancia, darle cama, comida y atención médica, y "
        "cuidar su seguridad. Estos usos no necesitan su consentimiento.",
    "Referral to work, housing and school programs, and sharing with partner agencies (UNHCR, "
    "IOM), need your consent. You decide below.":
        "Canalizarle a programas de trabajo, vivienda y escuela, y compartirlos con organismos "
        "aliados (ACNUR, OIM), necesita su consentimiento. Usted decide abajo.",
    "Some of your data are sensitive: health, migratory status, protection needs. Only the "
    "staff who need them see them.":
        "Algunos de sus datos son sensibles: salud, situación migratoria, necesidades de "
        "protección. Solo los ve el personal que los necesita.",
    "We only give your data to other authorities when a law requires it, or with your consent.":
        "Solo damos sus datos a otras autoridades cuando una ley lo exige, o con su "
        "consentimiento.",
    "You can ask to see your data, to correct them, to delete them or to object to their use.":
        "Puede pedir ver sus datos, corregirlos, borrarlos u oponerse a su uso.",
    "Ask the coordinator of the shelter or the Transparency Unit of the municipality. We answer "
    "within 20 working days.":
        "Pídalo a la coordinación del albergue o a la Unidad de Transparencia del "
        "Ayuntamiento. Le respondemos en un máximo de 20 días hábiles.",
    "The full privacy notice is at the coordination office of the shelter and at the "
    "Transparency Unit of the municipality of Mexicali.":
        "El aviso de privacidad integral está en la coordinación del albergue y en la Unidad de "
        "Transparencia del Ayuntamiento de Mexicali.",
}

HT: dict[str, str] = {
    "Letter of stay": "Papye ki montre ou te rete nan abri a",
    "This letter confirms that {name}, folio {folio}, stayed at {center}, a shelter of the "
    "Plan Integral de Atención al Migrante of DIF Municipal Mexicali.":
        "Papye sa a konfime {name}, folio {folio}, te rete nan {center}, yon abri Plan "
        "Integral de Atención al Migrante DIF Minisipal Mexicali.",
    "Arrival: {arrival}.": "Dat li rive: {arrival}.",
    "Departure: {departure}.": "Dat li soti: {departure}.",
    "still staying": "li toujou nan abri a",
    "Keep this letter. It may help you at other offices.":
        "Kenbe papye sa a. Li ka ede w nan lòt biwo.",
    "Issued on {date} by {who}.": "Bay nan dat {date} pa {who}.",
    "Signature and stamp": "Siyati ak so",
    "Spanish version": "Vèsyon an panyòl",
    "This card is yours. It is free.": "Kat sa a se pou ou. Li gratis.",
    "Show it at meals, at the clinic and at the door.":
        "Montre l lè w ap manje, nan klinik la ak nan pòt la.",
    "Nobody may take it from you or make you pay for it.":
        "Pèsonn pa ka pran l nan men ou, ni fè w peye pou li.",
    "If you lose it, tell the staff. They will make you a new one.":
        "Si ou pèdi l, di anplwaye yo. Y ap fè yon lòt pou ou.",
    "Emergencies: call 911. The call is free.": "Ijans: rele 911. Apèl la gratis.",
    "Welcome to the shelter": "Byenvini nan abri a",
    "Your rights": "Dwa ou yo",
    "The rules of the shelter": "Règleman abri a",
    "Your stay here is free.": "Ou pa peye anyen pou w rete isit la.",
    "Everyone is treated with respect, whatever their nationality, colour, sex, religion or "
    "migratory status.":
        "Tout moun resevwa respè, kèlkeswa nasyonalite yo, koulè po yo, sèks yo, relijyon yo "
        "oswa sitiyasyon imigrasyon yo.",
    "You have the right to medical care. Tell the staff if you feel sick.":
        "Ou gen dwa resevwa swen medikal. Di anplwaye yo si ou santi ou malad.",
    "You may leave whenever you want. Please tell the staff.":
        "Ou ka ale nenpòt lè ou vle. Tanpri, di anplwaye yo.",
    "Nobody here may ask you for money or favours in exchange for help.":
        "Pèsonn isit la pa gen dwa mande w lajan oswa favè pou yo ede w.",
    "Your personal data are private. We share them only if you agree.":
        "Enfòmasyon pèsonèl ou yo prive. Nou pataje yo sèlman si ou dakò.",
    "Children have the right to go to school. Ask the staff.":
        "Timoun yo gen dwa al lekòl. Mande anplwaye yo.",
    "If someone hurts or threatens you, tell the staff or call 911. You can also go to DIF "
    "or to the Human Rights Commission (CEDH).":
        "Si yon moun fè w mal oswa menase w, di anplwaye yo oswa rele 911. Ou ka ale tou nan "
        "DIF oswa nan Komisyon Dwa Moun (CEDH).",
    "Always carry your ID card.": "Toujou mache ak kat ou.",
    "Respect the meal times and the quiet hours.": "Respekte lè manje ak lè repo yo.",
    "No alcohol, drugs or weapons in the shelter.":
        "Alkòl, dwòg ak zam entèdi nan abri a.",
    "Violence of any kind is not allowed.": "Okenn kalite vyolans pa pèmèt.",
    "Look after your children at all times.": "Veye timoun ou yo tout tan.",
    "Keep your space clean and help keep the shared spaces clean.":
        "Kenbe kote ou pwòp, epi ede kenbe espas tout moun yo pwòp.",
    "Tell the staff if you will sleep away from the shelter.":
        "Di anplwaye yo si ou pral dòmi deyò abri a.",
    "Questions or complaints: talk to the coordinator of the shelter.":
        "Kesyon oswa plent: pale ak kowòdonatè abri a.",
    "Consent to the use of your personal data":
        "Dakò pou itilize enfòmasyon pèsonèl ou",
    "The shelter asks for your personal data to help you.":
        "Abri a mande enfòmasyon pèsonèl ou pou l ka ede w.",
    "You decide. You can say no. You will still receive shelter, food and medical care.":
        "Se ou ki deside. Ou ka di non. W ap toujou jwenn kote pou dòmi, manje ak swen "
        "medikal.",
    "You can change your mind at any time. Tell the staff.":
        "Ou ka chanje lide nenpòt ki lè. Di anplwaye yo.",
    "Only the staff who need your data can see them. Health data are seen only by the "
    "health staff.":
        "Se sèlman anplwaye ki bezwen enfòmasyon ou yo ki ka wè yo. Se sèlman anplwaye "
        "sante yo ki wè enfòmasyon sou sante ou.",
    "Mark what you agree to:": "Make sa ou dakò:",
    "Yes": "Wi",
    "No": "Non",
    "Census registration": "Enskripsyon nan resansman an",
    "Medical care": "Swen medikal",
    "Referral to programs (work, housing, school)":
        "Voye w nan pwogram yo (travay, lojman, lekòl)",
    "Sharing with partner agencies (UNHCR, IOM)":
        "Pataje ak òganizasyon patnè yo (HCR, OIM)",
    "I read this paper, or someone read it to me in a language I understand.":
        "Mwen li papye sa a, oswa yon moun li l pou mwen nan yon lang mwen konprann.",
    "For a child, the mother, father or guardian signs.":
        "Pou yon timoun, se manman l, papa l oswa moun ki responsab li ki siyen.",
    "Name": "Non",
    "Folio": "Folio",
    "Signature or fingerprint": "Siyati oswa anprent dwèt",
    "Date": "Dat",
    "Staff member": "Anplwaye ki resevwa w",
    "Interpreter, if any": "Entèprèt, si te genyen",
    "Privacy notice": "Avi sou vi prive",
    "DIF Municipal Mexicali is responsible for your personal data (Plan Integral de Atención "
    "al Migrante).":
        "DIF Minisipal Mexicali responsab enfòmasyon pèsonèl ou (Plan Integral de Atención "
        "al Migrante).",
    "We use them to register your stay, give you a bed, food and medical care, and keep you "
    "safe. These uses do not need your consent.":
        "Nou sèvi ak yo pou anrejistre w nan abri a, ba ou yon kabann, manje ak swen medikal, "
        "epi pwoteje w. Pou sa yo, nou pa bezwen dakò w.",
    "Referral to work, housing and school programs, and sharing with partner agencies (UNHCR, "
    "IOM), need your consent. You decide below.":
        "Pou voye w nan pwogram travay, lojman ak lekòl, ak pou pataje yo ak òganizasyon "
        "patnè (HCR, OIM), nou bezwen dakò w. Se ou ki deside anba a.",
    "Some of your data are sensitive: health, migratory status, protection needs. Only the "
    "staff who need them see them.":
        "Kèk enfòmasyon se enfòmasyon sansib: sante, sitiyasyon imigrasyon, bezwen pwoteksyon. "
        "Se sèlman anplwaye ki bezwen yo ki wè yo.",
    "We only give your data to other authorities when a law requires it, or with your consent.":
        "Nou bay lòt otorite enfòmasyon ou sèlman lè yon lwa mande l, oswa si ou dakò.",
    "You can ask to see your data, to correct them, to delete them or to object to their use.":
        "Ou ka mande pou wè enfòmasyon ou, korije yo, efase yo oswa refize yo sèvi ak yo.",
    "Ask the coordinator of the shelter or the Transparency Unit of the municipality. We answer "
    "within 20 working days.":
        "Mande kowòdinatè abri a oswa Inite Transparans minisipalite a. N ap reponn ou nan "
        "20 jou travay pi plis.",
    "The full privacy notice is at the coordination office of the shelter and at the "
    "Transparency Unit of the municipality of Mexicali.":
        "Avi konplè a disponib nan biwo kowòdinasyon abri a ak nan Inite Transparans "
        "minisipalite Mexicali.",
}

FR: dict[str, str] = {
    "Letter of stay": "Attestation de séjour",
    "This letter confirms that {name}, folio {folio}, stayed at {center}, a shelter of the "
    "Plan Integral de Atención al Migrante of DIF Municipal Mexicali.":
        "Cette attestation confirme que {name}, folio {folio}, a séjourné à {center}, centre "
        "d'accueil du Plan Integral de Atención al Migrante du DIF municipal de Mexicali.",
    "Arrival: {arrival}.": "Arrivée : {arrival}.",
    "Departure: {departure}.": "Départ : {departure}.",
    "still staying": "toujours au centre",
    "Keep this letter. It may help you at other offices.":
        "Gardez cette attestation. Elle peut vous servir auprès d'autres services.",
    "Issued on {date} by {who}.": "Délivrée le {date} par {who}.",
    "Signature and stamp": "Signature et cachet",
    "Spanish version": "Version en espagnol",
    "This card is yours. It is free.": "Cette carte est à vous. Elle est gratuite.",
    "Show it at meals, at the clinic and at the door.":
        "Montrez-la aux repas, à l'infirmerie et à l'entrée.",
    "Nobody may take it from you or make you pay for it.":
        "Personne ne peut vous la prendre ni vous la faire payer.",
    "If you lose it, tell the staff. They will make you a new one.":
        "Si vous la perdez, prévenez le personnel. On vous en fera une autre.",
    "Emergencies: call 911. The call is free.": "Urgences : appelez le 911. L'appel est gratuit.",
    "Welcome to the shelter": "Bienvenue au centre d'accueil",
    "Your rights": "Vos droits",
    "The rules of the shelter": "Le règlement du centre",
    "Your stay here is free.": "Votre séjour ici est gratuit.",
    "Everyone is treated with respect, whatever their nationality, colour, sex, religion or "
    "migratory status.":
        "Chaque personne est traitée avec respect, quels que soient sa nationalité, sa "
        "couleur, son sexe, sa religion ou sa situation migratoire.",
    "You have the right to medical care. Tell the staff if you feel sick.":
        "Vous avez droit aux soins médicaux. Prévenez le personnel si vous vous sentez malade.",
    "You may leave whenever you want. Please tell the staff.":
        "Vous pouvez partir quand vous voulez. Merci de prévenir le personnel.",
    "Nobody here may ask you for money or favours in exchange for help.":
        "Personne ici ne peut vous demander de l'argent ou des faveurs en échange d'une aide.",
    "Your personal data are private. We share them only if you agree.":
        "Vos données personnelles sont privées. Nous ne les partageons que si vous êtes "
        "d'accord.",
    "Children have the right to go to school. Ask the staff.":
        "Les enfants ont le droit d'aller à l'école. Demandez au personnel.",
    "If someone hurts or threatens you, tell the staff or call 911. You can also go to DIF "
    "or to the Human Rights Commission (CEDH).":
        "Si quelqu'un vous fait du mal ou vous menace, prévenez le personnel ou appelez le "
        "911. Vous pouvez aussi vous adresser au DIF ou à la Commission des droits de "
        "l'homme (CEDH).",
    "Always carry your ID card.": "Gardez toujours votre carte sur vous.",
    "Respect the meal times and the quiet hours.":
        "Respectez les heures des repas et les heures de repos.",
    "No alcohol, drugs or weapons in the shelter.":
        "L'alcool, la drogue et les armes sont interdits dans le centre.",
    "Violence of any kind is not allowed.": "Aucune forme de violence n'est permise.",
    "Look after your children at all times.": "Surveillez vos enfants à tout moment.",
    "Keep your space clean and help keep the shared spaces clean.":
        "Gardez votre espace propre et aidez à garder propres les espaces communs.",
    "Tell the staff if you will sleep away from the shelter.":
        "Prévenez le personnel si vous dormez hors du centre.",
    "Questions or complaints: talk to the coordinator of the shelter.":
        "Questions ou plaintes : parlez au coordinateur ou à la coordinatrice du centre.",
    "Consent to the use of your personal data":
        "Consentement à l'utilisation de vos données personnelles",
    "The shelter asks for your personal data to help you.":
        "Le centre vous demande vos données personnelles pour vous aider.",
    "You decide. You can say no. You will still receive shelter, food and medical care.":
        "C'est vous qui décidez. Vous pouvez dire non. Vous recevrez quand même un "
        "hébergement, de la nourriture et des soins médicaux.",
    "You can change your mind at any time. Tell the staff.":
        "Vous pouvez changer d'avis à tout moment. Prévenez le personnel.",
    "Only the staff who need your data can see them. Health data are seen only by the "
    "health staff.":
        "Seul le personnel qui en a besoin peut voir vos données. Les données de santé ne "
        "sont vues que par le personnel de santé.",
    "Mark what you agree to:": "Cochez ce que vous acceptez :",
    "Yes": "Oui",
    "No": "Non",
    "Census registration": "Inscription au recensement",
    "Medical care": "Soins médicaux",
    "Referral to programs (work, housing, school)":
        "Orientation vers des programmes (travail, logement, école)",
    "Sharing with partner agencies (UNHCR, IOM)":
        "Partage avec les organismes partenaires (HCR, OIM)",
    "I read this paper, or someone read it to me in a language I understand.":
        "J'ai lu ce papier, ou quelqu'un me l'a lu dans une langue que je comprends.",
    "For a child, the mother, father or guardian signs.":
        "Pour un enfant, la mère, le père ou le tuteur signe.",
    "Name": "Nom",
    "Folio": "Folio",
    "Signature or fingerprint": "Signature ou empreinte digitale",
    "Date": "Date",
    "Staff member": "Membre du personnel",
    "Interpreter, if any": "Interprète, s'il y en a eu",
    "Privacy notice": "Avis de confidentialité",
    "DIF Municipal Mexicali is responsible for your personal data (Plan Integral de Atención "
    "al Migrante).":
        "Le DIF municipal de Mexicali est responsable de vos données personnelles (Plan "
        "Integral de Atención al Migrante).",
    "We use them to register your stay, give you a bed, food and medical care, and keep you "
    "safe. These uses do not need your consent.":
        "Nous les utilisons pour enregistrer votre séjour, vous donner un lit, des repas et "
        "des soins, et veiller à votre sécurité. Ces usages ne demandent pas votre accord.",
    "Referral to work, housing and school programs, and sharing with partner agencies (UNHCR, "
    "IOM), need your consent. You decide below.":
        "L'orientation vers des programmes de travail, de logement et d'école, et le partage "
        "avec des organismes partenaires (HCR, OIM), demandent votre accord. Vous décidez "
        "ci-dessous.",
    "Some of your data are sensitive: health, migratory status, protection needs. Only the "
    "staff who need them see them.":
        "Certaines données sont sensibles : santé, situation migratoire, besoins de "
        "protection. Seul le personnel qui en a besoin les voit.",
    "We only give your data to other authorities when a law requires it, or with your consent.":
        "Nous ne donnons vos données à d'autres autorités que si une loi l'exige, ou avec "
        "votre accord.",
    "You can ask to see your data, to correct them, to delete them or to object to their use.":
        "Vous pouvez demander à voir vos données, à les corriger, à les effacer ou vous "
        "opposer à leur usage.",
    "Ask the coordinator of the shelter or the Transparency Unit of the municipality. We answer "
    "within 20 working days.":
        "Demandez-le à la coordination du centre ou à l'Unité de transparence de la mairie. "
        "Nous répondons dans un délai de 20 jours ouvrables.",
    "The full privacy notice is at the coordination office of the shelter and at the "
    "Transparency Unit of the municipality of Mexicali.":
        "L'avis de confidentialité complet est disponible à la coordination du centre et à "
        "l'Unité de transparence de la mairie de Mexicali.",
}

CATALOGS: dict[str, dict[str, str]] = {"es": ES, "ht": HT, "fr": FR}


def say(msgid: str, lang: str, **params: object) -> str:
    """``msgid`` in ``lang`` (Spanish for a language without papers), params filled in."""
    text = CATALOGS.get(lang, CATALOGS[DEFAULT]).get(msgid, msgid)
    return text.format(**params) if params else text


def is_draft(lang: str) -> bool:
    return lang in CATALOGS and lang not in REVIEWED
