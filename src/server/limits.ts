import type { Context } from 'hono';
import { problemResponse } from './problem.js';

/** The 413 answer for a body over `maxBytes`. */
export function payloadTooLarge(maxBytes: number) {
  return (c: Context) =>
    problemResponse(
      c,
      413,
      'payload-too-large',
      'Request too large',
      `the request body is larger than ${Math.round(maxBytes / 1024)} KiB`,
    );
}
