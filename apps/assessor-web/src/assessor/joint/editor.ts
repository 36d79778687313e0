import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '@rlp/web-ui/session';
import { ApiError, OfflineError, problemOf, raw } from '../../api/client';
import { getJson, keys, recordPath, refreshDossier, useRecord } from './data';
import { deepEqual, resolve, threeWay, type FieldConflict, type JsonObject } from './merge';
import type { InterviewContent, JointRecordView, JudgementContent } from './types';

/**
 * Editing a joint record (the judgement or the interview record) with an explicit "Opslaan"
 * (ADR 0016, joint screens): every save is a new version the co-assessor must agree to again, so
 * a version is made when the assessor says so, not on every pause in typing. What is typed is kept
 * at once in a local draft (localStorage) with the version it started from, so a reload or a
 * crash loses nothing. A save answered 412 (the co-assessor, or another tab, saved meanwhile)
 * merges three-way; only fields both changed are put to the assessor, side by side.
 */
export type Kind = 'judgement' | 'interview';
type ContentOf<K extends Kind> = K extends 'judgement' ? JudgementContent : InterviewContent;

export interface Conflict {
  theirs: JointRecordView<unknown>;
  merged: JsonObject;
  fields: FieldConflict[];
}

interface Draft {
  etag: string;
  base: JsonObject;
  local: JsonObject;
}

export type EditorState = 'clean' | 'dirty' | 'saving' | 'saved' | 'conflict' | 'error' | 'agreeing';

/** The part of a record that is sent on save (the agenda of the judgement is computed by the server). */
export function editable(kind: Kind, content: unknown): JsonObject {
  if (kind === 'judgement') return { criteria: ((content as JudgementContent | undefined)?.criteria ?? {}) as unknown as JsonObject };
  const c = content as InterviewContent | undefined;
  return JSON.parse(JSON.stringify({ findings: c?.findings ?? {}, advice: c?.advice ?? null, motivation: c?.motivation ?? null })) as JsonObject;
}

/** Per dossier, record and account: on a shared browser nobody inherits another's typing (cleared on logout too). */
export const draftKey = (id: string, kind: Kind | 'preparation', accountId: string) => `rlp.joint.${id}.${kind}.${accountId}`;

export function readDraft(key: string): Draft | null {
  try {
    const d = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
    return d && typeof d.etag === 'string' && typeof d.local === 'object' ? d : null;
  } catch {
    return null;
  }
}

export function useJointEditor<K extends Kind>(id: string, kind: K, enabled = true) {
  const query = useRecord(id, kind, enabled);
  const client = useQueryClient();
  const { account } = useSession();
  const key = draftKey(id, kind, account?.id ?? '');
  const [draft, setDraftState] = useState<Draft | null>(() => readDraft(key));
  /** The newest draft at once (typing goes on while a save is under way; callbacks must not see an older one). */
  const latest = useRef<Draft | null>(draft);
  const saving = useRef(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [state, setState] = useState<EditorState>(draft ? 'dirty' : 'clean');
  const [error, setError] = useState<ApiError | Error | null>(null);
  const checkedDraft = useRef(false);

  const setDraft = useCallback(
    (d: Draft | null) => {
      latest.current = d;
      setDraftState(d);
      if (d) localStorage.setItem(key, JSON.stringify(d));
      else localStorage.removeItem(key);
    },
    [key],
  );

  const server = query.data as JointRecordView<ContentOf<K>> | undefined;
  const value: JsonObject | null = draft?.local ?? (server ? editable(kind, server.content) : null);

  const putView = useCallback((view: JointRecordView<unknown>) => client.setQueryData(keys.record(id, kind), view), [client, id, kind]);

  /** The merge against the newest version; saves by itself when nothing needs a choice. */
  const merge = useCallback(
    async (mine: JsonObject, base: JsonObject | null): Promise<'merged' | 'conflict'> => {
      const theirs = await getJson<JointRecordView<unknown>>(recordPath(id, kind));
      putView(theirs);
      // What was typed while the version was fetched counts too.
      const newest = latest.current?.local ?? mine;
      const { merged, conflicts } = threeWay(base, newest, editable(kind, theirs.content));
      if (conflicts.length === 0) {
        setDraft(deepEqual(merged, editable(kind, theirs.content)) ? null : { etag: theirs.etag, base: editable(kind, theirs.content), local: merged });
        return 'merged';
      }
      setConflict({ theirs, merged, fields: conflicts });
      setState('conflict');
      return 'conflict';
    },
    [id, kind, putView, setDraft],
  );

  // A draft from an earlier visit that started from an older version: merge before editing on.
  useEffect(() => {
    if (!server || checkedDraft.current) return;
    checkedDraft.current = true;
    if (!draft) return;
    if (server.finalAt || deepEqual(draft.local, editable(kind, server.content))) {
      setDraft(null);
      setState('clean');
    } else if (draft.etag !== server.etag) void merge(draft.local, draft.base);
  }, [server, draft, kind, merge, setDraft]);

  const setValue = useCallback(
    (next: JsonObject) => {
      if (!server || conflict) return;
      const cur = latest.current;
      const base = cur?.base ?? editable(kind, server.content);
      const etag = cur?.etag ?? server.etag;
      // While a save is under way the draft stays, even when it equals the older base: the save may change the server's version.
      if (deepEqual(next, base) && !saving.current) {
        setDraft(null);
        setState('clean');
      } else {
        setDraft({ etag, base, local: next });
        setState('dirty');
      }
    },
    [server, conflict, kind, setDraft],
  );

  const save = useCallback(
    async (override?: Draft): Promise<boolean> => {
      const d = override ?? latest.current;
      if (!server) return false;
      const body = d?.local ?? editable(kind, server.content);
      const etag = d?.etag ?? server.etag;
      setState('saving');
      setError(null);
      saving.current = true;
      try {
        const res = await raw(recordPath(id, kind), { method: 'PUT', headers: { 'If-Match': etag }, json: body });
        if (res.ok) {
          const view = (await res.json()) as JointRecordView<unknown>;
          putView(view);
          saving.current = false;
          // Typed while saving: kept as a draft on top of the version just made.
          const now = latest.current;
          const saved = editable(kind, view.content);
          if (now && !deepEqual(now.local, body) && !deepEqual(now.local, saved)) {
            setDraft({ etag: view.etag, base: saved, local: now.local });
            setState('dirty');
          } else {
            setDraft(null);
            setState('saved');
          }
          return true;
        }
        saving.current = false;
        if (res.status === 412) {
          if ((await merge(latest.current?.local ?? body, d?.base ?? null)) === 'merged') {
            // Nothing needed a choice: the merge goes out at once.
            const next = readDraft(key);
            if (!next) {
              setState('saved');
              return true;
            }
            return save(next);
          }
          return false;
        }
        setError(await problemOf(res));
        setState('error');
        return false;
      } catch (err) {
        saving.current = false;
        setError(err instanceof OfflineError ? err : (err as Error));
        setState('error');
        return false;
      }
    },
    [server, kind, id, putView, setDraft, merge, key],
  );

  const resolveConflict = useCallback(
    (choice: (f: FieldConflict) => 'mine' | 'theirs') => {
      if (!conflict) return;
      const local = resolve(conflict.merged, conflict.fields, choice);
      const next = { etag: conflict.theirs.etag, base: editable(kind, conflict.theirs.content), local };
      setConflict(null);
      setDraft(next);
      void save(next);
    },
    [conflict, kind, save, setDraft],
  );

  const discard = useCallback(() => {
    setDraft(null);
    setConflict(null);
    setState('clean');
    setError(null);
    void query.refetch();
  }, [query, setDraft]);

  const agree = useCallback(async () => {
    if (!server) return;
    setState('agreeing');
    setError(null);
    try {
      const res = await raw(`${recordPath(id, kind)}/agree`, { method: 'POST', headers: { 'If-Match': server.etag } });
      if (res.ok) {
        putView((await res.json()) as JointRecordView<unknown>);
        setState('saved');
        void refreshDossier(client, id);
        return;
      }
      setError(await problemOf(res));
      setState('error');
      if (res.status === 412) void query.refetch();
    } catch (err) {
      setError(err as Error);
      setState('error');
    }
  }, [server, id, kind, putView, client, query]);

  return {
    query,
    server,
    value,
    dirty: draft !== null,
    /** The co-assessor saved a newer version while I have unsaved changes. */
    behind: draft !== null && server !== undefined && draft.etag !== server.etag,
    state,
    error,
    conflict,
    setValue,
    save: () => save(),
    resolveConflict,
    discard,
    agree,
  };
}
