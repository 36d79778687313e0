import type { Rule } from '../engine/rule.types';
import { localized } from '../text/localized-text.util';
import { signatureMessage, signatureProblem } from './signature.util';

const BASE = ['workExperience', 'activeDeclaration'] as const;

/** B1.ACTIVE — a signed declaration that the candidate works as an executing career professional. */
export const activeDeclarationRule: Rule = {
  codes: ['B1.ACTIVE'],
  check({ document, rulebook, referenceDate }, out) {
    const what = rulebook.workExperience.active.deliverable;
    const declaration = document.workExperience?.activeDeclaration;
    let ok = true;
    if (declaration?.currentlyActive !== true) {
      ok = false;
      out.blocking(
        'B1.ACTIVE',
        declaration === undefined ? BASE : [...BASE, 'currentlyActive'],
        localized(
          `Verklaar dat je op het moment van certificeren werkt als uitvoerend loopbaanprofessional. ${what.nl}`,
          `Declare that you work as an executing career professional at the moment of certification. ${what.en}`,
        ),
      );
    }
    if (declaration !== undefined) {
      const signature = signatureProblem(declaration.signed, declaration.signedAt, referenceDate);
      if (signature !== null) {
        ok = false;
        out.blocking('B1.ACTIVE', [...BASE, signature === 'not_signed' ? 'signed' : 'signedAt'], signatureMessage(signature, what, 'signed'), {
          problem: signature,
        });
      }
    }
    out.progress('B1', ok ? 1 : 0, 1);
  },
};
