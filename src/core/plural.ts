/** "1 idea", "3 ideas", "2 entries": a count with its noun, for every message a person reads. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
