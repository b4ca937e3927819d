import { areaNameKey, DEFAULT_AREAS } from '../core/areas.js';
import { AreaRepository } from '../store/area.repository.js';
import type { Store } from '../store/connect.js';
import { inTransaction } from '../store/transaction.js';
import { UserRepository } from '../store/user.repository.js';
import type { Actor, Clock } from './context.js';

/** Creates the user with the default area taxonomy on first use; a no-op afterwards. */
export async function ensureUser(store: Store, actor: Actor, name: string, clock: Clock): Promise<void> {
  if (await new UserRepository(store.db).exists(actor.userId)) return;
  await inTransaction(store, async (trx) => {
    const users = new UserRepository(trx);
    if (await users.exists(actor.userId)) return;
    const now = clock().toISOString();
    await users.insert(actor.userId, name, now);
    const areas = new AreaRepository(trx, store.engine);
    for (const area of DEFAULT_AREAS) {
      await areas.insert(
        actor.userId,
        { ...area, description: null, isDefault: true, archivedAt: null, createdAt: now },
        areaNameKey(area.name),
      );
    }
  });
}
