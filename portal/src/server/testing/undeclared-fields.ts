/** The part of JSON Schema that decides which fields an object may carry. */
export type ShapeSchema = {
  $ref?: string;
  properties?: Record<string, ShapeSchema>;
  additionalProperties?: boolean | ShapeSchema;
  items?: ShapeSchema;
  prefixItems?: ShapeSchema[];
  anyOf?: ShapeSchema[];
  oneOf?: ShapeSchema[];
  allOf?: ShapeSchema[];
};

/**
 * The fields of a value that its schema does not name, as paths. A zod `z.object` parses a body with
 * extra fields without a word (and its JSON Schema still says `additionalProperties: false`, since its
 * output would not have them), so a route could grow a field no contract mentions; strict objects
 * refuse them, and this catches the rest. Maps (`additionalProperties` with a schema) are walked into;
 * a union counts as declared when one of its branches declares everything.
 */
export function undeclaredFields(
  value: unknown,
  schema: ShapeSchema | undefined,
  defs: Record<string, ShapeSchema>,
  at = '',
): string[] {
  if (!schema || value === null || typeof value !== 'object') return [];
  if (schema.$ref) return undeclaredFields(value, defs[schema.$ref.split('/').pop()!], defs, at);
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (branches.length > 0) {
    let fewest: string[] | undefined;
    for (const branch of branches) {
      const found = undeclaredFields(value, branch, defs, at);
      if (found.length === 0) return [];
      if (!fewest || found.length < fewest.length) fewest = found;
    }
    return fewest ?? [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) =>
      undeclaredFields(item, schema.prefixItems?.[i] ?? schema.items, defs, `${at}[${i}]`),
    );
  const out: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    const property = schema.properties?.[key];
    if (property) out.push(...undeclaredFields(field, property, defs, path));
    else if (typeof schema.additionalProperties === 'object')
      out.push(...undeclaredFields(field, schema.additionalProperties, defs, path));
    else if (schema.properties || schema.additionalProperties === false) out.push(path);
  }
  return out;
}
