import { type ReactNode, useCallback } from 'react';
import type { ConversationIdea, ConversationRoom } from '../../../../src/core/coaching/conversation.js';
import { useApiQuery } from '../../shared/api/query.js';
import { PagePlaceholder } from '../../shared/components/PageStates.js';
import { AfterConversation } from './AfterConversation.js';
import { CoachNotes } from './CoachNotes.js';
import { CultureAnswer } from './CultureAnswer.js';
import { GuidePanel } from './GuidePanel.js';
import { IdeasTray } from './IdeasTray.js';
import { RoomHeader } from './RoomHeader.js';
import { useRoomApi, useRoomChanges } from './room-api.js';
import { SharedNotes } from './SharedNotes.js';
import './conversation.css';

/** The room as either seat sees it; what each may do there is the server's rule. */
export function RoomView({
  queryKey,
  notice,
  missing,
}: {
  queryKey: readonly unknown[];
  /** Shown above the room, e.g. the link holder's way to an account. */
  notice?: ReactNode;
  /** Shown instead of an error when the room is not there (404), e.g. a spent link. */
  missing?: ReactNode;
}) {
  const api = useRoomApi();
  const room = useApiQuery(queryKey, (signal) => api.room(signal));
  const { setData, reload } = room;
  // Members' rooms are refetched by the shell on every live event; a polling seat does it here.
  useRoomChanges(() => {
    if (api.changes === 'poll') void reload();
  });
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

  if (room.notFound && missing) return missing;
  if (!room.data) return <PagePlaceholder error={room.error} back={api.back} />;
  const data = room.data;
  const isCoach = data.role === 'coach';
  return (
    <div className="page room">
      <RoomHeader room={data} onChanged={replace} />
      {notice}
      <div className="room__grid">
        <div className="room__main">
          {/* Once it ended, what comes next takes the guide's place at the top. */}
          {data.endedAt ? (
            <AfterConversation room={data} onChanged={replace} />
          ) : (
            <GuidePanel room={data} onMoved={replace} />
          )}
          <SharedNotes />
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
