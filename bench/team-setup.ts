// A team server's organisation for the benches that need one (api-throughput, cli-remote).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './processes.js';

export const TEAM_ADMIN = { email: 'bench@example.org', password: 'a bench passphrase here' };

/** The organisation and its admin, made with `whet admin setup` before the team server starts. */
export async function setUpTeam(db: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [
        join(ROOT, 'bin', 'whet.cjs'),
        '--db',
        db,
        'admin',
        'setup',
        '--organisation',
        'Bench',
        '--name',
        'Bench',
        '--email',
        TEAM_ADMIN.email,
      ],
      (error) => (error ? reject(error) : resolve()),
    );
    child.stdin?.end(`${TEAM_ADMIN.password}\n`);
  });
}
