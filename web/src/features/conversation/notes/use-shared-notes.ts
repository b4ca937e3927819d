import { useCallback, useEffect, useRef, useState } from 'react';
import { useRoomApi, useRoomChanges } from '../room-api.js';
import { type NotesStatus, NotesSync } from './notes-sync.js';

/**
 * The shared notes of the room in context for a textarea: pass `ref` and `onInput` to it. The
 * first pull loads the whole document; every change of the room's pulls what is new.
 */
export function useSharedNotes() {
  const api = useRoomApi();
  const [status, setStatus] = useState<NotesStatus>('loading');
  const [error, setError] = useState<string | null>(null);
  const sync = useRef<NotesSync | null>(null);
  const element = useRef<HTMLTextAreaElement | null>(null);

  const load = useCallback(async (notes: NotesSync) => {
    setError(null);
    try {
      await notes.pull();
      setStatus('saved');
    } catch {
      setError('The shared notes could not be loaded.');
    }
  }, []);

  useEffect(() => {
    const notes = new NotesSync(api, setStatus);
    sync.current = notes;
    notes.attach(element.current);
    void load(notes);
    return () => {
      sync.current = null;
      notes.dispose();
    };
  }, [api, load]);

  useRoomChanges(() => {
    void sync.current?.pull().catch(() => {
      // A missed pull is caught up by the next change: it asks for everything after the last seq.
    });
  });

  const ref = useCallback((node: HTMLTextAreaElement | null) => {
    element.current = node;
    sync.current?.attach(node);
  }, []);
  const onInput = useCallback(() => sync.current?.input(), []);

  const retry = useCallback(() => {
    if (sync.current) void load(sync.current);
  }, [load]);

  return { ref, onInput, status, error, retry };
}
