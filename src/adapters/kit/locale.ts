import type { Locale } from '../../i18n/i18n.js';

/**
 * The language to answer someone in before the core has said (an apology, an adapter's own
 * advice): their platform's language when the bot speaks it, else the configured default
 * (`BOT_LOCALE`). The one fallback of every adapter.
 */
export function localeFor(languageCode: string | undefined, fallback: Locale): Locale {
  const language = languageCode?.toLowerCase().slice(0, 2);
  return language === 'en' || language === 'vi' ? language : fallback;
}
