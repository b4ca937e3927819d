import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed out once — calendar feeds, setup links, invitations, access tokens: 192 random
 * bits, and only their SHA-256 is stored. Looking a secret up by its hash compares hashes, so the
 * time a lookup takes says nothing about how much of the secret was right.
 */
export const newSecretToken = (): string => randomBytes(24).toString('base64url');

export const hashSecretToken = (token: string): string => createHash('sha256').update(token).digest('hex');
