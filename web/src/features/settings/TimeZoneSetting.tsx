import { useId, useMemo } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import type { Settings } from '../../../../src/core/settings.js';
import { useApiAction } from '../../shared/api/action.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { browserTimeZone } from '../../shared/time-zone.js';
import { settingsApi } from './api.js';
import { useUserSettings } from './queries.js';
import { allTimeZones, matchesZone } from './time-zones.js';

/** The zone local dates are counted in: the saved one, and a searchable list to choose another. */
export function TimeZoneSetting() {
  const { data: settings, error: loadError, setData } = useUserSettings();
  return (
    <div className="card settings-card">
      {loadError && <ErrorNotice>{loadError}</ErrorNotice>}
      <p className="settings-current" aria-live="polite">
        {settings ? (
          <>
            <strong>{settings.timeZone}</strong>{' '}
            <span className={settings.timeZoneSource === 'system' ? 'tag' : 'tag tag--accent'}>
              {settings.timeZoneSource === 'system' ? 'the system’s zone' : 'chosen by you'}
            </span>
          </>
        ) : (
          <span className="skeleton skeleton--short" />
        )}
      </p>
      <p className="hint">
        Days, weeks, streaks, review dates and the interruption heat map are counted in this zone.
        {settings?.timeZoneSource === 'system' &&
          ' It is the zone of the machine Whetstone runs on until you choose one.'}
      </p>
      {/* The list starts at the saved zone, so it waits for it (or for the failure to load it). */}
      {(settings || loadError) && (
        <ZonePicker settings={settings} onSaved={(saved) => setData(() => saved)} />
      )}
    </div>
  );
}

function ZonePicker({
  settings,
  onSaved,
}: {
  settings: Settings | null;
  onSaved: (saved: Settings) => void;
}) {
  const { notify } = useToast();
  const zones = useMemo(allTimeZones, []);
  const id = useId();
  const browser = browserTimeZone();

  const saved = (result: Settings, requested: string | null) => {
    onSaved(result);
    form.setValue('timeZone', result.timeZone);
    notify(
      requested === null
        ? `Back to the system’s zone, ${result.timeZone}`
        : `Time zone set to ${result.timeZone}`,
    );
  };
  // "Save time zone" sends the zone chosen in the list; the other two buttons send theirs at once.
  const { form, onSubmit, problem, busy, errorOf } = useApiForm({
    defaultValues: { query: '', timeZone: settings?.timeZone ?? '' },
    submit: ({ timeZone }) => settingsApi.saveSettings({ timeZone }),
    onSuccess: (result, { timeZone }) => saved(result, timeZone),
  });
  const shortcut = useApiAction((timeZone: string | null) => settingsApi.saveSettings({ timeZone }), {
    onSuccess: saved,
  });
  const [query, choice] = useWatch({ control: form.control, name: ['query', 'timeZone'] });
  const error = errorOf('timeZone') ?? problem ?? shortcut.fields.timeZone ?? shortcut.error ?? undefined;
  const saving = busy || shortcut.busy;

  const matches = zones.filter((z) => matchesZone(z, query));
  // The chosen zone stays in the list, so the select never shows a value it does not have.
  const options = choice && !matches.includes(choice) ? [choice, ...matches] : matches;

  const saveChoice = () => {
    shortcut.reset();
    void onSubmit();
  };
  const saveAtOnce = (timeZone: string | null) => {
    form.clearErrors();
    void shortcut.run(timeZone);
  };

  return (
    <>
      <div className="zone-picker">
        <div className="field">
          <label htmlFor={`${id}-search`} className="field__label">
            Search time zones
          </label>
          <input
            id={`${id}-search`}
            className="input"
            type="search"
            placeholder="e.g. Berlin, New York, Tokyo"
            {...form.register('query', {
              onChange: (event: { target: { value: string } }) => {
                // The first match is selected, so typing a city and saving is enough.
                const text = event.target.value;
                const first = zones.find((z) => matchesZone(z, text));
                if (first && text.trim()) form.setValue('timeZone', first);
              },
            })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`} className="field__label">
            Time zone
          </label>
          <Controller
            control={form.control}
            name="timeZone"
            render={({ field }) => (
              <select
                {...field}
                id={`${id}-zone`}
                className="select zone-picker__list"
                size={6}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${id}-count`}
              >
                {options.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </select>
            )}
          />
          <p id={`${id}-count`} className="hint">
            {matches.length === zones.length
              ? `${zones.length} zones`
              : `${matches.length} of ${zones.length} zones match`}
          </p>
          <FieldError id={`${id}-error`} field="timeZone" message={error} />
        </div>
      </div>
      <div className="settings-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={
            saving || !choice || (choice === settings?.timeZone && settings.timeZoneSource === 'chosen')
          }
          onClick={saveChoice}
        >
          Save time zone
        </button>
        {browser !== settings?.timeZone && (
          <button type="button" className="button" disabled={saving} onClick={() => saveAtOnce(browser)}>
            Use this browser’s zone ({browser})
          </button>
        )}
        {settings?.timeZoneSource === 'chosen' && (
          <button
            type="button"
            className="button button--quiet"
            disabled={saving}
            onClick={() => saveAtOnce(null)}
          >
            Use the system’s zone
          </button>
        )}
      </div>
    </>
  );
}
