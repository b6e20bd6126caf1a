import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from '@fluent/bundle';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Msg } from '../reply.js';

/** The languages the bot speaks; Vietnamese is the default. */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Turns a message id and its arguments into a sentence in one language. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

/** True when `value` names a language the bot speaks. */
export function isLocale(value: string | undefined | null): value is Locale {
  return value === 'vi' || value === 'en';
}

/**
 * Fluent bundles for every locale, loaded once from `locales/`: `vi.ftl`, then any
 * `vi.<area>.ftl` (reports, reminders, platforms), likewise for `en`.
 * Numbers format per language: `8,5` in Vietnamese, `8.5` in English.
 */
export class I18n {
  private readonly bundles = new Map<Locale, FluentBundle>();
  /** Message ids defined per locale (for the completeness test). */
  readonly ids = new Map<Locale, Set<string>>();

  constructor(
    readonly dir: string,
    readonly fallback: Locale = 'vi',
  ) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ftl'))
      .sort();
    for (const locale of LOCALES) {
      const bundle = new FluentBundle(locale === 'vi' ? 'vi-VN' : 'en-GB', { useIsolating: false });
      const ids = new Set<string>();
      for (const file of files.filter((f) => f === `${locale}.ftl` || f.startsWith(`${locale}.`))) {
        const resource = new FluentResource(readFileSync(join(dir, file), 'utf8'));
        const errors = bundle.addResource(resource);
        if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
        for (const entry of resource.body) ids.add(entry.id);
      }
      this.bundles.set(locale, bundle);
      this.ids.set(locale, ids);
    }
  }

  /** A translator bound to one language (unknown languages fall back to the default). */
  translator(locale: string | null | undefined): Translate {
    return (key, args) => this.format(isLocale(locale) ? locale : this.fallback, key, args);
  }

  /** One message as text. An unknown id is a bug: it throws rather than showing the id. */
  format(locale: Locale, key: string, args?: Record<string, string | number>): string {
    const bundle = this.bundles.get(locale)!;
    const message = bundle.getMessage(key);
    if (!message?.value) throw new Error(`missing locale message "${key}" (${locale})`);
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, args && fluentArgs(args), errors);
    if (errors.length) throw new Error(`locale message "${key}" (${locale}): ${errors.map((e) => e.message).join('; ')}`);
    return text;
  }

  /** Several messages, one a line. */
  lines(locale: string | null | undefined, msgs: Msg[]): string {
    const t = this.translator(locale);
    return msgs.map((m) => t(m.key, m.args)).join('\n');
  }

  /** A number of points in the language's style, up to two decimals (`8,5` / `8.5`). */
  points(locale: string | null | undefined, value: number): string {
    return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2, useGrouping: false }).format(value);
  }
}

/**
 * Numbers in messages are points, counts or years: up to two decimals and no grouping, so a
 * year stays `2026` and a score reads `8,5` in Vietnamese. Plural selection still sees numbers.
 */
function fluentArgs(args: Record<string, string | number>): Record<string, FluentVariable> {
  const out: Record<string, FluentVariable> = {};
  for (const [name, value] of Object.entries(args)) {
    out[name] = typeof value === 'number' ? new FluentNumber(value, { maximumFractionDigits: 2, useGrouping: false }) : value;
  }
  return out;
}
