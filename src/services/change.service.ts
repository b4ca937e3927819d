import { changeToken } from '../store/change-token.js';
import type { Store } from '../store/connect.js';
import type { Actor } from './context.js';

/** Tells open web pages when the data changed, also when the `whet` CLI wrote it. */
export class ChangeService {
  constructor(private readonly store: Store) {}

  /** An opaque value; a different value means "fetch again". */
  token(actor: Actor): Promise<string> {
    return changeToken(this.store, actor.userId);
  }
}
