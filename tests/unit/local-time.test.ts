import { describe, expect, it } from 'vitest';
import {
  eventTimeZone,
  formatLocalClock,
  formatLocalDateTime,
  isTimeZone,
  localDate,
  timeZoneFromWord,
  zoneAbbreviation,
} from '../../src/core/local-time.ts';
import { formatMark } from '../../src/core/score-format.ts';
import { Event } from '../../src/core/model.ts';
import { demoDocument } from '../support/demo.ts';

describe('local time (issue 19, item 10)', () => {
  it('reads an instant in the event zone through Intl, with the abbreviation people use', () => {
    const at = '2026-12-04T13:11:13.833Z';
    expect(formatLocalDateTime(at, 'Asia/Makassar', 'id')).toBe('4 Desember 2026 pukul 21.11 WITA');
    expect(formatLocalDateTime(at, 'Asia/Makassar', 'en')).toBe('4 December 2026 at 21:11 WITA');
    expect(formatLocalDateTime(at, 'Asia/Jakarta', 'id')).toBe('4 Desember 2026 pukul 20.11 WIB');
    expect(formatLocalDateTime(at, 'Asia/Jayapura', 'id', true)).toBe('4 Desember 2026 pukul 22.11.13 WIT');
    expect(formatLocalClock(at, 'Asia/Makassar', 'id', true)).toBe('21.11.13 WITA');
    // The calendar day where the panel sits, not in Greenwich.
    expect(localDate('2025-07-03T17:30:00Z', 'Asia/Makassar')).toBe('2025-07-04');
    expect(zoneAbbreviation('UTC')).toBe('UTC');
  });

  it('the event model takes an optional IANA zone; none means WITA', () => {
    const demo = demoDocument();
    expect(Event.safeParse(demo).success).toBe(true);
    expect(eventTimeZone(demo)).toBe('Asia/Makassar');
    expect(Event.safeParse({ ...demo, timeZone: 'Asia/Jayapura' }).success).toBe(true);
    expect(Event.safeParse({ ...demo, timeZone: 'WITA' }).success).toBe(false);
    expect(Event.safeParse({ ...demo, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(isTimeZone('Asia/Makassar')).toBe(true);
    expect(timeZoneFromWord('wib')).toBe('Asia/Jakarta');
    expect(timeZoneFromWord('WIT')).toBe('Asia/Jayapura');
    expect(timeZoneFromWord('Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(timeZoneFromWord('Kupang')).toBeUndefined();
  });

  it('marks read with the decimal comma in Indonesian, without trailing zeros', () => {
    expect(formatMark(3.5, 'id')).toBe('3,5');
    expect(formatMark(3.5, 'en')).toBe('3.5');
    expect(formatMark(4, 'id')).toBe('4');
    expect(formatMark(null, 'id')).toBe('—');
  });
});
