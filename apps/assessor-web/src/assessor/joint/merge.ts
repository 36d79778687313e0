/**
 * Three-way merge of a joint record after a 412 (the candidate portal's rule, ADR 0013): a field
 * only one side changed since the version both started from takes that change by itself; only
 * fields both changed, differently, are put to the assessor.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Leaves by path segments joined with '/'; null counts as absent. */
export function leaves(value: unknown, prefix = ''): Map<string, Json> {
  const out = new Map<string, Json>();
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, leaf] of leaves(v, `${prefix}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`)) out.set(p, leaf);
  } else if (value !== undefined && value !== null) out.set(prefix, value as Json);
  return out;
}

export function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A copy with the leaf at `pointer` set (undefined removes it; emptied objects are removed too). */
export function setAt(value: JsonObject, pointer: string, next: Json | undefined): JsonObject {
  const [head, ...rest] = segments(pointer);
  if (head === undefined) return value;
  const out: JsonObject = { ...value };
  if (rest.length === 0) {
    if (next === undefined) delete out[head];
    else out[head] = next;
    return out;
  }
  const child = setAt(isObject(out[head]) ? out[head] : {}, `/${rest.join('/')}`, next);
  if (Object.keys(child).length === 0) delete out[head];
  else out[head] = child;
  return out;
}

export interface FieldConflict {
  pointer: string;
  mine: Json | undefined;
  theirs: Json | undefined;
}

/** The merge of mine and theirs over base: what merged by itself, and the fields left to choose. */
export function threeWay(base: JsonObject | null, mine: JsonObject, theirs: JsonObject): { merged: JsonObject; conflicts: FieldConflict[] } {
  const [b, m, t] = [leaves(base ?? {}), leaves(mine), leaves(theirs)];
  let merged = theirs;
  const conflicts: FieldConflict[] = [];
  for (const pointer of [...new Set([...m.keys(), ...t.keys()])].sort()) {
    const [bv, mv, tv] = [b.get(pointer), m.get(pointer), t.get(pointer)];
    if (deepEqual(mv, tv)) continue;
    if (base !== null && deepEqual(tv, bv)) merged = setAt(merged, pointer, mv);
    else if (base !== null && deepEqual(mv, bv)) continue;
    else conflicts.push({ pointer, mine: mv, theirs: tv });
  }
  return { merged, conflicts };
}

/** Applies the choices: start from the merge and take mine where chosen. */
export function resolve(merged: JsonObject, conflicts: readonly FieldConflict[], choice: (c: FieldConflict) => 'mine' | 'theirs'): JsonObject {
  let out = merged;
  for (const c of conflicts) if (choice(c) === 'mine') out = setAt(out, c.pointer, c.mine);
  return out;
}
