/**
 * Writes the example portfolios in docs/examples/ that are variations of complete.json, so each
 * differs from the complete one in exactly the point it illustrates. complete.json,
 * incomplete-draft.json and invalid-document.json are written by hand.
 *   npx tsx libs/rulebook/scripts/write-examples.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortfolioDocument } from '../../libs/rulebook/src/document/portfolio-document.types';
import { modify, type Draft } from '../../libs/rulebook/src/testing/portfolio.factory';

const dir = join(__dirname, '..', '..', 'docs', 'examples');
const complete = JSON.parse(readFileSync(join(dir, 'complete.json'), 'utf8')) as PortfolioDocument;

function caseAt(draft: Draft<PortfolioDocument>, index: number) {
  const casus = draft.cases?.[index];
  if (casus === undefined) throw new Error(`complete.json has no case ${index}`);
  return casus;
}

const variants: Record<string, (draft: Draft<PortfolioDocument>) => void> = {
  // 83.9 h + 0.5 ECTS (14 h) = 97.9 h, one tenth of an hour short; the LinkedIn workshop does not count.
  'incomplete-courses-97h.json': (draft) => {
    const certificate = draft.education?.evidence?.find((e) => e.documentId === 'doc-91c4e5b7');
    if (certificate?.kind !== 'courseCertificate') throw new Error('certificate doc-91c4e5b7 not found');
    certificate.hours = 83.9;
  },
  // Task 6 is not relevant in case 2 already; marking it not relevant in case 1 too leaves it undescribed.
  'incomplete-task-not-relevant-twice.json': (draft) => {
    const tasks = caseAt(draft, 0).tasks ?? {};
    tasks['6'] = {
      status: 'not_relevant',
      notRelevantMotivation:
        'Hans kreeg via de mobiliteitsregeling van zijn werkgever een eigen jobcoach voor de sollicitatiefase. Het ondersteunen bij het uitvoeren van de stap viel daardoor buiten mijn opdracht; ik heb de overdracht aan de jobcoach wel samen met Hans voorbereid.',
    };
    caseAt(draft, 0).tasks = tasks;
  },
  // Noor's case marks every task not relevant, each with a motivation; Hans's case describes every
  // task, so C.TASKS is satisfied, but a case that describes no task is no trajectory (C.TRAJECTORY).
  'incomplete-case-not-a-trajectory.json': (draft) => {
    const motivations: Record<string, string> = {
      '0': 'Noor regelde alles zelf; het traject vroeg geen bijsturing of afstemming met anderen.',
      '1': 'Noor kwam met een duidelijke vraag binnen, zodat een apart vraagverhelderend gesprek niet nodig was.',
      '2': 'We hebben geen voorstel opgesteld; Noor wilde alleen een paar gesprekken.',
      '3': 'Noor had al eerder een interessetest gedaan bij de decaan van haar opleiding.',
      '4': 'Noor wist al welke kant zij op wilde.',
      '5': 'De keuze voor de overstap lag al vast toen zij bij mij kwam.',
      '6': 'Noor schreef zich zelf in bij de nieuwe opleiding; het ondersteunen bij die stap viel buiten mijn opdracht.',
      '7': 'Het traject stopte na het derde gesprek, zonder afsluitend gesprek.',
    };
    caseAt(draft, 1).tasks = Object.fromEntries(Object.entries(motivations).map(([task, notRelevantMotivation]) => [task, { status: 'not_relevant' as const, notRelevantMotivation }]));
  },
  // Areas 1, 3, 4 and 5 remain: four areas, but area 2 (Ontwikkeling van de mens) is mandatory.
  'incomplete-knowledge-area-2-missing.json': (draft) => {
    delete caseAt(draft, 1).knowledgeAreaReflections?.['2'];
  },
  // Case 1 ended 2024-11-30: two years and one day before the reference date 2026-12-01.
  'incomplete-case-too-old.json': (draft) => {
    caseAt(draft, 0).period = { start: '2024-04-08', end: '2024-11-30' };
  },
  // Accepted version 2 of the gedragscode; check with --gedragscode-version 3.
  'incomplete-stale-gedragscode.json': (draft) => {
    draft.declarations = { ...draft.declarations, gedragscode: { accepted: true, version: 2, acceptedAt: '2025-05-12' } };
  },
  // Route A3: EVC report of 2024-12-20 counts until 2026-12-20, 19 days after the reference date.
  'complete-evc-expiring.json': (draft) => {
    const certificates = (draft.education?.evidence ?? []).filter((e) => e.kind === 'courseCertificate');
    draft.education = {
      route: 'A3',
      evidence: [
        {
          kind: 'evcReport',
          documentId: 'doc-5f20b8ce',
          title: 'EVC-rapportage Ervaringscertificaat Personeel en Arbeid, hbo-niveau',
          issuedBy: 'EVC-centrum Gelderland',
          date: '2024-12-20',
          bocLevel: 6,
          attested: { recognisedProvider: true },
        },
        ...certificates,
      ],
    };
    if (draft.cvAndMotivation?.motivation !== undefined) {
      draft.cvAndMotivation.motivation = draft.cvAndMotivation.motivation.replace(
        'Na mijn opleiding Communicatie heb ik',
        'Na mijn mbo-opleiding Secretarieel en een aantal jaren als office manager heb ik',
      );
    }
  },
};

for (const [file, change] of Object.entries(variants)) {
  writeFileSync(join(dir, file), `${JSON.stringify(modify(complete, change), null, 2)}\n`);
  process.stdout.write(`wrote docs/examples/${file}\n`);
}
