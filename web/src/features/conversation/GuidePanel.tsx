import { useEffect, useId, useRef, useState } from 'react';
import type { ConversationRoom } from '../../../../src/core/coaching/conversation.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { conversationApi } from './api.js';

/**
 * The guide: the current question, large, for both. The coach moves it (previous, next, or any
 * question from the list); the researcher hears when it moves.
 */
export function GuidePanel({
  room,
  onMoved,
}: {
  room: ConversationRoom;
  onMoved: (room: ConversationRoom) => void;
}) {
  const id = useId();
  const { questions, currentQuestionId } = room.guide;
  const index = questions.findIndex((q) => q.id === currentQuestionId);
  const current = index >= 0 ? questions[index] : undefined;
  const isCoach = room.role === 'coach';
  const move = useApiAction(
    (questionId: string | null) => conversationApi.moveGuide(room.bookingId, questionId),
    {
      onSuccess: onMoved,
    },
  );
  const announcement = useMoveAnnouncement(isCoach ? null : index, questions.length);

  return (
    <section className="guide card" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="guide__eyebrow">
        {current ? `Question ${index + 1} of ${questions.length}` : 'The guide'}
      </p>
      <p className="guide__question">
        {current
          ? current.text
          : isCoach
            ? 'Start with the first question when you are both ready.'
            : 'The coach will put the first question here.'}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {isCoach && (
        <>
          <div className="guide__steps">
            <button
              type="button"
              className="button"
              disabled={move.busy || index <= 0}
              onClick={() => void move.run(questions[index - 1]?.id ?? null)}
            >
              Previous
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={move.busy || index >= questions.length - 1}
              onClick={() => void move.run(questions[index + 1]?.id ?? null)}
            >
              {current ? 'Next question' : 'Start'}
            </button>
          </div>
          <details className="guide__all">
            <summary>All questions</summary>
            <ol className="guide__list">
              {questions.map((question, i) => (
                <li key={question.id}>
                  <button
                    type="button"
                    className="guide__jump"
                    aria-current={i === index ? 'step' : undefined}
                    disabled={move.busy}
                    onClick={() => void move.run(question.id)}
                  >
                    {question.text}
                  </button>
                </li>
              ))}
            </ol>
          </details>
          {move.error && <ErrorNotice>{move.error}</ErrorNotice>}
        </>
      )}
    </section>
  );
}

/** "The coach moved to question 3 of 9." when the question changes after the page opened. */
function useMoveAnnouncement(index: number | null, total: number): string {
  const [text, setText] = useState('');
  const previous = useRef(index);
  useEffect(() => {
    const before = previous.current;
    if (index === null || index === before) return;
    previous.current = index;
    if (index < 0) return;
    const step =
      before !== null && index === before + 1
        ? 'the next'
        : before !== null && index === before - 1
          ? 'the previous'
          : 'a new';
    setText(`The coach moved to ${step} question: ${index + 1} of ${total}.`);
  }, [index, total]);
  return text;
}
