/**
 * An idea typed in one line, as in a focused session: `#writing outline before drafting` or
 * `outline before drafting #writing` files it under the area the tag names (an id or a name).
 * Plain string work, so the browser's session capture reads tags exactly as the terminal does.
 */

export interface IdeaLine {
  /** The idea without its tag. */
  text: string;
  /** The tag without `#`, as typed; absent when the line has none. */
  area?: string;
}

/** Splits an optional `#area` tag off the start or the end of an idea line. */
export function parseIdeaLine(line: string): IdeaLine {
  const prefix = /^\s*#(\S+)\s+(.+)$/s.exec(line);
  if (prefix) return { area: prefix[1] as string, text: (prefix[2] as string).trim() };
  const suffix = /^(.+?)\s+#(\S+)\s*$/s.exec(line);
  if (suffix) return { text: (suffix[1] as string).trim(), area: suffix[2] as string };
  return { text: line };
}

/** A line that is nothing but a tag (`#writing`): a tag needs an idea with it. */
export function isBareAreaTag(line: string): boolean {
  return /^\s*#\S+\s*$/.test(line);
}

/** How an area is matched by name: trimmed, inner spaces collapsed, case ignored (as areaNameKey). */
function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The area a tag names: its id exactly, or its name ignoring case, as `whet session` resolves it. */
export function findTaggedArea<A extends { id: string; name: string }>(
  areas: readonly A[],
  tag: string,
): A | undefined {
  const typed = tag.trim();
  return areas.find((a) => a.id === typed) ?? areas.find((a) => nameKey(a.name) === nameKey(typed));
}
