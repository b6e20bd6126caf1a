import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackUser } from '../support/fake-slack.js';
import { startSlack, type SlackWorld } from './harness.js';

// Answered at once by Bolt's listeners, and through the durable inbox and outbox (as `main.ts` runs it).
describe.each([
  { path: 'answered by the listeners', durable: false },
  { path: 'through the durable inbox and outbox', durable: true },
])('Slack adapter over HTTP (real Bolt, fake Web API), $path', ({ durable }) => {
  let w: SlackWorld;
  let lan: SlackUser;
  let channel: string;

  beforeAll(async () => {
    w = await startSlack(durable ? { durable: {} } : {});
    lan = w.fake.user('Nguyễn Thị Lan', { name: 'lan' });
    channel = w.fake.channel();
  });
  afterAll(async () => w.stop());

  it('acknowledges a slash command at once and answers in the channel after', async () => {
    const answer = await w.events.slash(channel, lan.id, 'setup Khối thi đua phía Bắc');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    await w.settled();
    const posts = w.fake.postsIn(channel);
    expect(posts.at(-1)!.method).toBe('chat.postMessage');
    expect(posts.at(-1)!.text).toMatch(/Khối thi đua phía Bắc/);
  });

  it('/thidua alone is help; Vietnamese aliases are sub-commands', async () => {
    const before = w.fake.postsIn(channel).length;
    await w.events.slash(channel, lan.id, '');
    await w.settled();
    const help = w.fake.postsIn(channel).slice(before);
    expect(help.length).toBeGreaterThan(0);
    expect(help.map((p) => p.text).join('\n')).toMatch(/\/addunit \(\/themdonvi\)/);
    const n = w.fake.postsIn(channel).length;
    await w.events.slash(channel, lan.id, 'namthidua 2026');
    await w.settled();
    expect(
      w.fake
        .postsIn(channel)
        .slice(n)
        .map((p) => p.text)
        .join('\n'),
    ).toMatch(/2026/);
  });

  it('takes a mention with a body on the following lines as one command, however many events carry it', async () => {
    const before = w.fake.postsIn(channel).length;
    const { answers } = await w.events.mention(channel, lan.id, 'addunit\nSNV Sở Nội vụ\nSTP Sở Tư pháp');
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await w.settled();
    const posts = w.fake.postsIn(channel).slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toMatch(/SNV/);
    const units = await w.store.db.unit.findMany({ where: { code: { in: ['SNV', 'STP'] } } });
    expect(units).toHaveLength(2);
  });

  it('ignores a retried event: nothing changes and nothing is answered twice', async () => {
    await w.events.mention(channel, lan.id, 'addunit\nSYT Sở Y tế');
    await w.settled();
    const before = w.fake.postsIn(channel).length;
    const retry = await w.events.redeliver(1);
    expect(retry.status).toBe(200);
    await w.settled();
    expect(w.fake.postsIn(channel).length).toBe(before);
    expect(await w.store.db.unit.count({ where: { code: 'SYT' } })).toBe(1);
  });

  it('refuses bad, missing and stale signatures with 401 and processes nothing', async () => {
    const calls = w.fake.calls.length;
    const bad = await w.events.slash(channel, lan.id, 'addunit SBAD Sở Sai', '/thidua', { secret: 'not-the-secret' });
    const missing = await w.events.slash(channel, lan.id, 'addunit SBAD Sở Sai', '/thidua', { unsigned: true });
    const stale = await w.events.slash(channel, lan.id, 'addunit SBAD Sở Sai', '/thidua', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect([bad.status, missing.status, stale.status]).toEqual([401, 401, 401]);
    await w.settled();
    expect(w.fake.calls.length).toBe(calls);
    expect(await w.store.db.unit.count({ where: { code: 'SBAD' } })).toBe(0);
  });

  it('refuses a body over 1 MB', async () => {
    const answer = await w.events.post(JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(1024 * 1024) }), 'application/json');
    expect(answer.status).toBe(413);
  });

  it('answers the URL check', async () => {
    const answer = await w.events.post(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }), 'application/json');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ challenge: 'abc123' });
  });

  it('shows errors only to the person who asked (ephemeral)', async () => {
    const before = w.fake.postsIn(channel).length;
    await w.events.slash(channel, lan.id, 'khongcolenhnay');
    await w.settled();
    const posts = w.fake.postsIn(channel).slice(before);
    expect(posts.map((p) => [p.method, p.user])).toEqual([['chat.postEphemeral', lan.id]]);
    expect(posts[0]!.text).toMatch(/khongcolenhnay/);
  });

  it('escapes & < > in mrkdwn and shows them back as typed', async () => {
    const before = w.fake.postsIn(channel).length;
    await w.events.slash(channel, lan.id, 'kh&đt<b>');
    await w.settled();
    const post = w.fake.postsIn(channel).slice(before)[0]!;
    expect(post.mrkdwn).toContain('/kh&amp;đt&lt;b&gt;');
    expect(post.text).toContain('/kh&đt<b>');
  });

  it('introduces itself when it joins a channel', async () => {
    const other = w.fake.channel();
    await w.events.botJoins(other, lan.id);
    await w.settled();
    const text = w.fake
      .postsIn(other)
      .map((p) => p.text)
      .join('\n');
    expect(text).toMatch(/\/thidua/);
    expect(await w.store.db.chat.count({ where: { key: `slack:${w.fake.team}:${other}` } })).toBe(1);
  });

  it('uses person keys with the workspace and the display name from users.info', async () => {
    const person = await w.store.db.person.findUnique({ where: { key: `slack:${w.fake.team}:${lan.id}` } });
    expect(person?.displayName).toBe('Nguyễn Thị Lan');
    expect(w.fake.calls.filter((c) => c.method === 'users.info' && c.params.user === lan.id)).toHaveLength(1);
  });
});
