/*
 * Pure text arithmetic for the shared-notes binding: what one edit of a textarea changed, and
 * where a caret goes when someone else's change lands. No DOM and no Yjs, so it is unit-tested.
 */

/** One contiguous edit: at `index`, `remove` characters were replaced by `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept), or null
 * when they are equal. `caret` (where the caret is after the edit) settles ambiguous repeats, e.g.
 * typing "a" inside "aa": the insert is placed just before the caret, where the person typed.
 */
export function textChange(before: string, after: string, caret = after.length): TextChange | null {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  // The prefix may not reach past the caret, so the edit lands where the person is typing.
  const prefixLimit = Math.min(shortest, Math.max(0, caret - Math.max(0, after.length - before.length)));
  let prefix = 0;
  while (prefix < prefixLimit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  // Never split a surrogate pair: Yjs counts UTF-16 units, but half an emoji is not text.
  if (prefix > 0 && isHighSurrogate(after.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A Yjs text delta step (retain, insert or delete), as Y.YTextEvent#delta gives them. */
export interface DeltaStep {
  retain?: number;
  insert?: unknown;
  delete?: number;
}

/**
 * Where a position in the old text is after `delta`: text inserted before it pushes it on, text
 * deleted before it pulls it back. An insert exactly at the caret goes before it only when
 * `stickToEnd` (the other end of a selection), so a caret stays ahead of the other's typing.
 */
export function mapPosition(position: number, delta: readonly DeltaStep[], stickToEnd = false): number {
  let oldIndex = 0;
  let mapped = position;
  for (const step of delta) {
    if (step.retain !== undefined) {
      oldIndex += step.retain;
    } else if (step.insert !== undefined) {
      const length = typeof step.insert === 'string' ? step.insert.length : 1;
      if (oldIndex < position || (oldIndex === position && stickToEnd)) mapped += length;
    } else if (step.delete !== undefined) {
      const removedBefore = Math.max(0, Math.min(step.delete, position - oldIndex));
      mapped -= removedBefore;
      oldIndex += step.delete;
    }
    if (oldIndex > position) break;
  }
  return mapped;
}
