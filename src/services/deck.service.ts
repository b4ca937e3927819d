import { areaIdFromName } from '../core/areas.js';
import { BUILTIN_DECKS, builtinDeck } from '../core/decks/builtin.js';
import type { Deck, DeckInput } from '../core/decks/deck.js';
import { type DeckFileFormat, parseDeckFile, serializeDeck } from '../core/decks/parse-file.js';
import { validateDeck } from '../core/decks/validate.js';
import { notFound, WhetstoneError } from '../core/errors.js';
import { AreaRepository } from '../store/area.repository.js';
import type { Store } from '../store/connect.js';
import { DeckRepository } from '../store/deck.repository.js';
import type { Actor, Clock } from './context.js';

/** Question decks: the built-in ones, and the user's own (create, edit, import, export). */
export class DeckService {
  private readonly decks: DeckRepository;
  private readonly areas: AreaRepository;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.decks = new DeckRepository(store.db);
    this.areas = new AreaRepository(store.db, store.engine);
  }

  async list(actor: Actor): Promise<Deck[]> {
    return [...BUILTIN_DECKS, ...(await this.decks.list(actor.userId))];
  }

  async get(actor: Actor, id: string): Promise<Deck> {
    const deck = builtinDeck(id) ?? (await this.decks.find(actor.userId, id));
    if (!deck) throw notFound('deck', id);
    return deck;
  }

  /** Creates a deck from JSON (API, web) after checking it against the user's areas. */
  async create(actor: Actor, input: unknown): Promise<Deck> {
    return this.save(actor, validateDeck(input, await this.areaIds(actor)), undefined);
  }

  /**
   * Imports a JSON or YAML deck file; problems are reported with file:line:column. With
   * `replace`, a file whose id is one of the user's decks updates it (edit = export, change, import).
   */
  async importFile(
    actor: Actor,
    text: string,
    fileName: string,
    options: { replace?: boolean } = {},
  ): Promise<Deck> {
    const input = parseDeckFile(text, fileName, await this.areaIds(actor));
    const id = input.id ?? areaIdFromName(input.name);
    const current = options.replace ? await this.decks.find(actor.userId, id) : undefined;
    if (options.replace && builtinDeck(id)) throw readOnly(id);
    return this.save(actor, { ...input, id }, current);
  }

  /** Replaces a user deck's name, description and questions. Built-in decks are read-only. */
  async update(actor: Actor, id: string, input: unknown): Promise<Deck> {
    if (builtinDeck(id)) throw readOnly(id);
    const current = await this.decks.find(actor.userId, id);
    if (!current) throw notFound('deck', id);
    const parsed = validateDeck(input, await this.areaIds(actor));
    return this.save(actor, { ...parsed, id }, current);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if (builtinDeck(id)) throw readOnly(id);
    if (!(await this.decks.find(actor.userId, id))) throw notFound('deck', id);
    await this.decks.delete(actor.userId, id);
  }

  async export(actor: Actor, id: string, format: DeckFileFormat): Promise<string> {
    return serializeDeck(await this.get(actor, id), format);
  }

  private async save(actor: Actor, input: DeckInput, current: Deck | undefined): Promise<Deck> {
    const now = this.clock().toISOString();
    const id = current?.id ?? input.id ?? areaIdFromName(input.name);
    if (!current && (builtinDeck(id) || (await this.decks.find(actor.userId, id)))) {
      throw new WhetstoneError(
        'conflict',
        `id: a deck with the id "${id}" already exists; give this one another id or name, or import it with replace (whet decks import --replace) to update it`,
        [{ field: 'id', message: `a deck with the id "${id}" already exists` }],
      );
    }
    const deck: Deck = {
      id,
      name: input.name,
      description: input.description ?? null,
      builtin: false,
      questions: input.questions,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    };
    if (current) await this.decks.update(actor.userId, deck, now);
    else await this.decks.insert(actor.userId, deck, now);
    return deck;
  }

  private async areaIds(actor: Actor): Promise<ReadonlySet<string>> {
    return new Set((await this.areas.list(actor.userId, true)).map((a) => a.id));
  }
}

function readOnly(id: string): WhetstoneError {
  return new WhetstoneError(
    'conflict',
    `deck "${id}" is built in and cannot be changed; export it and import a copy`,
    [{ field: 'id', message: 'built-in decks are read-only' }],
  );
}
