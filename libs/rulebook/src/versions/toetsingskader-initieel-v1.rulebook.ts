import type {
  AttitudeCriterionDefinition,
  CompetenceDefinition,
  EvidenceCondition,
  EvidenceRequirement,
  KnowledgeAreaDefinition,
  Rulebook,
  TaskDefinition,
} from '../rulebook/rulebook.types';
import type { LocalizedText } from '../text/localized-text.util';

/**
 * "Toetsingskader en handleiding initiële certificering voor het keurmerk Register
 * Loopbaanprofessional" (Noloc), as data.
 *
 * The Dutch texts are transcribed from the toetsingskader (Deel II and Deel III); the English texts
 * are translations. Obvious typing errors in the source were corrected; docs/rulebook.md lists each
 * correction. Texts marked "derived" do not stand verbatim in the source but spell out what a column
 * implies (e.g. that the diploma must be hbo or wo level); docs/rulebook.md lists those too.
 *
 * The source carries no date or version number, hence the neutral id 'toetsingskader-initieel-v1'.
 */

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

const ALL_ATTITUDE = ['ethisch-handelen', 'zelfreflectie', 'ontwikkeling', 'diversiteit-inclusiviteit'];

// ---------------------------------------------------------------- A. Opleiding

const uploaded = (what: LocalizedText): EvidenceCondition => ({
  code: 'uploaded',
  test: 'uploaded',
  // derived: the 'wat aanleveren' column asks for the document itself
  label: t(`${what.nl} is geüpload.`, `${what.en} has been uploaded.`),
});

const diplomaLevel: EvidenceCondition = {
  code: 'level',
  test: 'oneOf',
  field: 'level',
  values: ['hbo', 'wo'],
  // derived from 'Erkend hbo- of wo-diploma'
  label: t('Het is een hbo- (NLQF6) of wo- (NLQF7) diploma.', 'It is an hbo (NLQF 6) or wo (NLQF 7) diploma.'),
};

const diplomaSigned: EvidenceCondition = {
  code: 'signedByInstitution',
  test: 'attested',
  attestation: 'signedByInstitution',
  label: t('Het diploma is ondertekend door de opleidingsinstantie.', 'The diploma is signed by the educational institution.'),
};

const diplomaNvao: EvidenceCondition = {
  code: 'nvaoAccredited',
  test: 'attested',
  attestation: 'nvaoAccredited',
  label: t(
    'De diplomaverstrekkende instantie is NVAO geaccrediteerd.',
    'The institution awarding the diploma is NVAO-accredited.',
  ),
};

const diplomaCroho: EvidenceCondition = {
  code: 'crohoMensEnOrganisatie',
  test: 'attested',
  attestation: 'crohoMensEnOrganisatie',
  label: t(
    "Het betreft een CROHO-opleiding gericht op 'mens en organisatie'.",
    "It is a CROHO-registered programme in the field of 'mens en organisatie' (people and organisation).",
  ),
};

const diplomaDeliverable = t('Erkend hbo- of wo-diploma', 'Recognised hbo or wo diploma');

const courseCertificates: EvidenceRequirement = {
  ruleCode: 'A.COURSES',
  kind: 'courseCertificate',
  deliverable: t(
    'Certificaat of bewijs van deelname van gevolgde relevante opleidingen, cursussen en trainingen',
    'Certificate or proof of participation of relevant programmes, courses and trainings attended',
  ),
  conditionsTitle: t('Vereisten certificaat/bewijs van deelname', 'Requirements for the certificate/proof of participation'),
  minStudyLoadHours: 98,
  conditions: [
    uploaded(t('Het certificaat', 'The certificate')),
    {
      code: 'qualityMark',
      test: 'attested',
      attestation: 'qualityMark',
      label: t('De cursussen beschikken over een keurmerk.', 'The courses hold a quality mark (keurmerk).'),
    },
    {
      code: 'signedByTrainer',
      test: 'attested',
      attestation: 'signedByTrainer',
      label: t('De certificaten zijn ondertekend door de opleider.', 'The certificates are signed by the trainer.'),
    },
    {
      code: 'statesStudyLoad',
      test: 'statesStudyLoad',
      label: t('Het aantal uren studiebelasting staat aangegeven.', 'The study load in hours is stated.'),
    },
    {
      code: 'inScope',
      test: 'attested',
      attestation: 'inScope',
      // derived from the criterion: 'gericht op loopbaanadvisering, -coaching en/of -begeleiding en passend binnen de scope'
      label: t(
        'De opleiding, cursus of training is gericht op loopbaanadvisering, -coaching en/of -begeleiding en past binnen de scope.',
        'The programme, course or training is aimed at career advice, career coaching and/or career guidance and fits within the scope.',
      ),
    },
  ],
};

const coursesCriterionTail = t(
  'aangevuld met aantoonbaar minimaal 98 uur (3,5 ECT) aan opleidingen, cursussen of trainingen die gericht zijn op loopbaanadvisering, -coaching en/of -begeleiding en passend binnen de scope.',
  'supplemented by demonstrably at least 98 hours (3.5 ECTS) of programmes, courses or trainings aimed at career advice, career coaching and/or career guidance and fitting within the scope.',
);

// ---------------------------------------------------------------- C.1 Taken

const tasks: TaskDefinition[] = [
  {
    id: '0',
    title: t('Procestaken gedurende het gehele traject.', 'Process tasks throughout the whole trajectory.'),
    indicators: [
      t(
        'Stimuleert zelfsturing, eigenaarschap en wendbaarheid in de loopbaan, en coacht cliënt bij leeractiviteiten.',
        'Encourages self-direction, ownership and agility in the career, and coaches the client in learning activities.',
      ),
      t('Geeft ruimte aan het veranderingsproces van cliënt.', "Gives room to the client's process of change."),
      t(
        'Bewaakt de afstemming tussen de loopbaan-, leer- of ontwikkelvraag, de mogelijkheden van cliënt en de ontwikkelingen in de maatschappij, economie en arbeidsmarkt.',
        "Safeguards the alignment between the career, learning or development question, the client's possibilities and developments in society, the economy and the labour market.",
      ),
      t(
        'Verwijst cliënt zo nodig door naar hulpverlening of andere disciplines en specialisten.',
        'Refers the client, where needed, to care services or other disciplines and specialists.',
      ),
      t('Past in overleg met betrokken partijen inhoud en werkwijze aan.', 'Adjusts content and approach in consultation with the parties involved.'),
      t('Bewaakt zorgvuldig de privacy en geheimhouding.', 'Carefully safeguards privacy and confidentiality.'),
    ],
    handreiking: [
      t(
        'Je beschrijft hoe je gaandeweg het traject hebt ingehaakt op de ontwikkeling van cliënt en/of veranderende omstandigheden. Waar heb je bijgestuurd en waarom? Welke afweging heb je gemaakt om bij te sturen? Waar zaten de spannende momenten, waar heb je moeten vertragen, versnellen of de prioriteiten moeten verleggen? Op welke wijze heb je zelfsturing bij je cliënt gestimuleerd?',
        "You describe how, as the trajectory went on, you responded to the client's development and/or changing circumstances. Where did you adjust course, and why? What did you weigh up in deciding to adjust? Where were the tense moments, where did you have to slow down, speed up or shift priorities? How did you encourage self-direction in your client?",
      ),
    ],
    koppeling: {
      knowledgeAreas: ['2', '5'],
      competences: ['methodisch-werken', 'effectief-communiceren', 'adviseren', 'coachen'],
      attitude: ALL_ATTITUDE,
    },
  },
  {
    id: '1',
    title: t(
      'Het voeren van een vraagverhelderend gesprek met cliënt of met cliënt en opdrachtgever.',
      'Conducting a question-clarifying conversation with the client, or with the client and the commissioning party.',
    ),
    indicators: [
      t(
        'Legt, online en offline, effectief contact met cliënt en/of opdrachtgever en biedt structuur tijdens het gesprek.',
        'Makes effective contact, online and offline, with the client and/or commissioning party and provides structure during the conversation.',
      ),
      t('Onderzoekt en verheldert samen met cliënt de aanleiding en vraagstelling.', 'Explores and clarifies, together with the client, the occasion and the question.'),
      t(
        'Vertelt hoe een begeleidingsproces verloopt en stemt verwachtingen van cliënt en/of opdrachtgever af.',
        'Explains how a guidance process runs and aligns the expectations of the client and/or commissioning party.',
      ),
      t('Bespreekt de gedragscode.', 'Discusses the code of conduct (gedragscode).'),
      t('Rondt het gesprek af met concrete vervolgafspraken.', 'Closes the conversation with concrete follow-up arrangements.'),
    ],
    handreiking: [
      t(
        'Je beschrijft en motiveert hoe je het vraagverhelderende gesprek hebt gevoerd. Denk daarbij bijvoorbeeld aan de onderwerpen die je aan de orde hebt gesteld of de stappen die je hebt gezet om tot de vraagstelling te komen. Maar ook hoe je verwachtingen hebt afgestemd, hoe je veiligheid en een vertrouwelijke sfeer hebt gecreëerd. Welke gedachten en gevoelens jij had bij deze cliënt. Welke afspraken je met cliënt en/of opdrachtgever hebt gemaakt.',
        'You describe and justify how you conducted the question-clarifying conversation. Think, for example, of the topics you raised or the steps you took to arrive at the question. But also how you aligned expectations, and how you created safety and a confidential atmosphere. What thoughts and feelings you had about this client. What arrangements you made with the client and/or commissioning party.',
      ),
    ],
    koppeling: {
      knowledgeAreas: ['1', '2'],
      competences: ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren'],
      attitude: ALL_ATTITUDE,
    },
  },
  {
    id: '2',
    title: t('Het maken van een doelgericht begeleidingsvoorstel.', 'Making a goal-oriented guidance proposal.'),
    indicators: [
      t(
        'Maakt op basis van het vraagverhelderend gesprek een methodisch en doelgericht voorstel voor het te volgen traject, inclusief tijdspad.',
        'Based on the question-clarifying conversation, makes a methodical and goal-oriented proposal for the trajectory to follow, including a timeline.',
      ),
      t(
        'Licht het voorstel toe en kan dit waar nodig aanpassen in overleg met cliënt en/of opdrachtgever.',
        'Explains the proposal and can adjust it where needed in consultation with the client and/or commissioning party.',
      ),
    ],
    handreiking: [
      t(
        'Je beschrijft het plan van aanpak voor dit specifieke begeleidingstraject en motiveert waarom je juist voor die aanpak hebt gekozen. Maak duidelijk welke stappen, fasering, prioritering etc. je hebt aangebracht en wat je overwegingen daarbij waren. Geef ook aan hoe je dit plan met cliënt en/of opdrachtgever besproken hebt.',
        'You describe the plan of approach for this specific guidance trajectory and explain why you chose that particular approach. Make clear which steps, phasing, prioritisation etc. you introduced and what your considerations were. Also state how you discussed this plan with the client and/or commissioning party.',
      ),
    ],
    koppeling: {
      knowledgeAreas: ['1', '2'],
      competences: ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren', 'adviseren'],
      attitude: ALL_ATTITUDE,
    },
  },
  {
    id: '3',
    title: t(
      'Het begeleiden bij zelfreflectie en het uitvoeren van (zelf)onderzoek.',
      'Guiding self-reflection and (self-)investigation.',
    ),
    indicators: [
      t(
        'Biedt assessments, methodieken en/of instrumenten aan die passen bij de vraag en bespreekt ze met cliënt.',
        'Offers assessments, methods and/or instruments that fit the question and discusses them with the client.',
      ),
      t(
        'Faciliteert cliënt om van een afstand, objectief en zonder oordeel, naar zichzelf te kijken.',
        'Helps the client to look at themselves from a distance, objectively and without judgement.',
      ),
      t('Ondersteunt cliënt bij het opstellen van een persoonlijk profiel.', 'Supports the client in drawing up a personal profile.'),
    ],
    handreiking: [
      t(
        'Je beschrijft de gekozen methodieken/instrumenten en geeft aan waarom je juist hiervoor gekozen hebt. Motiveer waarom de gekozen methodieken/instrumenten passen bij deze cliënt en/of de doelstelling van het traject. Welk doel had je er mee voor ogen en wat was het resultaat? Hoe heb je cliënt gefaciliteerd bij zelfreflectie en het opstellen van het persoonlijk profiel?',
        'You describe the methods/instruments you chose and why you chose these in particular. Explain why they suit this client and/or the aim of the trajectory. What did you intend with them and what was the result? How did you help the client with self-reflection and with drawing up the personal profile?',
      ),
    ],
    koppeling: {
      knowledgeAreas: ['1', '2'],
      competences: ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren', 'coachen'],
      attitude: ALL_ATTITUDE,
    },
  },
  {
    id: '4',
    title: t(
      'Het begeleiden bij het ontwikkelen van een visie op de loopbaan, leer- en/of ontwikkelmogelijkheden.',
      'Guiding the development of a vision of the career, learning and/or development possibilities.',
    ),
    indicators: [
      t(
        'Onderzoekt samen met cliënt de loopbaan-, leer- en/of ontwikkelwensen op korte en/of langere termijn.',
        "Explores, together with the client, the client's career, learning and/or development wishes in the short and/or longer term.",
      ),
      t(
        'Wijst cliënt op relevante arbeidsmarkt-, opleidings- en organisatieontwikkelingen en interpreteert samen met cliënt beschikbare online en offlinedata en informatie.',
        'Points the client to relevant developments in the labour market, education and organisations, and interprets available online and offline data and information together with the client.',
      ),
      t(
        'Ondersteunt cliënt bij het omzetten van zijn ideeën in één of meer loopbaan-, leer-, en/of ontwikkelrichtingen.',
        'Supports the client in turning their ideas into one or more career, learning and/or development directions.',
      ),
      t('Maakt belemmeringen bespreekbaar en coacht cliënt zo nodig.', 'Makes obstacles discussable and coaches the client where needed.'),
    ],
    handreiking: [
      t(
        'Je beschrijft de interventies die je hebt ingezet om cliënt te ondersteunen bij het ontdekken van zijn toekomstperspectief. Denk daarbij aan methodieken, instrumenten en externe informatiebronnen. Wat maakt dat je juist voor die methodiek/interventie gekozen hebt en hoe verhoudt dat zich tot de vraagstelling, je cliënt en/of de omstandigheden. Beschrijf ook hoe je bent omgegaan met eventuele belemmeringen en/of weerstanden.',
        "You describe the interventions you used to support the client in discovering their future perspective. Think of methods, instruments and external sources of information. What made you choose that particular method/intervention, and how does it relate to the question, your client and/or the circumstances? Also describe how you dealt with any obstacles and/or resistance.",
      ),
    ],
    koppeling: {
      knowledgeAreas: ['1', '2', '3', '4', '5'],
      competences: ['methodisch-werken', 'inlevingsvermogen', 'adviseren', 'coachen'],
      attitude: ALL_ATTITUDE,
    },
  },
  {
    id: '5',
    title: t(
      'Het begeleiden bij het oriëntatie- en keuzeproces bij het maken van een loopbaan-, leer- en/of ontwikkelstap.',
      'Guiding the orientation and decision process in taking a career, learning and/or development step.',
    ),
    indicators: [
      t(
        'Onderzoekt samen met cliënt welke loopbaan-, leer en/of ontwikkelrichtingen hij nader gaat verkennen.',
        'Explores, together with the client, which career, learning and/or development directions the client will explore further.',
      ),
      t(
        'Ondersteunt cliënt bij het vertalen van het persoonlijke profiel en loopbaan-, leer- en/of ontwikkelrichtingen naar concrete rollen, functies, beroepen en opleidingen.',
        'Supports the client in translating the personal profile and the career, learning and/or development directions into concrete roles, positions, occupations and programmes.',
      ),
      t(
        'Ondersteunt cliënt bij het opstellen van een doelgericht actieplan om zijn loopbaan-, leer- en/of ontwikkeldoelen te formuleren en te realiseren.',
        'Supports the client in drawing up a goal-oriented action plan to formulate and achieve their career, learning and/or development goals.',
      ),
      t('Reikt passende strategieën aan om doelen te bereiken.', 'Offers suitable strategies to achieve goals.'),
    ],
    handreiking: [
      t(
        'Je beschrijft hoe je cliënt hebt gefaciliteerd in het concretiseren van zijn mogelijkheden naar concrete actiestappen. Maak ook duidelijk welke afwegingen en keuzes je daarbij hebt gemaakt. Denk daarbij bijvoorbeeld aan de opdrachten of instrumenten die je hebt ingezet en hoe je rekening hebt gehouden met de omstandigheden. Beschrijf ook hoe je bent omgegaan met eventuele weerstanden.',
        'You describe how you helped the client turn their possibilities into concrete action steps. Also make clear what you weighed up and which choices you made. Think, for example, of the assignments or instruments you used and how you took the circumstances into account. Also describe how you dealt with any resistance.',
      ),
    ],
    koppeling: {
      knowledgeAreas: ['2', '3', '4', '5'],
      competences: ['effectief-communiceren', 'adviseren', 'coachen'],
      attitude: ALL_ATTITUDE,
    },
  },
  {
    id: '6',
    title: t(
      'Het begeleiden bij het uitvoeren van een loopbaan-, leer- en/of ontwikkelstap.',
      'Guiding the taking of a career, learning and/or development step.',
    ),
    indicators: [
      t(
        'Coacht cliënt bij het ontwikkelen van praktische vaardigheden en/of loopbaancompetenties om zich te oriënteren en te presenteren op de interne- en/of externe arbeidsmarkt.',
        'Coaches the client in developing practical skills and/or career competences to explore and present themselves on the internal and/or external labour market.',
      ),
      t(
        'Stimuleert cliënt om tot gerichte actie over te gaan en bespreekt de voortgang en resultaten van acties.',
        'Encourages the client to take targeted action and discusses the progress and results of actions.',
      ),
      t(
        'Coacht cliënt in het kader van de loopbaan-, leer- en/of ontwikkelvraag zo nodig in zijn persoonlijke groei en reikt daartoe eventuele instrumenten aan.',
        'Where needed, coaches the client in their personal growth in the context of the career, learning and/or development question, and offers instruments for this.',
      ),
    ],
    handreiking: [
      t(
        'Je beschrijft hoe je cliënt hebt gefaciliteerd bij het realiseren van zijn doelen. Denk daarbij bijvoorbeeld aan de manier waarop je cliënt ondersteund hebt bij het ontwikkelen van vaardigheden. Hoe je cliënt gemotiveerd hebt om tot actie over te gaan en wat je hebt gedaan in het geval van belemmeringen en weerstanden en wat de impact van de weerstand van cliënt op jou was.',
        "You describe how you helped the client achieve their goals. Think, for example, of the way you supported the client in developing skills. How you motivated the client to take action, what you did in the face of obstacles and resistance, and what impact the client's resistance had on you.",
      ),
    ],
    koppeling: {
      knowledgeAreas: ['2', '3', '4', '5'],
      competences: ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren', 'adviseren', 'coachen'],
      attitude: ALL_ATTITUDE,
    },
  },
  {
    id: '7',
    title: t('Het afronden en evalueren van het begeleidingstraject.', 'Concluding and evaluating the guidance trajectory.'),
    indicators: [
      t(
        'Rondt het traject af door samen met cliënt het proces en resultaat van het traject systematisch samen te vatten.',
        'Concludes the trajectory by systematically summarising its process and result together with the client.',
      ),
      t(
        'Bespreekt hoe cliënt zelf verder gaat en inventariseert welke hulpbronnen daarbij te gebruiken zijn.',
        'Discusses how the client will carry on independently and takes stock of the resources they can use.',
      ),
      t(
        'Bespreekt hoe cliënt en/of opdrachtgever het traject ervaren hebben en trekt daar lering uit.',
        'Discusses how the client and/or commissioning party experienced the trajectory and learns from it.',
      ),
      t(
        'Reflecteert zelf op het traject en gaat na waarom bepaalde interventies zijn ingezet en met welk effect.',
        'Reflects on the trajectory and examines why certain interventions were used and with what effect.',
      ),
      t(
        'Kan zo nodig (schriftelijk) rapporteren, conform afspraak en met inachtneming van de gedragscode en AVG.',
        'Can report (in writing) where needed, as agreed and in compliance with the code of conduct and the GDPR (AVG).',
      ),
    ],
    handreiking: [
      t(
        'Je beschrijft de manier waarop je het begeleidingstraject hebt afgesloten en wat besproken is. Denk daarbij bijvoorbeeld aan het nabespreken van het traject met cliënt en/of opdrachtgever en hoe cliënt verder gaat. Denk ook aan wat jij geleerd hebt in dit traject.',
        'You describe how you concluded the guidance trajectory and what was discussed. Think, for example, of reviewing the trajectory with the client and/or commissioning party and how the client carries on. Also think of what you learned in this trajectory.',
      ),
    ],
    koppeling: {
      knowledgeAreas: ['2', '5'],
      competences: ['methodisch-werken', 'effectief-communiceren', 'adviseren'],
      attitude: ALL_ATTITUDE,
    },
  },
];

// ---------------------------------------------------------------- C.2 Kennisgebieden

const knowledgeAreas: KnowledgeAreaDefinition[] = [
  {
    id: '1',
    title: t('Loopbaantheorieën en -methodieken', 'Career theories and methods'),
    indicators: [
      t('Kent gangbare stromingen en loopbaantheorieën.', 'Knows the common schools of thought and career theories.'),
      t(
        'Kent gangbare loopbaanmethodieken en bijpassende (digitale) instrumenten en werkvormen.',
        'Knows the common career methods and matching (digital) instruments and working forms.',
      ),
    ],
    examples: [
      t(
        'Je kunt benoemen vanuit welke stroming/loopbaantheorie je werkt, of die leidend is in een begeleidingstraject.',
        'You can name the school of thought/career theory you work from, or which one guides a trajectory.',
      ),
      t(
        'Je kunt toegepaste methodieken en instrumenten benoemen en aangeven wat het effect daarvan is in een begeleidingstraject.',
        'You can name the methods and instruments you applied and state their effect in a guidance trajectory.',
      ),
    ],
  },
  {
    id: '2',
    title: t('Ontwikkeling van de mens', 'Human development'),
    indicators: [
      t(
        "Kent levens- en loopbaanfasen van de mens en weet welke dilemma's die verschillende fasen kenmerken.",
        'Knows the life and career stages of people and the dilemmas that characterise those stages.',
      ),
      t('Kent gangbare motivatietheorieën.', 'Knows the common theories of motivation.'),
      t('Kent gangbare theorieën over leervoorkeuren.', 'Knows the common theories of learning preferences.'),
    ],
    examples: [
      t(
        "Je kunt de levens- en loopbaanfase en dilemma's van cliënt koppelen aan een theoretisch kader.",
        "You can link the client's life and career stage and dilemmas to a theoretical framework.",
      ),
      t('Je kunt de motieven van cliënt koppelen aan een motivatietheorie.', "You can link the client's motives to a theory of motivation."),
      t(
        'Je kunt de leervoorkeur van cliënt koppelen aan een theoretisch kader.',
        "You can link the client's learning preference to a theoretical framework.",
      ),
    ],
  },
  {
    id: '3',
    title: t('Arbeidsmarkt', 'Labour market'),
    indicators: [
      t('Kent de actuele ontwikkelingen op de arbeidsmarkt.', 'Knows the current developments in the labour market.'),
      t(
        'Kent actuele werving- en selectiestrategieën om toegang te krijgen tot de arbeidsmarkt.',
        'Knows current recruitment and selection strategies for gaining access to the labour market.',
      ),
      t(
        'Kent (online en offline) bronnen om actuele en betrouwbare arbeidsmarktinformatie in te winnen.',
        'Knows (online and offline) sources for obtaining current and reliable labour-market information.',
      ),
    ],
    examples: [
      t(
        'Je kunt de consequenties van de huidige arbeidsmarkt beschrijven voor cliënt.',
        'You can describe the consequences of the current labour market for the client.',
      ),
      t(
        'Je kunt de strategie beschrijven die is ingezet om toegang te krijgen tot de arbeidsmarkt.',
        'You can describe the strategy used to gain access to the labour market.',
      ),
      t(
        'Je kunt beschrijven hoe informatie over de arbeidsmarkt is vertaald naar kansen op de arbeidsmarkt voor cliënt.',
        'You can describe how labour-market information was translated into opportunities in the labour market for the client.',
      ),
    ],
  },
  {
    id: '4',
    title: t('Opleidingen en beroepen', 'Education and occupations'),
    indicators: [
      t(
        'Kent de indelingssystematiek van het Nederlandse onderwijsstelsel.',
        'Knows how the Dutch education system is structured.',
      ),
      t(
        'Kent de actuele veranderingen en trends binnen beroepen, functies en rollen.',
        'Knows the current changes and trends in occupations, positions and roles.',
      ),
      t(
        'Kent (online en offline) bronnen om actuele en betrouwbare informatie over beroepen, functies en rollen in te winnen.',
        'Knows (online and offline) sources for obtaining current and reliable information about occupations, positions and roles.',
      ),
    ],
    examples: [
      t(
        'Je kunt de relatie beschrijven tussen opleidings-, leer- of ontwikkelvraag van cliënt en het opleidingsstelsel.',
        "You can describe the relation between the client's education, learning or development question and the education system.",
      ),
      t(
        'Je kunt de strategie beschrijven die is ingezet om inzetbaarheid en leven lang ontwikkelen van cliënt te bevorderen.',
        "You can describe the strategy used to promote the client's employability and lifelong development.",
      ),
      t(
        'Je kunt de consequenties beschrijven van veranderingen in beroepen, functies en rollen op de mogelijkheden van cliënt.',
        "You can describe the consequences of changes in occupations, positions and roles for the client's possibilities.",
      ),
    ],
  },
  {
    id: '5',
    title: t('Organisaties', 'Organisations'),
    indicators: [
      t(
        'Kent actuele organisatiestructuren, -culturen en -waarden en de effecten daarvan op het loopbaanbeleid in organisaties.',
        'Knows current organisational structures, cultures and values and their effects on career policy in organisations.',
      ),
      t(
        "Kent actuele veranderingen en trends binnen organisaties in het denken over thema's zoals leiderschap, verantwoordelijkheid en regie van werknemers.",
        'Knows current changes and trends within organisations in thinking about themes such as leadership, responsibility and employee self-direction.',
      ),
      t(
        'Kent de verschillen in het in-, door-, en uitstroombeleid in organisaties en de kenmerken van duurzame inzetbaarheid en loopbaanmobiliteit.',
        'Knows the differences in the inflow, internal mobility and outflow policies of organisations and the characteristics of sustainable employability and career mobility.',
      ),
    ],
    examples: [
      t(
        'Je kunt beschrijven op welke manier kenmerken van organisaties relevant kunnen zijn voor de loopbaanontwikkeling van cliënt.',
        "You can describe how characteristics of organisations can be relevant to the client's career development.",
      ),
      t(
        'Je kunt beschrijven wat je gedaan hebt om cliënt bewust te maken van veranderingen binnen de organisatie die van invloed zijn op zijn loopbaan.',
        "You can describe what you did to make the client aware of changes within the organisation that affect their career.",
      ),
      t(
        'Je kunt beschrijven hoe cliënt anticipeert op duurzaam inzetbaar blijven binnen de eigen organisatie of in het vervolg van zijn loopbaan.',
        'You can describe how the client anticipates staying sustainably employable within their own organisation or in the rest of their career.',
      ),
    ],
  },
];

// ---------------------------------------------------------------- C.3 Competenties

const competences: CompetenceDefinition[] = [
  {
    id: 'methodisch-werken',
    title: t('Methodisch werken', 'Working methodically'),
    definition: t(
      'Is in staat om doelgericht, systematisch, procesmatig en bewust te werken en handelen.',
      'Is able to work and act in a goal-oriented, systematic, process-based and deliberate way.',
    ),
    indicators: [
      t('Formuleert doelen en tussendoelen.', 'Formulates goals and intermediate goals.'),
      t('Benoemt en onderbouwt de logische stappen om doelen te bereiken.', 'Names and substantiates the logical steps to achieve goals.'),
      t(
        'Maakt een bewuste afweging tussen verschillende contactvormen, zoals face-to-face, online of een mix van beide.',
        'Makes a deliberate choice between forms of contact, such as face-to-face, online or a mix of both.',
      ),
      t(
        'Kiest bewust methoden en/of instrumenten en is zich bewust van de effecten van die methoden en/of instrumenten.',
        'Deliberately chooses methods and/or instruments and is aware of their effects.',
      ),
      t('Evalueert voortdurend en stelt de aanpak bij.', 'Evaluates continuously and adjusts the approach.'),
      t(
        'Evalueert eigen handelen en de inzet van methoden en/of instrumenten om er zelf van te leren.',
        'Evaluates own actions and the use of methods and/or instruments in order to learn from them.',
      ),
      t(
        'Is in staat gemaakte keuzes en afwegingen gedurende het gehele proces anoniem te verwoorden of te delen met collega-professionals.',
        'Is able to put into words, anonymously, the choices and considerations made throughout the process, or to share them with fellow professionals.',
      ),
    ],
  },
  {
    id: 'inlevingsvermogen',
    title: t('Inlevingsvermogen', 'Empathy'),
    definition: t(
      'Is in staat om gevoelens, ideeën, situaties en behoeften van anderen te signaleren en te benoemen, alsmede de eigen invloed hierop.',
      "Is able to notice and name the feelings, ideas, situations and needs of others, as well as one's own influence on them.",
    ),
    indicators: [
      t(
        'Toont openheid, interesse en aandacht naar cliënt en/of opdrachtgever toe.',
        'Shows openness, interest and attention towards the client and/or commissioning party.',
      ),
      t(
        'Verplaatst zich zonder oordeelvorming in afwijkende visies, ideeën, omgangsvormen en gewoonten.',
        'Empathises without judgement with differing views, ideas, manners and customs.',
      ),
      t(
        'Kan vanuit de situatie en opvattingen van cliënt en/of opdrachtgever meedenken.',
        'Can think along from the situation and views of the client and/or commissioning party.',
      ),
      t(
        'Nodigt cliënt uit om ervaringen vanuit een ander perspectief te bekijken.',
        'Invites the client to look at experiences from another perspective.',
      ),
      t(
        'Herkent en benoemt non-verbale signalen van cliënt en/of opdrachtgever.',
        'Recognises and names non-verbal signals of the client and/or commissioning party.',
      ),
    ],
  },
  {
    id: 'effectief-communiceren',
    title: t('Effectief communiceren', 'Communicating effectively'),
    definition: t(
      'Is in staat om ideeën, meningen en informatie in verbale en non-verbale communicatie over te dragen.',
      'Is able to convey ideas, opinions and information in verbal and non-verbal communication.',
    ),
    indicators: [
      t(
        'Stemt taal en spreektempo af op het niveau van cliënt en/of opdrachtgever.',
        'Adapts language and pace of speech to the level of the client and/or commissioning party.',
      ),
      t('Bouwt aan een vertrouwensrelatie.', 'Builds a relationship of trust.'),
      t('Luistert actief, vat samen en vraagt door.', 'Listens actively, summarises and asks follow-up questions.'),
      t('Confronteert met respect voor de relatie.', 'Confronts with respect for the relationship.'),
      t('Stelt weerstanden aan de orde.', 'Raises resistance for discussion.'),
      t(
        'Leidt het gesprek doelgericht naar resultaat en komt tot zinvolle afspraken.',
        'Leads the conversation purposefully to a result and arrives at meaningful arrangements.',
      ),
      t('Motiveert en inspireert cliënt en opdrachtgever.', 'Motivates and inspires the client and commissioning party.'),
      t(
        'Kan helder presenteren en rapporteren en kan, zo nodig, digitale middelen inzetten.',
        'Can present and report clearly and can, where needed, use digital means.',
      ),
    ],
  },
  {
    id: 'adviseren',
    title: t('Adviseren', 'Advising'),
    definition: t(
      'Is in staat om vanuit expertise het inzicht van cliënt en/of opdrachtgever in zijn situatie en mogelijkheden te verruimen.',
      "Is able, from expertise, to broaden the client's and/or commissioning party's insight into their situation and possibilities.",
    ),
    indicators: [
      t('Bespreekt verschillende perspectieven.', 'Discusses different perspectives.'),
      t('Benoemt de voor- en nadelen van die perspectieven.', 'Names the advantages and disadvantages of those perspectives.'),
      t('Doet voorstellen voor aanpak en oplossingsrichtingen.', 'Proposes approaches and directions for solutions.'),
      t('Reikt heldere en passende informatie, voorstellen en ideeën aan.', 'Offers clear and suitable information, proposals and ideas.'),
      t(
        'Legt verbanden met de context van de situatie van cliënt en/of opdrachtgever.',
        'Relates matters to the context of the situation of the client and/or commissioning party.',
      ),
    ],
  },
  {
    id: 'coachen',
    title: t('Coachen', 'Coaching'),
    definition: t(
      'Is in staat om cliënt te stimuleren tot zelfstandig en ondernemend gedrag op het gebied van loopbaan, werk, leren en/of ontwikkelen.',
      'Is able to encourage the client towards independent and enterprising behaviour in career, work, learning and/or development.',
    ),
    indicators: [
      t('Moedigt een onderzoekende houding aan.', 'Encourages an inquiring attitude.'),
      t(
        'Luistert actief, vanuit gelijkwaardigheid en zonder oordeel naar het verhaal van cliënt.',
        "Listens actively, as an equal and without judgement, to the client's story.",
      ),
      t('Stelt open en explorerende vragen.', 'Asks open and exploratory questions.'),
      t(
        'Evalueert samen met cliënt de eerder opgedane ervaringen en onderzoekt wat werkt en wat niet.',
        'Evaluates earlier experiences together with the client and explores what works and what does not.',
      ),
      t('Daagt cliënt uit om zelf oplossingsrichtingen te bedenken.', 'Challenges the client to come up with directions for solutions themselves.'),
      t(
        'Stimuleert cliënt tot het al dan niet maken van keuzes en om tot actie over te gaan.',
        'Encourages the client to make (or consciously not make) choices and to take action.',
      ),
    ],
  },
];

// ---------------------------------------------------------------- C.4 Professionele attitude

const attitudeCriteria: AttitudeCriterionDefinition[] = [
  {
    id: 'ethisch-handelen',
    title: t('Ethisch handelen volgens gedragscode', 'Acting ethically according to the code of conduct'),
    description: t(
      'Je verklaart te handelen volgens de ethische beroepsstandaard en onderschrijft de Noloc gedragscode. Je erkent het Reglement voor Klachtenbehandeling van Noloc en gaat professioneel met ethische dilemma\'s om.',
      "You declare that you act according to the ethical professional standard and subscribe to the Noloc code of conduct. You acknowledge Noloc's Regulation for the Handling of Complaints and deal professionally with ethical dilemmas.",
    ),
    question: t(
      'Was er in dit begeleidingstraject sprake van een ethisch dilemma? Beschrijf het ethische dilemma, je afwegingen en je uiteindelijke actie.',
      'Was there an ethical dilemma in this guidance trajectory? Describe the ethical dilemma, your considerations and the action you finally took.',
    ),
  },
  {
    id: 'zelfreflectie',
    title: t('Zelfreflectie', 'Self-reflection'),
    description: t(
      'Je reflecteert actief en beschikt over het vermogen je eigen handelen, gedachten, gevoelens en herinneringen te overdenken en te doorgronden. Je bent kritisch naar jezelf en stelt daarvoor een aantal onderzoekende vragen. Welke rol heb ik aangenomen? Welke keuzemogelijkheden had ik en welke keuzes heb ik gemaakt? Waarom heb ik die keuzes gemaakt? Wat was het effect hiervan? Wat betekenen de antwoorden op de vragen voor mijn gedrag in de toekomst?',
      'You reflect actively and are able to consider and fathom your own actions, thoughts, feelings and memories. You are critical of yourself and ask yourself a number of searching questions. What role did I take on? What options did I have and which choices did I make? Why did I make those choices? What was their effect? What do the answers to these questions mean for my behaviour in the future?',
    ),
    question: t(
      'Kijk terug op je rol in dit begeleidingstraject. Wat was het effect (positief en negatief) van je rol? Waar ga je de volgende keer op letten en wat wil je anders of juist vaker doen?',
      'Look back on your role in this guidance trajectory. What was the effect (positive and negative) of your role? What will you pay attention to next time, and what do you want to do differently or more often?',
    ),
  },
  {
    id: 'ontwikkeling',
    title: t('Professionele en persoonlijke ontwikkeling', 'Professional and personal development'),
    description: t(
      'Je investeert actief en continu in je professionele en persoonlijke ontwikkeling. Het doel is om zo je deskundigheid te vergroten, de kwaliteit van je dienstverlening te verbeteren en om afgestemd te blijven op ontwikkelingen die van invloed zijn op zowel de inhoud van de begeleiding als de vorm waarin begeleiding in dit digitale tijdperk plaats vindt. Je handelt als rolmodel voor het beroep.',
      'You invest actively and continuously in your professional and personal development, so as to increase your expertise, improve the quality of your services and stay attuned to developments that affect both the content of guidance and the form it takes in this digital age. You act as a role model for the profession.',
    ),
    question: t(
      'Welke inzichten, leer- en/of ontwikkelpunten haal je voor jezelf uit de casus?',
      'What insights, learning points and/or development points do you take from this case for yourself?',
    ),
  },
  {
    id: 'diversiteit-inclusiviteit',
    title: t('Diversiteit en inclusiviteit', 'Diversity and inclusiveness'),
    description: t(
      'Je staat open voor een inclusieve samenleving en culturele diversiteit. Je maakt in je benadering geen onderscheid tussen sekse, geloof, fysieke gesteldheid, leeftijd, seksuele oriëntatie, sociale klasse, nationaliteit of etnische herkomst.',
      'You are open to an inclusive society and cultural diversity. In your approach you make no distinction by sex, religion, physical condition, age, sexual orientation, social class, nationality or ethnic origin.',
    ),
    question: t(
      'Waren er momenten in dit traject waar je merkte dat jouw waarden conflicteerden met die van je cliënt en of opdrachtgever? Wat heb je ermee gedaan?',
      'Were there moments in this trajectory when you noticed that your values conflicted with those of your client and/or commissioning party? What did you do about it?',
    ),
  },
];

// ---------------------------------------------------------------- the version

export const toetsingskaderInitieelV1: Rulebook = {
  id: 'toetsingskader-initieel-v1',
  status: 'published',
  title: t(
    'Toetsingskader en handleiding initiële certificering voor het keurmerk Register Loopbaanprofessional',
    'Assessment framework and guide for initial certification for the Register Loopbaanprofessional quality mark',
  ),
  source: t(
    'Noloc, toetsingskader initiële certificering (zonder datum of versienummer), getoetst aan het beroepsprofiel Register Loopbaanprofessional.',
    'Noloc, assessment framework for initial certification (undated, no version number), testing against the professional profile Register Loopbaanprofessional.',
  ),
  parts: {
    A: {
      title: t('A. Opleiding', 'A. Education'),
      scored: true,
      intro: [
        t(
          'Op basis van documenten toon je aan dat je beschikt over het opleidingsniveau zoals vastgesteld in het beroepsprofiel.',
          'With documents you show that you have the level of education set out in the beroepsprofiel (professional profile).',
        ),
      ],
    },
    B1: {
      title: t('B.1 Werkervaring', 'B.1 Work experience'),
      scored: true,
      intro: [
        t(
          'Je verklaart dat je beschikt over de gevraagde werkervaring uit het beroepsprofiel. Ook verklaar je dat je op het moment van certificeren actief cliënten begeleidt.',
          'You declare that you have the work experience the beroepsprofiel asks for. You also declare that you are actively guiding clients at the moment of certification.',
        ),
      ],
    },
    B2: {
      title: t('B.2 Curriculum vitae en Motivatie', 'B.2 Curriculum vitae and motivation'),
      scored: false,
      intro: [
        t(
          'Je introduceert jezelf en vertelt wat je beweegt in dit vak en waar je nu staat. Het geeft kleur aan wie jij als loopbaanprofessional bent. Voor dit onderdeel gebruik je het format in je digitale portfolio. Ook voeg je een curriculum vitae toe. Je motivatie heeft geen invloed op de kwalitatieve beoordeling van je portfolio.',
          'You introduce yourself and tell what drives you in this profession and where you stand now. It gives colour to who you are as a career professional. For this part you use the format in your digital portfolio. You also add a curriculum vitae. Your motivation has no influence on the qualitative judgement of your portfolio.',
        ),
      ],
    },
    C: {
      title: t('C. Casusbeschrijvingen', 'C. Case descriptions'),
      scored: true,
      intro: [
        t(
          'Aan de hand van twee casusbeschrijvingen laat je zien dat je vakbekwaam bent. Vanuit jouw perspectief als begeleider schets je voor elke casus het complete begeleidingstraject. Je start met een toelichting waarom je juist voor dit begeleidingstraject gekozen hebt. Op basis van de taken uit het beroepsprofiel beschrijf je vervolgens het proces tijdens het begeleidingstraject. Zie voor de verdere uitwerking C.1. Als reflectie op je casus maak je een koppeling met de kennisgebieden (C.2.), competenties (C.3.) en professionele attitude (C.4.).',
          'With two case descriptions you show that you are professionally competent. From your perspective as the practitioner you outline, for each case, the complete guidance trajectory. You start by explaining why you chose this particular trajectory. Then, based on the tasks in the beroepsprofiel, you describe the process of the trajectory. See C.1 for details. As a reflection on your case you link it to the knowledge areas (C.2), competences (C.3) and professional attitude (C.4).',
        ),
      ],
    },
    D: {
      title: t('D. Ontwikkelplan', 'D. Development plan'),
      scored: false,
      intro: [
        t(
          'Je sluit je portfolio af met een ontwikkelplan. Je geeft op basis van een format je visie op je toekomstige professionele en persoonlijke ontwikkeling. Dit ontwikkelplan heeft geen invloed op de kwalitatieve beoordeling van je portfolio.',
          'You close your portfolio with a development plan. Using a format, you give your view of your future professional and personal development. This development plan has no influence on the qualitative judgement of your portfolio.',
        ),
      ],
    },
    E: {
      title: t('E. Verklaring', 'E. Declarations'),
      scored: false,
      intro: [
        t('Je verklaart de gedragscode te hebben gelezen en committeert je aan de code.', 'You declare that you have read the code of conduct and commit to it.'),
        t('Je hebt kennisgenomen van het klachtenreglement.', 'You have taken note of the complaints regulation.'),
        t('Je verklaart je portfolio naar waarheid te hebben ingevuld.', 'You declare that you have filled in your portfolio truthfully.'),
      ],
    },
  },
  education: {
    intro: [
      t(
        "Je levert documenten in waaruit blijkt dat je beschikt over het opleidingsniveau zoals vastgesteld in het beroepsprofiel. In het digitale portfolio kun je de diploma's en certificaten uploaden.",
        'You hand in documents showing that you have the level of education set out in the beroepsprofiel. You can upload the diplomas and certificates in the digital portfolio.',
      ),
      t('Je moet één van de vier gestelde criteria aantonen.', 'You must demonstrate one of the four criteria.'),
      t(
        "In de kolom 'wat aanleveren' is aangegeven wat we daarvoor willen ontvangen.",
        "The column 'what to hand in' states what we want to receive for it.",
      ),
      t(
        "In de kolom 'randvoorwaarden' staat beschreven waaraan de gevraagde documenten moeten voldoen.",
        "The column 'conditions' describes the requirements the documents must meet.",
      ),
    ],
    hoursPerEcts: 28,
    routes: [
      {
        id: 'A1',
        criterion: t(
          'Een hbo- (NLQF6) of wo- (NLQF7) opleiding op het gebied van mens en organisatie.',
          "An hbo (NLQF 6) or wo (NLQF 7) degree in the field of 'mens en organisatie' (people and organisation).",
        ),
        evidence: [
          {
            ruleCode: 'A.DIPLOMA',
            kind: 'diploma',
            deliverable: diplomaDeliverable,
            conditions: [uploaded(t('Het diploma', 'The diploma')), diplomaLevel, diplomaSigned, diplomaNvao, diplomaCroho],
          },
        ],
      },
      {
        id: 'A2',
        criterion: t(`Een andere hbo- (NLQF6) of wo- (NLQF7) opleiding, ${coursesCriterionTail.nl}`, `Another hbo (NLQF 6) or wo (NLQF 7) degree, ${coursesCriterionTail.en}`),
        evidence: [
          {
            ruleCode: 'A.DIPLOMA',
            kind: 'diploma',
            deliverable: diplomaDeliverable,
            conditionsTitle: t('Vereisten hbo-diploma', 'Requirements for the hbo diploma'),
            conditions: [uploaded(t('Het diploma', 'The diploma')), diplomaLevel, diplomaSigned, diplomaNvao],
          },
          courseCertificates,
        ],
      },
      {
        id: 'A3',
        criterion: t(
          `Het hbo werk- en denkniveau (NLQF6) aantonen met een erkende EVC-procedure, ${coursesCriterionTail.nl}`,
          `Demonstrating the hbo level of work and thinking (NLQF 6) with a recognised EVC procedure (accreditation of prior learning), ${coursesCriterionTail.en}`,
        ),
        evidence: [
          {
            ruleCode: 'A.EVC',
            kind: 'evcReport',
            deliverable: t('EVC-rapportage', 'EVC report'),
            conditionsTitle: t('Vereisten EVC-rapportage', 'Requirements for the EVC report'),
            conditions: [
              uploaded(t('De EVC-rapportage', 'The EVC report')),
              {
                code: 'notOlderThan',
                test: 'notOlderThanYears',
                years: 2,
                label: t('De EVC-rapportage is maximaal twee jaar oud.', 'The EVC report is at most two years old.'),
              },
              {
                code: 'bocLevel',
                test: 'atLeast',
                field: 'bocLevel',
                min: 6,
                label: t('De EVC-rapportage richt zich op BOC-niveau 6.', 'The EVC report is aimed at BOC level 6.'),
              },
              {
                code: 'recognisedProvider',
                test: 'attested',
                attestation: 'recognisedProvider',
                label: t(
                  'De EVC-rapportage is verstrekt door een erkende EVC-aanbieder.',
                  'The EVC report was issued by a recognised EVC provider.',
                ),
              },
            ],
          },
          courseCertificates,
        ],
      },
      {
        id: 'A4',
        criterion: t(
          `Het hbo werk- en denkniveau (NLQF6) aantonen met een assessment, ${coursesCriterionTail.nl}`,
          `Demonstrating the hbo level of work and thinking (NLQF 6) with an assessment, ${coursesCriterionTail.en}`,
        ),
        evidence: [
          {
            ruleCode: 'A.ASSESSMENT',
            kind: 'assessmentReport',
            deliverable: t('Assessmentrapport', 'Assessment report'),
            conditionsTitle: t('Vereisten voor assessment', 'Requirements for the assessment'),
            conditions: [
              uploaded(t('Het assessmentrapport', 'The assessment report')),
              {
                code: 'notOlderThan',
                test: 'notOlderThanYears',
                years: 2,
                label: t('Het assessmentrapport is maximaal twee jaar oud.', 'The assessment report is at most two years old.'),
              },
              {
                code: 'accreditedBureauOrNipPsychologist',
                test: 'attested',
                attestation: 'accreditedBureauOrNipPsychologist',
                label: t(
                  'Het assessment is afgenomen door een geaccrediteerd bureau of een zelfstandig gevestigde Arbeids- en organisatiepsycholoog NIP.',
                  'The assessment was carried out by an accredited bureau or a self-employed work and organisational psychologist registered with the NIP.',
                ),
              },
              {
                code: 'nlqfLevel',
                test: 'atLeast',
                field: 'nlqfLevel',
                min: 6,
                label: t(
                  'Uit het assessment blijkt dat tenminste hbo werk- en denkniveau (NLQF 6) is aangetoond.',
                  'The assessment shows that at least the hbo level of work and thinking (NLQF 6) has been demonstrated.',
                ),
              },
            ],
          },
          courseCertificates,
        ],
      },
    ],
  },
  workExperience: {
    intro: [
      t(
        'Uit een verklaring blijkt dat je beschikt over de gevraagde werkervaring, zoals vastgesteld in het beroepsprofiel. Ook verklaar je dat je op het moment van certificeren actief cliënten begeleidt. Voor beide verklaringen tref je een format aan in het portfolio (B1).',
        'A declaration shows that you have the required work experience as set out in the beroepsprofiel. You also declare that you are actively guiding clients at the moment of certification. The portfolio has a format for both declarations (B1).',
      ),
      t(
        'Je toont zowel je werkervaring aan, als het feit dat je actief bent als loopbaanprofessional op het moment van certificeren.',
        'You show both your work experience and the fact that you are active as a career professional at the moment of certification.',
      ),
    ],
    experience: {
      criterion: t(
        'Je bent tenminste twee jaar actief binnen het vakgebied van de loopbaanprofessie en beschikt over minimaal 1.200 uur beroepsgerichte werkervaring als uitvoerend loopbaanprofessional.',
        'You have been active in the field of the career profession for at least two years and have at least 1,200 hours of professional work experience as an executing career professional.',
      ),
      deliverable: t(
        "Verklaring: 'Tenminste 2 jaar actief in het vakgebied en 1200 uur beroepsgerichte werkervaring.' volledig ingevuld en ondertekend.",
        "Declaration: 'At least 2 years active in the field and 1,200 hours of professional work experience.', completely filled in and signed.",
      ),
      conditions: [
        t(
          'Onder beroepsgerichte ervaring verstaan we activiteiten die te maken hebben met het begeleiden van mensen en organisaties met loopbaanvragen. Hier vallen geen ondernemersactiviteiten onder, zoals het voeren van een administratie, PR-werkzaamheden of ontwikkeling van je professionaliteit door bijvoorbeeld training, opleiding, intervisie en supervisie.',
          'By professional experience we mean activities to do with guiding people and organisations with career questions. This does not include entrepreneurial activities, such as keeping accounts or PR work, nor developing your professionalism through, for example, training, education, peer review (intervisie) and supervision.',
        ),
      ],
      minYearsActive: 2,
      minHours: 1200,
      hoursWithinYears: null,
    },
    active: {
      criterion: t(
        'Je werkt op het moment van certificeren als uitvoerend loopbaanprofessional.',
        'At the moment of certification you work as an executing career professional.',
      ),
      deliverable: t(
        "Verklaring: 'Werkzaam als uitvoerend loopbaanprofessional.' volledig ingevuld en ondertekend.",
        "Declaration: 'Working as an executing career professional.', completely filled in and signed.",
      ),
    },
  },
  cvAndMotivation: {
    intro: [
      t(
        'Je voegt je curriculum vitae toe waarmee je een goed beeld geeft van onder meer je loopbaan en je gevolgde opleidingen (B2). Je introduceert jezelf en vertelt wat je beweegt in dit vak en waar je nu staat. Het geeft kleur aan wie jij bent als loopbaanprofessional (B2). Voor dit onderdeel gebruik je het format in je digitale portfolio. Je curriculum vitae en motivatie hebben geen invloed op de kwalitatieve beoordeling van je portfolio.',
        'You add your curriculum vitae, giving a good picture of, among other things, your career and the education you followed (B2). You introduce yourself and tell what drives you in this profession and where you stand now. It gives colour to who you are as a career professional (B2). For this part you use the format in your digital portfolio. Your curriculum vitae and motivation have no influence on the qualitative judgement of your portfolio.',
      ),
    ],
    cv: {
      criterion: t('Curriculum vitae.', 'Curriculum vitae.'),
      deliverable: t('Curriculum vitae.', 'Curriculum vitae.'),
      handreiking: t(
        'Het curriculum vitae geeft een goed beeld van je professionele achtergrond. Het bevat tenminste een overzicht van je loopbaan, opleidingen en overige vakspecifieke informatie.',
        'The curriculum vitae gives a good picture of your professional background. It contains at least an overview of your career, education and other field-specific information.',
      ),
    },
    motivation: {
      criterion: t('Terugblik op je ontwikkeling tot nu toe.', 'A look back on your development so far.'),
      deliverable: t('Zie het format in je digitale portfolio.', 'See the format in your digital portfolio.'),
      handreiking: t(
        'Motivatie voor de keuze van het vak van loopbaanprofessional.',
        'Motivation for choosing the profession of career professional.',
      ),
    },
  },
  cases: {
    intro: [
      t(
        'Aan de hand van twee casusbeschrijvingen laat je zien dat je vakbekwaam bent. Vanuit jouw perspectief als begeleider schets je voor elke casus het complete begeleidingstraject. Je start met een toelichting waarom je juist voor dit begeleidingstraject hebt gekozen. Op basis van de taken uit het beroepsprofiel beschrijf je vervolgens het proces tijdens het begeleidingstraject. Zie voor de verdere uitwerking C.1. Als reflectie op je casus maak je een koppeling met de kennisgebieden (C.2.), competenties (C.3.) en professionele attitude (C.4.).',
        'With two case descriptions you show that you are professionally competent. From your perspective as the practitioner you outline, for each case, the complete guidance trajectory. You start by explaining why you chose this particular trajectory. Then, based on the tasks in the beroepsprofiel, you describe the process of the trajectory. See C.1 for details. As a reflection on your case you link it to the knowledge areas (C.2), competences (C.3) and professional attitude (C.4).',
      ),
    ],
    count: 2,
    recencyYears: 2,
    processIntro: [
      t(
        'Je toont aan dat je ervaring hebt met de taken uit het beroepsprofiel. Dit doe je door twee complete begeleidingstrajecten te beschrijven. Je geeft de afwegingen en beslissingen aan die je gemaakt hebt bij de gekozen interventies. De taken in het beroepsprofiel staan voor het proces dat je doorloopt met een cliënt. Je kunt een taak dus zien als een processtap. Wat je echt bij een taak doet en welke afwegingen je daarbij maakt, is afhankelijk van de vraag- en doelstelling van het traject en de persoonlijkheid en situatie van de cliënt. Een outplacementtraject kent bijvoorbeeld een andere inhoudelijke invulling dan een traject om ontwikkelmogelijkheden te onderzoeken. Ook de startsituatie is per cliënt verschillend: kiest de cliënt zelf voor een traject of is het geïnitieerd door de werkgever.',
        'You show that you have experience with the tasks of the beroepsprofiel by describing two complete guidance trajectories. You state the considerations and decisions behind the interventions you chose. The tasks in the beroepsprofiel stand for the process you go through with a client, so you can see a task as a process step. What you actually do in a task and what you weigh up depends on the question and aim of the trajectory and on the personality and situation of the client. An outplacement trajectory, for example, has different content from a trajectory exploring development opportunities. The starting situation also differs per client: does the client choose a trajectory themselves, or was it initiated by the employer?',
      ),
      t(
        "Het is in je casusbeschrijving van belang dat je laat zien hoe je juist met die kenmerkende aspecten bent omgegaan. Welke specifieke onderwerpen en thema's waren aan de orde? Welke specifieke interventies heb je ingezet, wat je daarmee beoogde en wat het werkelijke effect was? En hoe ben je bijvoorbeeld omgegaan met mogelijk tegengestelde belangen?",
        'In your case description it matters that you show how you dealt with exactly those characteristic aspects. Which specific topics and themes came up? Which specific interventions did you use, what did you intend with them and what was the actual effect? And how did you deal, for example, with possibly conflicting interests?',
      ),
      t('Je beschrijft twee complete begeleidingstrajecten.', 'You describe two complete guidance trajectories.'),
      t(
        'Door de procesgerichte aanpak zijn alle taken uit het beroepsprofiel essentieel voor de uitoefening van het vak. Je moet dus alle taken aantonen.',
        'Because of the process-oriented approach, all tasks of the beroepsprofiel are essential to practising the profession. So you must demonstrate all tasks.',
      ),
      t(
        'Mogelijk zijn niet alle taken relevant in een traject. In dat geval motiveer je waarom dit het geval was. Voor de volledigheid: in de andere casus moet de niet relevante taak wel aan de orde komen.',
        'Possibly not all tasks are relevant in a trajectory. In that case you explain why. To be complete: in the other case the task that was not relevant must be covered.',
      ),
      t(
        'De benoemde indicatoren uit het profiel kun je lezen als uitwerking van de taak. Zij geven richting bij het schrijven van je casus.',
        'You can read the indicators from the profile as an elaboration of the task. They give direction when writing your case.',
      ),
      t(
        'Je zorgt voor diversiteit in je casussen. Denk bijvoorbeeld aan twee verschillende vraagstellingen, twee type klanten of twee andere uitdagingen voor jou als begeleider.',
        'You make sure your cases are diverse. Think, for example, of two different questions, two types of clients, or two different challenges for you as a practitioner.',
      ),
      t(
        'De beide begeleidingstrajecten heb je in de afgelopen twee jaar zelf uitgevoerd en ze passen binnen het werkveld en de scope van het beroepsprofiel.',
        'You carried out both guidance trajectories yourself in the past two years, and they fit within the field and scope of the beroepsprofiel.',
      ),
      t(
        'Taak 0 beschrijft een aantal procestaken die gedurende het gehele traject door alle fases heen aandacht vragen en/of aan de orde kunnen zijn.',
        'Task 0 describes a number of process tasks that need attention and/or may come up throughout the trajectory, across all phases.',
      ),
      t(
        'De taken 1 tot en met 7 beschrijven de opeenvolgende fases in een begeleidingstraject.',
        'Tasks 1 to 7 describe the successive phases of a guidance trajectory.',
      ),
      t(
        'Bij elke taak staan suggesties om competenties, kennisgebieden en professionele attitudes te koppelen aan een taak. De kennisgebieden, competenties en professionele attitudes zijn verder uitgewerkt in C2, C3 en C4.',
        'Each task has suggestions for linking competences, knowledge areas and professional attitudes to it. The knowledge areas, competences and professional attitudes are worked out further in C2, C3 and C4.',
      ),
    ],
    tasks,
    // derived (docs/adr/0011): 'Je beschrijft twee complete begeleidingstrajecten' and 'Mogelijk zijn niet
    // alle taken relevant in een traject' — some tasks may be not relevant, not the ones that make a
    // trajectory: the process tasks throughout (0), the start (1), the plan (2) and the close (7).
    trajectory: {
      coreTasks: ['0', '1', '2', '7'],
      explanation: t(
        'Elke casus beschrijft een compleet begeleidingstraject. Taak 0 (de procestaken gedurende het gehele traject), taak 1 (het vraagverhelderend gesprek), taak 2 (het begeleidingsvoorstel) en taak 7 (het afronden en evalueren) horen bij elk traject: die beschrijf je in beide casussen. Alleen van de taken 3 tot en met 6 kan een taak in een traject niet relevant zijn; motiveer dan waarom en beschrijf die taak in de andere casus.',
        'Each case describes a complete guidance trajectory. Task 0 (the process tasks throughout the trajectory), task 1 (the clarifying conversation), task 2 (the guidance proposal) and task 7 (closing and evaluating) belong to every trajectory: you describe them in both cases. Only among tasks 3 to 6 can a task be not relevant in a trajectory; then explain why and describe that task in the other case.',
      ),
    },
    knowledge: {
      intro: [
        t(
          'Je toont aan dat je beschikt over actuele en gangbare kennis zoals beschreven in het beroepsprofiel. Je verwerkt je kennis als reflectie op je casusbeschrijving en laat daarmee zien dat je kennis in de praktijk toepast.',
          'You show that you have current and common knowledge as described in the beroepsprofiel. You work your knowledge into a reflection on your case description and so show that you apply knowledge in practice.',
        ),
        t(
          'Je toont vier van de vijf kennisgebieden aan. Hiervoor geldt dat je de kennisgebieden over beide casussen mag verdelen. Je hoeft dus niet in elke afzonderlijke casus vier kennisgebieden aan te tonen.',
          'You demonstrate four of the five knowledge areas. You may spread the knowledge areas over both cases, so you do not have to demonstrate four knowledge areas in each case separately.',
        ),
        t(
          'In elk geval onderbouw je de twee kennisgebieden Loopbaantheorie en Ontwikkeling van de mens. Ook nu geldt dat je ze mag verdelen over beide casussen. Je hoeft dus niet in elke afzonderlijke casus de twee kennisgebieden aan te tonen.',
          'In any case you substantiate the two knowledge areas Career theory and Human development. Here too you may spread them over both cases, so you do not have to demonstrate both in each case separately.',
        ),
      ],
      minCovered: 4,
      mandatory: ['1', '2'],
      items: knowledgeAreas,
    },
    competences: {
      intro: [
        t(
          'Je toont aan dat je beschikt over de vereiste competenties uit het beroepsprofiel. Dit werk je uit als reflectie op je casusbeschrijving en zo laat je zien hoe je handelt.',
          'You show that you have the competences the beroepsprofiel requires. You work this out as a reflection on your case description and so show how you act.',
        ),
        t(
          'De competenties uit het beroepsprofiel zijn essentieel voor de loopbaanprofessional. Je moet ze allemaal aantonen.',
          'The competences of the beroepsprofiel are essential for the career professional. You must demonstrate all of them.',
        ),
        t(
          'Hiervoor geldt dat je de competenties over beide casussen mag verdelen. Je hoeft dus niet in elke afzonderlijke casus alle competenties aan te tonen.',
          'You may spread the competences over both cases, so you do not have to demonstrate all competences in each case separately.',
        ),
        t(
          'Je hoeft niet alle indicatoren tot in detail te beschrijven. Wel maak je duidelijk hoe de afzonderlijke competenties zichtbaar zijn in een begeleidingstraject, waar je bewust handelt en hoe je reflecteert op je handelen.',
          'You do not have to describe every indicator in detail. You do make clear how each competence shows in a guidance trajectory, where you act deliberately and how you reflect on your actions.',
        ),
      ],
      minCovered: 5,
      mandatory: [],
      items: competences,
    },
    attitude: {
      intro: [
        t(
          'Je bent je continu bewust van je beroepshouding en hebt aandacht voor je persoonlijke en professionele ontwikkeling. Dit toon je aan door op basis van een aantal gerichte vragen te reflecteren op je casusbeschrijving. Je maakt duidelijk dat je je beroepshouding regelmatig tegen het licht houdt.',
          'You are continuously aware of your professional attitude and pay attention to your personal and professional development. You show this by reflecting on your case description using a number of targeted questions. You make clear that you regularly hold your professional attitude up to the light.',
        ),
        t(
          'Een professionele attitude is essentieel voor de loopbaanprofessional. Je laat zien dat je kunt reflecteren op je beroepshouding door afsluitend aan de casusbeschrijving vier vragen te beantwoorden.',
          'A professional attitude is essential for the career professional. You show that you can reflect on your professional attitude by answering four questions at the end of the case description.',
        ),
      ],
      criteria: attitudeCriteria,
    },
  },
  developmentPlan: {
    intro: [
      t(
        'Je sluit je portfolio af met een ontwikkelplan voor de komende vier jaar. Je geeft op basis van het format in je digitale portfolio je visie op je toekomstige professionele en persoonlijke ontwikkeling. Betrek daarbij ook de ontwikkeling van het vak, de ontwikkelingen in de maatschappij en maak een verbinding met jouw werkcontext.',
        'You close your portfolio with a development plan for the coming four years. Using the format in your digital portfolio you give your view of your future professional and personal development. Take into account the development of the profession and developments in society, and connect it with your work context.',
      ),
      t(
        'Dit ontwikkelplan heeft geen invloed op de kwalitatieve beoordeling van je portfolio.',
        'This development plan has no influence on the qualitative judgement of your portfolio.',
      ),
    ],
    horizonYears: 4,
    questions: [
      {
        id: '1',
        text: t(
          'Wat heeft het maken van dit portfolio je opgeleverd aan inzichten, leerpunten, nieuwe uitdagingen of plannen, en nieuw te maken keuzes in je eigen loopbaan?',
          'What has making this portfolio given you in insights, learning points, new challenges or plans, and new choices to make in your own career?',
        ),
      },
      {
        id: '2',
        text: t('Wat wil je verbeteren of waar wil je je verder in verdiepen?', 'What do you want to improve, or what do you want to study in more depth?'),
      },
      {
        id: '3',
        text: t(
          'Welke doelen streef je na, welke stappen of acties wil je ondernemen en wat heb je daarvoor nodig?',
          'Which goals do you pursue, which steps or actions do you want to take, and what do you need for them?',
        ),
      },
      {
        id: '4',
        text: t('Welke belemmeringen voorzie je en hoe kun je die voorkomen?', 'Which obstacles do you foresee and how can you prevent them?'),
      },
    ],
  },
  declarations: [
    {
      key: 'gedragscode',
      ruleCode: 'E.GEDRAGSCODE',
      versioned: true,
      text: t(
        'Je verklaart de gedragscode te hebben gelezen en committeert je aan de code.',
        'You declare that you have read the code of conduct (gedragscode) and commit to it.',
      ),
    },
    {
      key: 'klachtenreglement',
      ruleCode: 'E.KLACHTENREGLEMENT',
      versioned: true,
      text: t(
        'Je verklaart kennis te hebben genomen van het klachtenreglement.',
        'You declare that you have taken note of the complaints regulation (klachtenreglement).',
      ),
    },
    {
      key: 'truthful',
      ruleCode: 'E.TRUTHFUL',
      versioned: false,
      text: t('Je verklaart je portfolio naar waarheid te hebben ingevuld.', 'You declare that you have filled in your portfolio truthfully.'),
    },
  ],
  glossary: [
    { term: 'NVAO', text: t('Nederlands-Vlaamse Accreditatieorganisatie', 'Accreditation Organisation of the Netherlands and Flanders') },
    { term: 'CROHO', text: t('Centraal Register Opleidingen Hoger Onderwijs', 'Central Register of Higher Education Programmes') },
    { term: 'BOC', text: t('Beroeps Overstijgende Competentiestandaard', 'Cross-occupational competence standard') },
    { term: 'EVC', text: t('Erkenning van Verworven Competenties', 'Accreditation of prior learning') },
    { term: 'NLQF', text: t('Nederlands Kwalificatieraamwerk', 'Dutch Qualifications Framework') },
  ],
};
