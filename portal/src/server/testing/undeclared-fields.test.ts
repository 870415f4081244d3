import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ShapeSchema, undeclaredFields } from './undeclared-fields';

const shape = (schema: z.ZodType) => z.toJSONSchema(schema) as ShapeSchema;

describe('undeclared fields', () => {
  it('names fields a loose object schema does not list, however deep', () => {
    const schema = shape(
      z.object({
        id: z.string(),
        items: z.array(z.object({ name: z.string() })),
        meta: z.record(z.string(), z.object({ n: z.number() })),
      }),
    );
    const body = {
      id: 'a',
      extra: 1,
      items: [{ name: 'x' }, { name: 'y', secret: 's' }],
      meta: { k: { n: 1, m: 2 } },
    };
    expect(undeclaredFields(body, schema, {})).toEqual(['extra', 'items[1].secret', 'meta.k.m']);
    expect(undeclaredFields({ id: 'a', items: [], meta: {} }, schema, {})).toEqual([]);
  });

  it('accepts a union when one branch declares every field, and follows references', () => {
    const schema = shape(
      z.union([
        z.object({ ok: z.literal(true), hash: z.string() }),
        z.object({ ok: z.literal(false), reason: z.string() }),
      ]),
    );
    expect(undeclaredFields({ ok: false, reason: 'x' }, schema, {})).toEqual([]);
    expect(undeclaredFields({ ok: false, reason: 'x', why: 'y' }, schema, {})).toEqual(['why']);
    const defs = { Item: { properties: { a: {} } } };
    expect(
      undeclaredFields([{ a: 1, b: 2 }], { items: { $ref: '#/components/schemas/Item' } }, defs),
    ).toEqual(['[0].b']);
  });
});
