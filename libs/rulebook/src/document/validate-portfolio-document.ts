import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isIsoDate } from '../dates/calendar-date.util';
import { DATE_PATTERN, portfolioDocumentSchema } from './portfolio-document.schema';
import type { PortfolioDocument } from './portfolio-document.types';

export interface ValidationError {
  /** JSON Pointer to the offending value ('' for the whole document). */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult =
  | { readonly valid: true; readonly document: PortfolioDocument }
  | { readonly valid: false; readonly errors: readonly ValidationError[] };

const DATE_MESSAGE = 'must be a calendar date YYYY-MM-DD';

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use. */
function validator(): ValidateFunction {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addFormat('date', { type: 'string', validate: (value: string) => isIsoDate(value) });
    compiled = ajv.compile(portfolioDocumentSchema);
  }
  return compiled;
}

function toError(error: ErrorObject): ValidationError {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: `${error.instancePath}/${String(params['additionalProperty'])}`, message: 'unknown property' };
    case 'required':
      return { path: `${error.instancePath}/${String(params['missingProperty'])}`, message: 'required property is missing' };
    case 'pattern':
      // Dates carry both `format: date` and a pattern (for tools that do not check formats): one message.
      if (params['pattern'] === DATE_PATTERN) return { path: error.instancePath, message: DATE_MESSAGE };
      return { path: error.instancePath, message: error.message ?? 'invalid' };
    case 'format':
      return { path: error.instancePath, message: params['format'] === 'date' ? DATE_MESSAGE : (error.message ?? 'invalid format') };
    case 'propertyNames':
      return { path: `${error.instancePath}/${String(params['propertyName'])}`, message: 'property name is not allowed here' };
    default:
      return { path: error.instancePath, message: error.message ?? error.keyword };
  }
}

/** Checks that a parsed JSON value is a portfolio document (shape only; completeness is `evaluate`'s job). */
export function validatePortfolioDocument(json: unknown): ValidationResult {
  const validate = validator();
  if (validate(json)) return { valid: true, document: json as PortfolioDocument };
  const seen = new Set<string>();
  const errors: ValidationError[] = [];
  for (const error of validate.errors ?? []) {
    // 'if' only says a 'then' branch failed; that branch reports the real error itself.
    if (error.keyword === 'if') continue;
    // A key failing 'propertyNames' also yields the inner 'pattern' error; the summary is clearer.
    if (error.propertyName !== undefined) continue;
    const mapped = toError(error);
    const key = `${mapped.path}\u0000${mapped.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(mapped);
    }
  }
  return { valid: false, errors };
}
