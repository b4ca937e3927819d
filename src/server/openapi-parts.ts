/** Building blocks shared by the OpenAPI sections (ideas, sessions, experiments, plans). */
export type JsonSchema = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

/** A 200 response whose body is the component `name`. */
export const ok = (description: string, name: string) => ({ 200: { description, content: json(name) } });

/** A problem+json response with its description. */
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** A request body's object schema, for the few requests the core has no schema of. */
export const object = (properties: JsonSchema, required?: string[]) => ({
  type: 'object',
  properties,
  ...(required ? { required } : {}),
});
