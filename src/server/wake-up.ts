/**
 * A doorbell for one loop: `ring` from anywhere, `next` resolves once per burst of rings (many
 * rings before the loop gets round to it are one wake-up) and says whether any of them was a change.
 */
export class WakeUp {
  private rung = false;
  private changed = false;
  private waiting: (() => void) | undefined;

  ring(change = false): void {
    this.rung = true;
    this.changed ||= change;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  async next(): Promise<{ changed: boolean }> {
    if (!this.rung) await new Promise<void>((resolve) => (this.waiting = resolve));
    const changed = this.changed;
    this.rung = false;
    this.changed = false;
    return { changed };
  }
}
