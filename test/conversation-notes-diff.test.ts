/**
 * The shared-notes binding's text arithmetic: the one edit a textarea input made, and where a
 * caret goes when the other person's change lands, checked against a real Yjs document.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../web/src/features/conversation/notes/base64.js';
import { type DeltaStep, mapPosition, textChange } from '../web/src/features/conversation/notes/text-diff.js';

describe('textChange', () => {
  it('finds a typed, deleted or replaced run', () => {
    expect(textChange('abc', 'abc')).toBeNull();
    expect(textChange('hello', 'hello world')).toEqual({ index: 5, remove: 0, insert: ' world' });
    expect(textChange('hello world', 'hello')).toEqual({ index: 5, remove: 6, insert: '' });
    expect(textChange('hello world', 'hello x', 7)).toEqual({ index: 6, remove: 5, insert: 'x' });
    expect(textChange('', 'x', 1)).toEqual({ index: 0, remove: 0, insert: 'x' });
  });

  it('places an ambiguous insert or delete where the caret is', () => {
    // Typing "a" at the start of "aa" (caret after it, at 1) is an insert at 0, not at the end.
    expect(textChange('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    // Backspace after the first "a" of "aa" (caret at 0 afterwards).
    expect(textChange('aa', 'a', 0)).toEqual({ index: 0, remove: 1, insert: '' });
    expect(textChange('aa', 'a', 1)).toEqual({ index: 1, remove: 1, insert: '' });
  });

  it('never splits a surrogate pair', () => {
    const change = textChange('a😀b', 'a😃b', 3);
    expect(change).toEqual({ index: 1, remove: 2, insert: '😃' });
  });

  it('turns one text into the other when applied', () => {
    const pairs: [string, string, number][] = [
      ['the cat sat', 'the dog sat', 7],
      ['notes\n- one', 'notes\n- one\n- two', 18],
      ['x', '', 0],
    ];
    for (const [before, after, caret] of pairs) {
      const c = textChange(before, after, caret);
      expect(c).not.toBeNull();
      if (!c) continue;
      expect(before.slice(0, c.index) + c.insert + before.slice(c.index + c.remove)).toBe(after);
    }
  });
});

describe('mapPosition', () => {
  it('moves past inserts before it and back over deletes before it', () => {
    expect(mapPosition(5, [{ insert: 'abc' }])).toBe(8);
    expect(mapPosition(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
    expect(mapPosition(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
    expect(mapPosition(5, [{ retain: 5 }, { insert: 'abc' }], true)).toBe(8);
    expect(mapPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(mapPosition(5, [{ retain: 3 }, { delete: 5 }])).toBe(3);
    expect(mapPosition(5, [{ retain: 6 }, { delete: 2 }])).toBe(5);
  });

  it('keeps the caret between the same characters after a remote Yjs change', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    mine.getText('notes').insert(0, 'Coach: hello');
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    const caret = 'Coach: hel'.length;
    let delta: DeltaStep[] = [];
    mine.getText('notes').observe((event) => {
      delta = event.delta as DeltaStep[];
    });
    theirs.getText('notes').insert(0, 'Researcher: hi. ');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)), 'server');
    const text = mine.getText('notes').toString();
    const moved = mapPosition(caret, delta);
    expect(text.slice(0, moved).endsWith('Coach: hel')).toBe(true);
    expect(text.slice(moved)).toBe('lo');
  });
});

describe('base64', () => {
  it('round-trips a Yjs update, also one larger than a call stack of arguments', () => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'x'.repeat(100_000));
    const update = Y.encodeStateAsUpdate(doc);
    const text = toBase64(update);
    expect(text).toBe(Buffer.from(update).toString('base64'));
    expect(fromBase64(text)).toEqual(update);
  });
});
