import * as Y from 'yjs';
import { SHARED_NOTES_FIELD } from '../../../../../src/core/coaching/limits.js';
import type { RoomApi } from '../room-api.js';
import { fromBase64, toBase64 } from './base64.js';
import { type DeltaStep, mapPosition, textChange } from './text-diff.js';

export type NotesStatus = 'loading' | 'saved' | 'saving' | 'retrying';

/** The origin of updates that came from the server: applied, shown, never sent back. */
const SERVER = 'server';
/** Local edits are sent in batches: a word typed is one request, not one per key. */
const SEND_EVERY_MS = 200;
const RETRY_AFTER_MS = 2_000;

/**
 * One person's copy of the shared notes: a Yjs document bound to a textarea. Local edits become
 * minimal Yjs changes and are sent in merged batches; the other person's updates are pulled after
 * the last seen seq and shown without moving this person's caret.
 */
export class NotesSync {
  private readonly doc = new Y.Doc();
  private readonly text = this.doc.getText(SHARED_NOTES_FIELD);
  private seq = 0;
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending = false;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private element: HTMLTextAreaElement | null = null;
  private disposed = false;

  constructor(
    private readonly channel: Pick<RoomApi, 'noteUpdates' | 'sendNoteUpdate'>,
    private readonly onStatus: (status: NotesStatus) => void,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER) return;
      this.pending.push(update);
      this.schedule(SEND_EVERY_MS);
    });
    this.text.observe((event) => {
      if (event.transaction.origin === SERVER) this.showRemote(event.delta as DeltaStep[]);
    });
  }

  /** Binds the textarea (or unbinds it, with null) and shows the current text in it. */
  attach(element: HTMLTextAreaElement | null): void {
    this.element = element;
    if (element) element.value = this.text.toString();
  }

  /** The textarea's input event: the edit it made, as a delete and an insert on the Y.Text. */
  input(): void {
    const element = this.element;
    if (!element) return;
    const change = textChange(this.text.toString(), element.value, element.selectionEnd);
    if (!change) return;
    this.doc.transact(() => {
      if (change.remove > 0) this.text.delete(change.index, change.remove);
      if (change.insert) this.text.insert(change.index, change.insert);
    });
  }

  /** Fetches and applies the updates after the last one seen; overlapping calls run one after another. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      do {
        this.pullAgain = false;
        const { updates } = await this.channel.noteUpdates(this.seq);
        if (this.disposed) return;
        for (const { seq, update } of updates) {
          Y.applyUpdate(this.doc, fromBase64(update), SERVER);
          this.seq = Math.max(this.seq, seq);
        }
      } while (this.pullAgain);
    })().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  /** Sends what is still unsent (leaving the page) and stops. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.pending.length > 0 && !this.sending) void this.send();
    this.doc.destroy();
  }

  private showRemote(delta: readonly DeltaStep[]): void {
    const element = this.element;
    if (!element) return;
    const { selectionStart, selectionEnd } = element;
    const focused = element.ownerDocument.activeElement === element;
    element.value = this.text.toString();
    // Setting the value puts the caret at the end; put it back where the person was, moved
    // past whatever the other person inserted before it.
    if (focused) {
      element.setSelectionRange(
        mapPosition(selectionStart, delta),
        mapPosition(selectionEnd, delta, selectionEnd > selectionStart),
      );
    }
  }

  private schedule(delay: number): void {
    if (!this.disposed) this.onStatus('saving');
    if (this.timer || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send();
    }, delay);
  }

  private async send(): Promise<void> {
    if (this.sending || this.pending.length === 0) return;
    this.sending = true;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.channel.sendNoteUpdate(toBase64(Y.mergeUpdates(batch)));
    } catch {
      // Kept in order before newer edits, and tried again: nothing typed is dropped.
      this.pending = [...batch, ...this.pending];
      this.sending = false;
      if (!this.disposed) {
        this.onStatus('retrying');
        this.retryLater();
      }
      return;
    }
    this.sending = false;
    if (this.disposed) return;
    if (this.pending.length > 0) this.schedule(SEND_EVERY_MS);
    else this.onStatus('saved');
  }

  private retryLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send();
    }, RETRY_AFTER_MS);
  }
}
