/**
 * Local drafts (unsaved typing kept in localStorage) are personal: on a shared browser the next
 * person must not find them. A draft exists only while its typing is not saved (the editors remove
 * it once the server has it), so before logging out the portals ask when this account still has
 * drafts on the device — logging out then removes them — and otherwise log out at once; settings
 * such as the language choice (`rlp.lang`) stay.
 *
 * Draft keys in use:
 *  - `rlp.scoring.<dossier>.<account>`              (assessor's scoring, ScoringPage)
 *  - `rlp.joint.<dossier>.<kind>.<account>`         (joint judgement / interview record, preparation notes)
 *  - `rlp.joint.<dossier>.<kind>`                   (the same, as written before the account was part of the key)
 *  - `rlp.draft.<portfolio>.<section>`              (the kandidaatportaal's portfolio drafts: one account per portfolio)
 */
export type DraftStorage = Pick<Storage, 'length' | 'key' | 'removeItem'>;

const JOINT_KINDS = /^rlp\.joint\.[^.]+\.[^.]+$/;

/** Whether `key` is a draft of this account (or a draft that names no account). */
export function isDraftOf(key: string, accountId: string | null): boolean {
  if (key.startsWith('rlp.draft.')) return true;
  if (key.startsWith('rlp.joint.') && JOINT_KINDS.test(key)) return true;
  if (!accountId) return false;
  return (key.startsWith('rlp.joint.') || key.startsWith('rlp.scoring.')) && key.endsWith(`.${accountId}`);
}

/** The keys of this account's drafts (see above). */
export function draftsOf(storage: DraftStorage | undefined, accountId: string | null): string[] {
  const keys: string[] = [];
  if (!storage) return keys;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && isDraftOf(key, accountId)) keys.push(key);
  }
  return keys;
}

/** Removes the drafts of this account (see above); everything else stays. */
export function clearDrafts(storage: DraftStorage | undefined, accountId: string | null): void {
  for (const key of draftsOf(storage, accountId)) storage!.removeItem(key);
}
