/**
 * A real `whet serve --team` and a small cookie-keeping client for it: sets up the organisation
 * through its one-time link, invites people and signs them in, as a browser would (the session
 * cookie is kept, and unsafe requests carry the server's Origin).
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Me, NewInvitation } from '../../src/core/team/account.js';
import type { Engine } from '../../src/store/schema.js';
import { createPostgresDatabase } from '../harness/stores.js';
import { type ApiResponse, type CallOptions, call } from './http.js';
import { startWhetServer, type WhetServer } from './server.js';

export interface TeamServer extends WhetServer {
  /** The origin unsafe requests must come from (the listening URL unless --public-url is given). */
  origin: string;
  /** The one-time setup link printed at start, or null when the organisation exists. */
  setupLink: string | null;
}

export async function startTeamServer(options: {
  db: string;
  env: NodeJS.ProcessEnv;
  extraArgs?: readonly string[];
}): Promise<TeamServer> {
  const server = await startWhetServer({ ...options, extraArgs: ['--team', ...(options.extraArgs ?? [])] });
  // The banner's later lines (the setup link, "stop:") arrive just after the URL line.
  for (let i = 0; i < 200 && !/stop: /.test(server.stdout()); i++)
    await new Promise((r) => setTimeout(r, 10));
  const setupLink = /set up the organisation[^:]*: (\S+)/.exec(server.stdout())?.[1] ?? null;
  const publicUrl = /public address: (\S+)/.exec(server.stdout())?.[1];
  return { ...server, origin: new URL(publicUrl ?? server.url).origin, setupLink };
}

/** A database for a team server on `engine`: a file under `root`, or a fresh PostgreSQL database. */
export async function teamDatabase(
  engine: Engine,
  root: string,
): Promise<{ db: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') return { db: join(root, 'team.db'), drop: async () => {} };
  const database = await createPostgresDatabase();
  return { db: database.url, drop: database.drop };
}

/** A person's browser without the page: one cookie jar, the server's Origin on every request. */
export class TeamClient {
  private cookies = new Map<string, string>();
  /** A personal access token to send as `Authorization: Bearer`, instead of any cookie. */
  bearer: string | undefined;

  constructor(
    readonly server: Pick<TeamServer, 'api' | 'origin'>,
    readonly label = 'client',
  ) {}

  /** The session cookie header as sent, for tests that replay or tamper with it. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  setCookieHeader(header: string): void {
    this.cookies = new Map(
      header
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
        .map(
          (part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)] as [string, string],
        ),
    );
  }

  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { origin: this.server.origin, ...options.headers };
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    else if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const res = await call<T>(this.server.api, method, path, { ...options, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async signIn(email: string, password: string): Promise<Me> {
    const res = await this.call<Me>('POST', '/auth/sign-in', { json: { email, password } });
    expect(res.status, res.text).toBe(200);
    return res.body;
  }
}

export const ADMIN = { name: 'Ada Admin', email: 'ada@example.org', password: 'ada has a long passphrase' };

/** Uses the printed setup link to create the organisation; returns the admin's signed-in client. */
export async function setUpOrganisation(
  server: TeamServer,
  organisation = 'Kepler Lab',
): Promise<TeamClient> {
  if (!server.setupLink) throw new Error('the server printed no setup link');
  const token = new URL(server.setupLink).pathname.split('/').pop();
  const admin = new TeamClient(server, 'admin');
  const res = await admin.call<Me>('POST', '/setup', { json: { token, organisation, ...ADMIN } });
  expect(res.status, res.text).toBe(201);
  return admin;
}

/** The admin invites `email`; the invitee accepts with their name and password and is signed in. */
export async function inviteAndJoin(
  admin: TeamClient,
  person: { name: string; email: string; password: string },
  roles: readonly string[] = ['researcher'],
): Promise<TeamClient> {
  const invited = await admin.call<NewInvitation>('POST', '/invitations', {
    json: { email: person.email, roles },
  });
  expect(invited.status, invited.text).toBe(201);
  const token = new URL(invited.body.link).pathname.split('/').pop();
  const client = new TeamClient(admin.server, person.name);
  const joined = await client.call<Me>('POST', `/join/${token}`, {
    json: { name: person.name, password: person.password },
  });
  expect(joined.status, joined.text).toBe(201);
  return client;
}
