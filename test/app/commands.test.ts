import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { fileAttachment, Harness, type Speaker } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

const CRITERIA = `I | Chuyên môn
1.1 | Tham mưu | 10
1.2 | Cải cách hành chính | 10
II | Tham gia hoạt động Cụm
2.1 | Dự hội nghị | 5
T1 | Sáng kiến | 5 | bonus
D1 | Chậm báo cáo | 5 | deduction`;

/** Every command test runs on a real SQLite file and on a real PostgreSQL schema. */
const PROVIDERS = await storeProviders('the command tests');

for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`commands on ${provider.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let h: Harness;
    let sec: Speaker;
    let bl: Speaker;
    let la: Speaker;

    /** Counts rows in the tables a command may change, to prove that bad input changed nothing. */
    async function snapshot() {
      const db = store.db;
      return Promise.all([
        db.unit.count(),
        db.role.count(),
        db.term.count(),
        db.criterion.count(),
        db.round.count(),
        db.sheet.count(),
        db.scoreEntry.count(),
        db.auditLog.count(),
        db.meeting.count(),
        db.handover.count(),
        db.reminder.count(),
      ]);
    }

    async function expectUnchanged(who: Speaker, text: string, pattern: RegExp) {
      const before = await snapshot();
      const said = await h.say(who, text);
      expect(said.text).toMatch(pattern);
      expect(await snapshot()).toEqual(before);
      return said;
    }

    beforeEach(async () => {
      ({ store, close } = await provider.open());
      h = new Harness(store);
      sec = h.person('Thư ký Lan');
      bl = h.person('Đại diện Bạc Liêu');
      la = h.person('Đại diện Long An');
    });
    afterEach(async () => close());

    async function setUpYear() {
      await h.say(sec, '/setup Cụm thi đua Sở Nội vụ miền Tây Nam Bộ');
      await h.say(sec, '/addunit BL Sở Nội vụ Bạc Liêu\nLA Sở Nội vụ Long An');
      await h.say(bl, '/join BL');
      await h.say(la, '/join la');
      await h.say(sec, '/approve BL');
      await h.say(sec, '/approve LA');
      await h.say(sec, '/term 2026 Đoàn kết, kỷ cương');
      await h.say(sec, '/leader BL');
      await h.say(sec, `/criteria\n${CRITERIA}`);
    }

    describe('setting up a cluster', () => {
      it('binds the group, makes the caller secretary and answers in Vietnamese', async () => {
        const said = await h.say(sec, '/lapcum Cụm thi đua Sở Nội vụ miền Tây Nam Bộ');
        expect(said.text).toContain('Đã lập Cụm thi đua Sở Nội vụ miền Tây Nam Bộ');
        const cluster = await store.db.cluster.findFirstOrThrow();
        expect(cluster.timezone).toBe('Asia/Ho_Chi_Minh');
        expect(await store.db.role.count({ where: { kind: 'secretary' } })).toBe(1);
        await expectUnchanged(sec, '/setup Another', /đã gắn với Cụm thi đua/);
      });

      it('only in a group', async () => {
        const said = await h.say(sec, '/setup X', { private: true });
        expect(said.text).toMatch(/chỉ dùng trong nhóm/);
      });

      it('refuses secretary commands from others', async () => {
        await h.say(sec, '/setup Cụm');
        await expectUnchanged(bl, '/addunit BL Bạc Liêu', /Chỉ thư ký/);
      });

      it('adds units all-or-nothing and reports every bad line', async () => {
        await h.say(sec, '/setup Cụm');
        const said = await expectUnchanged(sec, '/addunit BL Bạc Liêu\nBL Trùng\nX Y Z\nB@D Sai mã\nNONAME', /Có 3 dòng chưa hợp lệ/);
        expect(said.text).toContain('Dòng 2: Mã đơn vị BL đã có');
        expect(said.text).toContain('Dòng 4: Mã đơn vị “B@D” không hợp lệ');
        expect(said.text).toContain('Dòng 5: Đơn vị NONAME thiếu tên');
        expect((await h.say(sec, '/addunit BL Bạc Liêu\nla Long An')).text).toContain('Đã thêm 2 đơn vị: BL, LA');
      });

      it('binds a second chat with a one-time code', async () => {
        await h.say(sec, '/setup Cụm');
        const code = /Mã gắn nhóm: (\w+)/.exec((await h.say(sec, '/link')).text)![1]!;
        const other = await h.say(sec, `/link ${code}`, { chatKey: 'slack:C1' });
        expect(other.text).toContain('Đã gắn nhóm này với Cụm');
        expect(await store.db.chat.count({ where: { clusterId: { not: null } } })).toBe(2);
        expect((await h.say(sec, `/link ${code}`, { chatKey: 'zalo:9' })).text).toMatch(/không đúng, đã dùng hoặc đã hết hạn/);
      });

      it('approves join requests, also by button', async () => {
        await h.say(sec, '/setup Cụm');
        await h.say(sec, '/addunit BL Bạc Liêu');
        const asked = await h.say(bl, '/join BL');
        expect(asked.replies[0]!.buttons?.[0]?.[0]?.data).toBe('/approve BL');
        await expectUnchanged(bl, '/approve BL', /Chỉ thư ký/);
        expect((await h.say(sec, '', { action: '/approve BL' })).text).toContain('Đã duyệt Đại diện Bạc Liêu');
        expect((await h.say(bl, '/join BL')).text).toContain('đã là đại diện');
        expect((await h.say(sec, '', { action: '/nonsense' })).text).toMatch(/Không có lệnh/);
      });
    });

    describe('scoring', () => {
      beforeEach(setUpYear);

      it('shows the criteria back with totals', async () => {
        const said = await h.say(sec, '/tieuchi');
        expect(said.text).toContain('Tổng điểm tối đa: 25; điểm thưởng tối đa: 5; điểm trừ tối đa: 5');
      });

      it('imports criteria from the shared CSV and from XLSX', async () => {
        const csv = readFileSync('examples/criteria-home-affairs.csv');
        const said = await h.say(sec, '/criteria', { attachments: [fileAttachment('criteria-home-affairs.csv', csv)] });
        expect(said.text).toContain('Đã cập nhật bảng tiêu chí năm 2026: 14 tiêu chí');
        expect(said.text).toContain('Tổng điểm tối đa: 100');
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Tiêu chí');
        ws.addRows([
          ['code', 'title', 'max', 'kind'],
          ['I', 'Chuyên môn', null, 'section'],
          ['1', 'Một', 60, 'criterion'],
          ['2', 'Hai', 40.5, 'criterion'],
        ]);
        const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
        expect((await h.say(sec, '/criteria', { attachments: [fileAttachment('t.xlsx', xlsx)] })).text).toContain(
          'Tổng điểm tối đa: 100,5',
        );
        await expectUnchanged(sec, '/criteria', /Tổng điểm tối đa: 100,5/);
        const before = await snapshot();
        expect((await h.say(sec, '/criteria', { attachments: [fileAttachment('t.pdf', xlsx)] })).text).toMatch(
          /chỉ nhận tệp .csv hoặc .xlsx/,
        );
        expect(await snapshot()).toEqual(before);
      });

      it('records scores as versions, checks every line, and submits', async () => {
        await h.say(sec, '/round yearend 10/12/2026');
        await expectUnchanged(bl, '/score 1.1 11', /1.1: 11 điểm vượt mức tối đa 10 điểm/);
        await expectUnchanged(bl, '/score 1.1 8,555', /quá hai chữ số thập phân/);
        await expectUnchanged(bl, '/score 9.9 5', /Không có tiêu chí “9.9”/);
        await expectUnchanged(bl, '/score 1.1 -1', /không được âm/);
        const bad = await expectUnchanged(bl, '/score 1.1 8\n1.2 abc\n2.1 6', /Có 2 dòng chưa hợp lệ/);
        expect(bad.text).toContain('Dòng 2: “abc” không phải là số điểm');
        expect(bad.text).toContain('Dòng 3: Tiêu chí 2.1: 6 điểm vượt mức tối đa 5 điểm');
        expect((await h.say(bl, '/cham 1.1 8,5 Hoàn thành')).text).toContain('tiêu chí 1.1: 8,5 điểm. Đã chấm 1/3 tiêu chí');
        expect((await h.say(bl, '/score 1.1 9')).text).toContain('tạm tính 9 điểm');
        expect(await store.db.scoreEntry.count()).toBe(2);
        await expectUnchanged(bl, '/submit', /Còn 2 tiêu chí chưa chấm: 1.2, 2.1/);
        expect((await h.say(bl, '/score 1.2 9,75\n2.1 5\nT1 2\nD1 1')).text).toContain('Đã chấm đủ các tiêu chí');
        expect((await h.say(bl, '/nop')).text).toContain('BL đã nộp phiếu tự chấm: 24,75 điểm');
        await expectUnchanged(bl, '/score 1.1 10', /đã nộp nên không sửa được/);
        const mine = await h.say(bl, '/mine');
        expect(mine.text).toContain('đã nộp');
        expect(mine.text).toMatch(/1\.2\s+10\s+9,75/);
        const audit = await store.db.auditLog.findMany({ where: { action: 'score.self' } });
        expect(audit).toHaveLength(3);
        expect(JSON.parse(audit[2]!.after!)).toEqual([
          { code: '1.2', points: 975, note: null },
          { code: '2.1', points: 500, note: null },
          { code: 'T1', points: 200, note: null },
          { code: 'D1', points: 100, note: null },
        ]);
      });

      it('refuses a deadline in the past and a second round of the same kind', async () => {
        await expectUnchanged(sec, '/round yearend 01/01/2020', /đã qua/);
        await expectUnchanged(sec, '/round yearend 2026-12-10', /không đúng dạng ngày/);
        await h.say(sec, '/round midyear 30/06/2026');
        const moved = await h.say(sec, '/round midyear 15/07/2026 17:00');
        expect(moved.text).toContain('Đã dời hạn nộp đợt sơ kết 6 tháng đến 15/07/2026 17:00');
        await expectUnchanged(sec, '/round yearend 10/12/2026', /chưa khóa sổ/);
      });

      it('reviews with a reason, confirms, explains, closes and ranks', async () => {
        await h.say(sec, '/round yearend 10/12/2026');
        await h.say(bl, '/score 1.1 9\n1.2 9\n2.1 5');
        await h.say(la, '/score 1.1 10\n1.2 8\n2.1 5\nD1 1');
        await h.say(bl, '/submit');
        await h.say(la, '/submit');
        await expectUnchanged(sec, '/review BL 1.1 8', /cần ghi lý do/);
        await expectUnchanged(la, '/review BL 1.1 8 không đủ minh chứng', /Chỉ thư ký, Cụm trưởng/);
        const reviewed = await h.say(bl, '/review LA 1.1 9 Thiếu minh chứng'); // BL leads the cluster this year
        expect(reviewed.text).toContain('Đã thẩm định LA, tiêu chí 1.1: 10 → 9 điểm');
        expect(reviewed.replies[0]!.buttons?.[0]?.[0]?.data).toBe('/confirm');
        expect((await h.say(la, '/explain 1.1 Đã gửi minh chứng bổ sung')).text).toContain('Đã ghi nhận giải trình của LA');
        expect((await h.say(sec, '/status')).text).toContain('Giải trình của LA, tiêu chí 1.1: Đã gửi minh chứng bổ sung');
        await h.say(sec, '/review LA 1.1 9,5 Chấp nhận một phần giải trình');
        expect((await h.say(la, '', { action: '/confirm' })).text).toContain('LA đã xác nhận kết quả chấm điểm: 21,5 điểm');
        // Nobody has appraised BL's sheet yet; BL leads the cluster but never appraises itself.
        await expectUnchanged(bl, '/xacnhan', /chưa được thẩm định/);
        await expectUnchanged(bl, '/review BL ok', /không tự thẩm định/);
        await expectUnchanged(bl, '/review BL 1.1 10 Tự sửa', /không tự thẩm định/);
        const appraised = await h.say(sec, '/review BL ok');
        expect(appraised.text).toContain('Đã thẩm định phiếu điểm của BL, giữ nguyên điểm tự chấm');
        expect(appraised.replies[0]!.buttons?.[0]?.[0]?.data).toBe('/confirm');
        expect((await h.say(bl, '/xacnhan')).text).toContain('BL đã xác nhận');
        await expectUnchanged(la, '/close', /Chỉ thư ký/);
        expect((await h.say(la, '/results')).text).toMatch(/Chưa có đợt chấm điểm nào khóa sổ/);
        const closed = await h.say(sec, '/chot');
        expect(closed.text).toContain('Đã khóa sổ đợt tổng kết năm 2026 và xếp hạng 2 đơn vị');
        const results = await h.say(la, '/ketqua');
        expect(results.text).toMatch(/1\s+BL\s+Sở Nội vụ Bạc Liêu\s+23\s+Tốt/);
        expect(results.text).toMatch(/2\s+LA\s+Sở Nội vụ Long An\s+21,5\s+Tốt/);
        await expectUnchanged(bl, '/score 1.1 1', /Hiện không có đợt chấm điểm nào đang mở/);
      });

      it('exports for the secretary and the leader only', async () => {
        await h.say(sec, '/round yearend 10/12/2026');
        await expectUnchanged(la, '/export', /Chỉ thư ký và Cụm trưởng/);
        const csv = await h.say(bl, '/export csv');
        expect(csv.replies[0]!.file?.fileName).toMatch(/tam-tinh.*\.csv$/);
        const xlsx = await h.say(sec, '/xuat');
        expect(xlsx.replies[0]!.file?.mimeType).toContain('spreadsheetml');
        await expectUnchanged(sec, '/export pdf', /Cách dùng: \/export xlsx hoặc \/export csv/);
      });
    });

    describe('choosing a round', () => {
      beforeEach(setUpYear);

      it('shows and exports the round asked for, with a button for the other closed round', async () => {
        await h.say(sec, '/round midyear 30/06/2026');
        await h.say(bl, '/score\n1.1 9\n1.2 9\n2.1 5');
        await h.say(bl, '/submit');
        await h.say(sec, '/close');
        await h.say(sec, '/round yearend 10/12/2026');
        await expectUnchanged(la, '/results yearend', /Đợt tổng kết chưa khóa sổ/);
        await expectUnchanged(la, '/results quy3', /Cách dùng: \/results/);
        const provisional = await h.say(sec, '/export csv yearend');
        expect(provisional.replies[0]!.file?.fileName).toBe('bang-tong-hop-2026-tong-ket-tam-tinh.csv');
        await h.say(la, '/score\n1.1 8\n1.2 7\n2.1 4');
        await h.say(la, '/submit');
        await h.say(sec, '/close');

        const latest = await h.say(la, '/results');
        expect(latest.text).toContain('Kết quả tổng kết năm 2026');
        expect(latest.text).toMatch(/1\s+LA\s+Sở Nội vụ Long An\s+19\s/);
        expect(latest.replies[0]!.buttons?.[0]?.map((b) => b.data)).toEqual(['/results midyear']);
        const midyear = await h.say(la, '', { action: '/results midyear' });
        expect(midyear.text).toContain('Kết quả sơ kết 6 tháng năm 2026');
        expect(midyear.text).toMatch(/1\s+BL\s+Sở Nội vụ Bạc Liêu\s+23\s/);
        expect(midyear.replies[0]!.buttons?.[0]?.map((b) => b.data)).toEqual(['/results yearend']);

        const csv = await h.say(sec, '/xuat soket csv');
        expect(csv.replies[0]!.file?.fileName).toBe('bang-tong-hop-2026-so-ket.csv');
        await expectUnchanged(sec, '/export csv pdf', /Cách dùng: \/export xlsx hoặc \/export csv/);
      });
    });

    describe('ranking rules', () => {
      beforeEach(setUpYear);

      it('are shown to members, changed by the secretary only, and kept with a closed round', async () => {
        expect((await h.say(la, '/quyche')).text).toContain('Xuất sắc từ 95%, Tốt từ 80%, Hoàn thành từ 50%');
        await expectUnchanged(la, '/rules bands 90 70 40', /Chỉ thư ký/);
        await expectUnchanged(sec, '/rules bands 80 90 50', /ba ngưỡng phần trăm, giảm dần/);
        await expectUnchanged(sec, '/rules tiebreak code', /Tiêu chí phụ chỉ gồm/);
        await expectUnchanged(sec, '/rules bonuscap 2,345', /hai chữ số thập phân|2,345/);
        await expectUnchanged(sec, '/rules colour red', /Cách dùng: \/rules/);
        const set = await h.say(sec, '/rules bands 92,5 85 60');
        expect(set.text).toContain('Xuất sắc từ 92,5%, Tốt từ 85%, Hoàn thành từ 60%');
        expect(set.text).toContain('giữ nguyên kết quả');

        await h.say(sec, '/round yearend 10/12/2026');
        await h.say(bl, '/score\n1.1 9\n1.2 9\n2.1 3'); // 21 of 25 = 84 %: below 85 %
        await h.say(bl, '/submit');
        await h.say(sec, '/close');
        expect((await h.say(la, '/results')).text).toMatch(/1\s+BL\s+Sở Nội vụ Bạc Liêu\s+21\s+Hoàn thành/);

        expect((await h.say(sec, '/rules bands 95 80 50')).text).toContain('Đã cập nhật quy chế');
        expect((await h.say(la, '/results')).text).toMatch(/1\s+BL\s+Sở Nội vụ Bạc Liêu\s+21\s+Hoàn thành/);
        expect((await h.say(sec, '/rules tiebreak ittru mucdau')).text).toContain('ít điểm trừ hơn, điểm mục đầu tiên cao hơn');
        expect((await h.say(sec, '/rules bonuscap 3')).text).toContain('tối đa 3 điểm');
        expect((await h.say(sec, '/rules bonuscap none')).text).toContain('không giới hạn chung');
        const audit = await store.db.auditLog.findMany({ where: { action: 'rules.set' } });
        expect(audit).toHaveLength(5);
      });
    });

    describe('year, covenant, meetings, language', () => {
      beforeEach(setUpYear);

      it('signs and registers, shown in /status', async () => {
        expect((await h.say(bl, '/ky')).text).toContain('BL đã ký giao ước thi đua năm 2026 (1/2 đơn vị đã ký)');
        await expectUnchanged(bl, '/sign', /đã ký giao ước/);
        await h.say(la, '/dangky Cờ thi đua của Chính phủ');
        expect((await h.say(la, '/register Bằng khen của Bộ trưởng')).text).toContain('đã đổi đăng ký');
        const status = await h.say(sec, '/tinhhinh');
        expect(status.text).toContain('Ký giao ước: 1/2. Chưa ký: LA.');
        expect(status.text).toContain('Đăng ký thi đua: 1/2. Chưa đăng ký: BL.');
      });

      it('schedules a meeting and a handover, creating reminders', async () => {
        expect((await h.say(sec, '/lichhop yearend 20/12/2026 08:30 Hội trường Sở Nội vụ Bạc Liêu')).text).toContain(
          'lúc 20/12/2026 08:30, địa điểm: Hội trường Sở Nội vụ Bạc Liêu',
        );
        expect((await h.say(sec, '/bangiao LA 06/05/2027')).text).toContain('từ BL cho LA – Sở Nội vụ Long An lúc 06/05/2027 08:00');
        expect(await store.db.reminder.count({ where: { state: 'pending' } })).toBeGreaterThanOrEqual(4);
        await expectUnchanged(sec, '/handover ZZ 06/05/2027', /Không có đơn vị mã “ZZ”/);
      });

      it('opens the next year, closing the previous one', async () => {
        await expectUnchanged(sec, '/term 2026', /đã được mở trước đây/);
        await expectUnchanged(sec, '/term 99', /Cách dùng: \/term/);
        const next = await h.say(sec, '/term 2027');
        expect(next.text).toContain('Đã kết thúc năm thi đua 2026');
        expect(await store.db.term.count({ where: { state: 'open' } })).toBe(1);
      });

      it('speaks English to a person who asks', async () => {
        expect((await h.say(bl, '/lang en')).text).toBe('Switched to English.');
        expect((await h.say(bl, '/score 1.1 8.5')).text).toMatch(/No scoring round is open/);
        expect((await h.say(h.person('Newcomer', 'en'), '/help')).text).toContain('You can use:');
      });

      it('tells a person what they may do', async () => {
        const help = await h.say(sec, '/help');
        expect(help.text).toContain('Bạn là thư ký Cụm');
        expect(help.text).toContain('/close (/chot)');
        const rep = await h.say(bl, '/start');
        expect(rep.text).toContain('Bạn là đại diện đơn vị');
        expect(rep.text).not.toContain('/close');
        expect((await h.say(bl, '/help cham')).text).toContain('Cách dùng: /score');
      });

      it('works in a private chat for a person of one cluster', async () => {
        await h.say(sec, '/round yearend 10/12/2026');
        expect((await h.say(bl, '/score 1.1 9', { private: true })).text).toContain('Đã ghi BL tự chấm');
      });
    });

    describe('redelivered updates', () => {
      it('are not handled or answered twice', async () => {
        const first = await h.say(sec, '/setup Cụm', { updateId: 'tg:1' });
        expect(first.duplicate).toBe(false);
        const again = await h.say(sec, '/setup Cụm', { updateId: 'tg:1' });
        expect(again.duplicate).toBe(true);
        expect(again.replies).toEqual([]);
        expect(await store.db.cluster.count()).toBe(1);
        const bad = await h.say(sec, '/addunit', { updateId: 'tg:2' });
        expect(bad.text).toMatch(/Cách dùng/);
        expect((await h.say(sec, '/addunit', { updateId: 'tg:2' })).duplicate).toBe(true);
      });

      it('are safe when delivered concurrently', async () => {
        await h.say(sec, '/setup Cụm');
        const results = await Promise.all([1, 2, 3].map(() => h.say(sec, '/addunit BL Bạc Liêu', { updateId: 'tg:7' })));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(await store.db.unit.count()).toBe(1);
      });
    });
  });
}
