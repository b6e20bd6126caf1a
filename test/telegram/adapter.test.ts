import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { adapterFixture, echo, RecordingCore, result, testI18n } from './harness.js';

const { setup, teardown } = adapterFixture();

describe('Telegram adapter: receiving commands', () => {
  it('sets the command menu with English names and Vietnamese aliases in both languages', async () => {
    const { fake } = await setup();
    const vi = fake.commands.get('')!;
    const en = fake.commands.get('en')!;
    const names = vi.map((c) => c.command);
    for (const name of ['start', 'help', 'trogiup', 'score', 'cham', 'criteria', 'tieuchi', 'export', 'xuat', 'lang', 'ngonngu'])
      expect(names).toContain(name);
    expect(en.map((c) => c.command).sort()).toEqual([...names].sort());
    expect(vi.find((c) => c.command === 'cham')!.description).toBe('Tự chấm điểm tiêu chí cho đơn vị');
    expect(en.find((c) => c.command === 'cham')!.description).toBe("Record your unit's self-scores");
    expect(names.indexOf('cham')).toBeLessThan(names.indexOf('score'));
    expect(en.map((c) => c.command).indexOf('score')).toBeLessThan(en.map((c) => c.command).indexOf('cham'));
    // Polling needs no webhook: the adapter removed any before its first getUpdates.
    const methods = fake.calls.map((c) => c.method);
    expect(methods.indexOf('deleteWebhook')).toBeLessThan(methods.indexOf('getUpdates'));
  });

  it('parses /cmd@botname, ignores commands for other bots and non-commands, and answers the message', async () => {
    const { fake, core } = await setup();
    const group = fake.group('Khối Nội chính');
    const lan = fake.user('Lan', { lastName: 'Nguyễn', username: 'lan_snv' });
    fake.say(group, lan, '/score@other_bot 1.1 9');
    fake.say(group, lan, 'chào mọi người /score 1.1 9');
    const asked = fake.say(group, lan, '/Score@ThiDua_Test_Bot 1.1 8,5 đã có minh chứng');
    const reply = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(core.incoming).toHaveLength(1);
    const incoming = core.incoming[0]!;
    expect(incoming).toMatchObject({
      platform: 'telegram',
      command: 'score',
      args: '1.1 8,5 đã có minh chứng',
      body: '',
      chat: { key: `telegram:${group.id}`, kind: 'group', title: 'Khối Nội chính' },
      sender: { key: `telegram:${lan.id}`, displayName: 'Lan Nguyễn', username: 'lan_snv', languageCode: 'vi' },
    });
    expect(incoming.updateId).toMatch(/^telegram:\d+$/);
    expect(reply.text).toBe('score|1.1 8,5 đã có minh chứng|');
    expect(reply.replyTo).toBe(asked.message_id);
  });

  it('passes the following lines as the body, and answers private chats without quoting', async () => {
    const { fake, core } = await setup();
    const lan = fake.user('Lan');
    const chat = fake.privateChat(lan);
    fake.say(chat, lan, '/addunit\nSNV Sở Nội vụ\nCA Công an tỉnh\n\n');
    const reply = await fake.waitForMessage((m) => m.chatId === lan.id);
    expect(core.incoming[0]).toMatchObject({
      command: 'addunit',
      args: '',
      body: 'SNV Sở Nội vụ\nCA Công an tỉnh',
      chat: { kind: 'private' },
    });
    expect(reply.replyTo).toBeUndefined();
  });

  it('hands mentions to the core, without the bot itself', async () => {
    const { fake, core } = await setup();
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    const hoa = fake.user('Hoa', { lastName: 'Trần' });
    fake.say(group, lan, '/secretary@thidua_test_bot @minh_tp Hoa', { mentionUsers: [hoa] });
    await fake.waitForMessage((m) => m.chatId === group.id);
    expect(core.incoming[0]!.mentions).toEqual([
      { username: 'minh_tp' },
      { key: `telegram:${hoa.id}`, username: undefined, displayName: 'Hoa Trần' },
    ]);
  });

  it('answers in the forum topic the command came from', async () => {
    const { fake } = await setup();
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    fake.say(group, lan, '/status', { threadId: 77 });
    const reply = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(reply.threadId).toBe(77);
  });

  it('does not run an edited command again and tells the person to send a new message', async () => {
    const { fake, core } = await setup();
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    const sent = fake.say(group, lan, '/score 1.1 8');
    await fake.waitForMessage((m) => m.chatId === group.id);
    fake.edit(sent, '/score 1.1 9');
    const reply = await fake.waitForMessage((m) => m.chatId === group.id && m.text.includes('đã sửa'));
    expect(reply.text).toContain('/score');
    expect(reply.replyTo).toBe(sent.message_id);
    expect(core.incoming.map((i) => i.args)).toEqual(['1.1 8']);
  });

  it('asks anonymous admins to post as themselves instead of calling the core', async () => {
    const { fake, core } = await setup();
    const group = fake.group('Khối');
    const anonymous = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
    fake.postRaw(group, anonymous, {
      text: '/status',
      entities: [{ type: 'bot_command', offset: 0, length: 7 }],
      sender_chat: group as never,
    });
    const reply = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(reply.text).toContain('Ẩn danh');
    expect(core.incoming).toHaveLength(0);
  });

  it('speaks the configured default language (BOT_LOCALE) to people whose language the bot does not speak', async () => {
    const { i18n, dispose } = testI18n('en');
    teardown.push(async () => dispose());
    const { fake, core } = await setup(new RecordingCore(), { i18n });
    const group = fake.group('Khối');
    const anonymous = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot', language_code: 'fr' };
    fake.postRaw(group, anonymous, {
      text: '/status',
      entities: [{ type: 'bot_command', offset: 0, length: 7 }],
      sender_chat: group as never,
    });
    const reply = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(reply.text).toMatch(/^The bot cannot tell who sent this command/);
    expect(core.incoming).toHaveLength(0);
  });

  it('attaches a document sent with /criteria in its caption, downloaded only when asked', async () => {
    const core = new RecordingCore();
    const downloaded: string[] = [];
    core.answer = async (i) => {
      const file = i.attachments?.[0];
      if (file) downloaded.push(`${file.fileName}:${file.mimeType}:${Buffer.from(await file.download()).toString('utf8')}`);
      return result([echo(`${i.command} ${i.attachments?.length ?? 0}`)]);
    };
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    const csv = 'code,title,max,kind\n1.1,Tham mưu tổ chức bộ máy,10,criterion\n';
    fake.sendFile(group, lan, {
      fileName: 'tiêu chí.csv',
      mimeType: 'text/csv',
      bytes: Buffer.from(csv),
      caption: '/criteria@thidua_test_bot',
    });
    await fake.waitForMessage((m) => m.text === 'criteria 1');
    expect(downloaded).toEqual([`tiêu chí.csv:text/csv:${csv}`]);
    expect(fake.callsOf('getFile')).toHaveLength(1);

    // The same file, answered afterwards with the command (a reply to the document).
    const document = fake.sendFile(group, lan, { fileName: 'bang.csv', bytes: Buffer.from('x'), caption: 'bảng tiêu chí năm nay' });
    fake.say(group, lan, '/tieuchi', { replyTo: document });
    await fake.waitForMessage((m) => m.text === 'tieuchi 1');
    expect(downloaded[1]).toBe('bang.csv:undefined:x');
    // The captioned file without a command reached nobody.
    expect(core.incoming.map((i) => i.command)).toEqual(['criteria', 'tieuchi']);
  });

  it('turns a failure of the core into an apology with a reference, and a user error into its sentence', async () => {
    const core = new RecordingCore();
    core.answer = (i) => {
      if (i.command === 'boom') throw new Error('database is down');
      throw new UserError('t-echo', { text: 'Mã đơn vị không tồn tại' });
    };
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    fake.say(group, lan, '/boom');
    const apology = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(apology.text).toMatch(/^Xin lỗi, .* mã tham chiếu [0-9A-F]{8}\.$/);
    fake.say(group, lan, '/join XYZ');
    const error = await fake.waitForMessage((m) => m.text === 'Mã đơn vị không tồn tại');
    expect(error.replyTo).toBeDefined();
  });
});

describe('Telegram adapter: rendering replies', () => {
  it('escapes every user-provided string and wraps tables in <pre>', async () => {
    const core = new RecordingCore();
    core.answer = () =>
      result([
        {
          text: [{ key: 't-echo', args: { text: 'Đã thêm đơn vị <b>A&B</b>' } }],
          table: {
            headers: [
              { key: 't-header', args: { text: 'Mã' } },
              { key: 't-header', args: { text: 'Tên <i>' } },
            ],
            rows: [['AB', '<b>A&B</b>']],
          },
        },
      ]);
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    fake.say(group, fake.user('Lan'), '/addunit AB <b>A&B</b>');
    const reply = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(reply.text).toContain('Đã thêm đơn vị <b>A&B</b>');
    expect(reply.html).toContain('Đã thêm đơn vị &lt;b&gt;A&amp;B&lt;/b&gt;');
    expect(reply.pre).toHaveLength(1);
    expect(reply.pre[0]).toContain('Tên <i>');
    expect(reply.pre[0]).toContain('<b>A&B</b>');
  });

  it('splits a reply over 4,096 characters at line boundaries, table blocks included', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `Dòng ${String(i).padStart(3, '0')}: ${'đánh giá '.repeat(4)}`);
    const rows = Array.from({ length: 120 }, (_, i) => [`U${i}`, `Đơn vị số ${i} <${i}>`, i]);
    const core = new RecordingCore();
    core.answer = () =>
      result([
        {
          text: [{ key: 't-echo', args: { text: lines.join('\n') } }],
          table: {
            headers: [
              { key: 't-header', args: { text: 'Mã' } },
              { key: 't-header', args: { text: 'Tên' } },
              { key: 't-header', args: { text: 'Điểm' } },
            ],
            rows,
            numeric: [2],
          },
          buttons: [[{ label: { key: 't-label', args: { text: 'Xem' } }, data: '/results' }]],
        },
      ]);
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    const asked = fake.say(group, fake.user('Lan'), '/status');
    // The buttons go on the last part: once it is there, every part is.
    await fake.waitForMessage((m) => m.chatId === group.id && m.buttons.length > 0);
    const parts = fake.sentTo(group.id);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(4096);
    // Whole lines only: every text line reappears intact, in order.
    const all = parts.map((p) => p.text).join('\n');
    for (const line of lines) expect(all).toContain(line);
    expect(all.indexOf(lines[0]!)).toBeLessThan(all.indexOf(lines[149]!));
    for (let i = 0; i < 120; i++) expect(all).toMatch(new RegExp(`^U${i}\\s+Đơn vị số ${i} <${i}>\\s+${i}$`, 'm'));
    // The table that crossed a boundary is monospace in every part that holds some of it.
    const withTable = parts.filter((p) => /^U\d+ /m.test(p.text));
    expect(withTable.length).toBeGreaterThanOrEqual(1);
    for (const part of withTable) expect(part.pre.join('\n')).toMatch(/^U\d+ /m);
    expect(parts[0]!.replyTo).toBe(asked.message_id);
    expect(parts.slice(1).every((p) => p.replyTo === undefined)).toBe(true);
    expect(parts.at(-1)!.buttons).toEqual([[{ text: 'Xem', data: '/results' }]]);
    expect(parts.slice(0, -1).every((p) => p.buttons.length === 0)).toBe(true);
  });

  it('sends a file as a document after the text', async () => {
    const bytes = Buffer.from('\uFEFFrank,code,name\n1,SNV,Sở Nội vụ\n', 'utf8');
    const core = new RecordingCore();
    core.answer = () =>
      result([
        {
          text: [{ key: 't-echo', args: { text: 'Bảng tổng hợp năm 2025' } }],
          file: {
            fileName: 'bang-tong-hop-2025.csv',
            mimeType: 'text/csv',
            bytes,
            caption: { key: 't-echo', args: { text: 'Khối <Nội chính>' } },
          },
        },
      ]);
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    fake.say(group, fake.user('Lan'), '/export csv');
    const [text, document] = await fake.waitForMessages(2, (m) => m.chatId === group.id);
    expect(text!.method).toBe('sendMessage');
    expect(document!.method).toBe('sendDocument');
    expect(document!.file!.fileName).toBe('bang-tong-hop-2025.csv');
    expect(document!.file!.bytes.equals(bytes)).toBe(true);
    expect(document!.text).toBe('Khối <Nội chính>');
    expect(text!.replyTo).toBeDefined();
    expect(document!.replyTo).toBeUndefined();
  });

  it('sends the chart as a photo with the table as its caption, or after it when too long', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    let rows = 3;
    const core = new RecordingCore();
    core.answer = () =>
      result([
        {
          text: [{ key: 't-echo', args: { text: 'Kết quả xếp hạng' } }],
          table: {
            headers: [
              { key: 't-header', args: { text: 'Hạng' } },
              { key: 't-header', args: { text: 'Đơn vị' } },
            ],
            rows: Array.from({ length: rows }, (_, i) => [i + 1, `Đơn vị ${i}`]),
          },
          image: { fileName: 'xep-hang.png', mimeType: 'image/png', bytes: png },
        },
      ]);
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    fake.say(group, lan, '/results');
    const photo = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(photo.method).toBe('sendPhoto');
    expect(photo.file!.bytes.equals(png)).toBe(true);
    expect(photo.text).toContain('Kết quả xếp hạng');
    expect(photo.pre[0]).toContain('Đơn vị 2');

    rows = 80;
    const before = fake.sent.length;
    fake.say(group, lan, '/results');
    const [big, table] = await fake.waitForMessages(2, (m) => m.chatId === group.id, { from: before });
    expect(big!.method).toBe('sendPhoto');
    expect(big!.text).toBe('Kết quả xếp hạng');
    expect(table!.method).toBe('sendMessage');
    expect(table!.pre[0]).toContain('Đơn vị 79');
  });

  it('falls back to text when Telegram refuses the picture', async () => {
    const core = new RecordingCore();
    core.answer = () =>
      result([
        {
          text: [{ key: 't-echo', args: { text: 'Kết quả' } }],
          table: { headers: [{ key: 't-header', args: { text: 'Hạng' } }], rows: [[1]] },
          image: { fileName: 'x.png', mimeType: 'image/png', bytes: Buffer.from([1]) },
        },
      ]);
    const { fake } = await setup(core);
    fake.failNext('sendPhoto', 1, 400);
    const group = fake.group('Khối');
    fake.say(group, fake.user('Lan'), '/results');
    const text = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(text.method).toBe('sendMessage');
    expect(text.text).toContain('Kết quả');
    expect(text.pre[0]).toContain('Hạng');
  });
});

describe('Telegram adapter: buttons', () => {
  it('turns a button press into a command with its action and always answers the query', async () => {
    const core = new RecordingCore();
    core.answer = (i) =>
      i.command === 'join'
        ? result([
            {
              text: [{ key: 't-echo', args: { text: 'Chờ duyệt: CA' } }],
              buttons: [
                [
                  { label: { key: 't-label', args: { text: 'Duyệt CA' } }, data: '/approve CA' },
                  { label: { key: 't-label', args: { text: 'Quá dài' } }, data: `/approve ${'X'.repeat(60)}` },
                ],
              ],
            },
          ])
        : result([echo(`${i.command}|${i.args}|${i.action ?? ''}`)]);
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    const member = fake.user('Minh');
    const secretary = fake.user('Lan');
    fake.say(group, member, '/join CA');
    const request = await fake.waitForMessage((m) => m.chatId === group.id);
    // The over-long button was left out, the message still went.
    expect(request.buttons).toEqual([[{ text: 'Duyệt CA', data: '/approve CA' }]]);

    const query = fake.press(request, secretary);
    const answer = await fake.waitForMessage((m) => m.text.startsWith('approve|'));
    expect(answer.text).toBe('approve|CA|/approve CA');
    expect(answer.replyTo).toBe(request.messageId);
    expect(core.incoming.at(-1)).toMatchObject({
      command: 'approve',
      args: 'CA',
      action: '/approve CA',
      sender: { key: `telegram:${secretary.id}` },
      chat: { key: `telegram:${group.id}` },
    });
    await fake.waitForCall((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === query);

    // A forged press goes to the core like any other (it judges it) and is answered too.
    const forged = fake.press(request, member, 'rm -rf /');
    await fake.waitForCall((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === forged && c.ok);
    expect(core.incoming.at(-1)).toMatchObject({ command: '', action: 'rm -rf /' });
  });

  it('answers the button press even when the core fails', async () => {
    const core = new RecordingCore();
    core.answer = (i) => {
      if (i.action) throw new Error('boom');
      return result([
        {
          text: [{ key: 't-echo', args: { text: 'Xác nhận?' } }],
          buttons: [[{ label: { key: 't-label', args: { text: 'Xác nhận' } }, data: '/confirm' }]],
        },
      ]);
    };
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    fake.say(group, lan, '/mine');
    const question = await fake.waitForMessage((m) => m.chatId === group.id);
    const query = fake.press(question, lan);
    await fake.waitForCall((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === query && c.ok);
    const apology = await fake.waitForMessage((m) => m.text.startsWith('Xin lỗi'));
    expect(apology.chatId).toBe(group.id);
  });
});
