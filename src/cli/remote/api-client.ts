import type { Agent, request as httpRequest, IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { unauthenticated, WhetstoneError } from '../../core/errors.js';
import { errorFromProblem } from './problems.js';

/** A server's answer as it came: status, headers and the body as text. */
export interface ApiAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface Transport {
  request: typeof httpRequest;
  agent: Agent;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface CallOptions {
  query?: Query | undefined;
  json?: unknown;
  headers?: Record<string, string> | undefined;
}

const loadBuiltin = createRequire(import.meta.url);

/** Long enough for a large import, short enough that a silent host does not hang a terminal. */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * The team server's `/api/v1` over node:http(s) (it loads faster than fetch, which matters for
 * `whet idea`). With a token every request carries `Authorization: Bearer whet_…`; failures come
 * back as the services' own errors, and a server that cannot be reached is one clear message.
 */
export class ApiClient {
  private transport: Transport | undefined;
  private agent: Agent | undefined;

  constructor(
    readonly server: string,
    private readonly token?: string,
  ) {}

  /**
   * node:http or node:https, loaded on the first request: the local fast capture bundles this
   * client too, and must not pay for TLS it never uses. One kept-alive connection serves a
   * session's many small requests; `close` lets the process end.
   */
  private connect(): Transport {
    if (!this.transport) {
      // A synchronous, lazy require: import() would start the ES module loader, which costs more.
      const module = loadBuiltin(
        this.server.startsWith('https:') ? 'node:https' : 'node:http',
      ) as typeof import('node:http');
      this.agent = new module.Agent({ keepAlive: true });
      this.transport = { request: module.request, agent: this.agent };
    }
    return this.transport;
  }

  /** Sends one request; only a transport failure throws. */
  send(method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer> {
    const url = new URL(`${this.server}/api/v1${path}${queryString(options.query)}`);
    const body = options.json === undefined ? undefined : JSON.stringify(options.json);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const { request, agent } = this.connect();
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(this.unreachable(error)));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.setTimeout(IDLE_TIMEOUT_MS, () =>
        req.destroy(new Error(`no answer within ${IDLE_TIMEOUT_MS / 1000} s`)),
      );
      req.on('error', (error) => reject(this.unreachable(error)));
      req.end(body);
    });
  }

  /** Sends one request and answers with its body as text; any error status throws. */
  async call(method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer> {
    const answer = await this.send(method, path, options);
    if (answer.status >= 200 && answer.status < 300) return answer;
    throw this.refusal(answer);
  }

  async json<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const answer = await this.call(method, path, options);
    return JSON.parse(answer.text) as T;
  }

  async text(method: string, path: string, options: CallOptions = {}): Promise<string> {
    return (await this.call(method, path, options)).text;
  }

  /** Ends the kept-alive connections, so the process can exit at once. */
  close(): void {
    this.agent?.destroy();
  }

  private unreachable(error: Error): WhetstoneError {
    return new WhetstoneError(
      'storage',
      `cannot reach the Whetstone server at ${this.server} (${error.message})`,
    );
  }

  private refusal(answer: ApiAnswer): WhetstoneError {
    // A token the server no longer takes: revoked, expired, or its member deactivated.
    if (answer.status === 401 && this.token)
      return unauthenticated(
        `${this.server} no longer accepts this login (the token was revoked or has expired); run \`whet login ${this.server}\` again`,
      );
    if (/^application\/problem\+json/.test(answer.headers['content-type'] ?? '')) {
      try {
        const retryAfter = answer.headers['retry-after'];
        return errorFromProblem(
          answer.status,
          JSON.parse(answer.text),
          typeof retryAfter === 'string' ? retryAfter : null,
        );
      } catch {
        // Not the JSON it claims to be: reported below like any other answer.
      }
    }
    return new WhetstoneError(
      'storage',
      `${this.server} answered HTTP ${answer.status}; is it a Whetstone team server?`,
    );
  }
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The server's base URL as stored: http(s) only, no trailing slash, no query. A bare host name
 * means https.
 */
export function normaliseServer(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new WhetstoneError('validation', `server: "${raw}" is not a URL (like https://whet.example.org)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new WhetstoneError('validation', `server: must be an http or https URL, not ${url.protocol}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
