import { type Settings, SettingsInput } from '../core/settings.js';
import { parseInput } from '../core/validation.js';
import type { Store } from '../store/connect.js';
import { UserRepository } from '../store/user.repository.js';
import type { Actor } from './context.js';

export type { Settings };

/** The zone of the machine Whetstone runs on: in solo mode, the user's own. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Per-user settings; for now the time zone that local dates (review days, weeks, streaks) use. */
export class SettingsService {
  private readonly users: UserRepository;

  constructor(store: Store) {
    this.users = new UserRepository(store.db);
  }

  async get(actor: Actor): Promise<Settings> {
    const chosen = await this.users.timeZone(actor.userId);
    return chosen
      ? { timeZone: chosen, timeZoneSource: 'chosen' }
      : { timeZone: systemTimeZone(), timeZoneSource: 'system' };
  }

  async timeZone(actor: Actor): Promise<string> {
    return (await this.get(actor)).timeZone;
  }

  /** `timeZone: null` goes back to the system's zone. */
  async update(actor: Actor, input: unknown): Promise<Settings> {
    const { timeZone } = parseInput(SettingsInput, input);
    await this.users.setTimeZone(actor.userId, timeZone);
    return this.get(actor);
  }
}
