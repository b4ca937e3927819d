import type { Kysely } from 'kysely';
import { areaNameKey, DEFAULT_AREAS } from '../core/areas.js';
import { AreaRepository } from '../store/area.repository.js';
import type { Store } from '../store/connect.js';
import type { Database, Engine } from '../store/schema.js';
import { inTransaction } from '../store/transaction.js';
import { UserRepository } from '../store/user.repository.js';
import type { Actor, Clock } from './context.js';

/** Creates the user with the default area taxonomy on first use; a no-op afterwards. */
export async function ensureUser(store: Store, actor: Actor, name: string, clock: Clock): Promise<void> {
  if (await new UserRepository(store.db).exists(actor.userId)) return;
  await inTransaction(store, async (trx) => {
    if (await new UserRepository(trx).exists(actor.userId)) return;
    await createUserWithDefaults(trx, store.engine, actor.userId, name, clock().toISOString());
  });
}

/** A new user row with the default areas, inside the caller's transaction. */
export async function createUserWithDefaults(
  trx: Kysely<Database>,
  engine: Engine,
  userId: string,
  name: string,
  now: string,
): Promise<void> {
  await new UserRepository(trx).insert(userId, name, now);
  const areas = new AreaRepository(trx, engine);
  for (const area of DEFAULT_AREAS) {
    await areas.insert(
      userId,
      { ...area, description: null, isDefault: true, archivedAt: null, createdAt: now },
      areaNameKey(area.name),
    );
  }
}
