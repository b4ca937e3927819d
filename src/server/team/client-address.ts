import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { RequestMeta } from '../../services/team/audit-log.js';

/**
 * The client's address: the socket's peer, or — behind a reverse proxy the operator vouches for
 * (`--trust-proxy`) — the left-most X-Forwarded-For entry. Never trusted by default: a client
 * could otherwise name any address and escape the per-address throttle.
 */
export function requestMeta(c: Context, trustProxy: boolean): RequestMeta {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  let address: string | null = forwarded || null;
  if (!address) {
    try {
      address = getConnInfo(c).remote.address ?? null;
    } catch {
      address = null;
    }
  }
  return { ipAddress: address, userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null };
}
