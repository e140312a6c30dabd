import {
  hashedEventId,
  normaliseText,
  parseDayFirstLocal,
  parseIsoLocal,
  parseOffsetDateTime,
  parseUtcOffset,
  zonedTimeToUtc,
} from '../../../../domain/tracking/carriers/common';

const local = (text: string) => {
  const parsed = parseIsoLocal(text);
  if (parsed === undefined) throw new Error(`bad test input ${text}`);
  return parsed;
};

describe('carrier local times to UTC', () => {
  it('takes the earlier instant for a wall-clock time that happens twice (Santiago, clocks set back 6 Apr 2025)', () => {
    expect(zonedTimeToUtc(local('2025-04-05 23:30:00'), 'America/Santiago')).toBe('2025-04-06T02:30:00.000Z');
    expect(zonedTimeToUtc(local('2025-04-06 00:30:00'), 'America/Santiago')).toBe('2025-04-06T04:30:00.000Z');
  });

  it('moves a wall-clock time skipped by the spring-forward jump ahead by the gap (Santiago, 7 Sep 2025)', () => {
    expect(zonedTimeToUtc(local('2025-09-07 00:30:00'), 'America/Santiago')).toBe('2025-09-07T04:30:00.000Z');
    expect(zonedTimeToUtc(local('2025-09-07 01:30:00'), 'America/Santiago')).toBe('2025-09-07T04:30:00.000Z');
  });

  it('follows each zone across its own rules (New York fall back, Lima and Bogotá fixed)', () => {
    expect(zonedTimeToUtc(local('2025-11-02 01:30:00'), 'America/New_York')).toBe('2025-11-02T05:30:00.000Z');
    expect(zonedTimeToUtc(local('2025-11-03 01:30:00'), 'America/New_York')).toBe('2025-11-03T06:30:00.000Z');
    expect(zonedTimeToUtc(local('2025-07-01 12:00:00'), 'America/Lima')).toBe('2025-07-01T17:00:00.000Z');
    expect(zonedTimeToUtc(local('2025-12-31 23:59:59'), 'America/Bogota')).toBe('2026-01-01T04:59:59.000Z');
  });

  it('parses the local formats carriers use and rejects impossible dates', () => {
    expect(parseIsoLocal('2025-11-03T10:22')).toEqual({ year: 2025, month: 11, day: 3, hour: 10, minute: 22, second: 0 });
    expect(parseIsoLocal('2025-02-29 10:00:00')).toBeUndefined();
    expect(parseIsoLocal('2024-02-29 10:00:00')).toBeDefined();
    expect(parseDayFirstLocal('14/10/2025 12:05:00 a. m.')?.hour).toBe(0);
    expect(parseDayFirstLocal('14/10/2025 12:05 PM')?.hour).toBe(12);
    expect(parseDayFirstLocal('14/10/2025 13:05 p. m.')).toBeUndefined();
    expect(parseDayFirstLocal('31/11/2025 08:00')).toBeUndefined();
  });

  it('reads instants with offsets and offsets alone', () => {
    expect(parseOffsetDateTime('2025-11-06T01:35:00+08:00')).toBe('2025-11-05T17:35:00.000Z');
    expect(parseOffsetDateTime('2025-11-06T01:35:00')).toBeUndefined();
    expect(parseOffsetDateTime('2025-11-31T01:35:00Z')).toBeUndefined();
    expect(parseUtcOffset('-05:00')).toBe(-300);
    expect(parseUtcOffset('+05:45')).toBe(345);
    expect(parseUtcOffset('+15:00')).toBeUndefined();
  });
});

describe('carrier text and ids', () => {
  it('normalises text for matching: accents, case and spaces', () => {
    expect(normaliseText('  Pieza   Dañada ')).toBe('PIEZA DANADA');
    expect(normaliseText('No entregado - Dirección incorrecta')).toBe('NO ENTREGADO - DIRECCION INCORRECTA');
  });

  it('hashes (tracking number, code, time) into a stable id that changes with any of them', () => {
    const id = hashedEventId('NX482157365BR', 'BDE 01', '2025-11-12T17:26:31.000Z');

    expect(hashedEventId('NX482157365BR', 'BDE 01', '2025-11-12T17:26:31.000Z')).toBe(id);
    expect(hashedEventId('NX482157365BR', 'BDE 20', '2025-11-12T17:26:31.000Z')).not.toBe(id);
    expect(hashedEventId('NX482157365BR', 'BDE 01', '2025-11-12T17:26:32.000Z')).not.toBe(id);
    expect(hashedEventId('NX482157351BR', 'BDE 01', '2025-11-12T17:26:31.000Z')).not.toBe(id);
  });
});
