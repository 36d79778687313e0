import { addDays, subtractYears, type IsoDate } from '../../rulebook/src/dates/calendar-date.util';

/**
 * What the demo dossier of Joost Visser contains: a complete portfolio (route A2: hbo diploma plus
 * 76 h and 1 ECTS of courses = 104 h; two recent, diverse cases covering every task, all five
 * knowledge areas and all five competences; development plan; declarations), in Dutch, with four
 * small but real PDF documents. Dates are relative to `today`, so the dossier is valid on the day
 * it is seeded. Signature and acceptance dates and case ids are left out: the platform sets them.
 */

/** The documents the dossier refers to, by a local key that the sections use as a placeholder id. */
export const DEMO_DOSSIER_FILES = [
  {
    key: 'diploma',
    filename: 'diploma-bachelor-bedrijfskunde.pdf',
    lines: ['DEMO - geen echt document', 'Getuigschrift Bachelor of Business Administration (Bedrijfskunde)', 'Hogeschool Midden-Nederland, 30 juni 2004', 'Uitgereikt aan J. Visser'],
  },
  {
    key: 'certificate-course',
    filename: 'certificaat-post-hbo-loopbaanprofessional.pdf',
    lines: ['DEMO - geen echt document', 'Certificaat post-hbo Loopbaanprofessional', 'Academie voor Loopbaanbegeleiding, 12 november 2021', 'Studiebelasting: 76 uur'],
  },
  {
    key: 'certificate-training',
    filename: 'certificaat-arbeidsmarktinformatie.pdf',
    lines: ['DEMO - geen echt document', 'Training Arbeidsmarktinformatie in de loopbaanbegeleiding', 'Instituut voor Arbeidsmarktvraagstukken, 3 maart 2023', 'Studiebelasting: 1 ECTS'],
  },
  {
    key: 'cv',
    filename: 'cv-joost-visser.pdf',
    lines: ['DEMO - geen echt document', 'Curriculum vitae Joost Visser', 'Sinds 2018 eigenaar Visser Loopbaancoaching', '2004-2018 HR-adviseur en recruiter in de logistiek'],
  },
] as const;

export type DemoDossierFileKey = (typeof DEMO_DOSSIER_FILES)[number]['key'];

/** A valid one-page PDF showing `lines` (ASCII), so a downloaded demo document opens in any viewer. */
export function demoPdf(lines: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 10 : 14} Tf 72 ${760 - i * 28} Td (${escape(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const ATTITUDE_CASE_1 = {
  'ethisch-handelen':
    'Ja. De leidinggevende vroeg mij halverwege hoe "gemotiveerd" Marco eigenlijk was, omdat de werkgever twijfelde over een vervolgbudget. Ik heb geen inhoudelijke informatie gedeeld, maar voorgesteld om samen met Marco een voortgangsgesprek te voeren. Marco bepaalde zelf wat hij vertelde. Zo bleef ik binnen de afspraken van de gedragscode over vertrouwelijkheid en bleef de werkgever toch betrokken.',
  zelfreflectie:
    'Mijn ervaring in de logistiek hielp om snel contact te maken, maar in het begin dacht ik te snel mee in functies die ik zelf kende. Toen ik dat merkte, ben ik meer gaan doorvragen en heb ik Marco zelf laten zoeken. Volgende keer benoem ik eerder hardop wat ik zie, en stel ik mijn eigen beeld van een beroep bewust uit.',
  ontwikkeling:
    'Ik heb geleerd dat een werkgeversopdracht vraagt om een heldere driehoek: wie krijgt welke informatie en wanneer. Ik heb daarvoor een vast format voor driegesprekken ontwikkeld. Daarnaast wil ik mijn kennis over omscholingsregelingen verder bijhouden.',
  'diversiteit-inclusiviteit':
    'Marco vond dat "echte mannen" niet in de zorg of het onderwijs werken, terwijl hij graag met mensen werkt. Ik heb mijn eigen opvatting daarover niet opgelegd, maar hem laten praten met twee mannelijke praktijkbegeleiders. Hij koos uiteindelijk niet voor de zorg; dat heb ik gerespecteerd.',
};

const ATTITUDE_CASE_2 = {
  'ethisch-handelen':
    'De moeder van Lisa wilde na elk gesprek een samenvatting ontvangen. Lisa is meerderjarig en was de opdrachtgever; ik heb met haar besproken wat zij wilde delen en haar moeder uitgelegd waarom ik dat zonder toestemming van Lisa niet doe. Lisa koos ervoor om zelf thuis te vertellen wat zij wilde.',
  zelfreflectie:
    'Mijn rol was vooral ruimte maken: Lisa had in haar eerste studiejaar vooral gedaan wat anderen verwachtten. Soms was ik te sturend in de opdrachten, omdat ik haar snel resultaat wilde laten zien voor de aanmelddeadline. Volgende keer bespreek ik de tijdsdruk eerder open en laat ik de cliënt zelf prioriteren.',
  ontwikkeling:
    'Ik zie dat ik bij jongeren sneller in een adviserende rol schiet dan bij volwassenen. Ik wil mijn coachende vaardigheden bij jongeren verdiepen, bijvoorbeeld met een training motiverende gespreksvoering.',
  'diversiteit-inclusiviteit':
    'In Lisa haar familie is een universitaire studie de norm; een mbo-route werd gezien als een stap terug. Mijn eigen waarde is dat elke route gelijkwaardig is. Ik heb dat niet als oordeel naar de ouders gebracht, maar Lisa geholpen haar eigen argumenten te formuleren.',
};

/**
 * The section contents for the portfolio service. `ids` maps each file key to the id of its
 * verified document; `regulationVersions` names the versions of the regulations in force today.
 */
export function demoDossierSections(today: IsoDate, ids: Record<DemoDossierFileKey, string>, regulationVersions: { gedragscode: number; klachtenreglement: number }): Record<string, object> {
  const case1End = addDays(today, -150);
  const case2End = addDays(today, -45);
  return {
    education: {
      route: 'A2',
      evidence: [
        {
          kind: 'diploma',
          documentId: ids.diploma,
          title: 'Bachelor of Business Administration (Bedrijfskunde)',
          issuedBy: 'Hogeschool Midden-Nederland',
          date: '2004-06-30',
          level: 'hbo',
          attested: { signedByInstitution: true, nvaoAccredited: true, crohoMensEnOrganisatie: false },
        },
        {
          kind: 'courseCertificate',
          documentId: ids['certificate-course'],
          title: 'Post-hbo Loopbaanprofessional',
          issuedBy: 'Academie voor Loopbaanbegeleiding',
          date: '2021-11-12',
          hours: 76,
          qualityMarkName: 'CRKBO',
          attested: { qualityMark: true, signedByTrainer: true, inScope: true },
        },
        {
          kind: 'courseCertificate',
          documentId: ids['certificate-training'],
          title: 'Arbeidsmarktinformatie in de loopbaanbegeleiding',
          issuedBy: 'Instituut voor Arbeidsmarktvraagstukken',
          date: '2023-03-03',
          ects: 1,
          qualityMarkName: 'NRTO',
          attested: { qualityMark: true, signedByTrainer: true, inScope: true },
        },
      ],
    },
    workExperience: {
      experienceDeclaration: { activeSince: subtractYears(today, 7), hours: 5200, confirmsWhatCounts: true, signed: true },
      activeDeclaration: {
        currentlyActive: true,
        workContext: 'Eigen praktijk Visser Loopbaancoaching in Zwolle: loopbaanbegeleiding van werknemers (vaak in opdracht van werkgevers) en studiekeuzebegeleiding van jongeren.',
        signed: true,
      },
    },
    cvAndMotivation: {
      cvDocumentId: ids.cv,
      motivation:
        'Veertien jaar werkte ik als HR-adviseur en recruiter in de logistiek. Ik merkte dat de gesprekken over "wat wil je eigenlijk" mij meer energie gaven dan het vullen van vacatures. Na de post-hbo opleiding Loopbaanprofessional ben ik in 2018 voor mezelf begonnen. Ik begeleid vooral werknemers die door een reorganisatie hun baan verliezen en jongeren die vastlopen in hun studie. Wat ik in mijn ontwikkeling zie: van oplossingsgericht adviseren ben ik steeds meer coachend gaan werken, met de vraag van de cliënt als vertrekpunt. Met de registratie wil ik laten zien dat mijn werk aan de beroepsstandaard voldoet, en mezelf blijven toetsen aan vakgenoten.',
    },
    'case-1': {
      title: 'Van logistiek planner naar werkvoorbereider in de bouw',
      whyChosen:
        'Dit traject laat zien hoe ik een opdracht van een werkgever combineer met de eigen vraag van de cliënt, en hoe ik arbeidsmarktinformatie inzet bij een van-werk-naar-werktraject.',
      clientType: 'werknemer in reorganisatie',
      questionType: 'van werk naar werk',
      initiator: 'employer',
      period: { start: addDays(case1End, -140), end: case1End },
      tasks: {
        '0': {
          status: 'described',
          text: 'Gedurende het traject heb ik steeds getoetst of het tempo paste bij Marco (44). Na de eerste weken zakte zijn motivatie door onzekerheid over zijn ontslagdatum; ik heb toen vertraagd en een gesprek ingelast over wat hij wel zelf in de hand had. Afspraken over vertrouwelijkheid met de werkgever heb ik aan het begin schriftelijk vastgelegd.',
        },
        '1': {
          status: 'described',
          text: 'Het intakegesprek voerde ik eerst met Marco alleen en daarna samen met zijn leidinggevende. Ik heb de aanleiding (sluiting van het distributiecentrum) en zijn eigen vraag uit elkaar gehaald: hij wilde niet alleen "een baan", maar werk waarin hij kon blijven plannen en organiseren. Ik heb de gedragscode besproken en we sloten af met afspraken over vijf gesprekken en een tussenevaluatie.',
        },
        '2': {
          status: 'described',
          text: 'Mijn voorstel bestond uit drie fasen: zelfonderzoek (vier weken), verkennen van richtingen (zes weken) en solliciteren met ondersteuning. Ik heb het voorstel met Marco besproken en op zijn verzoek de fase zelfonderzoek ingekort, omdat hij snel zekerheid wilde; in ruil spraken we een extra reflectiemoment af.',
        },
        '3': {
          status: 'described',
          text: 'Ik heb een interessetest en de loopbaanankers van Schein ingezet, omdat Marco zijn drijfveren moeilijk onder woorden kon brengen. De uitslag hebben we samen besproken; opvallend was zijn hoge score op "technisch-functionele competentie". Met een levenslijn-oefening kreeg hij zicht op momenten waarop hij trots was. Samen maakten we een persoonlijk profiel op één A4.',
        },
        '4': {
          status: 'described',
          text: 'Met arbeidsmarktinformatie uit de regio (krapte-indicatoren en vacatureoverzichten) hebben we gekeken waar zijn plannerservaring gevraagd wordt. De bouw en de installatietechniek kwamen naar voren. Zijn belemmering was het idee dat hij "te oud" was om over te stappen; dat hebben we besproken aan de hand van voorbeelden van zij-instromers.',
        },
        '5': {
          status: 'described',
          text: 'Marco koos twee richtingen om te verkennen: werkvoorbereider in de bouw en planner in de zorg. Hij sprak met mensen uit beide werkvelden en liep een dag mee bij een bouwbedrijf. Daarna hebben we een actieplan gemaakt met concrete stappen: een korte cursus bouwkunde, een bijgewerkt cv en een lijst met werkgevers.',
        },
        '6': {
          status: 'described',
          text: 'Ik heb Marco begeleid bij het solliciteren: zijn cv herschreven naar overdraagbare vaardigheden, een sollicitatiegesprek geoefend en hem geholpen te onderhandelen over een inwerkperiode. Toen een eerste afwijzing hem ontmoedigde, hebben we die samen nabesproken en de feedback gebruikt.',
        },
        '7': {
          status: 'described',
          text: 'Het traject eindigde toen Marco een contract tekende als werkvoorbereider. In het eindgesprek evalueerden we zijn doelen en mijn aanpak; hij gaf aan dat de meeloopdag het keerpunt was. Met de werkgever heb ik, met toestemming van Marco, een korte eindrapportage gedeeld zonder inhoudelijke details.',
        },
      },
      knowledgeAreaReflections: {
        '1': 'De loopbaanankers van Schein gaven taal aan wat Marco belangrijk vond. Daarnaast gebruikte ik het model van Super om met hem te bespreken dat een overstap halverwege de loopbaan een normale fase is.',
        '3': 'Regionale arbeidsmarktinformatie maakte de keuze concreet: in de bouw was veel vraag naar werkvoorbereiders, en zijn ervaring met planningssoftware bleek daar goed te passen.',
        '5': 'Ik moest rekening houden met de belangen van de werkgever (een sociaal plan met een vast budget) en van Marco. Inzicht in hoe een reorganisatie binnen een organisatie verloopt, hielp mij om de timing van het traject daarop af te stemmen.',
      },
      competenceReflections: {
        'methodisch-werken': 'Ik werkte met een gefaseerd plan en evalueerde na elke fase met Marco of we nog op koers zaten, en stelde het plan bij toen zijn ontslagdatum verschoof.',
        inlevingsvermogen: 'Ik merkte dat zijn onzekerheid over de toekomst groter was dan hij liet zien, en heb daar bewust ruimte voor gemaakt voordat we verdergingen.',
        adviseren: 'Bij de keuze tussen de bouw en de zorg heb ik de voor- en nadelen op een rij gezet met informatie uit beide sectoren, en de keuze bij Marco gelaten.',
      },
      attitudeAnswers: ATTITUDE_CASE_1,
    },
    'case-2': {
      title: 'Studiekeuze na een gestopte hbo-opleiding',
      whyChosen: 'Een traject met een jongere die zelf het initiatief nam, met een heel andere vraag en aanpak dan mijn eerste casus.',
      clientType: 'student',
      questionType: 'studiekeuze',
      initiator: 'client',
      period: { start: addDays(case2End, -90), end: case2End },
      tasks: {
        '0': {
          status: 'described',
          text: 'Lisa (19) stopte na een half jaar met haar hbo-opleiding rechten. Gedurende het traject heb ik haar eigen regie voorop gezet: zij plande de afspraken en hield een logboek bij. Toen bleek dat zij ook somber was, heb ik met haar besproken om daarnaast hulp te zoeken bij de huisarts; dat deed zij.',
        },
        '1': {
          status: 'described',
          text: 'In het eerste gesprek heb ik vooral geluisterd naar hoe Lisa tot haar eerste studiekeuze was gekomen. Haar vraag werd: "Wat past bij mij, los van wat mijn omgeving verwacht?" Ik heb uitgelegd hoe een traject verloopt, de gedragscode en de vertrouwelijkheid besproken (ook richting haar ouders) en we spraken vier gesprekken af.',
        },
        '2': {
          status: 'described',
          text: 'Omdat de aanmelddeadline voor het nieuwe studiejaar naderde, stelde ik een kort traject van acht weken voor, met opdrachten tussen de gesprekken. Lisa wilde meer tijd voor zelfonderzoek; we hebben daarom één verkennende opdracht geschrapt.',
        },
        '3': {
          status: 'described',
          text: 'Ik gebruikte een kwaliteitenspel en een opdracht waarin Lisa drie mensen uit haar omgeving vroeg naar haar sterke punten. Zo kon zij met enige afstand naar zichzelf kijken. Het persoonlijk profiel liet zien dat zij graag praktisch en met mensen werkt, en in een klein team.',
        },
        '4': {
          status: 'described',
          text: 'We hebben studie- en beroepsinformatie vergeleken voor drie richtingen: pedagogiek, sociaal werk en een mbo-opleiding in de kinderopvang. Bij het bespreken van de opties kwam de verwachting van haar ouders naar voren als belemmering; daar hebben we apart bij stilgestaan.',
        },
        '5': {
          status: 'described',
          text: 'Lisa bezocht twee open dagen en liep een proefstudeerdag mee bij sociaal werk. Samen maakten we een actieplan met deadlines voor de aanmelding, een studiekeuzecheck en een gesprek met een student. Zij koos uiteindelijk voor de hbo-opleiding sociaal werk.',
        },
        '6': {
          status: 'described',
          text: 'Ik heb Lisa ondersteund bij de aanmelding en de voorbereiding op de studiekeuzecheck, onder meer door de motivatiebrief samen door te nemen. Ook hebben we besproken hoe zij het gesprek met haar ouders over haar keuze zou voeren.',
        },
        '7': {
          status: 'described',
          text: 'In het afsluitende gesprek keken we terug op haar doelen en op wat haar had geholpen. Zij gaf mijn aanpak een ruime voldoende en noemde de opdracht met de drie gesprekken het waardevolst. We spraken af dat zij na drie maanden studie nog een keer contact mag opnemen.',
        },
      },
      knowledgeAreaReflections: {
        '2': 'Lisa zat in de fase van de late adolescentie waarin identiteitsvorming centraal staat. Kennis van de ontwikkelingspsychologie hielp mij om haar twijfels niet als besluiteloosheid te zien, maar als een normale zoektocht.',
        '4': 'Ik gebruikte kennis van het onderwijsstelsel (mbo, hbo, doorstroommogelijkheden) en van beroepen in het sociaal domein om de opties realistisch te vergelijken.',
      },
      competenceReflections: {
        'effectief-communiceren': 'Ik vatte haar verhaal regelmatig samen en vroeg door op wat zij zelf wilde, zodat haar eigen taal leidend werd in plaats van die van haar omgeving.',
        coachen: 'Met open vragen en opdrachten tussen de gesprekken stimuleerde ik Lisa om zelf te onderzoeken en te kiezen; ik gaf bewust geen advies over welke opleiding het moest worden.',
      },
      attitudeAnswers: ATTITUDE_CASE_2,
    },
    developmentPlan: {
      answers: {
        '1': 'Het schrijven van de casussen liet mij zien dat ik bij jongeren sneller advies geef dan bij volwassenen. Ook merkte ik hoeveel ik leun op de werkgeversrelatie bij outplacementtrajecten; dat wil ik bewuster inrichten.',
        '2': 'Ik wil mij verdiepen in motiverende gespreksvoering en in de begeleiding van mensen met psychische klachten in een loopbaantraject.',
        '3': 'Binnen twee jaar volg ik een training motiverende gespreksvoering en neem ik deel aan een intervisiegroep van loopbaanprofessionals. Daarvoor reserveer ik tijd en budget in mijn jaarplanning.',
        '4': 'Als zelfstandige schiet ontwikkeling er bij drukte snel bij in. Ik plan de intervisie daarom vooraf voor het hele jaar in en spreek met een collega af dat we elkaar eraan houden.',
      },
    },
    declarations: {
      gedragscode: { accepted: true, version: regulationVersions.gedragscode },
      klachtenreglement: { accepted: true, version: regulationVersions.klachtenreglement },
      truthful: { accepted: true },
    },
  };
}
