/**
 * The response contract: every operation of `/api/v1/openapi.json`, and a request helper that
 * checks each answer against the document — its status must be declared, its content type one the
 * document lists, and a JSON body (problem+json included) must validate against the schema of that
 * operation, status and media type (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
 */
import type { ValidateFunction } from 'ajv';
import ajv2020 from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// Both are CommonJS modules whose function is also their `default` export; under NodeNext only
// `.default` has the callable type.
const Ajv2020 = ajv2020.default;
const addFormats = ajvFormats.default;

type Json = Record<string, unknown>;
interface MediaType {
  schema?: Json;
}
interface Operation {
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface PathItem {
  servers?: { url: string }[];
  [method: string]: unknown;
}
export interface OpenApiDocument {
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, Json> };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
const BASE_ID = 'https://whetstone.invalid/openapi.json';

/** `GET /plans/{id}`: how an operation is named here. */
export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Every operation the document lists. */
export function operationsOf(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m] !== undefined).map((m) => operationKey(m, path)),
  );
}

const COMPONENT = '#/components/schemas/';

/**
 * The document's `#/components/schemas/X` references, pointed at `$defs/X` of one schema resource
 * that holds every component, so each response schema compiles on its own.
 */
function absolute(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(absolute);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key !== '$ref' || typeof value !== 'string') return [key, absolute(value)];
      if (!value.startsWith(COMPONENT)) throw new Error(`unexpected reference ${value}`);
      return [key, `${BASE_ID}#/$defs/${value.slice(COMPONENT.length)}`];
    }),
  );
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: unknown;
}

export interface Contract {
  /** Sends a request for the operation `method template` to `path` and checks the answer. */
  call(
    method: string,
    template: string,
    path: string,
    options?: { json?: unknown; body?: string },
  ): Promise<Answer>;
  /** Checks an answer got some other way (e.g. with a session cookie) against `method template`. */
  check(method: string, template: string, answer: Answer): Answer;
  /** Operations called so far, with the statuses they answered. */
  readonly exercised: ReadonlyMap<string, ReadonlySet<number>>;
}

/** A checker of `doc`; `api` is `…/api/v1`, `site` the root that paths with `servers: [/]` use. */
export function contract(doc: OpenApiDocument, urls: { api: string; site: string }): Contract {
  // Strict about the schemas too, except `required` without `properties`: zod writes it for
  // records keyed by an enum (every key present), which is valid JSON Schema.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema({ $id: BASE_ID, $defs: absolute(doc.components.schemas) as Json });
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: Json): ValidateFunction => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(absolute(schema) as Json);
      compiled.set(key, validate);
    }
    return validate;
  };
  const exercised = new Map<string, Set<number>>();

  async function call(
    method: string,
    template: string,
    path: string,
    options: { json?: unknown; body?: string } = {},
  ): Promise<Answer> {
    const key = operationKey(method, template);
    const item = doc.paths[template];
    const operation = item?.[method.toLowerCase()] as Operation | undefined;
    if (!item || !operation) throw new Error(`${key} is not in the OpenAPI document`);
    const base = item.servers?.[0]?.url === '/' ? urls.site : urls.api;
    return check(method, template, await send(method, `${base}${path}`, options), path);
  }

  function check(method: string, template: string, answer: Answer, path = template): Answer {
    const key = operationKey(method, template);
    const operation = doc.paths[template]?.[method.toLowerCase()] as Operation | undefined;
    if (!operation) throw new Error(`${key} is not in the OpenAPI document`);
    const where = `${key} (${path}) answered ${answer.status}: ${answer.text.slice(0, 500)}`;
    const declared = operation.responses[String(answer.status)];
    if (!declared) throw new Error(`${where}\nstatus ${answer.status} is not declared`);
    (exercised.get(key) ?? exercised.set(key, new Set()).get(key)!).add(answer.status);
    const content = declared.content;
    if (!content || answer.status === 204) return answer;
    const mediaType = answer.contentType.split(';')[0]!.trim();
    const media = content[mediaType];
    if (!media) throw new Error(`${where}\ncontent type ${mediaType} is not one of ${Object.keys(content)}`);
    if (/json$/.test(mediaType) && media.schema) {
      const validate = validatorFor(`${key} ${answer.status} ${mediaType}`, media.schema);
      if (!validate(answer.body))
        throw new Error(
          `${where}\ndoes not match its schema:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`,
        );
    }
    return answer;
  }

  return { call, check, exercised };
}

/** One request; an event stream is read up to its first event and then closed. */
async function send(
  method: string,
  url: string,
  options: { json?: unknown; body?: string },
): Promise<Answer> {
  const headers: Record<string, string> = {};
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  const controller = new AbortController();
  const response = await fetch(url, { method, headers, body, signal: controller.signal });
  const contentType = response.headers.get('content-type') ?? '';
  let text: string;
  if (contentType.startsWith('text/event-stream')) {
    const reader = response.body!.getReader();
    const first = await reader.read();
    text = new TextDecoder().decode(first.value);
    controller.abort();
  } else {
    text = await response.text();
  }
  const isJson = /^application\/(.+\+)?json\b/i.test(contentType);
  return { status: response.status, contentType, text, body: isJson && text ? JSON.parse(text) : undefined };
}
