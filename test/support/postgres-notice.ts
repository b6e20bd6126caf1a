import { POSTGRES_URL, postgresAvailable } from './store.js';

/**
 * Vitest global setup: when PostgreSQL is not reachable (and CI is not set), says so once more
 * after the whole run, where it cannot be missed among the suites' output: the PostgreSQL half
 * of the store, scenario, scheduler and race tests did not run. With CI=true the suites fail
 * instead (see `postgresAvailable`).
 */
export default async function setup(): Promise<() => void> {
  const up = process.env.CI === 'true' ? true : await postgresAvailable();
  return () => {
    if (!up) {
      console.warn(
        `\nPostgreSQL was not reachable at ${POSTGRES_URL}: the PostgreSQL tests were SKIPPED. Start PostgreSQL (or set TEST_POSTGRES_URL) to run them.\n`,
      );
    }
  };
}
