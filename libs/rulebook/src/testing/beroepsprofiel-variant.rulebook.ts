import type { EvidenceCondition, Rulebook } from '../rulebook/rulebook.types';
import { toetsingskaderInitieelV1 } from '../versions/toetsingskader-initieel-v1.rulebook';

/**
 * TEST-ONLY rulebook version with the beroepsprofiel's figures instead of the toetsingskader's:
 * 600 hours of experience in the last three years (no minimum number of years active), and a
 * fifth education route, "Een Noloc geaccrediteerde loopbaanopleiding", with its own evidence.
 * It exists to prove that a version with other numbers and lists needs no engine change.
 * It is not shipped in the registry.
 */
const base = toetsingskaderInitieelV1;

const uploaded: EvidenceCondition = {
  code: 'uploaded',
  test: 'uploaded',
  label: { nl: 'Het diploma of certificaat is geüpload.', en: 'The diploma or certificate has been uploaded.' },
};

export const beroepsprofielVariant: Rulebook = {
  ...base,
  id: 'test-beroepsprofiel-variant',
  status: 'test',
  title: { nl: 'TESTVERSIE met de cijfers uit het beroepsprofiel', en: 'TEST VERSION with the figures of the beroepsprofiel' },
  education: {
    ...base.education,
    intro: [{ nl: 'Je moet één van de vijf gestelde criteria aantonen.', en: 'You must demonstrate one of the five criteria.' }],
    routes: [
      ...base.education.routes,
      {
        id: 'A5',
        criterion: { nl: 'Een Noloc geaccrediteerde loopbaanopleiding.', en: 'A career-guidance programme accredited by Noloc.' },
        evidence: [
          {
            ruleCode: 'A.PROGRAMME',
            kind: 'accreditedProgrammeCertificate',
            deliverable: {
              nl: 'Diploma of certificaat van de Noloc-geaccrediteerde loopbaanopleiding',
              en: 'Diploma or certificate of the Noloc-accredited career programme',
            },
            conditions: [
              uploaded,
              {
                code: 'nolocAccredited',
                test: 'attested',
                attestation: 'nolocAccredited',
                label: { nl: 'De loopbaanopleiding is door Noloc geaccrediteerd.', en: 'The career programme is accredited by Noloc.' },
              },
              {
                code: 'signedByInstitution',
                test: 'attested',
                attestation: 'signedByInstitution',
                label: { nl: 'Het document is ondertekend door de opleidingsinstantie.', en: 'The document is signed by the institution.' },
              },
            ],
          },
        ],
      },
    ],
  },
  workExperience: {
    ...base.workExperience,
    experience: {
      ...base.workExperience.experience,
      criterion: {
        nl: 'Je hebt in de afgelopen drie jaar tenminste 600 uur beroepsgerichte werkervaring als uitvoerend loopbaanprofessional opgedaan.',
        en: 'In the last three years you have gained at least 600 hours of professional experience as an executing career professional.',
      },
      deliverable: {
        nl: "Verklaring: 'Tenminste 600 uur beroepsgerichte werkervaring in de afgelopen drie jaar.' volledig ingevuld en ondertekend.",
        en: "Declaration: 'At least 600 hours of professional experience in the last three years.', completely filled in and signed.",
      },
      minYearsActive: null,
      minHours: 600,
      hoursWithinYears: 3,
    },
  },
};
