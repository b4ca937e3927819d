import { request as httpRequest } from 'node:http';

/** An RFC 9457 problem document as the API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  /** The parsed body when it is JSON (including problem+json), otherwise undefined. */
  body: T;
}

export interface CallOptions {
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is (use `headers` for its content type). */
  body?: string;
  headers?: Record<string, string>;
}

/** One real HTTP request to `base + path`; the body is parsed when the response is JSON. */
export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const isJson = /^application\/(.+\+)?json\b/i.test(contentType);
  return {
    status: response.status,
    headers: response.headers,
    contentType,
    text,
    body: (isJson && text ? JSON.parse(text) : undefined) as T,
  };
}

/**
 * A GET with an explicit Host header (fetch does not let a caller choose it), for the
 * DNS-rebinding guard.
 */
export function getWithHost(
  url: string,
  host: string,
): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers: { host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The fields named in a problem's `errors`. */
export function problemFields(problem: Problem | undefined): string[] {
  return (problem?.errors ?? []).map((e) => e.field);
}
