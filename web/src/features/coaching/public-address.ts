/** Where researchers book a coach (and one of their conversation types): this server's `/book/…`. */
export function publicAddress(handle: string, slug?: string): string {
  const path = slug ? `/book/${handle}/${slug}` : `/book/${handle}`;
  return `${window.location.origin}${path}`;
}
