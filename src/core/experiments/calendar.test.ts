import { describe, expect, it } from 'vitest';
import { calendarSequence, experimentCalendar } from './calendar.js';
import { createExperiment, type ExperimentRecord } from './experiment.js';
import { BASELINE_VS_CHANGE, WEEK_VS_20_MINUTES } from './templates.js';
import { abandon, endFocused, lockPrediction, startFocused, startPassive } from './transitions.js';

/** A stand-in for SHA-256 (the core takes the hash as an argument; the services pass node:crypto's). */
const fakeDigest = (text: string) => text.length.toString(16).padStart(64, '0');

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0 + ms);
const URL = 'https://whetstone.example/experiments/e1';

function ideasExperiment(): ExperimentRecord {
  return createExperiment(
    {
      templateId: 'week-vs-20-minutes',
      prediction: { text: 'My secret prediction', favoured: 'focused' },
      ratingDelayHours: 2,
    },
    { id: 'e1', now: at(0) },
  );
}

/** The calendar's content lines with folding undone (RFC 5545 §3.1: CRLF followed by one space). */
function unfold(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n');
}

/** Each VEVENT as a map from property name (without parameters) to its value. */
function events(text: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]!] = line.slice(colon + 1);
    }
  }
  return out;
}

describe('experimentCalendar', () => {
  it('has one timed UTC event per phase and one when blind rating opens, with stable UIDs', () => {
    const text = experimentCalendar(ideasExperiment(), WEEK_VS_20_MINUTES, { now: at(0), url: URL });
    const lines = unfold(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('PRODID:-//Whetstone//Whetstone experiments//EN');
    expect(lines.at(-1)).toBe('END:VCALENDAR');

    const [passive, focused, rating, ...rest] = events(text);
    expect(rest).toEqual([]);
    expect(passive).toMatchObject({
      UID: 'e1-passive@whetstone',
      DTSTAMP: '20261123T100000Z',
      DTSTART: '20261123T100000Z',
      DTEND: '20261130T100000Z', // 7 days
      SUMMARY: 'Whetstone experiment: A week of noticing (passive phase)',
      STATUS: 'CONFIRMED',
      URL,
    });
    expect(passive?.DESCRIPTION).toContain(
      'Work normally. Whenever an idea for improving how you work comes up\\, note it.',
    );
    expect(passive?.DESCRIPTION).toContain(`Open in Whetstone: ${URL}`);
    expect(focused).toMatchObject({
      UID: 'e1-focused@whetstone',
      DTSTART: '20261130T100000Z',
      DTEND: '20261130T102000Z', // 20 minutes
      SUMMARY: 'Whetstone experiment: One focused session (focused phase)',
    });
    // The focused phase's planned end plus the 2-hour delay, as a 15-minute event.
    expect(rating).toMatchObject({
      UID: 'e1-rating-opens@whetstone',
      DTSTART: '20261130T122000Z',
      DTEND: '20261130T123500Z',
      SUMMARY: 'Whetstone experiment: Blind rating opens',
    });
  });

  it('keeps content lines within 75 octets, ends every line with CRLF, and folds without breaking text', () => {
    const record = createExperiment(
      {
        templateId: 'baseline-vs-change',
        prediction: { text: 'fewer', favoured: 'focused' },
        measurement: {
          name: 'Unterbrechungen pro Tag — ärgerlich, störend 😤 und überhaupt nicht zu übersehen',
          unit: 'Stück',
          better: 'lower',
        },
      },
      { id: 'e2', now: at(0) },
    );
    const text = experimentCalendar(record, BASELINE_VS_CHANGE, { now: at(0) });
    expect(text).not.toMatch(/[^\r]\n/); // no bare LF
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const [baseline, change, results] = events(text);
    expect(baseline?.DESCRIPTION).toContain(
      'Record: Unterbrechungen pro Tag — ärgerlich\\, störend 😤 und überhaupt nicht zu übersehen (Stück)\\; lower is better.',
    );
    expect(change?.UID).toBe('e2-change@whetstone');
    expect(results?.SUMMARY).toBe('Whetstone experiment: Results ready');
    expect(baseline?.URL).toBeUndefined();
  });

  it('shows what happened once phases ran: real starts, an early end, the rating opening from it', () => {
    let r = startPassive(lockPrediction(ideasExperiment(), at(MIN), fakeDigest), at(HOUR));
    r = startFocused(r, at(8 * DAY)); // a day late
    r = endFocused(r, at(8 * DAY + 12 * MIN)); // 8 minutes early
    const [passive, focused, rating] = events(
      experimentCalendar(r, WEEK_VS_20_MINUTES, { now: at(9 * DAY) }),
    );
    // The passive week ended by itself at its planned end (7 days after it started), not when
    // the focused phase started a day late.
    expect([passive?.DTSTART, passive?.DTEND]).toEqual(['20261123T110000Z', '20261130T110000Z']);
    expect([focused?.DTSTART, focused?.DTEND]).toEqual(['20261201T100000Z', '20261201T101200Z']);
    expect(rating?.DTSTART).toBe('20261201T121200Z');
    expect(passive?.DTSTAMP).toBe('20261202T100000Z');
    // lockedAt, two starts and two ends: the sequence grew, so calendar apps take this as newer.
    expect(passive?.SEQUENCE).toBe('5');
    expect(calendarSequence(ideasExperiment())).toBe(0);
  });

  it('marks every event cancelled once the experiment is abandoned', () => {
    const abandoned = abandon(ideasExperiment(), at(MIN));
    const all = events(experimentCalendar(abandoned, WEEK_VS_20_MINUTES, { now: at(MIN) }));
    expect(all.map((e) => e.STATUS)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(all.map((e) => e.SEQUENCE)).toEqual(['1', '1', '1']);
  });

  it('leaves the prediction out: calendars are often synced to other services', () => {
    const text = experimentCalendar(ideasExperiment(), WEEK_VS_20_MINUTES, { now: at(0) });
    expect(unfold(text).join('\n')).not.toContain('secret');
  });

  it('gives the same text for the same record and instant', () => {
    const options = { now: at(0), url: URL };
    expect(experimentCalendar(ideasExperiment(), WEEK_VS_20_MINUTES, options)).toBe(
      experimentCalendar(ideasExperiment(), WEEK_VS_20_MINUTES, options),
    );
  });
});
