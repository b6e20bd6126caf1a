import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Core, HandleResult } from '../../app/core.js';
import type { Incoming } from '../../app/ports.js';
import type { SheetForm, SheetFormReader } from '../../app/sheet-form.js';
import { UserError } from '../../domain/errors.js';
import type { I18n } from '../../i18n/i18n.js';
import type { ConversationLoop } from '../kit/conversation.js';
import type { SheetRequest } from './handlers.js';
import type { SlackOrigin } from './incoming.js';
import type { SlackUsers } from './users.js';
import { personKey } from './incoming.js';

/** The `callback_id`s of the bot's modals. */
const SHEET_VIEW = 'thidua-sheet';
const CRITERIA_VIEW = 'thidua-criteria';
/** Block Kit: at most 100 blocks a modal (two a criterion), titles ≤ 24 characters. */
const MAX_LINES = 49;
const TITLE_LIMIT = 24;
const NUMBER = /^\d+(?:[.,]\d+)?$/;

/** What a modal remembers between opening and submission (`private_metadata`, ≤ 3,000 characters). */
interface Memo {
  team: string;
  channel: string;
  kind: 'group' | 'private';
  title?: string;
  /** Criterion code → [points as shown, note] when the modal was opened. */
  initial?: Record<string, [string, string]>;
}

/** What the forms need of the adapter. */
export interface FormDeps {
  core: Core;
  i18n: I18n;
  loop: ConversationLoop<SlackOrigin>;
  users: SlackUsers;
  logger: Logger;
  readSheet: SheetFormReader;
}

/**
 * Slack's modals, for whole tables at once: the score sheet (`/thidua sheet` or its button),
 * one input per criterion prefilled with the unit's current scores and notes, saved as ONE
 * `/score` of the changed lines through the core (same checks, same versions; a bad line is
 * shown on its field with `response_action: errors`); and the criteria table, whose pasted
 * body goes to `/criteria`. The forms hold no rule: the sheet comes from the app's
 * `SheetFormReader`, the saving is the core's.
 */
export class SlackForms {
  constructor(private readonly deps: FormDeps) {}

  /** Opens the form a sub-command asks for; true when one was opened (or its refusal answered). */
  async open(form: 'sheet' | 'criteria', request: SheetRequest, client: App['client']): Promise<boolean> {
    const { origin, incoming, locale } = request;
    const memo: Memo = {
      team: origin.team,
      channel: origin.channel,
      kind: origin.kind,
      ...(incoming.chat.title ? { title: incoming.chat.title } : {}),
    };
    if (form === 'criteria') {
      await client.views.open({ trigger_id: request.triggerId, view: this.criteriaView(locale, memo) as never });
      return true;
    }
    let sheet: SheetForm;
    try {
      sheet = await this.deps.readSheet({ ...incoming, updateId: undefined, command: 'score' });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      await this.deps.loop.say(origin, locale, error.key, error.args);
      return true;
    }
    await client.views.open({ trigger_id: request.triggerId, view: this.sheetView(sheet, memo) as never });
    return true;
  }

  /** Installs the submission listeners. */
  install(app: App): void {
    app.view(SHEET_VIEW, async ({ ack, body, view }) => {
      const memo = JSON.parse(view.private_metadata) as Memo;
      const values = view.state.values;
      const user = body.user.id;
      const locale = (await this.deps.users.get(memo.team, user)).languageCode === 'en' ? 'en' : 'vi';
      const t = this.deps.i18n.translator(locale);
      const errors: Record<string, string> = {};
      const lines: { code: string; text: string }[] = [];
      for (const [code, [shown, note]] of Object.entries(memo.initial ?? {})) {
        const points = (values[`s:${code}`]?.v?.value ?? '').trim();
        const newNote = (values[`n:${code}`]?.v?.value ?? '').trim().replace(/\s+/g, ' ');
        if (!points) continue;
        if (!NUMBER.test(points)) errors[`s:${code}`] = t('slack-sheet-bad-number');
        else if (points !== shown || newNote !== note) lines.push({ code, text: `${code} ${points}${newNote ? ` ${newNote}` : ''}` });
      }
      if (Object.keys(errors).length) return void (await ack({ response_action: 'errors', errors }));
      const origin: SlackOrigin = { team: memo.team, channel: memo.channel, user, kind: memo.kind };
      if (!lines.length) {
        await ack();
        await this.deps.loop.say(origin, locale, 'slack-sheet-no-change');
        return;
      }
      const result = await this.run(
        memo,
        user,
        `slack:${memo.team}:view:${view.id}:${submissionOf(body)}`,
        'score',
        lines.map((l) => l.text).join('\n'),
      );
      const fieldErrors = result && lineErrors(result, lines, t);
      if (fieldErrors) return void (await ack({ response_action: 'errors', errors: fieldErrors }));
      await ack();
      if (result) await this.deps.loop.deliver(result, origin);
    });
    app.view(CRITERIA_VIEW, async ({ ack, body, view }) => {
      await ack();
      const memo = JSON.parse(view.private_metadata) as Memo;
      const text = view.state.values.body?.v?.value ?? '';
      const origin: SlackOrigin = { team: memo.team, channel: memo.channel, user: body.user.id, kind: memo.kind };
      const result = await this.run(memo, body.user.id, `slack:${memo.team}:view:${view.id}:${submissionOf(body)}`, 'criteria', text);
      if (result) await this.deps.loop.deliver(result, origin);
    });
  }

  /** Runs the command a form stands for, as if typed in the channel it was opened from. */
  private async run(memo: Memo, user: string, updateId: string, command: string, body: string): Promise<HandleResult | undefined> {
    const person = await this.deps.users.get(memo.team, user);
    const incoming: Incoming = {
      platform: 'slack',
      updateId,
      chat: { key: `slack:${memo.team}:${memo.channel}`, kind: memo.kind, ...(memo.title ? { title: memo.title } : {}) },
      sender: {
        key: personKey(memo.team, user),
        displayName: person.displayName,
        username: person.username,
        languageCode: person.languageCode,
      },
      command,
      args: '',
      body,
    };
    try {
      return await this.deps.core.handle(incoming);
    } catch (error) {
      this.deps.logger.error({ err: error, command }, 'slack: form submission failed');
      return undefined;
    }
  }

  private sheetView(sheet: SheetForm, memo: Memo): Record<string, unknown> {
    const t = this.deps.i18n.translator(sheet.locale);
    const lines = sheet.lines.slice(0, MAX_LINES);
    const initial: Record<string, [string, string]> = {};
    const blocks: Record<string, unknown>[] = [
      { type: 'context', elements: [{ type: 'mrkdwn', text: escape(`${sheet.unit.code} · ${sheet.unit.name} · ${sheet.round.year}`) }] },
    ];
    for (const line of lines) {
      const shown = line.points === undefined ? '' : this.deps.i18n.points(sheet.locale, line.points);
      initial[line.code] = [shown, line.note ?? ''];
      const label = clip(
        t('slack-sheet-score', { code: line.code, name: line.title, max: this.deps.i18n.points(sheet.locale, line.max) }),
        2000,
      );
      blocks.push({
        type: 'input',
        block_id: `s:${line.code}`,
        optional: true,
        label: { type: 'plain_text', text: label },
        element: { type: 'plain_text_input', action_id: 'v', ...(shown ? { initial_value: shown } : {}) },
      });
      blocks.push({
        type: 'input',
        block_id: `n:${line.code}`,
        optional: true,
        label: { type: 'plain_text', text: clip(t('slack-sheet-note', { code: line.code }), 2000) },
        element: { type: 'plain_text_input', action_id: 'v', ...(line.note ? { initial_value: line.note } : {}) },
      });
    }
    return this.modal(sheet.locale, SHEET_VIEW, 'slack-sheet-title', { ...memo, initial }, blocks);
  }

  private criteriaView(locale: string, memo: Memo): Record<string, unknown> {
    const t = this.deps.i18n.translator(locale);
    const blocks = [
      {
        type: 'input',
        block_id: 'body',
        label: { type: 'plain_text', text: t('slack-criteria-body') },
        element: { type: 'plain_text_input', action_id: 'v', multiline: true },
      },
    ];
    return this.modal(locale, CRITERIA_VIEW, 'slack-criteria-title', memo, blocks);
  }

  private modal(locale: string, id: string, titleKey: string, memo: Memo, blocks: Record<string, unknown>[]): Record<string, unknown> {
    const t = this.deps.i18n.translator(locale);
    const text = (key: string) => ({ type: 'plain_text', text: clip(t(key), TITLE_LIMIT) });
    return {
      type: 'modal',
      callback_id: id,
      title: text(titleKey),
      submit: text('slack-sheet-submit'),
      close: text('slack-sheet-cancel'),
      private_metadata: JSON.stringify(memo),
      blocks,
    };
  }
}

/** The core refused some lines (`error-at-line`): each problem on its criterion's field. */
function lineErrors(
  result: HandleResult,
  lines: { code: string }[],
  t: (key: string, args?: Record<string, string | number>) => string,
): Record<string, string> | undefined {
  const text = result.replies[0]?.text ?? [];
  if (text[0]?.key !== 'error-lines') return undefined;
  const errors: Record<string, string> = {};
  for (const msg of text.slice(1)) {
    // The body's first line is line 2 of the command (line 1 is its empty argument line).
    const line = lines[Number(msg.args?.line) - 2];
    if (line) errors[`s:${line.code}`] = clip(String(msg.args?.problem ?? t(msg.key, msg.args)), 150);
  }
  return Object.keys(errors).length ? errors : undefined;
}

/** What tells one submission of a modal from another (the same view may be submitted again after errors). */
function submissionOf(body: object): string {
  return 'trigger_id' in body && typeof body.trigger_id === 'string' ? body.trigger_id : randomUUID();
}

function clip(text: string, limit: number): string {
  return [...text].length > limit ? `${[...text].slice(0, limit - 1).join('')}…` : text;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
