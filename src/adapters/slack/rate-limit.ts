/** Waits `ms`; the adapter's clock (tests pass one that does not sleep). */
export type Sleep = (ms: number) => Promise<void>;

/** Sleeps for real. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Web API 429 as the client reports it when told to reject rate-limited calls. */
function retryAfterOf(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: unknown } | undefined;
  return e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
}

/**
 * Runs one Web API call, waiting out every 429 for the `Retry-After` Slack asks (nothing is
 * dropped), as long as one wait is at most `maxSeconds`; a longer one is thrown to the caller
 * (a broadcast reports it as `rate-limited` and the scheduler retries later).
 */
export async function waitingOutRateLimits<T>(call: () => Promise<T>, options: { maxSeconds: number; sleep: Sleep }): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (error) {
      const seconds = retryAfterOf(error);
      if (seconds === undefined || seconds > options.maxSeconds) throw error;
      await options.sleep(seconds * 1000);
    }
  }
}
