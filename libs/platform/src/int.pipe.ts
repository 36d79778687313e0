import { Injectable, PipeTransform } from '@nestjs/common';
import { bilingual } from './bilingual';
import { DomainError } from './domain-error';

/** The largest value of a PostgreSQL `integer` column (2^31 − 1). */
export const PG_INT_MAX = 2_147_483_647;

/**
 * The type of a version-number path parameter: `@Param('version', VersionPipe) version: VersionNumber`.
 * Not `number`: for a `number` parameter the global ValidationPipe converts the raw string first
 * (`+value`), turning ' 1', '+1', '1e3' and '0x1F' into numbers this pipe could no longer tell from
 * a well-formed one. An intersection type is emitted as `Object` in the decorator metadata, so the
 * raw string reaches the pipe. It is a number everywhere else.
 */
export type VersionNumber = number & { readonly __versionNumber?: never };

/**
 * Numeric path parameters (version numbers) are whole numbers 0 … 2^31 − 1, the range of the
 * `integer` columns they are looked up in. Anything else — not a number, negative, a fraction, or
 * a number above that range (which PostgreSQL refuses with an error, before this pipe a 500) — is a
 * 400 with code INVALID_VERSION before any query runs. Used by every numeric route parameter.
 */
@Injectable()
export class VersionPipe implements PipeTransform<unknown, VersionNumber> {
  transform(value: unknown): VersionNumber {
    const n = typeof value === 'string' ? (/^\d{1,10}$/.test(value) ? Number(value) : NaN) : typeof value === 'number' ? value : NaN;
    if (!Number.isSafeInteger(n) || n < 0 || n > PG_INT_MAX) {
      throw new DomainError('validation', 'INVALID_VERSION', bilingual('Ongeldig versienummer: een geheel getal van 0 tot en met 2147483647', 'Invalid version number: a whole number from 0 to 2147483647'), {
        value: String(value).slice(0, 100),
        min: 0,
        max: PG_INT_MAX,
      });
    }
    return n as VersionNumber;
  }
}
