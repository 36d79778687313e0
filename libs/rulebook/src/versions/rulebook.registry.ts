import type { Rulebook } from '../rulebook/rulebook.types';
import { toetsingskaderInitieelV1 } from './toetsingskader-initieel-v1.rulebook';

/** Every shipped rulebook version, oldest first. Test-only versions are not shipped here. */
export const rulebooks: readonly Rulebook[] = [toetsingskaderInitieelV1];

/** The version new portfolios are started under. */
export const currentRulebook: Rulebook = toetsingskaderInitieelV1;

export function getRulebook(id: string): Rulebook | undefined {
  return rulebooks.find((rulebook) => rulebook.id === id);
}
