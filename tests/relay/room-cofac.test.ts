/**
 * The co-facilitator over a real relay: the presenter hands moderation to a second device, which
 * gets the answer queue (hidden answers too) and shows one. An ordinary phone (a raw socket that
 * keeps every frame and opens what it can with the room key) never gets the queue, not even sealed;
 * its forged command changes nothing; a withdrawn device's commands are dropped.
 */
import { expect, it } from 'vitest';
import { answersTo } from '../../src/lib/room/answers';
import { deriveCoFacKeys, parseCoFacFragment, signCommand } from '../../src/lib/room/cofac';
import { joinAsCoFac } from '../../src/lib/room/cofac-client';
import { type CoFacHost, startCoFacHost } from '../../src/lib/room/cofac-host';
import { importRoomKey, openFrame, sealFrame } from '../../src/lib/room/crypto';
import { joinPresenterRoom } from '../../src/lib/room/session';
import { base64urlToBytes, bytesToBase64url } from '../../src/lib/room/wire';
import { phone, sleep, trustPresenter, until } from './support';
import { cleanups, connect, hostedRoom } from './hosted';

const A = 'eigen-kracht-of-veiligheid';
const cleanup = cleanups();

it('the co-facilitator moderates; an ordinary phone neither reads the queue nor moderates; a withdrawn one is dropped', async () => {
  // As the control view does: every change of the room's state may change the device's queue.
  let live: CoFacHost | null = null;
  const { relay, address, presenter, link } = await hostedRoom(cleanup, A, {
    onChange: (state) => void live?.sync(state.answers),
  });
  const key = (await importRoomKey(link.key))!;
  await trustPresenter(key, link.pub);
  const drops: string[] = [];
  const host = startCoFacHost({ room: presenter, onDrop: (r) => drops.push(r) });
  live = host;
  cleanup.push(() => host.stop());

  // An ordinary phone that keeps every frame the relay hands it, raw.
  const other = await phone(relay.url, link.room, key);
  cleanup.push(() => other.socket.disconnect());
  const raw: string[] = [];
  other.socket.on('down', (frame: string) => raw.push(frame));
  await other.send({ t: 'join' });
  const answering = await joinPresenterRoom({ connect, relay: address, link, pid: 'p'.repeat(22) });
  cleanup.push(() => answering.stop());
  await until('two phones', () => answering.view().joined === 2);

  presenter.answers({ type: 'ask', card: A, text: 'Wat heb je nodig?' });
  const ask = (await until('the question', () => answering.view().ask))!;
  await answering.answer(ask.q, 'Geheim verborgen antwoord');
  await answering.answer(ask.q, 'Meer tijd');
  await until('two answers', () => answersTo(presenter.state().answers, ask.q).length === 2);

  const fragment = await host.handOver();
  const parsed = parseCoFacFragment(fragment);
  if (!parsed.ok) throw new Error('no moderation link');
  const device = await joinAsCoFac({ connect, relay: address, link: parsed });
  cleanup.push(() => device.stop());
  const queue = (await until('the queue on the device', () => device.view().queue))!;
  expect(queue.answers.map((a) => [a.text, a.shown])).toEqual([
    ['Geheim verborgen antwoord', false],
    ['Meer tijd', false],
  ]);
  expect(host.status().kind).toBe('here');
  // The device takes no place among the voters.
  expect(Object.keys(presenter.state().participants)).toHaveLength(2);

  const meer = queue.answers[1]!.id;
  expect(await device.command('show', meer)).toBe(true);
  await until('shown on the phone', () => answering.view().ask?.shown.some((s) => s.text === 'Meer tijd'));
  await until('the device sees it shown', () => device.view().queue?.answers[1]?.shown === true);

  // The ordinary phone forges commands: a vote-shaped frame, a command with a MAC of its own key.
  const secret = queue.answers[0]!.id;
  const wrong = await deriveCoFacKeys('A'.repeat(43), link.room);
  const forged = {
    ...(await signCommand(wrong, link.room, { n: Date.now() + 1000, c: 'show', id: secret })),
    kid: (await deriveCoFacKeys(parsed.mod, link.room)).kid,
  };
  other.socket.emit('up', await sealFrame(key, link.room, 'up', forged));
  // And it replays the device's own frame from its socket (it could not read it, but a relay could copy it).
  const copied = await signCommand(await deriveCoFacKeys(parsed.mod, link.room), link.room, {
    n: Date.now() + 5000,
    c: 'show',
    id: secret,
  });
  other.socket.emit('up', await sealFrame(key, link.room, 'up', copied));
  await until('both dropped', () => drops.includes('mac') && drops.includes('peer'));
  await sleep(100);
  expect(answersTo(presenter.state().answers, ask.q).find((a) => a.id === secret)!.shown).toBe(false);

  // Nothing the ordinary phone got holds the hidden answer: not in clear, and no frame it can open is the queue.
  let opened = 0;
  for (const frame of raw) {
    const bytes = base64urlToBytes(frame)!;
    // The room key opens every frame the phone got (the signature's 64 bytes cut off): none is the queue.
    const body = await openFrame(key, link.room, 'down', bytesToBase64url(bytes.subarray(0, bytes.length - 64)));
    if (!body.ok) continue;
    opened++;
    expect(JSON.stringify(body.value)).not.toContain('Geheim');
    expect((body.value as { t: string }).t).not.toBe('mod');
  }
  expect(opened).toBe(raw.length);
  expect(opened).toBeGreaterThan(3);
  expect(JSON.stringify(other.received)).not.toContain('Geheim');

  // Withdrawn: the device is told, and its next command is dropped.
  await host.withdraw();
  await until('the device knows', () => device.view().phase === 'withdrawn');
  expect(await device.command('show', secret)).toBe(false);
  const late = await signCommand(await deriveCoFacKeys(parsed.mod, link.room), link.room, {
    n: Date.now() + 9000,
    c: 'show',
    id: secret,
  });
  drops.length = 0;
  const before = device.view();
  // Whoever kept the old link sends it anyway, as a script would.
  const script = await phone(relay.url, link.room, key);
  cleanup.push(() => script.socket.disconnect());
  script.socket.emit('up', await sealFrame(key, link.room, 'up', late));
  await sleep(200);
  expect(before.phase).toBe('withdrawn');
  expect(answersTo(presenter.state().answers, ask.q).find((a) => a.id === secret)!.shown).toBe(false);
});

it('a new hand-over replaces the old device, which is told', async () => {
  const { address, presenter } = await hostedRoom(cleanup, A);
  const host = startCoFacHost({ room: presenter });
  cleanup.push(() => host.stop());
  const first = parseCoFacFragment(await host.handOver());
  if (!first.ok) throw new Error('no link');
  const one = await joinAsCoFac({ connect, relay: address, link: first });
  cleanup.push(() => one.stop());
  await until('the first device ready', () => one.view().phase === 'ready');
  const second = parseCoFacFragment(await host.handOver());
  if (!second.ok) throw new Error('no link');
  await until('the first device withdrawn', () => one.view().phase === 'withdrawn');
  const two = await joinAsCoFac({ connect, relay: address, link: second });
  cleanup.push(() => two.stop());
  await until('the second device ready', () => two.view().phase === 'ready');
  // The same link opened on another device: the newest moderates, the one before is told.
  const three = await joinAsCoFac({ connect, relay: address, link: second });
  cleanup.push(() => three.stop());
  await until('the third ready', () => three.view().phase === 'ready');
  await until('the second replaced', () => two.view().phase === 'replaced');
  await presenter.close();
  await until('the third sees the end', () => three.view().phase === 'closed');
});
