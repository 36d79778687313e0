import schemaJson from '../../../../docs/portfolio-document.schema.json';

/**
 * The portfolio's published JSON Schema (generated from the rulebook, docs/portfolio-document.schema.json)
 * drives the forms: their fields, order and Dutch/English texts come from it, never typed again here.
 */
export interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  enum?: string[];
  const?: string;
  minimum?: number;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  allOf?: Array<{ if?: { properties?: Record<string, { const?: string }> }; then?: SchemaNode }>;
  $ref?: string;
  required?: string[];
}

export const schema = schemaJson as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

export function deref(node: SchemaNode): SchemaNode {
  if (node.$ref) {
    const name = node.$ref.replace('#/definitions/', '');
    const target = schema.definitions[name];
    if (!target) return node;
    // A title on the reference (e.g. a task's) wins over the definition's.
    return { ...target, ...(node.title ? { title: node.title } : {}), ...(node.description ? { description: node.description } : {}) };
  }
  return node;
}

/** The schema of a portfolio section (the API's section keys). */
export function sectionSchema(section: string): SchemaNode | null {
  const props = schema.properties ?? {};
  if (section === 'case-1' || section === 'case-2') return schema.definitions['casus'] ?? null;
  return props[section] ? deref(props[section]) : null;
}

/** For evidence: the definition that belongs to a kind (the schema's if/then). */
export function variantOf(node: SchemaNode, kind: string | undefined): SchemaNode | null {
  for (const branch of node.allOf ?? []) {
    if (branch.if?.properties?.['kind']?.const === kind && branch.then) return deref(branch.then);
  }
  return null;
}

/** Whether a node is (also) of this JSON type. */
export function isType(node: SchemaNode, type: string): boolean {
  return Array.isArray(node.type) ? node.type.includes(type) : node.type === type;
}
