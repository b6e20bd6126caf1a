import { describe, expect, it } from 'vitest';
import { afterRollover, decideReminder, type SubjectNow } from '../../src/domain/reminder-decisions.js';
import { parseRoundKind, parseSheetState, UnknownStateError } from '../../src/domain/states.js';

/** The scheduler's skip rules, as the pure domain function it calls. */
const NOW = new Date('2025-06-23T01:00:00Z');
const EVENT = new Date('2025-06-30T16:59:00Z');
const round = (over: Partial<Extract<SubjectNow, { type: 'round' }>> = {}): SubjectNow => ({
  type: 'round',
  state: 'open',
  deadline: EVENT,
  missing: 2,
  ...over,
});

describe('decideReminder', () => {
  it('sends an advance round reminder while its event is ahead and some unit is missing', () => {
    expect(decideReminder({ slot: 'd7', eventAt: EVENT }, round(), NOW, false)).toEqual({ send: true, rollover: false });
  });

  it('skips what catch-up rules out: the event passed, or a later slot supersedes it', () => {
    expect(decideReminder({ slot: 'd7', eventAt: EVENT }, round(), new Date(EVENT.getTime() + 1), false)).toEqual({
      send: false,
      reason: 'event-passed',
    });
    expect(decideReminder({ slot: 'd7', eventAt: EVENT }, round(), NOW, true)).toEqual({ send: false, reason: 'superseded' });
  });

  it('skips a reminder whose subject is gone, closed, cancelled or moved', () => {
    const changed = { send: false, reason: 'subject-changed' };
    expect(decideReminder({ slot: 'd7', eventAt: EVENT }, null, NOW, false)).toEqual(changed);
    expect(decideReminder({ slot: 'd7', eventAt: EVENT }, round({ state: 'closed' }), NOW, false)).toEqual(changed);
    expect(decideReminder({ slot: 'd7', eventAt: EVENT }, round({ deadline: new Date(EVENT.getTime() + 86_400_000) }), NOW, false)).toEqual(
      changed,
    );
    expect(decideReminder({ slot: 'm1', eventAt: EVENT }, { type: 'meeting', state: 'cancelled', at: EVENT }, NOW, false)).toEqual(changed);
    expect(decideReminder({ slot: 'h1', eventAt: EVENT }, { type: 'handover', state: 'done', at: EVENT }, NOW, false)).toEqual(changed);
  });

  it('skips a round reminder when nobody is missing; the overdue notice too', () => {
    expect(decideReminder({ slot: 'overdue', eventAt: EVENT }, round({ missing: 0 }), new Date(EVENT.getTime() + 60_000), false)).toEqual({
      send: false,
      reason: 'nothing-missing',
    });
  });

  it('asks for the rollover at the handover’s moment, also when another instance already did it', () => {
    const at = new Date(EVENT.getTime());
    expect(decideReminder({ slot: 'h0', eventAt: EVENT }, { type: 'handover', state: 'scheduled', at }, EVENT, false)).toEqual({
      send: true,
      rollover: true,
    });
    expect(decideReminder({ slot: 'h0', eventAt: EVENT }, { type: 'handover', state: 'done', at }, EVENT, false)).toEqual({
      send: true,
      rollover: true,
    });
    expect(afterRollover({ rolled: false, state: 'done', closedYear: 2025 })).toEqual({ send: true, rollover: false });
    expect(afterRollover({ rolled: false, state: 'cancelled', closedYear: null })).toEqual({ send: false, reason: 'subject-changed' });
  });
});

describe('stored vocabularies', () => {
  it('parse known values and refuse anything else', () => {
    expect(parseRoundKind('yearend')).toBe('yearend');
    expect(parseSheetState('confirmed')).toBe('confirmed');
    expect(() => parseSheetState('approved')).toThrow(UnknownStateError);
    expect(() => parseRoundKind('toString')).toThrow(/unknown round kind "toString"/);
  });
});
