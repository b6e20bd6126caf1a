import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/**
 * Bolt's and the Web API client's logs through the instance's pino logger, warnings and up
 * (their debug output may carry request bodies; tokens never reach a log).
 */
export function boltLogger(logger: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const text = (msg: unknown[]) =>
    msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg: unknown[]) => logger.warn({ source: 'bolt' }, text(msg)),
    error: (...msg: unknown[]) => logger.error({ source: 'bolt' }, text(msg)),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
