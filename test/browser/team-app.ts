/**
 * The hooks of a browser test file against a real `whet serve --team`: one Chromium for the file,
 * and for every test a new database, a team server on it and a browser context per person. A test
 * fails if any page logged an error other than those matching `expectedErrors`.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startTeamServer, type TeamServer } from '../support/team-server.js';
import {
  type Browser,
  type BrowserContext,
  collectPageErrors,
  launchBrowser,
  newPage,
  type Page,
  type PageOptions,
  type Workspace,
  workspace,
} from './support.js';

export interface TeamApp {
  /** This test's team server. */
  readonly server: TeamServer;
  /** This test's temporary folders, for more databases (removed after the test). */
  readonly space: Workspace;
  /** Stops this test's server and starts another on a new database, with `env` added. */
  restart(dbName: string, env?: NodeJS.ProcessEnv): Promise<TeamServer>;
  /** A new browser (own cookies) for one person. */
  person(options?: PageOptions): Promise<Page>;
}

/**
 * Registers the file's hooks and returns this test's server and a way to open pages.
 * `serverEnv` adds to the server's environment; it is asked before every test (e.g. for the port
 * of a mailbox started in the file's own beforeAll).
 */
export function teamAppPerTest(
  dbName: string,
  expectedErrors: RegExp,
  options: { serverEnv?: () => NodeJS.ProcessEnv } = {},
): TeamApp {
  let browser: Browser | undefined;
  let space: Workspace | undefined;
  let server: TeamServer | undefined;
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];

  const start = async (name: string, env: NodeJS.ProcessEnv): Promise<TeamServer> => {
    const db = (space as Workspace).newDb(name);
    server = await startTeamServer({ db: db.db, env: { ...db.env, ...env } });
    return server;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    space = workspace();
    await start(dbName, options.serverEnv?.() ?? {});
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await server?.stop();
    server = undefined;
    await space?.cleanup();
    const logged = errors.splice(0).flat();
    expect(
      logged.filter((e) => !expectedErrors.test(e)),
      'the page logged errors',
    ).toEqual([]);
  });

  return {
    get server() {
      if (!server) throw new Error('the team server runs only inside a test');
      return server;
    },
    get space() {
      if (!space) throw new Error('the workspace exists only inside a test');
      return space;
    },
    async restart(name, env = {}) {
      await server?.stop();
      return start(name, env);
    },
    async person(personOptions = {}) {
      const { context, page } = await newPage(browser as Browser, personOptions);
      contexts.push(context);
      errors.push(collectPageErrors(page));
      return page;
    },
  };
}
