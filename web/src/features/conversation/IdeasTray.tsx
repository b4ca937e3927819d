import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import type { ConversationIdea, ConversationRoom } from '../../../../src/core/coaching/conversation.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useRoomApi } from './room-api.js';

type Update = (idea: ConversationIdea) => void;

/**
 * Ideas either person proposes during the conversation. Only the researcher decides: an accepted
 * idea goes into their inbox, the coach only sees what became of it.
 */
export function IdeasTray({ room, onIdea }: { room: ConversationRoom; onIdea: Update }) {
  const id = useId();
  const { hasInbox } = useRoomApi();
  return (
    <section className="ideas-tray room-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        Ideas
      </h2>
      <ProposeIdea onProposed={onIdea} />
      {room.ideas.length === 0 ? (
        <p className="meta-text">
          {room.role === 'researcher'
            ? hasInbox
              ? 'Ideas either of you propose appear here; the ones you accept go into your inbox.'
              : 'Ideas either of you propose appear here; the ones you accept are kept for the account you make with your booking’s email.'
            : 'Ideas either of you propose appear here; the researcher decides which they take.'}
        </p>
      ) : (
        <ul className="ideas-tray__list" aria-label="Proposed ideas">
          {room.ideas.map((idea) => (
            <ProposedIdea key={idea.id} idea={idea} room={room} onDecided={onIdea} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProposeIdea({ onProposed }: { onProposed: Update }) {
  const id = useId();
  const api = useRoomApi();
  const [text, setText] = useState('');
  const propose = useApiAction((value: string) => api.proposeIdea(value), {
    onSuccess: (idea) => {
      setText('');
      onProposed(idea);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) void propose.run(text.trim());
  };
  return (
    <form className="ideas-tray__form" onSubmit={submit} aria-label="Propose an idea">
      <label htmlFor={`${id}-text`} className="visually-hidden">
        Propose an idea
      </label>
      <input
        id={`${id}-text`}
        className="input"
        value={text}
        placeholder="Propose an idea"
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value);
          propose.reset();
        }}
      />
      <button type="submit" className="button" disabled={propose.busy || !text.trim()}>
        Propose
      </button>
      {propose.error && <ErrorNotice>{propose.error}</ErrorNotice>}
    </form>
  );
}

function ProposedIdea({
  idea,
  room,
  onDecided,
}: {
  idea: ConversationIdea;
  room: ConversationRoom;
  onDecided: Update;
}) {
  const id = useId();
  const api = useRoomApi();
  const decide = useApiAction((verb: 'accept' | 'reject') => api.decideIdea(idea.id, verb), {
    onSuccess: onDecided,
  });
  const mine = idea.proposedBy === room.role;
  const by = mine ? 'you' : idea.proposedBy === 'coach' ? room.coach.name : room.researcher.name;
  const isResearcher = room.role === 'researcher';
  return (
    <li className={`proposed-idea proposed-idea--${idea.status}`}>
      <p id={`${id}-text`} className="proposed-idea__text">
        {idea.text}
      </p>
      <p className="proposed-idea__meta">
        <span>Proposed by {by}</span>
        <IdeaOutcome idea={idea} isResearcher={isResearcher} />
      </p>
      {isResearcher && idea.status === 'proposed' && (
        <div className="proposed-idea__actions">
          <button
            type="button"
            className="button button--small button--primary"
            aria-describedby={`${id}-text`}
            disabled={decide.busy}
            onClick={() => void decide.run('accept')}
          >
            Accept
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-describedby={`${id}-text`}
            disabled={decide.busy}
            onClick={() => void decide.run('reject')}
          >
            Not for me
          </button>
        </div>
      )}
      {decide.error && <ErrorNotice>{decide.error}</ErrorNotice>}
    </li>
  );
}

function IdeaOutcome({ idea, isResearcher }: { idea: ConversationIdea; isResearcher: boolean }) {
  const { hasInbox } = useRoomApi();
  if (idea.status === 'accepted') {
    if (isResearcher && hasInbox && idea.ideaId)
      return (
        <Link to={`/ideas/${idea.ideaId}`} className="tag tag--accent">
          In your inbox
        </Link>
      );
    // Through the booking link there is no inbox yet: the idea waits for the account.
    return <span className="tag tag--accent">{isResearcher ? 'Kept for you' : 'Accepted'}</span>;
  }
  if (idea.status === 'rejected')
    return <span className="tag">{isResearcher ? 'Not for you' : 'Not taken'}</span>;
  return isResearcher ? null : <span className="tag">Waiting for the researcher</span>;
}
