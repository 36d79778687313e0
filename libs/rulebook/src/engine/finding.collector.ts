import { pointerInto, type PathSegment } from '../document/json-pointer.util';
import type { PortfolioDocument } from '../document/portfolio-document.types';
import { PARTS, type Part } from '../rulebook/rulebook.types';
import type { Lang, LocalizedText } from '../text/localized-text.util';
import type { Finding, FindingDetails, PartProgress, Severity } from './report.types';
import type { RuleOutput } from './rule.types';

export function partOfCode(code: string): Part {
  const prefix = code.slice(0, code.indexOf('.'));
  const part = PARTS.find((p) => p === prefix);
  if (part === undefined) throw new Error(`Rule code ${code} does not start with a part (${PARTS.join(', ')})`);
  return part;
}

/** Collects the findings and progress the rules report. */
export class FindingCollector implements RuleOutput {
  readonly findings: Finding[] = [];
  readonly parts: Record<Part, { done: number; total: number }> = {
    A: { done: 0, total: 0 },
    B1: { done: 0, total: 0 },
    B2: { done: 0, total: 0 },
    C: { done: 0, total: 0 },
    D: { done: 0, total: 0 },
    E: { done: 0, total: 0 },
  };

  constructor(
    private readonly document: PortfolioDocument,
    private readonly lang: Lang | undefined,
  ) {}

  blocking(code: string, path: readonly PathSegment[], message: LocalizedText, details: FindingDetails = {}): void {
    this.add('blocking', code, path, message, details);
  }

  warning(code: string, path: readonly PathSegment[], message: LocalizedText, details: FindingDetails = {}): void {
    this.add('warning', code, path, message, details);
  }

  progress(part: Part, done: number, total: number): void {
    this.parts[part].done += done;
    this.parts[part].total += total;
  }

  partProgress(): Record<Part, PartProgress> {
    return this.parts;
  }

  private add(severity: Severity, code: string, path: readonly PathSegment[], message: LocalizedText, details: FindingDetails): void {
    const finding: Finding = {
      code,
      severity,
      part: partOfCode(code),
      path: pointerInto(this.document, path),
      message,
      ...(this.lang === undefined ? {} : { text: message[this.lang] }),
      details,
    };
    this.findings.push(finding);
  }
}
