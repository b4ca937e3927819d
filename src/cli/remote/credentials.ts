import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { WhetstoneError } from '../../core/errors.js';

/** What `whet login` keeps: the team server and a personal access token for it. */
export interface Credentials {
  server: string;
  token: string;
}

/** `$XDG_CONFIG_HOME/whetstone/credentials.json`, or `~/.config/whetstone/credentials.json`. */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(configHome, 'whetstone', 'credentials.json');
}

/** The stored credentials, or undefined when nobody is logged in. */
export function readCredentials(env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const path = credentialsPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Credentials>;
    if (typeof parsed.server === 'string' && typeof parsed.token === 'string')
      return { server: parsed.server, token: parsed.token };
  } catch {
    // Reported below, the same as a file of the wrong shape.
  }
  throw new WhetstoneError(
    'validation',
    `${path} is damaged; run \`whet logout\` and \`whet login SERVER\` again`,
  );
}

/**
 * Writes the credentials readable by their owner only (file 0600, folder 0700). The file is
 * written beside its final name and renamed, so a crash never leaves half a file.
 */
export function writeCredentials(credentials: Credentials, env: NodeJS.ProcessEnv = process.env): string {
  const path = credentialsPath(env);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // An existing folder keeps its mode on mkdir; the secret inside must not be listable by others.
  chmodSync(dirname(path), 0o700);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  return path;
}

export function deleteCredentials(env: NodeJS.ProcessEnv = process.env): void {
  rmSync(credentialsPath(env), { force: true });
}
