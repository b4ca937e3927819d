/** Plain text whose blank lines separate paragraphs, as coaches write their introductions. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of a fixed text never move
        <p key={i} className={className}>
          {p}
        </p>
      ))}
    </>
  );
}
