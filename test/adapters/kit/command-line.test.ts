import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/adapters/kit/command-line.js';

describe('the one command-line parser', () => {
  it('takes the command, its target bot, the rest of the line and the body', () => {
    expect(parseCommandLine('/Score@ThiDuaBot 1.1  8,5 ghi chú\n1.2 7\n\n1.3 6\n  \n')).toEqual({
      command: 'score',
      target: 'ThiDuaBot',
      args: '1.1  8,5 ghi chú',
      body: '1.2 7\n\n1.3 6',
    });
    expect(parseCommandLine('/addunit\n\nSNV Sở Nội vụ')).toEqual({ command: 'addunit', args: '', body: 'SNV Sở Nội vụ' });
    expect(parseCommandLine('  /Status')).toEqual({ command: 'status', args: '', body: '' });
    expect(parseCommandLine('/score 1.1 9\r\n1.2 8')).toEqual({ command: 'score', args: '1.1 9', body: '1.2 8' });
  });

  it('refuses what is not a command', () => {
    expect(parseCommandLine('hello /status')).toBeUndefined();
    expect(parseCommandLine('/a-b')).toBeUndefined();
    expect(parseCommandLine('/')).toBeUndefined();
    expect(parseCommandLine(`/${'x'.repeat(33)}`)).toBeUndefined();
  });
});
