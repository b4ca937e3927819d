import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/connect.js';
import { ServerSettingsRepository } from '../../store/server-settings.repository.js';

/**
 * The key that signs session cookies. Every process of a team server must use the same one, so
 * it lives in the database: the first process to start stores it, the others read it.
 * WHETSTONE_AUTH_SECRET, when set, takes precedence (e.g. to rotate it).
 */
export async function sessionSecret(store: Store, fromEnvironment: string | undefined): Promise<string> {
  if (fromEnvironment && fromEnvironment.length >= 32) return fromEnvironment;
  return new ServerSettingsRepository(store.db).getOrCreate(
    'session-secret',
    randomBytes(32).toString('base64url'),
  );
}
