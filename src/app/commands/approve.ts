import { decidePendingJoins } from '../join-decision.js';
import type { Command } from '../registry.js';

/**
 * `/approve CODE` (`/duyet`): approves the pending requests to represent unit CODE; each person
 * approved is told privately (where they last wrote to the bot in a private chat).
 */
export const approve: Command = {
  name: 'approve',
  alias: 'duyet',
  scope: 'any',
  who: 'secretary',
  run: (ctx) =>
    decidePendingJoins(ctx, {
      usage: 'usage-approve',
      status: 'active',
      action: 'role.approve',
      privately: 'join-approved-private',
      done: 'approve-done',
    }),
};
