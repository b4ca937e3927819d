/**
 * One real `whet serve` per test file, on a temp database with WHETSTONE_TEST_HOOKS=1 (so the
 * test can move the server's clock through POST /api/v1/test/clock), and the assertions the
 * HTTP tests share.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { cliEnv } from './cli.js';
import { type ApiResponse, type CallOptions, call, type Problem, problemFields } from './http.js';
import { assertCliBuilt } from './paths.js';
import { startWhetServer, type WhetServer } from './server.js';
import { tempDirs } from './temp.js';

export interface ServedApi {
  /** `…/api/v1` of the running server; read it inside a test (it is set in beforeAll). */
  readonly api: string;
  /** One request to `api + path`. */
  request<T = unknown>(method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string): Promise<ApiResponse<T>>;
  /** A POST with `json` as its body (no body when omitted). */
  post<T = unknown>(path: string, json?: unknown): Promise<ApiResponse<T>>;
  /** Moves the server's clock forward by `ms` and returns its new "now". */
  advance(ms: number): Promise<string>;
}

/**
 * Registers the file's beforeAll/afterAll: starts the built CLI's `whet serve --port 0` on
 * `<temp>/<label>.db` with the test hooks on, and stops it and removes the folder afterwards.
 */
export function servedApiPerFile(label: string): ServedApi {
  const dirs = tempDirs();
  let server: WhetServer | undefined;

  beforeAll(async () => {
    assertCliBuilt();
    const root = dirs.make(label);
    const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root, WHETSTONE_TEST_HOOKS: '1' });
    server = await startWhetServer({ db: join(root, `${label}.db`), env });
  });

  afterAll(async () => {
    await server?.stop();
    dirs.cleanup();
  });

  const served: ServedApi = {
    get api() {
      if (!server) throw new Error('the server starts in beforeAll; use `api` inside a test');
      return server.api;
    },
    request: (method, path, options = {}) => call(served.api, method, path, options),
    get: (path) => served.request('GET', path),
    post: (path, json) => served.request('POST', path, json === undefined ? {} : { json }),
    advance: async (ms) => expectOk(await served.post<{ now: string }>('/test/clock', { advanceMs: ms })).now,
  };
  return served;
}

/** Expects `status` (200 unless told otherwise) and returns the parsed body. */
export function expectOk<T>(res: ApiResponse<T>, status = 200): T {
  expect(res.status, res.text).toBe(status);
  return res.body;
}

/** Expects an RFC 9457 problem with `status` that names each of `fields`; returns it. */
export function expectProblem(res: ApiResponse<unknown>, status: number, fields: string[] = []): Problem {
  expect(res.status, res.text).toBe(status);
  expect(res.contentType).toMatch(/^application\/problem\+json\b/);
  const problem = res.body as Problem;
  expect(problem).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  for (const field of fields) expect(problemFields(problem), res.text).toContain(field);
  return problem;
}
