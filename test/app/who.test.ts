import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/app/commands/index.js';
import { allows, type Standing, type Who } from '../../src/app/registry.js';
import { Harness, i18n, type Speaker } from '../support/harness.js';
import { freshSqliteStore } from '../support/store.js';

/**
 * A plausible use of every command, so that what answers is the role check, not the usage.
 * `/criteria` and `/rules` are tried as members use them (to see); changing them is the
 * secretary's, which the commands check themselves.
 */
const TRY: Record<string, string> = {
  help: '/help',
  setup: '/setup Cụm khác',
  link: '/link',
  addunit: '/addunit TV Sở Nội vụ Trà Vinh',
  join: '/join LA',
  approve: '/approve LA',
  secretary: '/secretary @khach',
  term: '/term 2027',
  leader: '/leader BL',
  deputy: '/deputy BL',
  criteria: '/criteria',
  round: '/round midyear 30/06/2026',
  reviewer: '/reviewer BL LA',
  score: '/score 1.1 5',
  submit: '/submit',
  mine: '/mine',
  status: '/status',
  review: '/review BL 1.1 5 Thiếu minh chứng',
  confirm: '/confirm',
  explain: '/explain 1.1 Đã có minh chứng',
  close: '/close',
  results: '/results',
  export: '/export',
  rules: '/rules',
  sign: '/sign',
  register: '/register Cờ thi đua',
  meeting: '/meeting yearend 20/12/2026',
  handover: '/handover BL 25/12/2026',
  reminders: '/reminders',
  lang: '/lang vi',
  attend: '/attend BL',
  ballot: '/ballot',
  vote: '/vote BL',
  elect: '/elect',
  minutes: '/minutes',
  target: '/target 1.1 BL 100',
  template: '/template',
  evidence: '/evidence BL 1.1',
  invite: '/invite',
  refuse: '/refuse LA',
  cluster: '/cluster',
};

const REFUSALS = [
  'error-not-secretary',
  'error-not-representative',
  'error-join-pending',
  'error-export-role',
  'error-not-reviewer',
  'error-already-bound',
  'error-minutes-role',
  'error-vote-group',
].map((key) => i18n.format('vi', key, { name: 'Cụm thi đua Sở Nội vụ miền Tây Nam Bộ' }));

describe('who may use a command', () => {
  it('is declared on every command with a value allows() knows', () => {
    const known: Who[] = [
      'anyone',
      'unbound-group',
      'newcomer',
      'member',
      'representative',
      'reviewer',
      'secretary',
      'secretary-or-leader',
    ];
    for (const command of COMMANDS) expect(known, command.name).toContain(command.who);
    expect(Object.keys(TRY).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  it('reads the roles as CONTRACT.md says', () => {
    const none: Standing = { member: true, group: true, secretary: false, representative: false, leader: false };
    const leader: Standing = { ...none, representative: true, leader: true };
    expect(allows('secretary-or-leader', leader)).toBe(true);
    expect(allows('secretary-or-leader', { ...none, representative: true })).toBe(false);
    expect(allows('secretary', leader)).toBe(false);
    expect(allows('unbound-group', { ...none, member: false })).toBe(true);
    expect(allows('unbound-group', { ...none, member: false, group: false })).toBe(false);
    expect(allows('newcomer', leader)).toBe(false);
    expect(allows('member', { ...none, member: false })).toBe(false);
  });

  describe('matches what the commands do', () => {
    let h: Harness;
    let close: () => Promise<void>;
    let guest: Speaker;

    beforeAll(async () => {
      const fresh = await freshSqliteStore();
      close = fresh.close;
      h = new Harness(fresh.store);
      const sec = h.person('Thư ký Lan');
      const bl = h.person('Đại diện Bạc Liêu');
      guest = h.person('Khách');
      for (const [who, text] of [
        [sec, '/setup Cụm thi đua Sở Nội vụ miền Tây Nam Bộ'],
        [sec, '/addunit\nBL Sở Nội vụ Bạc Liêu\nLA Sở Nội vụ Long An'],
        [bl, '/join BL'],
        [sec, '/approve BL'],
        [sec, '/term 2026'],
        [sec, '/leader BL'],
        [sec, '/criteria\nI | Chuyên môn\n1.1 | Tham mưu | 10'],
        [sec, '/round yearend 10/12/2026'],
        [bl, '/score 1.1 9'],
        [bl, '/submit'],
      ] as const) {
        await h.say(who, text);
      }
    });
    afterAll(async () => close());

    it('refuses a member with no role exactly the commands whose `who` leaves them out', async () => {
      const standing: Standing = { member: true, group: true, secretary: false, representative: false, leader: false };
      for (const command of COMMANDS) {
        const reply = (await h.say(guest, TRY[command.name]!)).text;
        const refused = REFUSALS.some((r) => reply.includes(r));
        expect(refused, `${command.name}: ${reply}`).toBe(!allows(command.who, standing));
      }
    });
  });
});
