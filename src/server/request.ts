import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { REQUEST_BODY_MAX } from '../core/limits.js';

/** A request the server cannot even read (HTTP 400, as opposed to 422 for invalid fields). */
export class MalformedRequest extends Error {}

/** A body over the route's size limit (HTTP 413). */
export class PayloadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the request body is larger than ${Math.round(maxBytes / 1024)} KiB`);
  }
}

/**
 * The JSON body, refused past `maxBytes`. On Node it is read straight from the socket stream:
 * building a web `Request` body for every capture costs more than the capture itself.
 */
export async function jsonBody(c: Context, maxBytes = REQUEST_BODY_MAX): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new MalformedRequest('the request body must be JSON (Content-Type: application/json)');
  }
  if (Number(c.req.header('content-length') ?? 0) > maxBytes) throw new PayloadTooLarge(maxBytes);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const text = incoming ? await readStream(incoming, maxBytes) : await c.req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new PayloadTooLarge(maxBytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedRequest(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Like `jsonBody`, but an empty body (no Content-Type, no length) means `{}`. */
export async function optionalJsonBody(c: Context, maxBytes = REQUEST_BODY_MAX): Promise<unknown> {
  const length = c.req.header('content-length');
  if (!c.req.header('content-type') && (length === undefined || length === '0')) return {};
  return jsonBody(c, maxBytes);
}

async function readStream(stream: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    // Stop buffering early; the rest of the body is drained and dropped by Node.
    if (size > maxBytes) throw new PayloadTooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Query parameters as a plain object; repeated keys keep the last value. */
export function queryObject(c: Context): Record<string, string> {
  return c.req.query();
}
