import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, OfflineError, problemOf } from './api';

/**
 * Autosave of one versioned record (ETag / If-Match), generic over its shape, for forms that keep
 * their own local form state `L` and send a server body `S` (e.g. an assessor's scoring):
 *  - every change goes at once to a local draft in localStorage, so a reload loses nothing;
 *  - after a pause in typing the body goes to the server with If-Match;
 *  - offline: the draft waits and is sent when the connection returns;
 *  - 412 (changed elsewhere, e.g. a second tab): the current version is fetched and merged three-way
 *    with the version both started from — what only one side changed is taken from that side; where
 *    both changed a field, what was typed here is kept and the other text is offered (`conflicts`).
 */
export type AutosaveState = 'loading' | 'saved' | 'dirty' | 'saving' | 'offline' | 'error' | 'unauthenticated' | 'readonly';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A field both sides changed: what was typed here is kept, the other version is offered. */
export interface MergeConflict {
  path: string[];
  theirs: Json | undefined;
}

export interface Versioned<S> {
  body: S;
  etag: string;
}

export interface VersionedAutosaveOptions<L, S> {
  /** localStorage key of the draft (per record and person). */
  storageKey: string;
  load: () => Promise<Response>;
  /** Sends `body` with `If-Match: etag`. */
  save: (body: S, etag: string) => Promise<Response>;
  /** Reads the server's answer (of load and of save) into its body and ETag. */
  read: (json: unknown, res: Response) => Versioned<S>;
  toLocal: (body: S) => L;
  /** What would be sent for this local state; equal bodies need no save. */
  toBody: (local: L) => S;
  /** A record that can no longer change (e.g. submitted): shown, never saved. */
  isReadOnly?: (body: S) => boolean;
  delayMs?: number;
  /**
   * The save answers the whole record, which may hold changes made elsewhere meanwhile (a record
   * saved in parts, each part with its own version: another tab's save of another part is no 412).
   * Merge that answer three-way into what is typed here, from what was sent, instead of taking it
   * as the new base only. Off by default.
   */
  mergeSaved?: boolean;
}

interface Draft<L, S = unknown> {
  etag: string;
  /** The server's body the draft was typed on (absent in drafts of older versions: unknown). */
  base?: S;
  local: L;
}

const RETRY_MS = 4000;

const isPlainObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of JSON values; strings compared trimmed (the server trims what it stores). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameJson(a[k], b[k]));
  }
  return false;
}

/**
 * Three-way merge of JSON objects. `base` null (unknown: a draft of an older version without its
 * base) makes every difference a conflict, except a key only one side has: a key missing here is
 * taken from theirs (never deleted elsewhere's work), a key only here is kept. Conflicts keep `mine`.
 */
export function merge3(base: Json | undefined | null, mine: Json | undefined, theirs: Json | undefined, path: string[] = [], conflicts: MergeConflict[] = []): { merged: Json | undefined; conflicts: MergeConflict[] } {
  if (sameJson(mine, theirs)) return { merged: mine, conflicts };
  if (base === null && mine === undefined) return { merged: theirs, conflicts };
  if (base === null && theirs === undefined) return { merged: mine, conflicts };
  if (base !== null && sameJson(mine, base)) return { merged: theirs, conflicts };
  if (base !== null && sameJson(theirs, base)) return { merged: mine, conflicts };
  if (isPlainObject(mine) && isPlainObject(theirs)) {
    const b = isPlainObject(base) ? base : base === null ? null : {};
    const out: Record<string, Json> = {};
    for (const k of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const r = merge3(b === null ? null : b[k], mine[k], theirs[k], [...path, k], conflicts);
      if (r.merged !== undefined) out[k] = r.merged;
    }
    return { merged: out, conflicts };
  }
  conflicts.push({ path, theirs });
  return { merged: mine, conflicts };
}

function readDraft<L, S>(key: string): Draft<L, S> | null {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft<L, S> | null;
    return v && typeof v.etag === 'string' && typeof v.local === 'object' && v.local !== null ? v : null;
  } catch {
    return null;
  }
}

export function useVersionedAutosave<L, S>(options: VersionedAutosaveOptions<L, S>) {
  const o = useRef(options);
  o.current = options;
  const delay = options.delayMs ?? 700;
  const key = options.storageKey;
  const r = useRef({ base: null as S | null, local: null as L | null, etag: '', inflight: false, timer: undefined as number | undefined, readOnly: false, held: false, conflicts: [] as MergeConflict[] });
  const [local, setLocalState] = useState<L | null>(null);
  const [state, setStateRaw] = useState<AutosaveState>('loading');
  const stateRef = useRef<AutosaveState>('loading');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [conflicts, setConflictsState] = useState<MergeConflict[]>([]);
  /** What was typed here but could not be saved any more (the record became read-only elsewhere). */
  const [kept, setKept] = useState<L | null>(null);
  const [etag, setEtag] = useState('');
  const setConflicts = (next: MergeConflict[]) => {
    r.current.conflicts = next;
    setConflictsState(next);
  };
  const setState = (s: AutosaveState) => {
    stateRef.current = s;
    setStateRaw(s);
  };

  const writeDraft = useCallback(() => {
    const cur = r.current;
    if (cur.local === null || cur.base === null || cur.readOnly) return;
    if (sameJson(cur.local, o.current.toLocal(cur.base))) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ etag: cur.etag, base: cur.base, local: cur.local } satisfies Draft<L, S>));
  }, [key]);

  const fetchCurrent = useCallback(async (): Promise<Versioned<S>> => {
    const res = await o.current.load();
    if (!res.ok) throw await problemOf(res);
    return o.current.read(await res.json(), res);
  }, []);

  const pending = () => {
    const cur = r.current;
    return cur.local !== null && cur.base !== null && !sameJson(o.current.toBody(cur.local), cur.base);
  };

  const saveRef = useRef<() => Promise<void>>(async () => undefined);

  /** Merges `theirs` into what is typed here, starting from `base` (null: unknown). */
  const mergeIn = useCallback(
    (theirs: Versioned<S>, base: S | null, retryMs = 0) => {
      const cur = r.current;
      const toLocal = o.current.toLocal;
      cur.base = theirs.body;
      cur.etag = theirs.etag;
      setEtag(theirs.etag);
      // Became read-only elsewhere (e.g. submitted in another tab): nothing more can be saved; show the
      // server's version and keep what was typed here in view (`kept`) instead of failing save after save.
      if (o.current.isReadOnly?.(theirs.body)) {
        cur.readOnly = true;
        window.clearTimeout(cur.timer);
        const serverLocal = toLocal(theirs.body);
        if (cur.local !== null && !sameJson(cur.local, serverLocal)) setKept(cur.local);
        cur.local = serverLocal;
        setLocalState(serverLocal);
        setConflicts([]);
        localStorage.removeItem(key);
        setState('readonly');
        return;
      }
      const { merged, conflicts: found } = merge3(base === null ? null : (toLocal(base) as Json), cur.local as Json, toLocal(theirs.body) as Json);
      cur.local = (merged ?? toLocal(theirs.body)) as L;
      setLocalState(cur.local);
      setConflicts([...cur.conflicts.filter((p) => !found.some((f) => f.path.join('/') === p.path.join('/'))), ...found]);
      // Without a known base the conflicts hold old words of this device: nothing goes out before they are resolved.
      if (base === null && found.length > 0) cur.held = true;
      writeDraft();
      if (cur.held) setState(pending() ? 'dirty' : 'saved');
      else if (pending()) {
        setState('dirty');
        cur.timer = window.setTimeout(() => void saveRef.current(), retryMs);
      } else setState('saved');
    },
    [key, writeDraft],
  );

  const save = useCallback(async (): Promise<void> => {
    const cur = r.current;
    window.clearTimeout(cur.timer);
    if (cur.inflight || cur.local === null || cur.base === null || cur.readOnly || cur.held) return;
    if (!pending()) {
      writeDraft();
      setState('saved');
      return;
    }
    const sentBody = o.current.toBody(cur.local);
    cur.inflight = true;
    setState('saving');
    try {
      const res = await o.current.save(sentBody, cur.etag);
      cur.inflight = false;
      if (res.ok) {
        const view = o.current.read(await res.json(), res);
        if (o.current.mergeSaved) {
          setProblem(null);
          mergeIn(view, sentBody, delay);
          return;
        }
        cur.base = view.body;
        cur.etag = view.etag;
        setEtag(view.etag);
        setProblem(null);
        writeDraft();
        if (pending()) {
          setState('dirty');
          cur.timer = window.setTimeout(() => void saveRef.current(), delay);
        } else setState('saved');
        return;
      }
      if (res.status === 412) {
        mergeIn(await fetchCurrent(), cur.base);
        return;
      }
      const err = await problemOf(res);
      if (res.status === 409 && o.current.isReadOnly) {
        // Perhaps read-only now (submitted elsewhere): then stop and keep what was typed in view.
        const current = await fetchCurrent().catch(() => null);
        if (current && o.current.isReadOnly(current.body)) {
          mergeIn(current, cur.base);
          return;
        }
      }
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
        cur.timer = window.setTimeout(() => void saveRef.current(), RETRY_MS);
        return;
      }
      setProblem(err instanceof ApiError ? err : new ApiError(0, { code: 'UNKNOWN', message: (err as Error).message }));
      setState('error');
    }
  }, [delay, fetchCurrent, mergeIn, writeDraft]);
  saveRef.current = save;

  // Load: the server's version, and a local draft that may hold unsaved words.
  useEffect(() => {
    let cancelled = false;
    r.current = { base: null, local: null, etag: '', inflight: false, timer: undefined, readOnly: false, held: false, conflicts: [] };
    setState('loading');
    fetchCurrent().then(
      (view) => {
        if (cancelled) return;
        const cur = r.current;
        const draft = readDraft<L, S>(key);
        cur.readOnly = o.current.isReadOnly?.(view.body) ?? false;
        cur.base = view.body;
        cur.etag = view.etag;
        setEtag(view.etag);
        const serverLocal = o.current.toLocal(view.body);
        if (cur.readOnly || !draft || sameJson(draft.local, serverLocal)) {
          cur.local = serverLocal;
          setLocalState(serverLocal);
          // A draft left behind by a record that became read-only elsewhere: shown once, not lost silently.
          if (draft && cur.readOnly && !sameJson(draft.local, serverLocal)) setKept(draft.local);
          if (draft) localStorage.removeItem(key);
          setState(cur.readOnly ? 'readonly' : 'saved');
          return;
        }
        cur.local = draft.local;
        setLocalState(draft.local);
        if (draft.etag === view.etag) {
          setState('dirty');
          cur.timer = window.setTimeout(() => void saveRef.current(), 0);
        } else mergeIn(view, draft.base ?? null);
      },
      (err: Error) => {
        if (!cancelled) setLoadError(err);
      },
    );
    return () => {
      cancelled = true;
      window.clearTimeout(r.current.timer);
      writeDraft();
      // Leaving within the save delay: send what was typed now, not never.
      if (stateRef.current === 'dirty') void saveRef.current();
    };
  }, [key, fetchCurrent, mergeIn, writeDraft]);

  // Back online, or the tab is being hidden: send what waits.
  useEffect(() => {
    const flush = () => {
      if (stateRef.current === 'offline' || stateRef.current === 'dirty') void saveRef.current();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') {
        writeDraft();
        flush();
      }
    };
    const offline = () => {
      if (stateRef.current === 'dirty' || stateRef.current === 'saved') setState(pending() ? 'offline' : stateRef.current);
    };
    window.addEventListener('online', flush);
    window.addEventListener('offline', offline);
    window.addEventListener('pagehide', writeDraft);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', flush);
      window.removeEventListener('offline', offline);
      window.removeEventListener('pagehide', writeDraft);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [writeDraft]);

  /** Replaces the local state (from a field's change). */
  const setLocal = useCallback(
    (next: L) => {
      const cur = r.current;
      if (cur.readOnly) return;
      cur.local = next;
      setLocalState(next);
      writeDraft();
      if (stateRef.current !== 'saving' && stateRef.current !== 'offline') setState(pending() ? 'dirty' : 'saved');
      window.clearTimeout(cur.timer);
      cur.timer = window.setTimeout(() => void saveRef.current(), stateRef.current === 'offline' ? RETRY_MS : delay);
    },
    [delay, writeDraft],
  );

  /**
   * Waits until nothing is pending (saving what is); the record's current ETag then (not that of an
   * older render: a save may just have changed it), or null when saving is not possible now.
   */
  const flush = useCallback(async (): Promise<string | null> => {
    for (let i = 0; i < 20; i++) {
      if (r.current.inflight) {
        await new Promise((res) => setTimeout(res, 100));
        continue;
      }
      if (!pending()) return r.current.etag;
      if (r.current.held || r.current.readOnly) return null;
      await saveRef.current();
      if (stateRef.current === 'error' || stateRef.current === 'offline' || stateRef.current === 'unauthenticated') return null;
    }
    return pending() ? null : r.current.etag;
  }, []);

  /** After the record changed by another action (e.g. submitted): take the server's answer as it is. */
  const replace = useCallback(
    (view: Versioned<S>) => {
      const cur = r.current;
      cur.base = view.body;
      cur.etag = view.etag;
      setEtag(view.etag);
      cur.readOnly = o.current.isReadOnly?.(view.body) ?? false;
      cur.local = o.current.toLocal(view.body);
      setLocalState(cur.local);
      localStorage.removeItem(key);
      setState(cur.readOnly ? 'readonly' : 'saved');
    },
    [key],
  );

  /** A conflict resolved (either side); when none is left, what waits is saved again. */
  const dismissConflict = useCallback(
    (path: string[]) => {
      const cur = r.current;
      setConflicts(cur.conflicts.filter((c) => c.path.join('/') !== path.join('/')));
      if (cur.conflicts.length === 0 && cur.held) {
        cur.held = false;
        if (pending()) {
          setState('dirty');
          window.clearTimeout(cur.timer);
          cur.timer = window.setTimeout(() => void saveRef.current(), delay);
        }
      }
    },
    [delay],
  );

  const dismissKept = useCallback(() => setKept(null), []);

  return { local, state, problem, loadError, conflicts, dismissConflict, held: r.current.held, kept, dismissKept, etag, setLocal, flush, replace, base: r.current.base, saveNow: save };
}
