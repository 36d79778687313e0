/**
 * "Filled in": a text counts as filled in when, after trimming, it contains at least one letter
 * or digit. Whitespace-only, zero-width characters and placeholder punctuation ("-", "...") do not
 * count. The toetsingskader states no minimum length or word count, so none is invented here.
 */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function isFilledIn(value: unknown): value is string {
  return typeof value === 'string' && LETTER_OR_DIGIT.test(value);
}

/** An identifier (e.g. an uploaded document's id) is present: a string that is not blank. */
export function isNonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
