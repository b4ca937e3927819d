/** Who is acting. Every use case takes one, so team mode adds authorisation without new plumbing. */
export interface Actor {
  userId: string;
}

/** Solo mode's single implicit user; its rows look exactly like a team user's. */
export const LOCAL_ACTOR: Actor = { userId: 'local' };
export const LOCAL_USER_NAME = 'Me';

/** Injected time source; tests pass a fixed or stepping clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
