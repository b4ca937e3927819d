/** `whet admin setup` on a team server's database: the terminal's way to the first admin. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runWhet } from './support/cli.js';
import { assertCliBuilt } from './support/paths.js';
import { startTeamServer, TeamClient } from './support/team-server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

describe('whet admin setup', () => {
  it('creates the organisation from a piped password; the server then prints no setup link', async () => {
    assertCliBuilt();
    const root = dirs.make('whet-admin-setup');
    const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root });
    const db = join(root, 'team.db');
    const args = [
      '--db',
      db,
      'admin',
      'setup',
      '--organisation',
      'Kepler Lab',
      '--name',
      'Ada',
      '--email',
      'Ada@Example.org',
    ];
    const weak = await runWhet(args, { env, stdin: 'qwerty123456\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toBe('whet: password: is one of the most common passwords; choose another\n');
    const done = await runWhet(args, { env, stdin: 'ada has a long passphrase\n' });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Set up Kepler Lab');
    // The password never appears in the output.
    expect(done.stdout).not.toContain('passphrase');
    const twice = await runWhet(args, { env, stdin: 'ada has a long passphrase\n' });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/set up already/);

    const server = await startTeamServer({ db, env });
    try {
      expect(server.setupLink).toBeNull();
      const me = await new TeamClient(server).signIn('ada@example.org', 'ada has a long passphrase');
      expect(me).toMatchObject({ organisation: { name: 'Kepler Lab' }, roles: ['researcher', 'admin'] });
    } finally {
      await server.stop();
    }
  });
});
