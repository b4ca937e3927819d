import { useMemo } from 'react';
import type { PageProps } from '../../app/routes.js';
import { conversationKeys } from './api.js';
import { RoomView } from './RoomView.js';
import { memberRoomApi, RoomApiContext } from './room-api.js';

/**
 * /conversations/:id: the room of a debugging conversation for a signed-in member, kept beside
 * the video call. Every change of the other person's arrives as a live event, which refetches the
 * room (the shell invalidates all queries) and pulls the new note updates.
 */
export function ConversationRoomPage({ id }: PageProps) {
  const api = useMemo(() => memberRoomApi(id), [id]);
  return (
    <RoomApiContext.Provider value={api}>
      <RoomView queryKey={conversationKeys.room(id)} />
    </RoomApiContext.Provider>
  );
}
