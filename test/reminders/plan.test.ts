import { describe, expect, it } from 'vitest';
import type { SheetState } from '../../src/domain/lifecycle.js';
import { formatDateTime } from '../../src/domain/dates.js';
import { catchUpDecision, daysUntil, localDateTime, missingUnits, planReminders, slotTimes } from '../../src/domain/reminders.js';
import { TZ } from './fixtures.js';

// 30/06/2025 23:59 in Hồ Chí Minh City (UTC+7) is 16:59Z; 08:00 local is 01:00Z.
const DEADLINE = new Date('2025-06-30T16:59:00Z');
const iso = (plan: { slot: string; dueAt: Date }[]) => plan.map((p) => [p.slot, p.dueAt.toISOString()]);

describe('slot times', () => {
  it('puts a round deadline’s reminders 7, 3, 1 and 0 days before at 08:00 local, and the overdue notice right after', () => {
    expect(iso(slotTimes('round', DEADLINE, TZ))).toEqual([
      ['d7', '2025-06-23T01:00:00.000Z'],
      ['d3', '2025-06-27T01:00:00.000Z'],
      ['d1', '2025-06-29T01:00:00.000Z'],
      ['d0', '2025-06-30T01:00:00.000Z'],
      ['overdue', '2025-06-30T17:00:00.000Z'],
    ]);
  });

  it('gives a meeting m3 and m1 at 08:00 local, whatever the meeting’s hour', () => {
    const meeting = new Date('2025-08-24T07:30:00Z'); // 24/08/2025 14:30 local
    expect(iso(slotTimes('meeting', meeting, TZ))).toEqual([
      ['m3', '2025-08-21T01:00:00.000Z'],
      ['m1', '2025-08-23T01:00:00.000Z'],
    ]);
  });

  it('gives a handover h7 and h1 at 08:00 local and h0 at the handover itself', () => {
    const handover = new Date('2026-05-06T02:00:00Z'); // 06/05/2026 09:00 local
    expect(iso(slotTimes('handover', handover, TZ))).toEqual([
      ['h7', '2026-04-29T01:00:00.000Z'],
      ['h1', '2026-05-05T01:00:00.000Z'],
      ['h0', '2026-05-06T02:00:00.000Z'],
    ]);
  });

  it('uses the local calendar day: a deadline at 00:30 local belongs to that local day, not the UTC one', () => {
    const early = new Date('2025-06-29T17:30:00Z'); // 30/06/2025 00:30 local
    const plan = slotTimes('round', early, TZ);
    expect(plan.find((p) => p.slot === 'd1')!.dueAt.toISOString()).toBe('2025-06-29T01:00:00.000Z');
    // d0 at 08:00 would come after a 00:30 deadline: dropped.
    expect(plan.map((p) => p.slot)).toEqual(['d7', 'd3', 'd1', 'overdue']);
  });

  it('follows the cluster’s own zone', () => {
    const deadline = new Date('2025-06-30T21:59:00Z'); // 23:59 in Paris (UTC+2 in summer)
    expect(
      slotTimes('round', deadline, 'Europe/Paris')
        .find((p) => p.slot === 'd0')!
        .dueAt.toISOString(),
    ).toBe('2025-06-30T06:00:00.000Z');
  });
});

describe('planning at a moment', () => {
  it('keeps every slot when all are ahead', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    expect(planReminders('round', DEADLINE, now, TZ).map((p) => p.slot)).toEqual(['d7', 'd3', 'd1', 'd0', 'overdue']);
  });

  it('collapses past slots into one due now, the latest of them, when the event is still ahead', () => {
    const now = new Date('2025-06-28T05:00:00Z'); // after d7 and d3, before d1
    const plan = planReminders('round', DEADLINE, now, TZ);
    expect(iso(plan)).toEqual([
      ['d3', now.toISOString()],
      ['d1', '2025-06-29T01:00:00.000Z'],
      ['d0', '2025-06-30T01:00:00.000Z'],
      ['overdue', '2025-06-30T17:00:00.000Z'],
    ]);
  });

  it('collapses everything into d0 on the deadline’s day', () => {
    const now = new Date('2025-06-30T09:00:00Z');
    expect(iso(planReminders('round', DEADLINE, now, TZ))).toEqual([
      ['d0', now.toISOString()],
      ['overdue', '2025-06-30T17:00:00.000Z'],
    ]);
  });

  it('drops advance slots once the event has passed, keeping the event slots', () => {
    const now = new Date('2025-07-02T00:00:00Z');
    expect(planReminders('round', DEADLINE, now, TZ).map((p) => p.slot)).toEqual(['overdue']);
    const handover = new Date('2026-05-06T02:00:00Z');
    expect(planReminders('handover', handover, new Date('2026-05-05T03:00:00Z'), TZ).map((p) => p.slot)).toEqual(['h1', 'h0']);
  });
});

describe('the catch-up rule', () => {
  const now = new Date('2025-06-30T10:00:00Z');
  it('sends an advance reminder while its event is ahead', () => {
    expect(catchUpDecision({ slot: 'd1', eventAt: DEADLINE }, now, false)).toEqual({ send: true });
  });
  it('skips it once the event has passed', () => {
    expect(catchUpDecision({ slot: 'd1', eventAt: DEADLINE }, new Date('2025-07-01T00:00:00Z'), false)).toEqual({
      send: false,
      reason: 'event-passed',
    });
  });
  it('skips it when a later slot of the same subject is due as well', () => {
    expect(catchUpDecision({ slot: 'd3', eventAt: DEADLINE }, now, true)).toEqual({ send: false, reason: 'superseded' });
  });
  it('always sends the overdue notice and the handover rollover', () => {
    expect(catchUpDecision({ slot: 'overdue', eventAt: DEADLINE }, new Date('2025-07-09T00:00:00Z'), false)).toEqual({ send: true });
    expect(catchUpDecision({ slot: 'h0', eventAt: DEADLINE }, new Date('2025-07-09T00:00:00Z'), false)).toEqual({ send: true });
  });
});

describe('days until', () => {
  it('counts local calendar days', () => {
    expect(daysUntil(DEADLINE, new Date('2025-06-30T01:00:00Z'), TZ)).toBe(0);
    expect(daysUntil(DEADLINE, new Date('2025-06-29T17:00:00Z'), TZ)).toBe(0); // 00:00 local on the 30th
    expect(daysUntil(DEADLINE, new Date('2025-06-29T16:59:00Z'), TZ)).toBe(1); // 23:59 local on the 29th
    expect(daysUntil(DEADLINE, new Date('2025-06-23T01:00:00Z'), TZ)).toBe(7);
  });
});

describe('local date and time', () => {
  it('formats exactly like formatDateTime, in zones with and without summer time', () => {
    const moments = [
      '2025-06-30T16:59:00Z',
      '2025-12-31T17:00:00Z',
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:30:00Z',
      '2024-02-29T23:05:00Z',
    ];
    for (const zone of [TZ, 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      for (const at of moments) expect(localDateTime(new Date(at), zone)).toBe(formatDateTime(new Date(at), zone));
    }
  });
  it('agrees with luxon on thousands of moments, around every change of offset', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(2024, 0, 1);
    const span = Date.UTC(2028, 0, 1) - from;
    for (const zone of ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', TZ]) {
      for (let i = 0; i < 1_500; i += 1) {
        const at = new Date(from + Math.floor(next() * span));
        expect(localDateTime(at, zone)).toBe(formatDateTime(at, zone));
      }
      // Every minute of the spring and autumn changes in Paris and Lord Howe.
      for (const start of [
        Date.UTC(2026, 2, 29, 0, 0),
        Date.UTC(2026, 9, 25, 0, 0),
        Date.UTC(2026, 3, 4, 14, 0),
        Date.UTC(2026, 9, 3, 15, 0),
      ]) {
        for (let m = 0; m < 180; m += 1)
          expect(localDateTime(new Date(start + m * 60_000), zone)).toBe(formatDateTime(new Date(start + m * 60_000), zone));
      }
    }
  });

  it('counts days across summer-time changes by the calendar', () => {
    // 29/03/2026 is the spring-forward day in Paris: still one calendar day from the 28th.
    expect(daysUntil(new Date('2026-03-29T10:00:00Z'), new Date('2026-03-28T10:00:00Z'), 'Europe/Paris')).toBe(1);
    expect(daysUntil(new Date('2026-10-26T10:00:00Z'), new Date('2026-10-24T22:30:00Z'), 'Europe/Paris')).toBe(1);
  });
});

describe('missing units', () => {
  const units = [
    { id: 3, code: 'CT', name: 'Cần Thơ' },
    { id: 1, code: 'BL', name: 'Bạc Liêu' },
    { id: 2, code: 'LA', name: 'Long An' },
    { id: 4, code: 'ST', name: 'Sóc Trăng' },
  ];
  it('while open: units without a sheet must score, drafts must submit, submitted ones are done', () => {
    const sheets = new Map<number, SheetState>([
      [2, 'draft'],
      [3, 'submitted'],
    ]);
    expect(missingUnits('open', units, sheets).map((u) => [u.code, u.step])).toEqual([
      ['BL', 'score'],
      ['LA', 'submit'],
      ['ST', 'score'],
    ]);
  });
  it('in review: everything not confirmed is missing, with confirm, or wait for the appraisal or the re-review', () => {
    const sheets = new Map<number, SheetState>([
      [1, 'reviewed'],
      [2, 'confirmed'],
      [3, 'disputed'],
      [4, 'submitted'],
    ]);
    expect(missingUnits('review', units, sheets).map((u) => [u.code, u.step])).toEqual([
      ['BL', 'confirm'],
      ['CT', 'await-review'],
      ['ST', 'await-appraisal'],
    ]);
  });
  it('a closed round waits for nobody', () => {
    expect(missingUnits('closed', units, new Map())).toEqual([]);
  });
});
