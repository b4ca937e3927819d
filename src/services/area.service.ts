import {
  type Area,
  AreaCreateInput,
  AreaUpdateInput,
  archivedAreaError,
  areaIdFromName,
  areaNameKey,
  unknownAreaError,
} from '../core/areas.js';
import { notFound, WhetstoneError } from '../core/errors.js';
import { plural } from '../core/plural.js';
import { parseInput } from '../core/validation.js';
import { AreaRepository } from '../store/area.repository.js';
import type { Store } from '../store/connect.js';
import { inTransaction } from '../store/transaction.js';
import type { Actor, Clock } from './context.js';

/** Use cases for the area taxonomy: defaults plus the user's own, archived rather than lost. */
export class AreaService {
  private readonly areas: AreaRepository;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.areas = new AreaRepository(store.db, store.engine);
  }

  list(actor: Actor, options: { includeArchived?: boolean } = {}): Promise<Area[]> {
    return this.areas.list(actor.userId, options.includeArchived ?? false);
  }

  async get(actor: Actor, id: string): Promise<Area> {
    const area = await this.areas.findById(actor.userId, id);
    if (!area) throw notFound('area', id);
    return area;
  }

  /**
   * The area a person means by `idOrName` (an id, or a name in any case). Filing an idea under an
   * archived area is refused, so old areas do not fill up again by accident; filtering by one is fine.
   */
  async resolve(
    actor: Actor,
    idOrName: string,
    purpose: 'file' | 'filter' = 'file',
    field = 'area',
  ): Promise<string> {
    const found = await this.areas.findByIdOrNameKey(actor.userId, idOrName.trim(), areaNameKey(idOrName));
    if (!found) throw unknownAreaError(idOrName, field);
    if (purpose === 'file' && found.archived_at !== null) throw archivedAreaError(found.name, field);
    return found.id;
  }

  /** Checks that `areaId` exists and is open; used when an idea is filed under it. */
  async assertUsable(actor: Actor, areaId: string, field = 'areaId'): Promise<void> {
    const found = await this.areas.findBrief(actor.userId, areaId);
    if (!found) throw unknownAreaError(areaId, field);
    if (found.archived_at !== null) throw archivedAreaError(found.name, field);
  }

  async create(actor: Actor, input: unknown): Promise<Area> {
    const { name, description } = parseInput(AreaCreateInput, input);
    const nameKey = areaNameKey(name);
    return inTransaction(this.store, async (trx) => {
      const areas = this.areas.withTransaction(trx);
      await assertNameFree(areas, actor, nameKey, name);
      const id = await freeAreaId(areas, actor, areaIdFromName(name));
      await areas.insert(
        actor.userId,
        {
          id,
          name,
          description: description || null,
          isDefault: false,
          archivedAt: null,
          createdAt: this.clock().toISOString(),
        },
        nameKey,
      );
      return (await areas.findById(actor.userId, id)) as Area;
    });
  }

  /** Renames, re-describes, archives or restores an area. */
  async update(actor: Actor, id: string, input: unknown): Promise<Area> {
    const patch = parseInput(AreaUpdateInput, input);
    return inTransaction(this.store, async (trx) => {
      const areas = this.areas.withTransaction(trx);
      const current = await areas.findById(actor.userId, id);
      if (!current) throw notFound('area', id);
      const name = patch.name ?? current.name;
      const nameKey = areaNameKey(name);
      if (nameKey !== areaNameKey(current.name)) await assertNameFree(areas, actor, nameKey, name);
      const archivedAt =
        patch.archived === undefined
          ? current.archivedAt
          : patch.archived
            ? (current.archivedAt ?? this.clock().toISOString())
            : null;
      await areas.update(
        actor.userId,
        {
          ...current,
          name,
          description: patch.description === undefined ? current.description : patch.description || null,
          archivedAt,
        },
        nameKey,
      );
      return (await areas.findById(actor.userId, id)) as Area;
    });
  }

  /** Deletes an unused area. An area with ideas is archived instead, never deleted. */
  async remove(actor: Actor, id: string): Promise<void> {
    await inTransaction(this.store, async (trx) => {
      const areas = this.areas.withTransaction(trx);
      const current = await areas.findById(actor.userId, id);
      if (!current) throw notFound('area', id);
      if (current.ideaCount > 0) {
        throw new WhetstoneError(
          'conflict',
          `area "${current.name}" has ${plural(current.ideaCount, 'idea')}; archive it instead of deleting it`,
          [{ field: 'id', message: 'area is in use; archive it instead' }],
        );
      }
      await areas.delete(actor.userId, id);
    });
  }
}

async function assertNameFree(areas: AreaRepository, actor: Actor, nameKey: string, name: string) {
  const clash = await areas.findByNameKey(actor.userId, nameKey);
  if (clash) {
    throw new WhetstoneError('conflict', `name: an area called "${clash.name}" already exists`, [
      { field: 'name', message: `an area called "${clash.name}" already exists` },
    ]);
  }
  return name;
}

/** `grant-writing`, or `grant-writing-2` when that id is taken (e.g. by a renamed area). */
async function freeAreaId(areas: AreaRepository, actor: Actor, base: string): Promise<string> {
  let candidate = base;
  for (let n = 2; await areas.idTaken(actor.userId, candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}
