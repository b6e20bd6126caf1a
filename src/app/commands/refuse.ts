import { decidePendingJoins } from '../join-decision.js';
import type { Command } from '../registry.js';

/**
 * `/refuse CODE` (`/tuchoi`): refuses the pending requests to represent unit CODE (the button
 * beside "approve" under a join request). Each person refused is told privately, on the
 * platform where they last wrote to the bot in a private chat.
 */
export const refuse: Command = {
  name: 'refuse',
  alias: 'tuchoi',
  scope: 'any',
  who: 'secretary',
  run: (ctx) =>
    decidePendingJoins(ctx, {
      usage: 'usage-refuse',
      status: 'revoked',
      action: 'role.refuse',
      privately: 'join-refused-private',
      done: 'refuse-done',
    }),
};
