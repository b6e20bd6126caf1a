import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { Harness, i18n, type Speaker } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

const WEST = 'Cụm thi đua Sở Nội vụ miền Tây Nam Bộ';
const EAST = 'Cụm thi đua Sở Nội vụ miền Đông Nam Bộ';
const EAST_GROUP = 'test:east-group';
const CODE = /^[A-HJ-NP-Z2-9]{8}$/;

const PROVIDERS = await storeProviders('the private-chat command tests');

for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`private chats on ${provider.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let h: Harness;
    let sec: Speaker;
    let eastSec: Speaker;
    let bl: Speaker;
    let la: Speaker;

    beforeEach(async () => {
      ({ store, close } = await provider.open());
      h = new Harness(store);
      sec = h.person('Thư ký Lan');
      eastSec = h.person('Thư ký Hùng');
      bl = h.person('Đại diện Bạc Liêu');
      la = h.person('Đại diện Long An');
      await h.say(sec, `/setup ${WEST}`);
      await h.say(sec, '/addunit BL Sở Nội vụ Bạc Liêu\nLA Sở Nội vụ Long An');
    });
    afterEach(async () => close());

    /** The invite code the secretary gets privately in the group. */
    async function inviteOf(who: Speaker, chatKey?: string, args = ''): Promise<string> {
      const said = await h.say(who, `/invite ${args}`.trim(), { chatKey });
      const code = said.replies[0]!.text![0]!.args!.code as string;
      expect(said.replies[0]!.privately).toBe(true);
      return code;
    }

    /** Texts of the notices queued for one chat. */
    const noticesFor = (
      said: { notices: { chatKey: string; locale: string; reply: { text?: { key: string; args?: Record<string, string | number> }[] } }[] },
      chatKey: string,
    ) =>
      said.notices
        .filter((n) => n.chatKey === chatKey)
        .map((n) => n.reply.text!.map((m) => i18n.format(n.locale as 'vi', m.key, m.args)).join('\n'));

    it('/invite gives the same code privately until replaced; a year closing voids it', async () => {
      const said = await h.say(sec, '/invite');
      const code = said.replies[0]!.text![0]!.args!.code as string;
      expect(code).toMatch(CODE);
      expect(said.replies[0]!.privately).toBe(true);
      expect(said.text).toContain(i18n.format('vi', 'invite-sent-privately'));
      expect(await inviteOf(sec)).toBe(code);
      const privately = await h.say(sec, '/moi', { private: true });
      expect(privately.replies).toHaveLength(1);
      expect(privately.replies[0]!.privately).toBe(false);
      expect(privately.text).toContain(code);
      const renewed = await inviteOf(sec, undefined, 'new');
      expect(renewed).not.toBe(code);
      expect((await h.say(bl, `/join BL ${code}`, { private: true })).text).toBe(i18n.format('vi', 'error-invite-code', { code }));
      expect((await h.say(bl, '/invite')).text).toContain(i18n.format('vi', 'error-not-secretary'));
      // A year closes (opening the next one closes it): the code is void, the next /invite makes one.
      await h.say(sec, '/term 2026');
      h.clock.advance(60_000);
      await h.say(sec, '/term 2027');
      h.clock.advance(60_000);
      expect((await h.say(bl, `/join BL ${renewed}`, { private: true })).text).toContain(
        i18n.format('vi', 'error-invite-code', { code: renewed }),
      );
      const fresh = await inviteOf(sec);
      expect(fresh).not.toBe(renewed);
      expect((await h.say(bl, `/join BL ${fresh.toLowerCase()}`, { private: true })).text).toContain('BL – Sở Nội vụ Bạc Liêu');
    });

    it('/join CODE INVITE privately: the secretary is told in the cluster’s chats and the person privately when approved', async () => {
      const code = await inviteOf(sec);
      const before = await store.db.role.count();
      expect((await h.say(bl, '/join BL SAIMA234', { private: true })).text).toBe(
        i18n.format('vi', 'error-invite-code', { code: 'SAIMA234' }),
      );
      expect((await h.say(bl, '/join XX ' + code, { private: true })).text).toContain('XX');
      expect((await h.say(bl, `/join BL ${code}`)).text).toBe(i18n.format('vi', 'error-join-invite-group'));
      expect(await store.db.role.count()).toBe(before);

      const asked = await h.say(bl, `/thamgia bl ${code}`, { private: true });
      expect(asked.text).toBe(i18n.format('vi', 'join-requested-private', { code: 'BL', unit: 'Sở Nội vụ Bạc Liêu', name: WEST }));
      const notice = asked.notices.find((n) => n.chatKey === h.chatKey)!;
      expect(notice.reply.buttons![0]!.map((b) => b.data)).toEqual(['/approve BL', '/refuse BL']);
      expect(noticesFor(asked, h.chatKey)[0]).toContain('Đại diện Bạc Liêu');
      expect(await store.db.role.count({ where: { status: 'pending', unitId: { not: null } } })).toBe(1);
      expect((await h.say(bl, `/join BL ${code}`, { private: true })).text).toBe(
        i18n.format('vi', 'error-join-pending-same', { code: 'BL' }),
      );

      // Approved from the button in the group: the person is told privately, on their private chat.
      const approved = await h.say(sec, '', { action: '/approve BL' });
      expect(approved.text).toContain('Sở Nội vụ Bạc Liêu');
      expect(noticesFor(approved, `test:private:${bl.key}`)).toEqual([
        i18n.format('vi', 'join-approved-private', { code: 'BL', unit: 'Sở Nội vụ Bạc Liêu', name: WEST }),
      ]);
      expect((await h.say(bl, `/join BL ${code}`, { private: true })).text).toBe(i18n.format('vi', 'error-join-already', { code: 'BL' }));
      expect((await h.say(bl, `/join LA ${code}`, { private: true })).text).toBe(i18n.format('vi', 'error-join-other-unit'));
      expect((await h.say(bl, '/mine', { private: true })).text).not.toContain(i18n.format('vi', 'error-no-cluster-private'));
    });

    it('a unit already represented: the request waits, and the secretary is told who represents it', async () => {
      const code = await inviteOf(sec);
      await h.say(bl, '/join BL');
      await h.say(sec, '/approve BL');
      const other = h.person('Phó phòng Bạc Liêu');
      const asked = await h.say(other, `/join BL ${code}`, { private: true });
      expect(asked.text).toContain(
        i18n.format('vi', 'join-unit-represented', { code: 'BL', people: 'Đại diện Bạc Liêu (@dai_dien_bac_lieu)' }),
      );
      expect(noticesFor(asked, h.chatKey)[0]).toContain('Đại diện Bạc Liêu (@dai_dien_bac_lieu)');
      // Refused: told privately, and the unit keeps its one representative.
      const refused = await h.say(sec, '/refuse BL');
      expect(refused.text).toBe(i18n.format('vi', 'refuse-done', { code: 'BL', unit: 'Sở Nội vụ Bạc Liêu', people: 'Phó phòng Bạc Liêu' }));
      expect(noticesFor(refused, `test:private:${other.key}`)).toEqual([
        i18n.format('vi', 'join-refused-private', { code: 'BL', unit: 'Sở Nội vụ Bạc Liêu', name: WEST }),
      ]);
      expect(await store.db.role.count({ where: { unitId: { not: null }, status: 'active' } })).toBe(1);
      expect((await h.say(sec, '/refuse BL')).text).toBe(i18n.format('vi', 'error-approve-none', { code: 'BL' }));
    });

    it('a person in two clusters keeps acting on the first until /cluster chooses, and private /mine follows the choice', async () => {
      const west = await inviteOf(sec);
      await h.say(eastSec, `/setup ${EAST}`, { chatKey: EAST_GROUP });
      await h.say(eastSec, '/addunit BD Sở Nội vụ Bình Dương', { chatKey: EAST_GROUP });
      const east = await inviteOf(eastSec, EAST_GROUP);
      await h.say(la, `/join LA ${west}`, { private: true });
      await h.say(sec, '/approve LA');
      expect((await h.say(la, '/cluster', { private: true })).text).toBe(
        [
          i18n.format('vi', 'cluster-list', { count: 1 }),
          i18n.format('vi', 'cluster-item-current', { number: 1, name: WEST }),
          i18n.format('vi', 'cluster-only'),
        ].join('\n'),
      );

      // Joining a second cluster: told so; private commands still act on the first.
      const second = await h.say(la, `/join BD ${east}`, { private: true });
      expect(second.text).toContain(i18n.format('vi', 'join-second-cluster', { count: 2, current: WEST, name: EAST }));
      expect(noticesFor(second, EAST_GROUP)).toHaveLength(1);
      expect(noticesFor(second, h.chatKey)).toHaveLength(0);
      // A request made in a group is told in the cluster's other chats (a second chat linked to the West).
      const linked = h.person('Đại diện Bình Dương');
      await h.say(la, '/help', { chatKey: 'test:west-slack' });
      const link = (await h.say(sec, '/link')).replies[0]!.text![0]!.args!.code as string;
      await h.say(sec, `/link ${link}`, { chatKey: 'test:west-slack' });
      const inGroup = await h.say(linked, '/join BL');
      expect(noticesFor(inGroup, 'test:west-slack')).toHaveLength(1);
      expect(noticesFor(inGroup, h.chatKey)).toHaveLength(0);
      await h.say(eastSec, '/approve BD', { chatKey: EAST_GROUP });
      for (const [who, chatKey] of [
        [sec, h.chatKey],
        [eastSec, EAST_GROUP],
      ] as const) {
        await h.say(who, '/term 2026', { chatKey });
        await h.say(who, '/criteria\nI | Chuyên môn\n1.1 | Tham mưu | 10', { chatKey });
        await h.say(who, '/round midyear 30/06/2026', { chatKey });
      }
      expect((await h.say(la, '/mine', { private: true })).text).toContain('LA');

      const listed = await h.say(la, '/cum', { private: true });
      expect(listed.text).toBe(
        [
          i18n.format('vi', 'cluster-list', { count: 2 }),
          i18n.format('vi', 'cluster-item-current', { number: 1, name: WEST }),
          i18n.format('vi', 'cluster-item', { number: 2, name: EAST }),
          i18n.format('vi', 'cluster-how'),
        ].join('\n'),
      );
      expect((await h.say(la, '/cluster 3', { private: true })).text).toBe(i18n.format('vi', 'error-cluster-number', { count: 2 }));
      expect((await h.say(la, '/cluster 2')).text).toBe(i18n.format('vi', 'error-cluster-private'));
      expect((await h.say(la, '/cluster 2', { private: true })).text).toBe(i18n.format('vi', 'cluster-chosen', { number: 2, name: EAST }));
      const mine = await h.say(la, '/mine', { private: true });
      expect(mine.text).toContain('BD');
      expect(mine.text).not.toContain('LA –');
      // In a group, the group's cluster is what counts, whatever the choice.
      expect((await h.say(la, '/mine')).text).toContain('LA');
      expect((await store.db.person.findUniqueOrThrow({ where: { key: la.key } })).currentClusterId).not.toBeNull();
      expect((await h.say(la, '/cluster 1', { private: true })).text).toBe(i18n.format('vi', 'cluster-chosen', { number: 1, name: WEST }));
      expect((await h.say(la, '/mine', { private: true })).text).toContain('LA');
    });

    it('a person with no cluster is told how to join; the last private chat is remembered only when it changes', async () => {
      const stranger = h.person('Người lạ');
      expect((await h.say(stranger, '/cluster', { private: true })).text).toBe(i18n.format('vi', 'error-cluster-none'));
      const person = () => store.db.person.findUniqueOrThrow({ where: { key: stranger.key } });
      expect((await person()).privateChatKey).toBe(`test:private:${stranger.key}`);
      expect((await person()).privatePlatform).toBe('console');
      const stamp = (await person()).updatedAt;
      h.clock.advance(60_000);
      await h.say(stranger, '/help', { private: true });
      expect((await person()).updatedAt).toEqual(stamp);
      await h.core.handle({ ...h.incoming(stranger, '/help'), platform: 'telegram', chat: { key: 'telegram:777', kind: 'private' } });
      expect([(await person()).privateChatKey, (await person()).privatePlatform]).toEqual(['telegram:777', 'telegram']);
      await h.say(stranger, '/help');
      expect((await person()).privateChatKey).toBe('telegram:777');
    });

    it('/rules reminders chooses group chats, private messages or both (default both)', async () => {
      expect((await h.say(bl, '/rules')).text).toContain(i18n.format('vi', 'rules-reminders', { channels: 'both' }));
      for (const [word, channels] of [
        ['group', 'group'],
        ['rieng', 'private'],
        ['both', 'both'],
        ['nhom', 'group'],
      ] as const) {
        const said = await h.say(sec, `/rules reminders ${word}`);
        expect(said.text).toContain(i18n.format('vi', 'rules-reminders', { channels }));
      }
      expect(JSON.parse((await store.db.cluster.findFirstOrThrow()).settings).reminderChannels).toBe('group');
      expect((await h.say(sec, '/rules reminders sometimes')).text).toBe(i18n.format('vi', 'error-rules-reminders'));
      expect((await h.say(bl, '/rules reminders private')).text).toBe(i18n.format('vi', 'error-not-secretary'));
    });

    it('a review tells the unit’s representatives privately, once, wherever it was typed', async () => {
      for (const [who, code] of [
        [bl, 'BL'],
        [la, 'LA'],
      ] as const) {
        await h.say(who, `/join ${code}`);
        await h.say(sec, `/approve ${code}`);
      }
      // BL's representative has written to the bot privately; LA's never has.
      await h.say(bl, '/help', { private: true });
      await h.say(sec, '/term 2026');
      await h.say(sec, '/criteria\nI | Chuyên môn\n1.1 | Tham mưu | 10');
      await h.say(sec, '/round midyear 10/03/2026');
      for (const who of [bl, la]) {
        await h.say(who, '/score 1.1 9');
        await h.say(who, '/submit');
      }
      const blChat = `test:private:${bl.key}`;
      const reviewed = await h.say(sec, '/review BL 1.1 8,5 Thiếu minh chứng', { private: true });
      expect(reviewed.text).toContain('Đã thẩm định BL');
      expect(noticesFor(reviewed, blChat)).toEqual([
        `Phiếu điểm của BL trong ${WEST} đã được thẩm định: tiêu chí 1.1 từ 9 thành 8,5 điểm. Lý do: Thiếu minh chứng. ` +
          'Đơn vị xác nhận bằng /confirm hoặc giải trình bằng /explain 1.1 NỘI_DUNG.',
      ]);
      const appraised = await h.say(sec, '/review LA ok');
      expect(appraised.notices).toEqual([]);
      expect(noticesFor(await h.say(sec, '/review BL ok'), blChat)).toEqual([
        `Phiếu điểm của BL trong ${WEST} đã được thẩm định, giữ nguyên điểm tự chấm. Đơn vị xác nhận bằng /confirm hoặc giải trình bằng /explain MÃ_TIÊU_CHÍ NỘI_DUNG.`,
      ]);
    });
  });
}
