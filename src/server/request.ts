import type { Context } from 'hono';

/** The JSON body, or a 400-class error that says the body is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new MalformedRequest('the request body must be JSON (Content-Type: application/json)');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedRequest(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Query parameters as a plain object; repeated keys keep the last value. */
export function queryObject(c: Context): Record<string, string> {
  return c.req.query();
}

/** A request the server cannot even read (HTTP 400, as opposed to 422 for invalid fields). */
export class MalformedRequest extends Error {}
