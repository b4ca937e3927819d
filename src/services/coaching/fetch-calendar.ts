import { resolvesPublicly } from './public-address.js';

/**
 * Fetches the text of a calendar a coach pasted. Every failure is a `CalendarFetchError` whose
 * message is plain words the coach can act on; it is shown to them as the calendar's last error.
 */

export class CalendarFetchError extends Error {
  override name = 'CalendarFetchError';
}

export interface FetchCalendarOptions {
  /** For connecting and reading the whole body together. */
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Fetch addresses in private networks and on this machine too. Off by default: a coach's URL
   * must not reach the server's neighbours; an operator whose calendars live on the intranet
   * turns it on (WHETSTONE_CALENDAR_PRIVATE_ADDRESSES=allow).
   */
  allowPrivateAddresses?: boolean;
}

const MAX_REDIRECTS = 5;

const MB = 1024 * 1024;

export async function fetchCalendarText(
  url: string,
  { timeoutMs = 10_000, maxBytes = 5 * MB, allowPrivateAddresses = false }: FetchCalendarOptions = {},
): Promise<string> {
  let target = fetchableUrl(url);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let response: Response;
    // Redirects are followed by hand, so every hop's address is checked, not only the first.
    for (let hop = 0; ; hop++) {
      if (!allowPrivateAddresses && !(await resolvesPublicly(target.hostname)))
        throw new CalendarFetchError(
          'this address is in a private network, which this server does not fetch',
        );
      response = await fetch(target, {
        signal,
        redirect: 'manual',
        headers: { accept: 'text/calendar, */*;q=0.5' },
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) break;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new CalendarFetchError('the address redirects too many times');
      target = fetchableUrl(new URL(location, target).toString());
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new CalendarFetchError(`the server answered ${response.status}`);
    }
    return await readText(response, maxBytes);
  } catch (error) {
    throw asFetchError(error, timeoutMs);
  }
}

/** `webcal://` is a subscription hint for calendar apps; the feed itself is served over HTTPS. */
function fetchableUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CalendarFetchError('this is not a web address');
  }
  if (parsed.protocol === 'webcal:') parsed = new URL(`https:${url.slice('webcal:'.length)}`);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new CalendarFetchError('only http, https and webcal addresses can be fetched');
  return parsed;
}

/** Counts bytes as they arrive: a missing or false Content-Length must not let a huge body in. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new CalendarFetchError(`the calendar is larger than ${size(maxBytes)}`);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function asFetchError(error: unknown, timeoutMs: number): CalendarFetchError {
  if (error instanceof CalendarFetchError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new CalendarFetchError(`timed out after ${Number((timeoutMs / 1000).toFixed(1))} s`);
  return new CalendarFetchError(`could not reach the address: ${networkReason(error)}`);
}

/** undici reports the system's error code on `cause`; the codes a coach might meet, in words. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no server has this name';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was cut';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'the server cannot be reached from here';
  if (code.includes('CERT') || code.startsWith('ERR_TLS')) return 'its security certificate is not valid';
  if (typeof cause?.message === 'string' && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function size(bytes: number): string {
  return bytes >= MB ? `${Number((bytes / MB).toFixed(1))} MB` : `${bytes} bytes`;
}
