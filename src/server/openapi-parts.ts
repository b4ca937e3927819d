/** Building blocks shared by the OpenAPI sections (ideas, sessions, experiments, plans). */
export type JsonSchema = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

/** A problem+json response with its description. */
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export const object = (properties: JsonSchema, required?: string[]) => ({
  type: 'object',
  properties,
  ...(required ? { required } : {}),
});

/** A 200 response whose body wraps `schema` under `key`, e.g. `{plans: [...]}`. */
export const wrapped = (description: string, key: string, schema: JsonSchema) => ({
  200: { description, content: { 'application/json': { schema: object({ [key]: schema }) } } },
});
