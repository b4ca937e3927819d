import { useState } from 'react';
import type { ConversationRoom } from '../../../../src/core/coaching/conversation.js';
import { useApiAction } from '../../shared/api/action.js';
import { BackLink, ErrorNotice } from '../../shared/components/PageStates.js';
import { conversationApi } from './api.js';
import { useRoomApi } from './room-api.js';
import { isLink, timeRange } from './when.js';

/** The room's title line: what, with whom, when, where; the coach ends the conversation here. */
export function RoomHeader({
  room,
  onChanged,
}: {
  room: ConversationRoom;
  onChanged: (room: ConversationRoom) => void;
}) {
  const other = room.role === 'coach' ? room.researcher.name : room.coach.name;
  const { back } = useRoomApi();
  return (
    <header className="room-header">
      <BackLink to={back.to}>{back.label}</BackLink>
      <div className="room-header__row">
        <div className="room-header__what">
          <h1 className="room-header__title">{room.type.title}</h1>
          <p className="room-header__facts">
            <span>with {other}</span>
            <span aria-hidden="true">·</span>
            <span>{timeRange(room.start, room.end)}</span>
            <span aria-hidden="true">·</span>
            {isLink(room.location) ? (
              <a href={room.location} target="_blank" rel="noreferrer">
                Join the video call
              </a>
            ) : (
              <span>{room.location}</span>
            )}
          </p>
        </div>
        {room.endedAt ? (
          <span className="tag">Ended</span>
        ) : (
          room.role === 'coach' && <EndButton room={room} onEnded={onChanged} />
        )}
      </div>
    </header>
  );
}

/** Two steps, so a stray click does not end the conversation (and mail both summaries). */
function EndButton({ room, onEnded }: { room: ConversationRoom; onEnded: (room: ConversationRoom) => void }) {
  const [confirming, setConfirming] = useState(false);
  const end = useApiAction(() => conversationApi.end(room.bookingId), { onSuccess: onEnded });
  if (!confirming)
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        End conversation
      </button>
    );
  return (
    <div className="room-header__confirm">
      <p className="meta-text">End it and mail both of you the summary?</p>
      <button
        type="button"
        className="button button--primary"
        disabled={end.busy}
        onClick={() => void end.run()}
      >
        End now
      </button>
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        Keep talking
      </button>
      {end.error && <ErrorNotice>{end.error}</ErrorNotice>}
    </div>
  );
}
