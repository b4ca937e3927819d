import { useCallback } from 'react';
import type { ConversationIdea, ConversationRoom } from '../../../../src/core/coaching/conversation.js';
import type { PageProps } from '../../app/routes.js';
import { useApiQuery } from '../../shared/api/query.js';
import { PagePlaceholder } from '../../shared/components/PageStates.js';
import { AfterConversation } from './AfterConversation.js';
import { conversationApi, conversationKeys } from './api.js';
import { CoachNotes } from './CoachNotes.js';
import { CultureAnswer } from './CultureAnswer.js';
import { GuidePanel } from './GuidePanel.js';
import { IdeasTray } from './IdeasTray.js';
import { RoomHeader } from './RoomHeader.js';
import { SharedNotes } from './SharedNotes.js';
import './conversation.css';

/**
 * /conversations/:id: the room of a debugging conversation, kept beside the video call. Every
 * change of the other person's arrives as a live event, which refetches the room (the shell
 * invalidates all queries) and pulls the new note updates.
 */
export function ConversationRoomPage({ id }: PageProps) {
  const room = useApiQuery(conversationKeys.room(id), (signal) => conversationApi.room(id, signal));
  const { setData } = room;
  const replace = useCallback((next: ConversationRoom) => setData(() => next), [setData]);
  const upsertIdea = useCallback(
    (idea: ConversationIdea) =>
      setData((current) =>
        current
          ? {
              ...current,
              ideas: current.ideas.some((i) => i.id === idea.id)
                ? current.ideas.map((i) => (i.id === idea.id ? idea : i))
                : [...current.ideas, idea],
            }
          : current,
      ),
    [setData],
  );

  if (!room.data)
    return <PagePlaceholder error={room.error} back={{ to: '/conversations', label: 'Conversations' }} />;
  const data = room.data;
  const isCoach = data.role === 'coach';
  return (
    <div className="page room">
      <RoomHeader room={data} onChanged={replace} />
      <div className="room__grid">
        <div className="room__main">
          {/* Once it ended, what comes next takes the guide's place at the top. */}
          {data.endedAt ? (
            <AfterConversation room={data} onChanged={replace} />
          ) : (
            <GuidePanel room={data} onMoved={replace} />
          )}
          <SharedNotes roomId={data.bookingId} />
        </div>
        <div className="room__side">
          <IdeasTray room={data} onIdea={upsertIdea} />
          {isCoach && data.coachNotes !== null && (
            <CoachNotes roomId={data.bookingId} initial={data.coachNotes} />
          )}
          {isCoach && data.culture && <CultureAnswer roomId={data.bookingId} initial={data.culture} />}
        </div>
      </div>
    </div>
  );
}
