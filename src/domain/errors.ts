/**
 * A mistake in what a person typed or asked for: shown to them, translated, and nothing changes.
 * Carries a locale message id and its arguments, never a sentence (sentences live in locales/).
 *
 * ```ts
 * throw new UserError('error-score-above-max', { code: '1.1', max: 10 });
 * ```
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}

/** One problem on one line of a multi-line input. */
export interface LineProblem {
  line: number;
  /** A spreadsheet cell's address (`C7`) when the input was a file: named instead of the line. */
  cell?: string;
  key: string;
  args: Record<string, string | number>;
}

/**
 * Several problems in a multi-line input (criteria table, a batch of scores): every bad line
 * is reported at once so the person can fix them all in one go.
 */
export class LineErrors extends UserError {
  constructor(readonly problems: LineProblem[]) {
    super('error-lines', { count: problems.length });
    this.name = 'LineErrors';
  }
}
