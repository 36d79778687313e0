import { earliestWithinYears, isIsoDate, latestWithYearsPassed, yearsHavePassed } from '../dates/calendar-date.util';
import type { Rule } from '../engine/rule.types';
import { formatDate, formatNumber, localized, localize } from '../text/localized-text.util';
import { signatureMessage, signatureProblem } from './signature.util';

const BASE = ['workExperience', 'experienceDeclaration'] as const;

/**
 * B1.EXPERIENCE — the experience declaration is completely filled in and signed: active in the
 * field for at least `minYearsActive` years (activeSince + years not after the reference date), at
 * least `minHours` hours (within the last `hoursWithinYears` years when the rulebook says so:
 * counted from a date + years not before the reference date), with the confirmation of
 * what counts as professional experience.
 */
export const workExperienceRule: Rule = {
  codes: ['B1.EXPERIENCE'],
  check({ document, rulebook, referenceDate }, out) {
    const rules = rulebook.workExperience.experience;
    const declaration = document.workExperience?.experienceDeclaration;
    const what = rules.deliverable;
    if (declaration === undefined) {
      out.blocking('B1.EXPERIENCE', BASE, localized(`Vul de verklaring werkervaring in. ${what.nl}`, `Fill in the work-experience declaration. ${what.en}`));
      out.progress('B1', 0, 1);
      return;
    }
    let problems = 0;
    const block: typeof out.blocking = (...args) => {
      problems += 1;
      out.blocking(...args);
    };

    if (rules.minYearsActive !== null) {
      const years = rules.minYearsActive;
      const latestStart = latestWithYearsPassed(referenceDate, years);
      const since = declaration.activeSince;
      if (!isIsoDate(since)) {
        block('B1.EXPERIENCE', [...BASE, 'activeSince'], localized('Vul in sinds wanneer je actief bent in het vakgebied.', 'Fill in since when you have been active in the field.'), {
          activeSince: null,
          latestAllowed: latestStart,
        });
      } else if (!yearsHavePassed(since, years, referenceDate)) {
        block(
          'B1.EXPERIENCE',
          [...BASE, 'activeSince'],
          localize((lang) =>
            lang === 'nl'
              ? `Je bent sinds ${formatDate(since, lang)} actief in het vakgebied; nodig is minimaal ${years} jaar, dus uiterlijk sinds ${formatDate(latestStart, lang)}.`
              : `You have been active in the field since ${formatDate(since, lang)}; at least ${years} years are needed, so since ${formatDate(latestStart, lang)} at the latest.`,
          ),
          { activeSince: since, latestAllowed: latestStart, yearsRequired: years },
        );
      }
    }

    const hours = declaration.hours;
    if (typeof hours !== 'number') {
      block('B1.EXPERIENCE', [...BASE, 'hours'], localized('Vul het aantal uren beroepsgerichte werkervaring in.', 'Fill in the number of hours of professional experience.'), {
        hoursDeclared: null,
        hoursRequired: rules.minHours,
      });
    } else if (hours < rules.minHours) {
      block(
        'B1.EXPERIENCE',
        [...BASE, 'hours'],
        localize((lang) =>
          lang === 'nl'
            ? `Je verklaart ${formatNumber(hours, lang)} uur beroepsgerichte werkervaring; nodig is minimaal ${formatNumber(rules.minHours, lang)} uur.`
            : `You declare ${formatNumber(hours, lang)} hours of professional experience; at least ${formatNumber(rules.minHours, lang)} hours are needed.`,
        ),
        { hoursDeclared: hours, hoursRequired: rules.minHours },
      );
    }

    if (rules.hoursWithinYears !== null) {
      const years = rules.hoursWithinYears;
      const earliest = earliestWithinYears(referenceDate, years);
      const countedFrom = declaration.hoursSince ?? declaration.activeSince;
      if (!isIsoDate(countedFrom)) {
        block('B1.EXPERIENCE', [...BASE, 'hoursSince'], localized('Vul in vanaf welke datum je de uren hebt geteld.', 'Fill in from which date you counted the hours.'), {
          hoursSince: null,
          earliestAllowed: earliest,
        });
      } else if (countedFrom < earliest) {
        // the same as countedFrom + years < reference date (earliestWithinYears counts forward)
        block(
          'B1.EXPERIENCE',
          [...BASE, declaration.hoursSince === undefined ? 'activeSince' : 'hoursSince'],
          localize((lang) =>
            lang === 'nl'
              ? `De uren moeten zijn opgedaan in de laatste ${years} jaar, dus vanaf ${formatDate(earliest, lang)}; je telt vanaf ${formatDate(countedFrom, lang)}.`
              : `The hours must have been worked in the last ${years} years, so from ${formatDate(earliest, lang)}; you count from ${formatDate(countedFrom, lang)}.`,
          ),
          { hoursSince: countedFrom, earliestAllowed: earliest, yearsWindow: years },
        );
      }
    }

    if (declaration.confirmsWhatCounts !== true) {
      block(
        'B1.EXPERIENCE',
        [...BASE, 'confirmsWhatCounts'],
        localized(
          `Bevestig dat je uren alleen beroepsgerichte ervaring omvatten. ${rules.conditions.map((c) => c.nl).join(' ')}`,
          `Confirm that your hours include professional experience only. ${rules.conditions.map((c) => c.en).join(' ')}`,
        ),
      );
    }

    const signature = signatureProblem(declaration.signed, declaration.signedAt, referenceDate);
    if (signature !== null) {
      block('B1.EXPERIENCE', [...BASE, signature === 'not_signed' ? 'signed' : 'signedAt'], signatureMessage(signature, what, 'signed'), {
        problem: signature,
      });
    }
    out.progress('B1', problems === 0 ? 1 : 0, 1);
  },
};
