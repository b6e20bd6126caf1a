import { describe, expect, it } from 'vitest';
import { planBallotReminders } from '../../src/domain/ballot-reminders.js';
import { afterBallotClose, decideReminder, type SubjectNow } from '../../src/domain/reminder-decisions.js';
import { ADVANCE_SLOTS, isAdvanceSlot, mayRepeat } from '../../src/domain/reminders.js';
import { parseReminderSlot, parseReminderSubject } from '../../src/domain/states.js';
import { TZ } from './fixtures.js';

/** A ballot's reminder plan and the scheduler's decisions on it, as the pure domain functions. */
const plan = (opened: string, closes: string | null) =>
  planBallotReminders(new Date(opened), closes ? new Date(closes) : null, TZ).reminders.map((r) => [r.slot, r.dueAt.toISOString()]);

describe('planBallotReminders', () => {
  it('with a closing time: 08:00 the day before and on the day, a last call 2 hours before, the close at the time', () => {
    // Opened 10/12 09:00, closing 12/12 17:00 (Hà Nội, UTC+7).
    expect(plan('2026-12-10T02:00:00Z', '2026-12-12T10:00:00Z')).toEqual([
      ['b1', '2026-12-11T01:00:00.000Z'],
      ['b0', '2026-12-12T01:00:00.000Z'],
      ['bh', '2026-12-12T08:00:00.000Z'],
      ['bc', '2026-12-12T10:00:00.000Z'],
    ]);
    const p = planBallotReminders(new Date('2026-12-10T02:00:00Z'), new Date('2026-12-12T10:00:00Z'), TZ);
    expect(p.eventAt.toISOString()).toBe('2026-12-12T10:00:00.000Z');
  });

  it('a closing day without a time (23:59): the last call at 21:59', () => {
    expect(plan('2026-12-10T02:00:00Z', '2026-12-12T16:59:00Z').map(([slot]) => slot)).toEqual(['b1', 'b0', 'bh', 'bc']);
    expect(plan('2026-12-10T02:00:00Z', '2026-12-12T16:59:00Z')[2]).toEqual(['bh', '2026-12-12T14:59:00.000Z']);
  });

  it('a ballot held during the meeting: nothing before the opening or within its first hour, the close only', () => {
    // Opened 09:00, closing 10:30 the same day: b1, b0 are past, bh (08:30) before the opening.
    expect(plan('2026-12-10T02:00:00Z', '2026-12-10T03:30:00Z')).toEqual([['bc', '2026-12-10T03:30:00.000Z']]);
    // Opened 09:00, closing 11:30: the last call at 09:30 is within the quiet hour.
    expect(plan('2026-12-10T02:00:00Z', '2026-12-10T04:30:00Z').map(([slot]) => slot)).toEqual(['bc']);
    // Opened 09:00, closing 16:00: a last call at 14:00.
    expect(plan('2026-12-10T02:00:00Z', '2026-12-10T09:00:00Z')).toEqual([
      ['bh', '2026-12-10T07:00:00.000Z'],
      ['bc', '2026-12-10T09:00:00.000Z'],
    ]);
  });

  it('of two reminders less than 2 hours apart, only the later: a closing time at 11:00 keeps the last call at 09:00', () => {
    expect(plan('2026-12-09T02:00:00Z', '2026-12-11T04:00:00Z')).toEqual([
      ['b1', '2026-12-10T01:00:00.000Z'],
      ['bh', '2026-12-11T02:00:00.000Z'],
      ['bc', '2026-12-11T04:00:00.000Z'],
    ]);
    // Closing at 09:00: the last call (07:00) comes before the closing day's 08:00, which is kept.
    expect(plan('2026-12-09T02:00:00Z', '2026-12-11T02:00:00Z').map(([slot]) => slot)).toEqual(['b1', 'b0', 'bc']);
  });

  it('without a closing time: 08:00 on each of the seven days after the opening day, planned against the opening', () => {
    const p = planBallotReminders(new Date('2026-12-10T16:30:00Z'), null, TZ); // 23:30 local on 10/12
    expect(p.reminders.map((r) => r.slot)).toEqual(['bd1', 'bd2', 'bd3', 'bd4', 'bd5', 'bd6', 'bd7']);
    expect(p.reminders[0]!.dueAt.toISOString()).toBe('2026-12-11T01:00:00.000Z');
    expect(p.reminders[6]!.dueAt.toISOString()).toBe('2026-12-17T01:00:00.000Z');
    expect(p.eventAt.toISOString()).toBe('2026-12-10T16:30:00.000Z');
  });

  it('its slots are stored vocabulary, advance ones caught up like a round’s, and the count is never a repeat', () => {
    expect(parseReminderSubject('ballot')).toBe('ballot');
    for (const slot of ['b1', 'b0', 'bh', 'bd7']) expect([parseReminderSlot(slot), isAdvanceSlot(slot)]).toEqual([slot, true]);
    expect([parseReminderSlot('bc'), isAdvanceSlot('bc')]).toEqual(['bc', false]);
    expect(ADVANCE_SLOTS).toContain('d7');
    expect([mayRepeat('bc'), mayRepeat('b0'), mayRepeat('d3')]).toEqual([false, true, true]);
  });
});

describe('decideReminder for a ballot', () => {
  const OPENED = new Date('2026-12-10T02:00:00Z');
  const CLOSES = new Date('2026-12-12T10:00:00Z');
  const NOW = new Date('2026-12-11T01:00:00Z');
  const ballot = (over: Partial<Extract<SubjectNow, { type: 'ballot' }>> = {}): SubjectNow => ({
    type: 'ballot',
    state: 'open',
    openedAt: OPENED,
    closesAt: CLOSES,
    missing: 2,
    ...over,
  });

  it('sends a reminder to vote while the ballot is open, before its closing time, and some unit has not voted', () => {
    expect(decideReminder({ slot: 'b1', eventAt: CLOSES }, ballot(), NOW, false)).toEqual({ send: true, rollover: false });
    expect(decideReminder({ slot: 'b1', eventAt: CLOSES }, ballot({ missing: 0 }), NOW, false)).toEqual({
      send: false,
      reason: 'nothing-missing',
    });
    expect(decideReminder({ slot: 'b1', eventAt: CLOSES }, ballot({ state: 'closed' }), NOW, false)).toEqual({
      send: false,
      reason: 'subject-changed',
    });
    expect(decideReminder({ slot: 'b1', eventAt: CLOSES }, ballot(), NOW, true)).toEqual({ send: false, reason: 'superseded' });
    expect(decideReminder({ slot: 'bh', eventAt: CLOSES }, ballot(), CLOSES, false)).toEqual({ send: false, reason: 'event-passed' });
  });

  it('a ballot without a closing time: planned against its opening, reminded whenever it is still open', () => {
    const open = ballot({ closesAt: null });
    const later = new Date('2026-12-20T01:00:00Z');
    expect(decideReminder({ slot: 'bd7', eventAt: OPENED }, open, later, false)).toEqual({ send: true, rollover: false });
    expect(decideReminder({ slot: 'bd7', eventAt: CLOSES }, open, later, false)).toEqual({ send: false, reason: 'subject-changed' });
  });

  it('asks for the close at the closing time, also once the ballot is closed; the close says whether to publish', () => {
    expect(decideReminder({ slot: 'bc', eventAt: CLOSES }, ballot(), CLOSES, false)).toEqual({ send: true, rollover: false, close: true });
    expect(decideReminder({ slot: 'bc', eventAt: CLOSES }, ballot({ state: 'closed' }), CLOSES, false)).toEqual({
      send: true,
      rollover: false,
      close: true,
    });
    expect(decideReminder({ slot: 'bc', eventAt: CLOSES }, null, CLOSES, false)).toEqual({ send: false, reason: 'subject-changed' });
    expect(afterBallotClose({ state: 'closed', closedNow: false })).toEqual({ send: true, rollover: false });
    expect(afterBallotClose({ state: 'published-elsewhere', closedNow: false })).toEqual({ send: false, reason: 'subject-changed' });
    expect(afterBallotClose({ state: 'missing', closedNow: false })).toEqual({ send: false, reason: 'subject-changed' });
  });
});
