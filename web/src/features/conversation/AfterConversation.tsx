import { useId } from 'react';
import { Link } from 'react-router';
import type { ConversationRoom } from '../../../../src/core/coaching/conversation.js';
import { FollowUpForm } from './FollowUpForm.js';
import { useRoomApi } from './room-api.js';
import { startTime } from './when.js';

/** After the end: what the researcher takes away and the follow-up; for the coach, the summary and the follow-up form. */
export function AfterConversation({
  room,
  onChanged,
}: {
  room: ConversationRoom;
  onChanged: (room: ConversationRoom) => void;
}) {
  const id = useId();
  const accepted = room.ideas.filter((idea) => idea.status === 'accepted');
  const isResearcher = room.role === 'researcher';
  const { exportUrl, hasInbox } = useRoomApi();
  return (
    <section className="after card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {isResearcher ? 'What you take away' : 'Summary'}
      </h2>
      <p className="meta-text">
        The conversation ended; you both got the summary by mail.{' '}
        {exportUrl && (
          <a href={exportUrl} download>
            Download it as Markdown
          </a>
        )}
      </p>
      <h3 className="follow-up-offer__title">
        {isResearcher ? 'Ideas you accepted' : `Ideas ${room.researcher.name} accepted`}
      </h3>
      {accepted.length === 0 ? (
        <p className="meta-text">None.</p>
      ) : (
        <ul className="after__ideas" aria-label="Accepted ideas">
          {accepted.map((idea) => (
            <li key={idea.id} className="after__idea">
              <span>{idea.text}</span>
              {isResearcher && hasInbox && idea.ideaId && (
                <Link to={`/ideas/${idea.ideaId}`} className="button button--small">
                  Make a plan
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {isResearcher ? <FollowUpOffer room={room} /> : <FollowUpForm room={room} onSaved={onChanged} />}
    </section>
  );
}

/** The coach's proposed follow-up: its offered times, all booked on the coach's public page. */
function FollowUpOffer({ room }: { room: ConversationRoom }) {
  const { followUp } = room;
  if (!followUp) return null;
  return (
    <div className="follow-up-offer">
      <h3 className="follow-up-offer__title">
        {room.coach.name} suggests a follow-up: {followUp.typeTitle}
      </h3>
      {followUp.note && <p>{followUp.note}</p>}
      {followUp.starts.length > 0 && (
        <>
          <p className="meta-text">Times {room.coach.name} offers:</p>
          <ul className="follow-up-offer__times" aria-label="Offered times">
            {followUp.starts.map((start) => (
              <li key={start}>
                <a className="chip follow-up-offer__time" href={followUp.bookUrl}>
                  {startTime(start)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <a href={followUp.bookUrl} className="button button--primary">
        Book the follow-up
      </a>
    </div>
  );
}
