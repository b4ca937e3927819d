/**
 * A row of radio cards, each with a title and a hint that the radio points at: the plan's kind,
 * a plan review's decision. `block` names the CSS block (`kind-choice`, `decision-choice`).
 */
export function ChoiceCards<T extends string>({
  id,
  block,
  options,
  value,
  onChange,
  labels,
  hints,
  modifiers = false,
}: {
  /** Prefix for the radios' name and the hints' ids. */
  id: string;
  block: string;
  options: readonly T[];
  value: T | null;
  onChange: (value: T) => void;
  labels: Record<T, string>;
  hints: Record<T, string>;
  /** Adds `block--value` to each card. */
  modifiers?: boolean;
}) {
  return (
    <div className={`${block}s`}>
      {options.map((option) => (
        <label key={option} className={modifiers ? `${block} ${block}--${option}` : block}>
          <input
            type="radio"
            name={id}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
            aria-describedby={`${id}-${option}`}
          />
          <span className={`${block}__body`}>
            <span className={`${block}__title`}>{labels[option]}</span>
            <span id={`${id}-${option}`} className={`${block}__hint`}>
              {hints[option]}
            </span>
          </span>
        </label>
      ))}
    </div>
  );
}
