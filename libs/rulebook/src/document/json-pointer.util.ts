/** JSON Pointers (RFC 6901) into a portfolio document. */

export type PathSegment = string | number;

function escapeSegment(segment: PathSegment): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value at `segment` under `node`, or undefined when there is none. */
function childOf(node: unknown, segment: PathSegment): unknown {
  if (Array.isArray(node)) {
    const index = typeof segment === 'number' ? segment : /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : -1;
    return index >= 0 && index < node.length ? (node[index] as unknown) : undefined;
  }
  if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, segment)) {
    return (node as Record<string, unknown>)[String(segment)];
  }
  return undefined;
}

/**
 * A pointer to `segments` in `root`, cut short after the first segment that does not exist, so the
 * parent of the returned location always exists ('/education/route' when there is an education
 * object without a route; '/education' when there is no education object at all).
 */
export function pointerInto(root: unknown, segments: readonly PathSegment[]): string {
  let node = root;
  let pointer = '';
  for (const segment of segments) {
    pointer += `/${escapeSegment(segment)}`;
    node = childOf(node, segment);
    if (node === undefined) return pointer;
  }
  return pointer;
}

/** Splits a pointer into its segments; null when it is not a JSON Pointer. */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  const raw = pointer.slice(1).split('/');
  if (raw.some((segment) => /~[^01]|~$/.test(segment))) return null;
  return raw.map(unescapeSegment);
}

/** The value a pointer points at, or undefined. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  const segments = parsePointer(pointer);
  if (segments === null) return undefined;
  let node = root;
  for (const segment of segments) {
    node = childOf(node, segment);
    if (node === undefined) return undefined;
  }
  return node;
}
