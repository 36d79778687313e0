/** Pure JSON helpers for autosave and conflicts (tested in json.spec.ts). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The JSON Merge Patch (RFC 7396) that turns `from` into `to`, or undefined when they are equal.
 * Returns null when `to` holds a literal null that a merge patch cannot express (null removes):
 * the caller then replaces the section as a whole.
 */
export function mergePatch(from: Json | undefined, to: Json): Json | undefined | null {
  if (deepEqual(from, to)) return undefined;
  if (!isObject(to)) return containsNull(to) ? null : to;
  if (!isObject(from)) return containsNull(to) ? null : to;
  const patch: JsonObject = {};
  for (const [k, v] of Object.entries(to)) {
    if (v === null) {
      if (from[k] !== null) return null;
      continue;
    }
    const d = mergePatch(from[k], v);
    if (d === null) return null;
    if (d !== undefined) patch[k] = d;
  }
  for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null;
  return patch;
}

function containsNull(v: Json): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(containsNull);
  if (isObject(v)) return Object.values(v).some(containsNull);
  return false;
}

/** Applies a merge patch (RFC 7396). */
export function applyMergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}

/** Leaves of a JSON value by JSON pointer; arrays and scalars are leaves. */
export function leaves(value: Json | undefined, prefix = ''): Map<string, Json> {
  const out = new Map<string, Json>();
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, leaf] of leaves(v, `${prefix}/${escapePointer(k)}`)) out.set(p, leaf);
  } else if (value !== undefined) out.set(prefix, value);
  return out;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(value: Json | undefined, pointer: string): Json | undefined {
  let cur: Json | undefined = value;
  for (const seg of pointerSegments(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** A copy of `value` with `pointer` set (undefined removes); creates objects on the way. */
export function setAt(value: Json | undefined, pointer: string, next: Json | undefined): Json {
  const segs = pointerSegments(pointer);
  if (segs.length === 0) return next ?? {};
  const [head, ...rest] = segs as [string, ...string[]];
  const restPointer = rest.length ? `/${rest.map(escapePointer).join('/')}` : '';
  if (Array.isArray(value)) {
    const copy = [...value];
    const i = Number(head);
    if (rest.length === 0) {
      if (next === undefined) copy.splice(i, 1);
      else copy[i] = next;
    } else copy[i] = setAt(copy[i], restPointer, next);
    return copy;
  }
  const obj: JsonObject = isObject(value) ? { ...value } : {};
  if (rest.length === 0) {
    if (next === undefined) delete obj[head];
    else obj[head] = next;
  } else obj[head] = setAt(obj[head], restPointer, next);
  return obj;
}

export interface FieldConflict {
  pointer: string;
  mine: Json | undefined;
  theirs: Json | undefined;
}

/** The fields where my version and the saved one differ (by leaf). */
export function conflicts(mine: Json, theirs: Json): FieldConflict[] {
  const a = leaves(mine);
  const b = leaves(theirs);
  const pointers = [...new Set([...a.keys(), ...b.keys()])].sort();
  return pointers.filter((p) => !deepEqual(a.get(p), b.get(p))).map((p) => ({ pointer: p, mine: a.get(p), theirs: b.get(p) }));
}

/** Resolves a conflict: start from the saved version and take mine where chosen. */
export function resolve(theirs: Json, list: readonly FieldConflict[], choice: (c: FieldConflict) => 'mine' | 'theirs'): Json {
  let out: Json = theirs;
  for (const c of list) if (choice(c) === 'mine') out = setAt(out, c.pointer, c.mine);
  return out;
}

export function wordCount(text: string): number {
  const m = text.trim().match(/\S+/g);
  return m ? m.length : 0;
}
