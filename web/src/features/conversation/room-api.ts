import { createContext, useContext, useEffect, useRef } from 'react';
import type { AccountRequested } from '../../../../src/core/coaching/booking.js';
import type {
  ConversationIdea,
  ConversationRoom,
  NoteUpdates,
} from '../../../../src/core/coaching/conversation.js';
import { at, BASE, request, searchQuery } from '../../shared/api/client.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { conversationApi } from './api.js';

/** How often a seat without an event stream asks for the other person's changes. */
const POLL_EVERY_MS = 1_000;

/**
 * The calls both seats of the room share, whoever sits there: a member through their session, or
 * the booker through the private link of their booking (no account yet). The components read
 * this instead of one API, so the room is the same page in both cases.
 */
export interface RoomApi {
  room(signal?: AbortSignal): Promise<ConversationRoom>;
  noteUpdates(after: number, signal?: AbortSignal): Promise<NoteUpdates>;
  sendNoteUpdate(update: string): Promise<{ seq: number }>;
  proposeIdea(text: string): Promise<ConversationIdea>;
  decideIdea(ideaId: string, verb: 'accept' | 'reject'): Promise<ConversationIdea>;
  /** Members hear changes on the shell's event stream; a link holder has none and polls. */
  changes: 'events' | 'poll';
  /** Where the Markdown export downloads, or null when this seat cannot download it. */
  exportUrl: string | null;
  /** Accepted ideas are in an inbox this seat can open (members), so "Make a plan" can link there. */
  hasInbox: boolean;
  back: { to: string; label: string };
}

export function memberRoomApi(id: string): RoomApi {
  return {
    room: (signal) => conversationApi.room(id, signal),
    noteUpdates: (after, signal) => conversationApi.noteUpdates(id, after, signal),
    sendNoteUpdate: (update) => conversationApi.sendNoteUpdate(id, update),
    proposeIdea: (text) => conversationApi.proposeIdea(id, text),
    decideIdea: (ideaId, verb) => conversationApi.decideIdea(id, ideaId, verb),
    changes: 'events',
    exportUrl: `${BASE}/conversations/${at(id)}/export.md`,
    hasInbox: true,
    back: { to: '/conversations', label: 'Conversations' },
  };
}

export function linkRoomApi(token: string): RoomApi {
  const base = `/public/bookings/${at(token)}/room`;
  return {
    room: (signal) => request<ConversationRoom>('GET', base, undefined, signal),
    noteUpdates: (after, signal) =>
      request<NoteUpdates>('GET', `${base}/notes${searchQuery({ after })}`, undefined, signal),
    sendNoteUpdate: (update) => request<{ seq: number }>('POST', `${base}/notes`, { update }),
    proposeIdea: (text) => request<ConversationIdea>('POST', `${base}/ideas`, { text }),
    decideIdea: (ideaId, verb) => request<ConversationIdea>('POST', `${base}/ideas/${at(ideaId)}/${verb}`),
    changes: 'poll',
    exportUrl: null,
    hasInbox: false,
    back: { to: `/booking/${encodeURIComponent(token)}`, label: 'Your booking' },
  };
}

/** The booker asks for a mail that makes their account (or signs in to the one they have). */
export const requestAccount = (token: string) =>
  request<AccountRequested>('POST', `/public/bookings/${at(token)}/account`);

export const RoomApiContext = createContext<RoomApi | null>(null);

export function useRoomApi(): RoomApi {
  const api = useContext(RoomApiContext);
  if (!api) throw new Error('useRoomApi needs a RoomApiContext provider');
  return api;
}

/** Calls `onChange` whenever the other person may have changed the room, by this seat's means. */
export function useRoomChanges(onChange: () => void): void {
  const { changes } = useRoomApi();
  const latest = useRef(onChange);
  latest.current = onChange;
  useLiveChanges(() => latest.current(), changes === 'events');
  useEffect(() => {
    if (changes !== 'poll') return;
    const timer = setInterval(() => latest.current(), POLL_EVERY_MS);
    return () => clearInterval(timer);
  }, [changes]);
}
