/** The callbacks of one process's open streams, by user. */
export class Subscribers {
  private readonly byUser = new Map<string, Set<() => void>>();

  /** Adds `onChange` for `userId`; returns its removal. */
  add(userId: string, onChange: () => void): () => void {
    const set = this.byUser.get(userId) ?? new Set();
    set.add(onChange);
    this.byUser.set(userId, set);
    return () => {
      set.delete(onChange);
      if (set.size === 0 && this.byUser.get(userId) === set) this.byUser.delete(userId);
    };
  }

  has(userId: string): boolean {
    return this.byUser.has(userId);
  }

  users(): string[] {
    return [...this.byUser.keys()];
  }

  get size(): number {
    return this.byUser.size;
  }

  notify(userId: string): void {
    for (const onChange of [...(this.byUser.get(userId) ?? [])]) onChange();
  }

  notifyAll(): void {
    for (const userId of this.users()) this.notify(userId);
  }
}
