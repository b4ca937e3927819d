import { type ReactNode, useId } from 'react';

/**
 * A chart in a <figure>: the caption names it, the drawing is one image whose accessible name
 * sums it up, and `table` (rendered visually hidden) carries every number for screen readers.
 */
export function ChartFigure({
  caption,
  summary,
  legend,
  table,
  note,
  className,
  children,
}: {
  caption: ReactNode;
  /** One or two sentences saying what the chart shows; the drawing's accessible name. */
  summary: string;
  legend?: ReactNode;
  table: ReactNode;
  /** A line under the drawing, e.g. how to read an unusual number. */
  note?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className={`card chart ${className ?? ''}`} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart__caption">
        {caption}
      </figcaption>
      {legend}
      <div className="chart__drawing" role="img" aria-label={summary}>
        {children}
      </div>
      {note && <p className="chart__note">{note}</p>}
      <div className="visually-hidden">{table}</div>
    </figure>
  );
}

/** A colour swatch and its label, for the HTML legends above the charts. */
export function LegendItem({
  colour,
  children,
  shape = 'square',
}: {
  colour: string;
  children: ReactNode;
  shape?: 'square' | 'dot' | 'line';
}) {
  return (
    <li className="chart-legend__item">
      <span
        className={`chart-legend__swatch chart-legend__swatch--${shape}`}
        style={shape === 'line' ? { borderTopColor: colour } : { background: colour }}
        aria-hidden="true"
      />
      <span>{children}</span>
    </li>
  );
}
