import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beroepsprofielVariant } from '../testing/beroepsprofiel-variant.rulebook';
import { rulebooks } from '../versions/rulebook.registry';
import { portfolioDocumentSchema } from './portfolio-document.schema';
import type {
  AccreditedProgrammeCertificateEvidence,
  ActiveDeclaration,
  AssessmentReportEvidence,
  Casus,
  CourseCertificateEvidence,
  CvAndMotivation,
  DiplomaEvidence,
  EvcReportEvidence,
  EvidenceKind,
  ExperienceDeclaration,
  PortfolioDocument,
  TaskEntry,
  VersionedDeclaration,
} from './portfolio-document.types';

beforeEach(() => expect.hasAssertions());

type Schema = { properties?: Record<string, Schema>; definitions?: Record<string, Schema> } & Record<string, unknown>;
const schema = portfolioDocumentSchema as unknown as Schema;
const definition = (name: string): Schema => schema.definitions?.[name] as Schema;
const propertyNames = (node: Schema | undefined): string[] => Object.keys(node?.properties ?? {}).sort();

/** Every key of T, checked by the compiler: a key added to the type must be added here, and vice versa. */
const keys = <T>(record: Record<keyof T, true>): string[] => Object.keys(record).sort();

describe('docs/portfolio-document.schema.json', () => {
  it('is exactly the schema exported by the library (regenerate with scripts/rulebook/write-schema.ts)', () => {
    const published: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'portfolio-document.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(portfolioDocumentSchema)));
  });
});

describe('the schema and the TypeScript types describe the same shape', () => {
  it.each([
    ['document', schema, keys<PortfolioDocument>({ schemaVersion: true, rulebookVersion: true, education: true, workExperience: true, cvAndMotivation: true, cases: true, developmentPlan: true, declarations: true })],
    ['casus', definition('casus'), keys<Casus>({ id: true, title: true, whyChosen: true, clientType: true, questionType: true, initiator: true, period: true, tasks: true, knowledgeAreaReflections: true, competenceReflections: true, attitudeAnswers: true })],
    ['task entry', definition('taskEntry'), keys<TaskEntry>({ status: true, text: true, notRelevantMotivation: true })],
    [
      'experience declaration',
      schema.properties?.['workExperience']?.properties?.['experienceDeclaration'],
      keys<ExperienceDeclaration>({ activeSince: true, hours: true, hoursSince: true, confirmsWhatCounts: true, signed: true, signedAt: true }),
    ],
    ['active declaration', schema.properties?.['workExperience']?.properties?.['activeDeclaration'], keys<ActiveDeclaration>({ currentlyActive: true, workContext: true, signed: true, signedAt: true })],
    ['cv and motivation', schema.properties?.['cvAndMotivation'], keys<CvAndMotivation>({ cvDocumentId: true, motivation: true })],
    ['versioned declaration', definition('versionedDeclaration'), keys<VersionedDeclaration>({ accepted: true, version: true, acceptedAt: true })],
    ['diploma', definition('diploma'), keys<DiplomaEvidence>({ kind: true, documentId: true, title: true, issuedBy: true, date: true, level: true, attested: true })],
    [
      'course certificate',
      definition('courseCertificate'),
      keys<CourseCertificateEvidence>({ kind: true, documentId: true, title: true, issuedBy: true, date: true, hours: true, ects: true, qualityMarkName: true, attested: true }),
    ],
    ['EVC report', definition('evcReport'), keys<EvcReportEvidence>({ kind: true, documentId: true, title: true, issuedBy: true, date: true, bocLevel: true, attested: true })],
    ['assessment report', definition('assessmentReport'), keys<AssessmentReportEvidence>({ kind: true, documentId: true, title: true, issuedBy: true, date: true, nlqfLevel: true, attested: true })],
    [
      'accredited programme certificate',
      definition('accreditedProgrammeCertificate'),
      keys<AccreditedProgrammeCertificateEvidence>({ kind: true, documentId: true, title: true, issuedBy: true, date: true, attested: true }),
    ],
  ])('%s', (_name, node, expected) => {
    expect(propertyNames(node)).toEqual(expected);
  });

  it('has a definition for every evidence kind', () => {
    const kinds = keys<Record<EvidenceKind, true>>({ diploma: true, courseCertificate: true, evcReport: true, assessmentReport: true, accreditedProgrammeCertificate: true });
    for (const kind of kinds) expect(definition(kind)).toBeDefined();
  });
});

describe('every condition of every rulebook refers to something the document can hold', () => {
  const versions = [...rulebooks, beroepsprofielVariant];
  const cases = versions.flatMap((rulebook) =>
    rulebook.education.routes.flatMap((route) =>
      route.evidence.flatMap((requirement) => requirement.conditions.map((condition) => [rulebook.id, route.id, requirement.kind, condition] as const)),
    ),
  );

  it.each(cases)('%s %s %s: %j', (_version, _route, kind, condition) => {
    const kindSchema = definition(kind);
    if (condition.test === 'attested') expect(propertyNames(kindSchema.properties?.['attested'])).toContain(condition.attestation);
    else if (condition.test === 'oneOf' || condition.test === 'atLeast') expect(propertyNames(kindSchema)).toContain(condition.field);
    else if (condition.test === 'notOlderThanYears') expect(propertyNames(kindSchema)).toContain('date');
    else if (condition.test === 'statesStudyLoad') expect(propertyNames(kindSchema)).toEqual(expect.arrayContaining(['hours', 'ects']));
    else expect(propertyNames(kindSchema)).toContain('documentId');
  });
});
