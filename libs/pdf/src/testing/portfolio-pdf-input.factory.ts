import { currentRulebook, evaluate } from '@rlp/rulebook';
import { completePortfolio, REFERENCE_DATE } from '../../../rulebook/src/testing/portfolio.factory';
import type { PortfolioPdfInput } from '../portfolio-view';

/** A submitted, complete two-case portfolio with four attachments: the input the renderer tests and the benchmark print. */
export function samplePortfolioPdfInput(overrides: Partial<PortfolioPdfInput> = {}): PortfolioPdfInput {
  const document = completePortfolio();
  return {
    kind: 'submission',
    generatedAt: '2026-11-23T13:05:00Z',
    candidate: { displayName: 'Anna de Vries', email: 'anna@example.nl' },
    portfolioId: 'pf-sample',
    document,
    rulebook: currentRulebook,
    report: evaluate(document, currentRulebook, { referenceDate: REFERENCE_DATE }),
    documents: ['doc-diploma', 'doc-cert-1', 'doc-cert-2', 'doc-cv'].map((id, i) => ({
      id,
      filename: `${id}.pdf`,
      contentType: 'application/pdf',
      sizeBytes: 10_000 * (i + 1),
      sha256: String(i).repeat(64),
    })),
    submission: { submittedAt: '2026-11-20T09:30:00Z', contentHash: 'e'.repeat(64), rulebookVersion: currentRulebook.id, regulationVersions: { gedragscode: 1, klachtenreglement: 1 } },
    ...overrides,
  };
}
