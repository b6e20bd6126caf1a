import { describe, expect, it } from 'vitest';
import { addressedElsewhere, chatIdOf, mentionsOf, parseAction, parseCommand } from '../../src/adapters/telegram/incoming.js';
import { entitiesOf } from '../support/fake-telegram.js';

const parse = (text: string) => parseCommand(text, entitiesOf(text));

describe('Telegram command parsing', () => {
  it('takes the command, its target bot, the rest of the line and the body', () => {
    expect(parse('/Score@ThiDuaBot 1.1  8,5 ghi chú\n1.2 7\n\n1.3 6\n  \n')).toEqual({
      command: 'score',
      target: 'ThiDuaBot',
      args: '1.1  8,5 ghi chú',
      body: '1.2 7\n\n1.3 6',
    });
    expect(parse('/addunit\n\nSNV Sở Nội vụ')).toEqual({ command: 'addunit', target: undefined, args: '', body: 'SNV Sở Nội vụ' });
  });

  it('only counts a command at the start of the message', () => {
    expect(parse('xin chào /status')).toBeUndefined();
    expect(parse('status')).toBeUndefined();
    expect(parseCommand('/status', undefined)).toBeUndefined();
  });

  it('tells commands for other bots apart, case-insensitively', () => {
    expect(addressedElsewhere(parse('/status@other_bot')!, 'thidua_bot')).toBe(true);
    expect(addressedElsewhere(parse('/status@ThiDua_Bot')!, 'thidua_bot')).toBe(false);
    expect(addressedElsewhere(parse('/status')!, 'thidua_bot')).toBe(false);
  });

  it('parses button data the same way, and leaves anything else to the core', () => {
    expect(parseAction('/approve CA')).toEqual({ command: 'approve', target: undefined, args: 'CA', body: '' });
    expect(parseAction('/confirm')).toMatchObject({ command: 'confirm', args: '' });
    expect(parseAction('approve CA')).toEqual({ command: '', args: 'approve CA', body: '' });
    expect(parseAction('/a-b')).toMatchObject({ command: '' });
  });

  it('collects @mentions except the bot, and text mentions with their user', () => {
    const user = { id: 42, is_bot: false, first_name: 'Hoa', last_name: 'Trần' };
    const text = '/secretary @lan_snv @thidua_bot Hoa';
    const entities = [...entitiesOf(text), { type: 'text_mention' as const, offset: 31, length: 3, user }];
    expect(mentionsOf(text, entities, 'ThiDua_Bot')).toEqual([
      { username: 'lan_snv' },
      { key: 'telegram:42', username: undefined, displayName: 'Hoa Trần' },
    ]);
  });

  it('reads chat keys of this platform only', () => {
    expect(chatIdOf('telegram:-1001234567890')).toBe(-1001234567890);
    expect(chatIdOf('telegram:42')).toBe(42);
    expect(chatIdOf('slack:C123')).toBeUndefined();
  });
});
