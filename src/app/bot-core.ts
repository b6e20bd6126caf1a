import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.js';
import { LineErrors, UserError } from '../domain/errors.js';
import type { I18n, Translate } from '../i18n/i18n.js';
import type { Store } from '../store/store.js';
import type { Tx } from '../store/tx.js';
import { isUniqueViolation } from '../store/store.js';
import { writeAudit } from '../store/audit.js';
import { recordUpdate } from '../store/context-reads.js';
import { COMMAND_INDEX } from './commands/index.js';
import { resolveContext, type Defaults } from './context.js';
import type { ChatEvent, Core, HandleOptions, HandleResult } from './core.js';
import { answerRows, commitAnswer } from './answer-rows.js';
import type { Msg, Reply } from '../reply.js';
import type { Incoming } from './ports.js';
import { DEFAULT_CAPABILITIES, type Capabilities, type Platform } from '../delivery.js';

/** Thrown inside the transaction when the update was already processed. */
class DuplicateUpdate extends Error {}

/** What the core is built from (injected: no globals, no `new` of its dependencies). */
export interface BotCoreOptions {
  store: Store;
  clock: Clock;
  i18n: I18n;
  defaults: Defaults;
  logger?: Logger;
  /**
   * What each platform shows, as its adapter declares it (`main.ts` builds this from the
   * adapters): commands skip what cannot be shown, e.g. the chart or the exported file.
   * Without it every platform counts as `DEFAULT_CAPABILITIES`.
   */
  capabilitiesOf?: (platform: Platform) => Capabilities;
}

/**
 * The platform-neutral bot: parses the command, resolves who and where, runs the handler in
 * one transaction with the processed-update ledger, and turns errors into replies.
 */
export class BotCore implements Core {
  constructor(private readonly options: BotCoreOptions) {}

  async handle(input: Incoming, options: HandleOptions = {}): Promise<HandleResult> {
    const incoming = input.action ? withAction(input) : input;
    const command = COMMAND_INDEX.get(incoming.command);
    const { store, clock, i18n, defaults } = this.options;
    try {
      return await store.tx(clock.now(), async (tx) => {
        await this.claimUpdate(tx, incoming.updateId);
        const ctx = await resolveContext(tx, incoming, clock, i18n, defaults);
        ctx.capabilities = this.options.capabilitiesOf?.(incoming.platform) ?? DEFAULT_CAPABILITIES;
        if (!command) throw new UserError('error-unknown-command', { command: incoming.command });
        if (command.scope === 'group' && incoming.chat.kind !== 'group') throw new UserError('error-group-only', { command: command.name });
        const replies = await command.run(ctx);
        const result: HandleResult = { locale: ctx.locale, replies, notices: ctx.notices, duplicate: false };
        return this.commit(tx, incoming, result, options);
      });
    } catch (error) {
      if (error instanceof DuplicateUpdate || isUniqueViolation(error)) {
        if (await this.seen(incoming.updateId)) return { locale: defaults.locale, replies: [], notices: [], duplicate: true };
      }
      return this.failure(incoming, error, options);
    }
  }

  async chatEvent(event: ChatEvent, options: HandleOptions = {}): Promise<HandleResult> {
    const { store, defaults } = this.options;
    try {
      return await store.tx(this.options.clock.now(), async (tx) => {
        const { db } = tx;
        await this.claimUpdate(tx, event.updateId);
        const chat = await db.chat.findUnique({ where: { key: event.chatKey } });
        const empty: HandleResult = { locale: defaults.locale, replies: [], notices: [], duplicate: false };
        if (event.type === 'bot-added') {
          if (!chat)
            await db.chat.create({ data: { key: event.chatKey, platform: event.chatKey.split(':')[0]!, title: event.title ?? null } });
          else await db.chat.update({ where: { id: chat.id }, data: { removedAt: null, title: event.title ?? chat.title } });
          const lang = event.languageCode?.slice(0, 2);
          const greeting: HandleResult = {
            ...empty,
            locale: lang === 'en' ? 'en' : defaults.locale,
            replies: [{ text: [{ key: chat?.clusterId ? 'bot-added-again' : 'bot-added' }] }],
          };
          return this.commit(tx, { chat: { key: event.chatKey, kind: 'group' } }, greeting, options);
        }
        if (!chat) return empty;
        if (event.type === 'migrated') {
          await db.chat.update({ where: { id: chat.id }, data: { key: event.newChatKey } });
          if (chat.clusterId !== null)
            await writeAudit(tx, {
              clusterId: chat.clusterId,
              actorId: null,
              action: 'chat.migrate',
              subjectType: 'chat',
              subjectId: chat.id,
              before: { key: chat.key },
              after: { key: event.newChatKey },
            });
          return empty;
        }
        await db.chat.update({ where: { id: chat.id }, data: { removedAt: tx.now } });
        if (chat.clusterId === null) return empty;
        await writeAudit(tx, {
          clusterId: chat.clusterId,
          actorId: null,
          action: 'chat.removed',
          subjectType: 'chat',
          subjectId: chat.id,
          before: { key: chat.key },
        });
        const cluster = await db.cluster.findUniqueOrThrow({ where: { id: chat.clusterId } });
        const others = await db.chat.findMany({ where: { clusterId: chat.clusterId, removedAt: null, id: { not: chat.id } } });
        const reply: Reply = { text: [{ key: 'notice-bot-removed', args: { chat: chat.title ?? chat.key } }] };
        return this.commit(
          tx,
          { chat: { key: event.chatKey, kind: 'group' } },
          { ...empty, notices: others.map((c) => ({ chatKey: c.key, locale: cluster.locale, reply })) },
          options,
        );
      });
    } catch (error) {
      if ((error instanceof DuplicateUpdate || isUniqueViolation(error)) && (await this.seen(event.updateId))) {
        return { locale: defaults.locale, replies: [], notices: [], duplicate: true };
      }
      throw error;
    }
  }

  /**
   * Records the update in the ledger, first thing in the command's transaction: a second
   * delivery fails on the primary key (and, if concurrent, waits for the first to commit).
   */
  private async claimUpdate(tx: Tx, updateId: string | undefined): Promise<void> {
    if (!updateId) return;
    if (!(await recordUpdate(tx, { key: updateId }))) throw new DuplicateUpdate();
  }

  /** With `options.outbox`, writes the answer to the outbox in the command's transaction. */
  private async commit(
    tx: Tx,
    to: Pick<Incoming, 'chat'> & { sender?: Incoming['sender'] },
    result: HandleResult,
    options: HandleOptions,
  ): Promise<HandleResult> {
    if (!options.outbox) return result;
    const rows = answerRows(to.chat.key, to.sender?.key, to.chat.kind === 'group', result, options.outbox);
    return { ...result, outboxIds: await commitAnswer(tx, rows, options.outbox) };
  }

  private async seen(updateId: string | undefined): Promise<boolean> {
    if (!updateId) return false;
    return (await this.options.store.db.processedUpdate.findUnique({ where: { key: updateId } })) !== null;
  }

  /** A user error becomes its translated reply; anything else is logged and apologised for. */
  private async failure(incoming: Incoming, error: unknown, options: HandleOptions): Promise<HandleResult> {
    const { store, clock, i18n, defaults, logger } = this.options;
    const known = error instanceof UserError;
    const ref = randomUUID().slice(0, 8);
    if (!known) logger?.error({ err: error, ref, command: incoming.command, chat: incoming.chat.key }, 'command failed');
    // The command's changes were rolled back; the ledger entry and the locale are still needed.
    // The error reply is committed with the ledger entry, so it is sent even after a crash.
    const answer = (locale: string): HandleResult => {
      const text = known ? errorMessages(error, i18n.translator(locale)) : [{ key: 'error-internal', args: { ref } }];
      return { locale, replies: [{ text }], notices: [], duplicate: false };
    };
    try {
      return await store.tx(clock.now(), async (tx) => {
        await this.claimUpdate(tx, incoming.updateId);
        const { locale } = await resolveContext(tx, incoming, clock, i18n, defaults);
        return this.commit(tx, incoming, answer(locale), options);
      });
    } catch (inner) {
      if (inner instanceof DuplicateUpdate || isUniqueViolation(inner))
        return { locale: defaults.locale, replies: [], notices: [], duplicate: true };
      logger?.error({ err: inner, ref }, 'could not record a failed update');
    }
    return answer(defaults.locale);
  }
}

/** A user error as sentences: one per bad line for multi-line input. */
function errorMessages(error: UserError, t: Translate): Msg[] {
  if (error instanceof LineErrors) {
    return [
      { key: 'error-lines', args: { count: error.problems.length } },
      ...error.problems.map((p): Msg =>
        p.cell
          ? { key: 'error-at-cell', args: { cell: p.cell, problem: t(p.key, p.args) } }
          : { key: 'error-at-line', args: { line: p.line, problem: t(p.key, p.args) } },
      ),
    ];
  }
  return [{ key: error.key, args: error.args }];
}

/** A button press runs the command line it carries (`/approve BL`). */
function withAction(incoming: Incoming): Incoming {
  const line = incoming.action!.trim();
  const match = /^\/([a-z0-9_]+)(?:\s+(.*))?$/s.exec(line);
  if (!match) return { ...incoming, command: '', args: '', body: '' };
  return { ...incoming, command: match[1]!, args: match[2] ?? '', body: '' };
}
