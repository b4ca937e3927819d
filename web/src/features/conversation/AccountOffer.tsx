import { useId, useState } from 'react';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { requestAccount } from './room-api.js';

/**
 * In the room through the booking link: the way to an account that keeps everything. The mail
 * goes to the booking's address only, so the link holder cannot make an account for someone else.
 */
export function AccountOffer({ token }: { token: string }) {
  const id = useId();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const ask = useApiAction(() => requestAccount(token), { onSuccess: (answer) => setSentTo(answer.sentTo) });
  return (
    <section className="account-offer" aria-labelledby={`${id}-title`}>
      <div className="account-offer__text">
        <h2 id={`${id}-title`} className="account-offer__title">
          You are here through your booking link
        </h2>
        {sentTo ? (
          <p role="status">
            Sent to {sentTo}. Its link makes your account — or signs you in, if you have one — and the ideas
            you accepted here are in its inbox.
          </p>
        ) : (
          <p className="meta-text">
            Make an account with your booking’s email to keep the ideas you accept here, make plans from them
            and come back to this conversation.
          </p>
        )}
      </div>
      {!sentTo && (
        <button type="button" className="button" disabled={ask.busy} onClick={() => void ask.run()}>
          Email me a link to make an account
        </button>
      )}
      {ask.error && <ErrorNotice>{ask.error}</ErrorNotice>}
    </section>
  );
}
