import type { CoverageResult } from '../analysis/cases.analysis';
import type { RuleOutput } from '../engine/rule.types';
import type { LocalizedText } from '../text/localized-text.util';

/** Reports a coverage rule (knowledge areas, competences) across all cases. */
export function reportCoverage(
  code: string,
  result: CoverageResult,
  titles: ReadonlyMap<string, LocalizedText>,
  noun: { nl: { one: string; many: string }; en: { one: string; many: string } },
  out: RuleOutput,
): void {
  out.progress('C', result.done, result.total);
  if (result.satisfied) return;
  const name = (id: string, lang: 'nl' | 'en'): string => `${titles.get(id)?.[lang] ?? id}`;
  const list = (ids: readonly string[], lang: 'nl' | 'en'): string => ids.map((id) => name(id, lang)).join(', ');
  const missingAll = [...titles.keys()].filter((id) => !result.covered.includes(id));
  const n = result.covered.length;
  const parts: { nl: string[]; en: string[] } = { nl: [], en: [] };
  if (n < result.minCovered) {
    parts.nl.push(`Over beide casussen samen ${n === 1 ? `is 1 ${noun.nl.one}` : `zijn ${n} ${noun.nl.many}`} onderbouwd; nodig zijn er minimaal ${result.minCovered}.`);
    parts.en.push(`Across both cases together ${n === 1 ? `1 ${noun.en.one} is` : `${n} ${noun.en.many} are`} substantiated; at least ${result.minCovered} are needed.`);
  }
  if (result.missingMandatory.length > 0) {
    parts.nl.push(`Verplicht en nog niet onderbouwd: ${list(result.missingMandatory, 'nl')}.`);
    parts.en.push(`Mandatory and not yet substantiated: ${list(result.missingMandatory, 'en')}.`);
  }
  if (n < result.minCovered) {
    parts.nl.push(`Nog niet onderbouwd: ${list(missingAll, 'nl')}.`);
    parts.en.push(`Not yet substantiated: ${list(missingAll, 'en')}.`);
  }
  out.blocking(code, ['cases'], { nl: parts.nl.join(' '), en: parts.en.join(' ') }, {
    covered: result.covered,
    coveredCount: result.covered.length,
    required: result.minCovered,
    mandatory: result.mandatory,
    missingMandatory: result.missingMandatory,
    missing: missingAll,
  });
}
