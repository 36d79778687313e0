import { checkText } from './check-text';
import { KIND_LABELS, PRIVACY_KINDS, type PrivacyKind, type PrivacyOptions, type PrivacyWarning } from './privacy.types';

/**
 * Keys under a case that hold no free text: ids, choices, dates. Every other string under a case
 * is checked (title, whyChosen, clientType, questionType, the tasks' text and notRelevantMotivation,
 * the reflections and the attitude answers), so a field the schema gains later is checked too.
 */
const NOT_FREE_TEXT = new Set(['id', 'status', 'initiator', 'start', 'end', 'period']);

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The free-text strings in a value, with their JSON Pointers below `base`. */
export function textFields(value: unknown, base = ''): Array<{ pointer: string; text: string }> {
  if (typeof value === 'string') return [{ pointer: base, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => textFields(v, `${base}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (NOT_FREE_TEXT.has(k) ? [] : textFields(v, `${base}/${escapeSegment(k)}`)));
  }
  return [];
}

/** Warnings for every free-text string in `value` (a case, or any part of one), pointers below `base`. */
export function checkValue(value: unknown, base: string, options: PrivacyOptions): PrivacyWarning[] {
  return textFields(value, base).flatMap(({ pointer, text }) =>
    checkText(text, options).map((hit) => {
      const label = KIND_LABELS[hit.kind];
      return {
        ...hit,
        code: `PRIVACY.${hit.kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
        severity: 'warning' as const,
        pointer,
        message: {
          nl: `Mogelijk herleidbaar: ${label.nl} „${hit.text}”. Vervang het door ${hit.placeholder}.`,
          en: `Possibly identifying: ${label.en} "${hit.text}". Replace it with ${hit.placeholder}.`,
        },
      };
    }),
  );
}

/** The parts of a portfolio document the check reads: the cases and the motivation (B2). */
export interface PrivacyScope {
  readonly cases?: readonly unknown[];
  readonly cvAndMotivation?: { readonly motivation?: unknown };
}

/** The privacy check of a whole portfolio document: the motivation, then the cases, in document order. */
export function checkPortfolio(document: PrivacyScope, options: PrivacyOptions): PrivacyWarning[] {
  const motivation = document.cvAndMotivation?.motivation;
  return [
    ...(typeof motivation === 'string' ? checkValue(motivation, '/cvAndMotivation/motivation', options) : []),
    ...(document.cases ?? []).flatMap((c, i) => checkValue(c, `/cases/${i}`, options)),
  ];
}

/** The check of a whole portfolio as the API gives it: the warnings and how many of each kind. */
export interface PrivacyReport {
  readonly warnings: readonly PrivacyWarning[];
  readonly counts: Readonly<Record<PrivacyKind, number>>;
  readonly total: number;
}

export function privacyReport(document: PrivacyScope, options: PrivacyOptions): PrivacyReport {
  const warnings = checkPortfolio(document, options);
  const counts = Object.fromEntries(PRIVACY_KINDS.map((k) => [k, warnings.filter((w) => w.kind === k).length])) as Record<PrivacyKind, number>;
  return { warnings, counts, total: warnings.length };
}
