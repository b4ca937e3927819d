import { idPrefixOf, type LocalPrefixedKind, pickByPrefix } from '../core/id-prefix.js';
import type { Store } from '../store/connect.js';
import { IdPrefixRepository, type PrefixedTable } from '../store/id-prefix.repository.js';
import type { Actor } from './context.js';

const TABLES: Record<LocalPrefixedKind, PrefixedTable> = {
  idea: 'ideas',
  plan: 'plans',
  session: 'sessions',
  pool: 'pools',
  experiment: 'experiments',
};

/** Full ids from the short ones people type: a unique prefix of at least 4 characters. */
export class IdPrefixService {
  private readonly ids: IdPrefixRepository;

  constructor(store: Store) {
    this.ids = new IdPrefixRepository(store.db);
  }

  /** The full id of the `kind` that `typed` names; ambiguous or unknown prefixes are errors. */
  async resolve(actor: Actor, kind: LocalPrefixedKind, typed: string, field = 'id'): Promise<string> {
    const prefix = idPrefixOf(kind, typed, field);
    const matches = await this.ids.idsWithPrefix(TABLES[kind], actor.userId, prefix);
    return pickByPrefix(kind, typed, matches, field);
  }
}
