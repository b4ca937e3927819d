import { useMemo } from 'react';
import type { PublicPageProps } from '../../app/public-routes.js';
import { AccountOffer } from './AccountOffer.js';
import { RoomView } from './RoomView.js';
import { linkRoomApi, RoomApiContext } from './room-api.js';
import './conversation.css';

/**
 * /booking/:token/room: the researcher's seat for a booker without an account, opened from the
 * booking's private link. The same room as a member's; ideas accepted here wait for the account
 * made with the booking's email.
 */
export function LinkRoomPage({ params }: PublicPageProps) {
  const token = params.token ?? '';
  const api = useMemo(() => linkRoomApi(token), [token]);
  return (
    <RoomApiContext.Provider value={api}>
      <RoomView
        queryKey={['booking', 'room', token]}
        notice={<AccountOffer token={token} />}
        missing={<SpentLink />}
      />
    </RoomApiContext.Provider>
  );
}

function SpentLink() {
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <p className="eyebrow">Whetstone</p>
        <h1 className="page-title">This link no longer works</h1>
        <p className="page-lede">
          The booking was moved to another time (its newest mail has the new link), or it was cancelled, or
          the link is incomplete. Check that you copied all of it.
        </p>
      </header>
    </div>
  );
}
