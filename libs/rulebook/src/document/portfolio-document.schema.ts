import { currentRulebook } from '../versions/rulebook.registry';
import { EVIDENCE_KINDS, PORTFOLIO_DOCUMENT_SCHEMA_VERSION } from './portfolio-document.types';

/**
 * JSON Schema (draft-07) of the portfolio document: the single source of truth for
 * docs/portfolio-document.schema.json (written by scripts/rulebook/write-schema.ts; a unit
 * test keeps the two equal).
 *
 * The schema checks shape only. Everything is optional apart from `schemaVersion` and
 * `rulebookVersion`, so a draft with almost nothing in it is valid; completeness is the engine's
 * job. Known keys (tasks, knowledge areas, competences, attitude criteria, development-plan
 * questions) are listed with their Dutch titles from the current rulebook for the reader; other
 * keys of the same form are allowed so that a later rulebook version needs no new schema.
 */

/** Calendar dates 'YYYY-MM-DD': `format: date` plus this pattern, for tools that do not check formats. */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Dutch first, then English: the document is read by Dutch candidates and by developers. */
const describe = (nl: string, en: string): string => `${nl}\n\n${en}`;

const text = (nl: string, en: string) => ({ type: 'string', description: describe(nl, en) }) as const;

const date = (nl: string, en: string) =>
  ({ type: 'string', format: 'date', pattern: DATE_PATTERN, description: describe(nl, en) }) as const;

const flag = (nl: string, en: string) => ({ type: 'boolean', description: describe(nl, en) }) as const;

const documentId = (nl: string, en: string) => text(nl, en);

const evidenceBase = {
  documentId: documentId(
    'Id van het geüploade bestand. Zonder geüpload bestand telt het bewijsstuk niet mee.',
    'Id of the uploaded file. Evidence without an uploaded file does not count.',
  ),
  title: text('Wat het document is, bijvoorbeeld de naam van de opleiding of cursus.', 'What the document is, e.g. the name of the programme or course.'),
  issuedBy: text('Wie het document heeft uitgegeven (onderwijsinstelling, opleider, EVC-aanbieder, assessmentbureau).', 'Who issued the document.'),
  date: date('Datum op het document.', 'Date on the document.'),
} as const;

const attested = (properties: Record<string, ReturnType<typeof flag>>) =>
  ({
    type: 'object',
    description: describe('Wat je over het document verklaart.', 'What the candidate attests about the document.'),
    additionalProperties: false,
    properties,
  }) as const;

const evidenceKind = (kind: string, title: string, properties: Record<string, unknown>) =>
  ({
    title,
    type: 'object',
    additionalProperties: false,
    required: ['kind'],
    properties: { kind: { const: kind }, ...evidenceBase, ...properties },
  }) as const;

const keyedTexts = (
  nl: string,
  en: string,
  keyPattern: string,
  known: readonly { readonly id: string; readonly title: string }[],
  item: Record<string, unknown>,
) =>
  ({
    type: 'object',
    description: describe(nl, en),
    propertyNames: { pattern: keyPattern },
    properties: Object.fromEntries(known.map((k) => [k.id, { ...item, title: k.title }])),
    additionalProperties: item,
  }) as const;

const signed = {
  signed: flag('Ondertekend.', 'Signed.'),
  signedAt: date('Datum van ondertekening.', 'Date of signing.'),
} as const;

const rulebook = currentRulebook;
const cases = rulebook.cases;
/** '0, 1, 2 en 7' */
const joinAnd = (ids: readonly string[], and: string): string => (ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} ${and} ${ids[ids.length - 1] ?? ''}`);
const coreTasks = cases.trajectory.coreTasks;

export const portfolioDocumentSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:rlp:portfolio-document:1',
  title: 'Portfolio Register Loopbaanprofessional',
  description: describe(
    'Een volledig portfolio voor de initiële certificering Register Loopbaanprofessional (Noloc), onderdelen A tot en met E, als één JSON-document. In een concept mag alles nog ontbreken; of het portfolio compleet is, bepaalt de controle tegen het toetsingskader, niet dit schema.',
    'A whole portfolio for the initial certification Register Loopbaanprofessional (Noloc), parts A to E, as one JSON document. In a draft anything may still be missing; whether the portfolio is complete is decided by checking it against the rulebook, not by this schema.',
  ),
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'rulebookVersion'],
  properties: {
    schemaVersion: { const: PORTFOLIO_DOCUMENT_SCHEMA_VERSION, description: describe('Versie van dit documentformaat.', 'Version of this document format.') },
    rulebookVersion: {
      type: 'string',
      minLength: 1,
      description: describe(
        `Id van de versie van het toetsingskader waartegen het portfolio is geschreven, bijvoorbeeld '${rulebook.id}'.`,
        'Id of the rulebook version the portfolio is written against.',
      ),
    },
    education: {
      title: 'A. Opleiding',
      type: 'object',
      additionalProperties: false,
      properties: {
        route: {
          type: 'string',
          description: describe(
            `De ene route waarmee je je opleiding aantoont: ${rulebook.education.routes.map((r) => r.id).join(', ')}.`,
            'The one route used to demonstrate education.',
          ),
        },
        evidence: {
          type: 'array',
          description: describe('Geüploade diploma\'s, certificaten en rapporten met wat je erover verklaart.', 'Uploaded diplomas, certificates and reports with what the candidate attests about them.'),
          items: { $ref: '#/definitions/evidence' },
        },
      },
    },
    workExperience: {
      title: 'B.1 Werkervaring',
      type: 'object',
      additionalProperties: false,
      properties: {
        experienceDeclaration: {
          title: rulebook.workExperience.experience.deliverable.nl,
          type: 'object',
          additionalProperties: false,
          properties: {
            activeSince: date('Sinds wanneer je actief bent in het vakgebied.', 'Since when the candidate is active in the field.'),
            hours: { type: 'number', minimum: 0, description: describe('Aantal uren beroepsgerichte werkervaring als uitvoerend loopbaanprofessional.', 'Hours of professional experience as an executing career professional.') },
            hoursSince: date(
              'Vanaf welke datum de uren zijn geteld (alleen nodig als het toetsingskader de uren tot een recente periode beperkt; standaard: activeSince).',
              'From which date the hours were counted (only needed when the rulebook limits hours to a recent period; defaults to activeSince).',
            ),
            confirmsWhatCounts: flag(
              rulebook.workExperience.experience.conditions.map((c) => c.nl).join(' '),
              'The candidate confirms that the hours exclude entrepreneurial activities and own professional development.',
            ),
            ...signed,
          },
        },
        activeDeclaration: {
          title: rulebook.workExperience.active.deliverable.nl,
          type: 'object',
          additionalProperties: false,
          properties: {
            currentlyActive: flag(rulebook.workExperience.active.criterion.nl, rulebook.workExperience.active.criterion.en),
            workContext: text('Waar en hoe je werkt als loopbaanprofessional (toelichting).', 'Where and how the candidate works as a career professional (optional).'),
            ...signed,
          },
        },
      },
    },
    cvAndMotivation: {
      title: 'B.2 Curriculum vitae en motivatie',
      type: 'object',
      additionalProperties: false,
      properties: {
        cvDocumentId: documentId('Id van het geüploade curriculum vitae.', 'Id of the uploaded curriculum vitae.'),
        motivation: text(
          `${rulebook.cvAndMotivation.motivation.criterion.nl} ${rulebook.cvAndMotivation.motivation.handreiking.nl}`,
          `${rulebook.cvAndMotivation.motivation.criterion.en} ${rulebook.cvAndMotivation.motivation.handreiking.en}`,
        ),
      },
    },
    cases: {
      title: 'C. Casusbeschrijvingen',
      type: 'array',
      description: describe(`Precies ${cases.count} casussen zijn nodig.`, `Exactly ${cases.count} cases are needed.`),
      items: { $ref: '#/definitions/casus' },
    },
    developmentPlan: {
      title: 'D. Ontwikkelplan',
      type: 'object',
      additionalProperties: false,
      properties: {
        answers: keyedTexts(
          'Antwoorden op de vragen van het ontwikkelplan, per vraagnummer.',
          'Answers to the development-plan questions, keyed by question number.',
          '^[0-9]+$',
          rulebook.developmentPlan.questions.map((q) => ({ id: q.id, title: q.text.nl })),
          { type: 'string' },
        ),
      },
    },
    declarations: {
      title: 'E. Verklaring',
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9-]*$' },
      properties: {
        gedragscode: { $ref: '#/definitions/versionedDeclaration' },
        klachtenreglement: { $ref: '#/definitions/versionedDeclaration' },
        truthful: { $ref: '#/definitions/declaration' },
      },
      additionalProperties: { $ref: '#/definitions/versionedDeclaration' },
    },
  },
  definitions: {
    evidence: {
      type: 'object',
      required: ['kind'],
      properties: {
        kind: {
          enum: [...EVIDENCE_KINDS],
          description: describe(
            'Soort bewijsstuk: diploma, certificaat van een cursus/opleiding/training, EVC-rapportage, assessmentrapport, of diploma/certificaat van een Noloc-geaccrediteerde loopbaanopleiding.',
            'Kind of evidence.',
          ),
        },
      },
      allOf: EVIDENCE_KINDS.map((kind) => ({
        if: { properties: { kind: { const: kind } } },
        then: { $ref: `#/definitions/${kind}` },
      })),
    },
    diploma: evidenceKind('diploma', 'Diploma (hbo of wo)', {
      level: { enum: ['hbo', 'wo', 'other'], description: describe('Niveau: hbo (NLQF6), wo (NLQF7) of ander.', 'Level: hbo (NLQF 6), wo (NLQF 7) or other.') },
      attested: attested({
        signedByInstitution: flag('Het diploma is ondertekend door de opleidingsinstantie.', 'Signed by the institution.'),
        nvaoAccredited: flag('De diplomaverstrekkende instantie is NVAO geaccrediteerd.', 'The awarding institution is NVAO-accredited.'),
        crohoMensEnOrganisatie: flag("Het betreft een CROHO-opleiding gericht op 'mens en organisatie'.", "A CROHO-registered programme in 'mens en organisatie'."),
      }),
    }),
    courseCertificate: evidenceKind('courseCertificate', 'Certificaat of bewijs van deelname (opleiding, cursus of training)', {
      hours: { type: 'number', minimum: 0, description: describe('Studiebelasting in uren zoals vermeld op het certificaat (gaat voor op ECTS).', 'Study load in hours as stated (takes precedence over ECTS).') },
      ects: { type: 'number', minimum: 0, description: describe(`Studiebelasting in ECTS zoals vermeld (1 ECTS = ${rulebook.education.hoursPerEcts} uur).`, 'Study load in ECTS as stated.') },
      qualityMarkName: text('Naam van het keurmerk van de cursus.', 'Name of the course\'s quality mark.'),
      attested: attested({
        qualityMark: flag('De cursus beschikt over een keurmerk.', 'The course holds a quality mark.'),
        signedByTrainer: flag('Het certificaat is ondertekend door de opleider.', 'Signed by the trainer.'),
        inScope: flag(
          'Gericht op loopbaanadvisering, -coaching en/of -begeleiding en passend binnen de scope.',
          'Aimed at career advice, coaching and/or guidance and within scope.',
        ),
      }),
    }),
    evcReport: evidenceKind('evcReport', 'EVC-rapportage', {
      bocLevel: { type: 'integer', minimum: 1, description: describe('BOC-niveau waarop de rapportage zich richt.', 'BOC level the report is aimed at.') },
      attested: attested({
        recognisedProvider: flag('Verstrekt door een erkende EVC-aanbieder.', 'Issued by a recognised EVC provider.'),
      }),
    }),
    assessmentReport: evidenceKind('assessmentReport', 'Assessmentrapport', {
      nlqfLevel: { type: 'integer', minimum: 1, description: describe('NLQF-niveau dat uit het assessment blijkt.', 'NLQF level the assessment shows.') },
      attested: attested({
        accreditedBureauOrNipPsychologist: flag(
          'Afgenomen door een geaccrediteerd bureau of een zelfstandig gevestigde Arbeids- en organisatiepsycholoog NIP.',
          'Taken by an accredited bureau or a self-employed NIP work and organisational psychologist.',
        ),
      }),
    }),
    accreditedProgrammeCertificate: evidenceKind('accreditedProgrammeCertificate', 'Diploma of certificaat van een Noloc-geaccrediteerde loopbaanopleiding', {
      attested: attested({
        nolocAccredited: flag('De loopbaanopleiding is door Noloc geaccrediteerd.', 'The programme is accredited by Noloc.'),
        signedByInstitution: flag('Ondertekend door de opleidingsinstantie.', 'Signed by the institution.'),
      }),
    }),
    taskEntry: {
      type: 'object',
      additionalProperties: false,
      properties: {
        status: {
          enum: ['described', 'not_relevant', 'missing'],
          description: describe(
            "'described' (beschreven), 'not_relevant' (niet relevant in dit traject; motivatie verplicht; niet voor een taak die bij elk traject hoort) of 'missing'. Zonder status: beschreven zodra er tekst staat.",
            "Without a status: 'described' once there is text, else 'missing'. 'not_relevant' needs a motivation and is not allowed for a core task of the trajectory.",
          ),
        },
        text: text('Hoe je deze taak in dit traject hebt uitgevoerd.', 'How the task was carried out in this trajectory.'),
        notRelevantMotivation: text('Waarom de taak in dit traject niet relevant was.', 'Why the task was not relevant in this trajectory.'),
      },
    },
    casus: {
      title: 'Casus',
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'string', description: describe('Vaste id van de casus binnen het portfolio.', 'Stable id of the case within the portfolio.') },
        title: text('Titel van de casus.', 'Title of the case.'),
        whyChosen: text('Waarom je juist voor dit begeleidingstraject hebt gekozen.', 'Why this trajectory was chosen.'),
        clientType: text(
          "Type cliënt, bijvoorbeeld 'werknemer in reorganisatie' of 'student' (voor de controle op diversiteit).",
          'Type of client (used for the diversity check).',
        ),
        questionType: text(
          "Type vraag, bijvoorbeeld 'outplacement', 're-integratie', 'studiekeuze', 'interne mobiliteit' (voor de controle op diversiteit).",
          'Type of question (used for the diversity check).',
        ),
        initiator: {
          enum: ['client', 'employer', 'other'],
          description: describe('Wie het traject startte: de cliënt zelf, de werkgever, of een ander (bijvoorbeeld UWV).', 'Who started the trajectory.'),
        },
        period: {
          type: 'object',
          additionalProperties: false,
          properties: {
            start: date('Begin van het traject.', 'Start of the trajectory.'),
            end: {
              type: ['string', 'null'],
              format: 'date',
              pattern: DATE_PATTERN,
              description: describe(
                `Einde van het traject; null zolang het nog loopt. Het traject telt mee tot en met deze datum plus ${cases.recencyYears} jaar (29 februari plus een aantal jaar is 28 februari als dat jaar geen 29 februari heeft).`,
                `End of the trajectory; null while it is still running. It counts through this date plus ${cases.recencyYears} years.`,
              ),
            },
          },
        },
        tasks: {
          type: 'object',
          description: describe(
            `C.1 Procesbeschrijving, per taak (${cases.tasks[0]?.id ?? ''} tot en met ${cases.tasks[cases.tasks.length - 1]?.id ?? ''}). Taak ${joinAnd(coreTasks, 'en')} ${coreTasks.length === 1 ? 'hoort' : 'horen'} bij elk begeleidingstraject en ${coreTasks.length === 1 ? 'wordt' : 'worden'} in elke casus beschreven, nooit als niet relevant gemarkeerd.`,
            `C.1 Process description, per task. ${coreTasks.length === 1 ? 'Task' : 'Tasks'} ${joinAnd(coreTasks, 'and')} belong to every trajectory and are described in every case.`,
          ),
          propertyNames: { pattern: '^[0-9]+$' },
          properties: Object.fromEntries(cases.tasks.map((t) => [t.id, { title: `${t.id}. ${t.title.nl}`, $ref: '#/definitions/taskEntry' }])),
          additionalProperties: { $ref: '#/definitions/taskEntry' },
        },
        knowledgeAreaReflections: keyedTexts(
          'C.2 Reflectie op de kennisgebieden, per kennisgebied (nummer).',
          'C.2 Reflections on the knowledge areas, keyed by area number.',
          '^[0-9]+$',
          cases.knowledge.items.map((a) => ({ id: a.id, title: `${a.id}. ${a.title.nl}` })),
          { type: 'string' },
        ),
        competenceReflections: keyedTexts(
          'C.3 Reflectie op de competenties, per competentie (code).',
          'C.3 Reflections on the competences, keyed by competence code.',
          '^[a-z][a-z0-9-]*$',
          cases.competences.items.map((c) => ({ id: c.id, title: c.title.nl })),
          { type: 'string' },
        ),
        attitudeAnswers: keyedTexts(
          'C.4 Antwoorden op de vragen over professionele attitude, per criterium (code).',
          'C.4 Answers to the professional-attitude questions, keyed by criterion code.',
          '^[a-z][a-z0-9-]*$',
          cases.attitude.criteria.map((c) => ({ id: c.id, title: `${c.title.nl}: ${c.question.nl}` })),
          { type: 'string' },
        ),
      },
    },
    versionedDeclaration: {
      type: 'object',
      additionalProperties: false,
      properties: {
        accepted: flag('Geaccepteerd.', 'Accepted.'),
        version: { type: 'integer', minimum: 1, description: describe('De gepubliceerde versie die je accepteert.', 'The published version accepted.') },
        acceptedAt: date('Datum van acceptatie.', 'Date of acceptance.'),
      },
    },
    declaration: {
      type: 'object',
      additionalProperties: false,
      properties: {
        accepted: flag('Geaccepteerd.', 'Accepted.'),
        acceptedAt: date('Datum van acceptatie.', 'Date of acceptance.'),
      },
    },
  },
} as const;
