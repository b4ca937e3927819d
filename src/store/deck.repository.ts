import type { Kysely } from 'kysely';
import type { Deck, DeckQuestion } from '../core/decks/deck.js';
import { toIso } from './rows.js';
import type { Database } from './schema.js';

/** A user's own decks (built-in decks live in the core, not here). */
export class DeckRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(userId: string): Promise<Deck[]> {
    const rows = await this.db
      .selectFrom('decks')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('name')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      builtin: false,
      questions: JSON.parse(row.questions) as DeckQuestion[],
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
    }));
  }

  async find(userId: string, id: string): Promise<Deck | undefined> {
    return (await this.list(userId)).find((deck) => deck.id === id);
  }

  async insert(userId: string, deck: Deck, now: string): Promise<void> {
    await this.db
      .insertInto('decks')
      .values({
        user_id: userId,
        id: deck.id,
        name: deck.name,
        description: deck.description,
        questions: JSON.stringify(deck.questions),
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  async update(userId: string, deck: Deck, now: string): Promise<void> {
    await this.db
      .updateTable('decks')
      .set({
        name: deck.name,
        description: deck.description,
        questions: JSON.stringify(deck.questions),
        updated_at: now,
      })
      .where('user_id', '=', userId)
      .where('id', '=', deck.id)
      .execute();
  }

  async delete(userId: string, id: string): Promise<void> {
    await this.db.deleteFrom('decks').where('user_id', '=', userId).where('id', '=', id).execute();
  }
}
