import type { VersionedDeclaration } from '../document/portfolio-document.types';
import type { Rule } from '../engine/rule.types';
import { localized } from '../text/localized-text.util';
import { signatureMessage, signatureProblem } from './signature.util';

/**
 * E.GEDRAGSCODE, E.KLACHTENREGLEMENT, E.TRUTHFUL — each declaration of the rulebook is accepted,
 * with a date; a versioned one names the version it accepts, and when the current version is
 * known, an acceptance of another version must be renewed.
 */
export const declarationsRule: Rule = {
  codes: ['E.GEDRAGSCODE', 'E.KLACHTENREGLEMENT', 'E.TRUTHFUL'],
  check({ document, rulebook, referenceDate, currentRegulationVersions }, out) {
    const declarations = (document.declarations ?? {}) as Readonly<Record<string, VersionedDeclaration | undefined>>;
    for (const definition of rulebook.declarations) {
      const declaration = declarations[definition.key];
      const base = ['declarations', definition.key];
      let ok = true;
      const problem = signatureProblem(declaration?.accepted, declaration?.acceptedAt, referenceDate);
      if (problem !== null) {
        ok = false;
        const path = declaration === undefined ? base : [...base, problem === 'not_signed' ? 'accepted' : 'acceptedAt'];
        out.blocking(definition.ruleCode, path, signatureMessage(problem, definition.text, 'accepted'), { problem });
      }
      if (definition.versioned) {
        const accepted = declaration?.version;
        const current = currentRegulationVersions[definition.key];
        if (declaration !== undefined && !(typeof accepted === 'number' && Number.isInteger(accepted))) {
          ok = false;
          out.blocking(
            definition.ruleCode,
            [...base, 'version'],
            localized(`${definition.text.nl}: de versie die je accepteert ontbreekt.`, `${definition.text.en}: the version you accept is missing.`),
            { accepted: null, current: current ?? null },
          );
        } else if (declaration !== undefined && current !== undefined && accepted !== current) {
          ok = false;
          out.blocking(
            definition.ruleCode,
            [...base, 'version'],
            localized(
              `Je accepteerde versie ${accepted} van de ${definition.key}; de huidige versie is ${current}. Lees en accepteer de huidige versie opnieuw voordat je indient.`,
              `You accepted version ${accepted} of the ${definition.key}; the current version is ${current}. Read and accept the current version again before submitting.`,
            ),
            { accepted: accepted ?? null, current },
          );
        }
      }
      out.progress('E', ok ? 1 : 0, 1);
    }
  },
};
