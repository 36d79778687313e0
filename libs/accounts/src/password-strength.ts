import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as nl from '@zxcvbn-ts/language-nl-be';

/**
 * NIST SP 800-63B asks to refuse passwords that are common, breached, or derived from the
 * service or the user, rather than to demand character classes. zxcvbn-ts estimates how many
 * guesses a password needs against lists of common and leaked passwords (language-common), English
 * and Dutch words, names, keyboard patterns, dates and repeats, and the words given per check.
 * Score 3 ("safely unguessable": about 10^8 guesses or more) is the minimum.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Words of this service that make a password guessable here. */
const SERVICE_WORDS = ['noloc', 'register', 'loopbaan', 'loopbaanprofessional', 'loopbaancoach', 'rlp', 'portfolio', 'assessor', 'kandidaat', 'certificering'];

let factory: ZxcvbnFactory | undefined;

/** 0 (too guessable) … 4 (very unguessable); the words are the person's own (name, e-mail). */
export function passwordScore(password: string, personalWords: ReadonlyArray<string | null | undefined> = []): number {
  factory ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...nl.dictionary, service: SERVICE_WORDS },
  });
  const words = personalWords.flatMap((w) => (w ? w.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((part) => part.length >= 3) : []));
  return factory.check(password, words).score;
}
