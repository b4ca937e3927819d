import { useId } from 'react';

export interface Choice<T extends string | number> {
  value: T;
  label: string;
  /** Accessible name when the visible label is terse (e.g. "S" -> "Small"). */
  name?: string;
  hint?: string;
}

interface ChoiceGroupProps<T extends string | number> {
  legend: string;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T | null) => void;
  /** Label of the extra "none" option; omit to make a choice required. */
  noneLabel?: string;
  disabled?: boolean;
  hideLegend?: boolean;
  errorId?: string | undefined;
  className?: string;
}

/**
 * A segmented radio group built from native radios: arrow keys move between options, Space
 * selects, and screen readers announce it as a radio group with its legend.
 */
export function ChoiceGroup<T extends string | number>({
  legend,
  choices,
  value,
  onChange,
  noneLabel,
  disabled,
  hideLegend,
  errorId,
  className,
}: ChoiceGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className={`choice-group ${className ?? ''}`} disabled={disabled} aria-describedby={errorId}>
      <legend className={hideLegend ? 'visually-hidden' : 'choice-group__legend'}>{legend}</legend>
      <div className="choice-group__options">
        {noneLabel !== undefined && (
          <label className="choice choice--none" title={noneLabel}>
            <input
              type="radio"
              name={name}
              checked={value === null}
              onChange={() => onChange(null)}
              aria-label={noneLabel}
            />
            <span aria-hidden="true">–</span>
          </label>
        )}
        {choices.map((choice) => (
          <label key={String(choice.value)} className="choice" title={choice.hint ?? choice.name}>
            <input
              type="radio"
              name={name}
              value={String(choice.value)}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-label={choice.name}
            />
            <span aria-hidden={choice.name ? true : undefined}>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
