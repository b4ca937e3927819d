import { useId } from 'react';
import { CalendarSetting } from './CalendarSetting.js';
import { TimeZoneSetting } from './TimeZoneSetting.js';
import './settings.css';

/** /settings: the time zone local dates are counted in, and the calendar (download, subscriptions). */
export function SettingsPage() {
  const id = useId();
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Settings</h1>
        <p className="page-lede">Your time zone, and practice blocks and review dates in your calendar.</p>
      </header>
      <section className="data-section" aria-labelledby={`${id}-zone`}>
        <h2 id={`${id}-zone`} className="section-title">
          Time zone
        </h2>
        <TimeZoneSetting />
      </section>
      <section className="data-section" aria-labelledby={`${id}-calendar`}>
        <h2 id={`${id}-calendar`} className="section-title">
          Calendar
        </h2>
        <CalendarSetting />
      </section>
    </div>
  );
}
