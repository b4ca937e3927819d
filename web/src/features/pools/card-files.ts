/** One card of the batch and the file it came from, to name the file in an error. */
export interface CardOrigin {
  file: string;
  /** Position inside a file that holds a list of cards; null for a file with one card. */
  index: number | null;
}

export interface ReadCards {
  cards: unknown[];
  origins: CardOrigin[];
}

/** Keeps the dropped files that can be result cards (JSON by name or type). */
export function cardFiles(files: Iterable<File>): File[] {
  return [...files].filter((f) => f.name.endsWith('.json') || f.type.includes('json'));
}

/** Reads the files: each holds one card or a list of cards. Throws a message naming the file. */
export async function readCards(files: readonly File[]): Promise<ReadCards> {
  const cards: unknown[] = [];
  const origins: CardOrigin[] = [];
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      throw new Error(`${file.name} is not valid JSON — is it truncated?`);
    }
    if (Array.isArray(parsed)) {
      parsed.forEach((card, index) => {
        cards.push(card);
        origins.push({ file: file.name, index });
      });
    } else {
      cards.push(parsed);
      origins.push({ file: file.name, index: null });
    }
  }
  return { cards, origins };
}

/** "card-07.json: phases.1.valueSum is impossible …" for the server's issue on `cards.N.…`. */
export function locateIssue(field: string, message: string, origins: readonly CardOrigin[]): string {
  const match = /^cards\.(\d+)(?:\.(.*))?$/.exec(field);
  if (!match) return `${field}: ${message}`;
  const origin = origins[Number(match[1])];
  const where = origin
    ? `${origin.file}${origin.index === null ? '' : ` (card ${origin.index + 1})`}`
    : `card ${match[1]}`;
  return `${where}: ${match[2] ? `${match[2]} ` : ''}${message}`;
}
