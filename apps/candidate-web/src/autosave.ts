import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ApiError, OfflineError, problemOf, raw } from './api/client';
import { applyMergePatch, conflicts, deepEqual, getAt, mergePatch, resolve, type FieldConflict, type JsonObject } from './json';

/**
 * Autosave that never loses a word (ADR 0013):
 *  - every change is written at once to a local draft (localStorage), so a reload, a crash or a
 *    lost connection keeps it;
 *  - after a pause in typing the smallest JSON Merge Patch goes to the server with If-Match;
 *  - offline: the draft waits and is sent when the connection returns;
 *  - 412 (changed elsewhere, e.g. another tab): both versions are shown field by field and the
 *    candidate chooses; nothing is overwritten until then.
 */
export type SaveState = 'loading' | 'saved' | 'dirty' | 'saving' | 'offline' | 'conflict' | 'error' | 'unauthenticated';

export interface Conflict {
  theirs: JsonObject;
  etag: string;
  /** The saved version with every change that needs no choice already merged in. */
  start: JsonObject;
  /** Only the fields both sides changed. */
  fields: FieldConflict[];
}

interface Draft {
  etag: string;
  local: JsonObject;
  savedAt: string;
}

interface SectionResponse {
  content: JsonObject;
  etag: string;
  version: number;
}

/** The section's current value, for fields that subscribe to their own part of it. */
export interface SectionStore {
  get(): JsonObject | null;
  subscribe(listener: () => void): () => void;
}

export const SAVE_DELAY_MS = 700;
const RETRY_MS = 4000;
const DRAFT_DELAY_MS = 250;

export function draftKey(portfolioId: string, section: string): string {
  return `rlp.draft.${portfolioId}.${section}`;
}

function readDraft(key: string): Draft | null {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
    return v && typeof v.etag === 'string' && typeof v.local === 'object' ? v : null;
  } catch {
    return null;
  }
}

export function useSectionEditor(portfolioId: string, section: string, options: { readOnly?: boolean; onSaved?: () => void } = {}) {
  const key = draftKey(portfolioId, section);
  const r = useRef({ base: null as JsonObject | null, local: null as JsonObject | null, etag: '', inflight: false, timer: undefined as number | undefined, conflict: null as Conflict | null });
  const [, rerenderEditor] = useReducer((x: number) => x + 1, 0);
  // The section's value lives outside React state: fields subscribe to their own part of it
  // (useSyncExternalStore), so a keystroke re-renders the field typed in, not the whole form.
  const listeners = useRef(new Set<() => void>());
  const notify = useCallback(() => {
    for (const l of listeners.current) l();
  }, []);
  const store = useMemo<SectionStore>(
    () => ({
      get: () => r.current.local,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [],
  );
  const rerender = useCallback(() => {
    notify();
    rerenderEditor();
  }, [notify]);
  const [state, setStateRaw] = useState<SaveState>('loading');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const onSaved = useRef(options.onSaved);
  onSaved.current = options.onSaved;
  const stateRef = useRef<SaveState>('loading');
  const setState = (s: SaveState) => {
    stateRef.current = s;
    setStateRaw(s);
  };

  const writeDraft = useCallback(() => {
    window.clearTimeout(draftTimer.current);
    draftTimer.current = undefined;
    const { local, base, etag } = r.current;
    if (!local) return;
    if (base && deepEqual(local, base)) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ etag, local, savedAt: new Date().toISOString() } satisfies Draft));
  }, [key]);
  // While typing, the local draft is written at most every DRAFT_DELAY_MS (a 5,000-word case is
  // ~40 kB of JSON); leaving or hiding the page writes it at once (see the effect below).
  const draftTimer = useRef<number | undefined>(undefined);
  const persist = useCallback(
    (soon = false) => {
      if (!soon) return writeDraft();
      draftTimer.current ??= window.setTimeout(writeDraft, DRAFT_DELAY_MS);
    },
    [writeDraft],
  );

  const fetchSection = useCallback(async (): Promise<SectionResponse> => {
    const res = await raw(`/portfolios/${portfolioId}/sections/${encodeURIComponent(section)}`);
    if (!res.ok) throw await problemOf(res);
    return (await res.json()) as SectionResponse;
  }, [portfolioId, section]);

  /**
   * Three-way: with the version both sides started from (`base`), a field only one side changed
   * takes that change by itself; only fields both changed are put to the candidate. Without a
   * known base (a draft from an earlier visit) every difference is put to the candidate.
   */
  const enterConflict = useCallback(
    (theirs: SectionResponse, base: JsonObject | null) => {
      const mine = r.current.local ?? {};
      const all = conflicts(mine, theirs.content);
      const onlyMine = (c: FieldConflict) => base !== null && deepEqual(getAt(base, c.pointer), c.theirs);
      const onlyTheirs = (c: FieldConflict) => base !== null && deepEqual(getAt(base, c.pointer), c.mine);
      const start = resolve(theirs.content, all, (c) => (onlyMine(c) ? 'mine' : 'theirs')) as JsonObject;
      const fields = all.filter((c) => !onlyMine(c) && !onlyTheirs(c));
      r.current.base = theirs.content;
      r.current.etag = theirs.etag;
      if (fields.length === 0) {
        r.current.local = start;
        persist();
        if (deepEqual(start, theirs.content)) setState('saved');
        else {
          setState('dirty');
          r.current.timer = window.setTimeout(() => void saveRef.current(), 0);
        }
        rerender();
        return;
      }
      r.current.conflict = { theirs: theirs.content, etag: theirs.etag, start, fields };
      setState('conflict');
      rerender();
    },
    [persist, rerender],
  );
  const saveRef = useRef<() => Promise<void>>(async () => undefined);

  const save = useCallback(async (): Promise<void> => {
    const cur = r.current;
    window.clearTimeout(cur.timer);
    if (cur.inflight || cur.conflict || !cur.local || !cur.base || options.readOnly) return;
    const sent = cur.local;
    const patch = mergePatch(cur.base, sent);
    if (patch === undefined) {
      persist();
      setState('saved');
      return;
    }
    cur.inflight = true;
    setState('saving');
    try {
      const path = `/portfolios/${portfolioId}/sections/${encodeURIComponent(section)}`;
      const res =
        patch === null
          ? await raw(path, { method: 'PUT', headers: { 'If-Match': cur.etag }, json: sent })
          : await raw(path, { method: 'PATCH', headers: { 'If-Match': cur.etag, 'Content-Type': 'application/merge-patch+json' }, json: patch });
      if (res.ok) {
        const view = (await res.json()) as SectionResponse;
        cur.etag = view.etag;
        // What was typed during the request stays: re-apply it on top of what the server stored.
        const typedSince = mergePatch(sent, cur.local);
        cur.local = typedSince === undefined ? view.content : typedSince === null ? cur.local : (applyMergePatch(view.content, typedSince) as JsonObject);
        cur.base = view.content;
        setProblem(null);
        persist();
        cur.inflight = false;
        onSaved.current?.();
        if (deepEqual(cur.local, cur.base)) setState('saved');
        else {
          setState('dirty');
          cur.timer = window.setTimeout(() => void save(), SAVE_DELAY_MS);
        }
        rerender();
        return;
      }
      cur.inflight = false;
      if (res.status === 412) {
        enterConflict(await fetchSection(), cur.base);
        return;
      }
      const err = await problemOf(res);
      if (res.status === 401) {
        setState('unauthenticated');
        return;
      }
      setProblem(err);
      setState('error');
    } catch (err) {
      cur.inflight = false;
      if (err instanceof OfflineError) {
        setState('offline');
        cur.timer = window.setTimeout(() => void save(), RETRY_MS);
        return;
      }
      setProblem(err instanceof ApiError ? err : new ApiError(0, { code: 'UNKNOWN', message: (err as Error).message }));
      setState('error');
    }
  }, [enterConflict, fetchSection, options.readOnly, persist, portfolioId, section]);
  saveRef.current = save;

  // Load: the server's version, and a local draft that may hold unsaved words.
  useEffect(() => {
    let cancelled = false;
    r.current = { base: null, local: null, etag: '', inflight: false, timer: undefined, conflict: null };
    setState('loading');
    fetchSection().then(
      (view) => {
        if (cancelled) return;
        const draft = readDraft(key);
        r.current.base = view.content;
        r.current.etag = view.etag;
        if (draft && !deepEqual(draft.local, view.content) && !options.readOnly) {
          r.current.local = draft.local;
          if (draft.etag === view.etag) {
            setState('dirty');
            r.current.timer = window.setTimeout(() => void save(), 0);
          } else enterConflict(view, null);
        } else {
          r.current.local = view.content;
          // A read-only section (submitted) keeps a differing draft: the words stay on this device.
          if (draft && !options.readOnly) localStorage.removeItem(key);
          setState('saved');
        }
        rerender();
      },
      (err: Error) => {
        if (!cancelled) setLoadError(err);
      },
    );
    return () => {
      cancelled = true;
      window.clearTimeout(r.current.timer);
      // Leaving the part within the save delay: send what was typed now, not never.
      if (stateRef.current === 'dirty') void saveRef.current();
    };
  }, [key]);

  // Back online, or the tab is being hidden: send what waits.
  useEffect(() => {
    const flush = () => {
      if (stateRef.current === 'offline' || stateRef.current === 'dirty') void save();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') {
        writeDraft();
        flush();
      }
    };
    window.addEventListener('online', flush);
    window.addEventListener('pagehide', writeDraft);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', flush);
      window.removeEventListener('pagehide', writeDraft);
      document.removeEventListener('visibilitychange', hidden);
      writeDraft();
    };
  }, [save, writeDraft]);

  const setValue = useCallback(
    (next: JsonObject) => {
      if (options.readOnly) return;
      r.current.local = next;
      notify();
      persist(true);
      if (!r.current.conflict) {
        if (stateRef.current !== 'saving' && stateRef.current !== 'offline' && stateRef.current !== 'dirty') setState('dirty');
        window.clearTimeout(r.current.timer);
        r.current.timer = window.setTimeout(() => void save(), SAVE_DELAY_MS);
      }
    },
    [notify, options.readOnly, persist, save],
  );

  const resolveConflict = useCallback(
    (choice: (c: FieldConflict) => 'mine' | 'theirs') => {
      const c = r.current.conflict;
      if (!c) return;
      r.current.local = resolve(c.start, c.fields, choice) as JsonObject;
      r.current.base = c.theirs;
      r.current.etag = c.etag;
      r.current.conflict = null;
      persist();
      setState('dirty');
      rerender();
      void save();
    },
    [persist, save],
  );

  return {
    store,
    loaded: r.current.local !== null,
    value: r.current.local,
    state,
    problem,
    loadError,
    conflict: r.current.conflict,
    setValue,
    resolveConflict,
    saveNow: save,
  };
}
