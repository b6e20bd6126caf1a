import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The environment, parsed once (zod) into a typed `Config`. Only this module reads
 * `process.env`; everything else receives what it needs from `main.ts`.
 */
const schema = z.object({
  DATABASE_URL: z.string().default('file:./data/bot.db'),
  TELEGRAM_BOT_TOKEN: z.string().optional(),
  TELEGRAM_API_ROOT: z.string().url().optional(),
  TELEGRAM_WEBHOOK_URL: z.string().url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'only A-Z, a-z, 0-9, _ and -')
    .optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().url().optional(),
  SLACK_COMMAND: z
    .string()
    .regex(/^\/[a-z0-9_-]{1,31}$/, 'a slash and up to 31 lower-case letters, digits, - or _')
    .default('/thidua'),
  ZALO_BOT_TOKEN: z.string().optional(),
  ZALO_API_ROOT: z.string().url().optional(),
  ZALO_WEBHOOK_URL: z.string().url().optional(),
  ZALO_WEBHOOK_SECRET: z.string().min(8).max(256).optional(),
  ZALO_MONTHLY_QUOTA: z.coerce.number().int().min(1).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  LINK_SECRET: z.string().min(16).optional(),
  BOT_TIMEZONE: z.string().default('Asia/Ho_Chi_Minh'),
  BOT_LOCALE: z.enum(['vi', 'en']).default('vi'),
  SCHEDULER_CRON: z.string().default('* * * * *'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Telegram settings, present when `TELEGRAM_BOT_TOKEN` is set. */
export interface TelegramConfig {
  token: string;
  apiRoot?: string;
  webhookUrl?: string;
  webhookSecret?: string;
}

/**
 * Slack settings, present when `SLACK_BOT_TOKEN` is set: over HTTP with the signing secret,
 * or through Socket Mode with the app-level token.
 */
export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  /** The one slash command (`/thidua`). */
  command: string;
}

/** Zalo settings, present when `ZALO_BOT_TOKEN` is set. */
export interface ZaloConfig {
  token: string;
  apiRoot?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Outbound messages per calendar month the bot may send (the free plan's ≈ 3,000). */
  monthlyQuota: number;
}

/** Signed download links: where files are served from and the key their tokens are signed with. */
export interface LinkConfig {
  /** The instance's public address (`https://thidua.example.gov.vn`); without it no link is made. */
  publicUrl?: string;
  /** `LINK_SECRET`, or one derived from the platform tokens (the same on every instance). */
  secret: string;
}

/** Everything the bot is configured with. */
export interface Config {
  databaseUrl: string;
  timezone: string;
  locale: 'vi' | 'en';
  schedulerCron: string;
  port: number;
  logLevel: string;
  telegram?: TelegramConfig;
  slack?: SlackConfig;
  zalo?: ZaloConfig;
  links: LinkConfig;
}

/**
 * The key signed links are signed with: `LINK_SECRET`, else a hash of the platform tokens (so
 * every instance with the same tokens signs and verifies alike), else of the database URL
 * (the console, where links are of no use but must still be unguessable to others).
 */
function linkSecretOf(e: z.infer<typeof schema>): string {
  if (e.LINK_SECRET) return e.LINK_SECRET;
  const material = [e.TELEGRAM_BOT_TOKEN, e.SLACK_BOT_TOKEN, e.ZALO_BOT_TOKEN].filter(Boolean).join('|') || e.DATABASE_URL;
  return createHash('sha256').update(`links:${material}`).digest('base64url');
}

/** Parses the environment; throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Bad configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    databaseUrl: e.DATABASE_URL,
    timezone: e.BOT_TIMEZONE,
    locale: e.BOT_LOCALE,
    schedulerCron: e.SCHEDULER_CRON,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhookUrl: e.TELEGRAM_WEBHOOK_URL,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
        }
      : undefined,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          apiUrl: e.SLACK_API_URL,
          command: e.SLACK_COMMAND,
        }
      : undefined,
    zalo: e.ZALO_BOT_TOKEN
      ? {
          token: e.ZALO_BOT_TOKEN,
          apiRoot: e.ZALO_API_ROOT,
          webhookUrl: e.ZALO_WEBHOOK_URL,
          webhookSecret: e.ZALO_WEBHOOK_SECRET,
          monthlyQuota: e.ZALO_MONTHLY_QUOTA,
        }
      : undefined,
    links: { publicUrl: e.PUBLIC_URL, secret: linkSecretOf(e) },
  };
}
