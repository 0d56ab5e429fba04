/**
 * Answers from the room over a real relay: an answer reaches the presenter only. Another phone
 * (a raw socket that records every frame it gets and decrypts it with the room key) never sees an
 * answer before the presenter shows it, and then only its text: no id, no name.
 */
import { expect, it } from 'vitest';
import { answersTo } from '../../src/lib/room/answers';
import { importRoomKey, newParticipantId } from '../../src/lib/room/crypto';
import { joinPresenterRoom } from '../../src/lib/room/session';
import { phone, trustPresenter, until } from './support';
import { cleanups, connect, hostedRoom } from './hosted';

const A = 'eigen-kracht-of-veiligheid';
const cleanup = cleanups();

it('an answer goes to the presenter only; other phones get what is shown, as text only', async () => {
  const { relay, address, presenter, link } = await hostedRoom(cleanup, A);
  const key = (await importRoomKey(link.key))!;
  await trustPresenter(key, link.pub);

  const pid = newParticipantId();
  const answering = await joinPresenterRoom({ connect, relay: address, link, pid, name: 'Sam' });
  cleanup.push(() => answering.stop());
  // The other phone: it joins as a phone does, and keeps every frame the relay hands it.
  const other = await phone(relay.url, link.room, key);
  cleanup.push(() => other.socket.disconnect());
  const raw: unknown[] = [];
  other.socket.onAny((event: string, ...args: unknown[]) => raw.push([event, ...args]));
  await other.send({ t: 'join' });
  await until('both in the room', () => answering.view().joined === 2);

  // Before a question, an answer is refused by the phone's own session.
  expect(await answering.answer(1, 'Te vroeg')).toBe(false);
  presenter.answers({ type: 'ask', card: A, text: 'Wat heb je nodig?' });
  const ask = (await until('the question on the phone', () => answering.view().ask))!;
  expect(ask).toMatchObject({ text: 'Wat heb je nodig?', open: true, shown: [] });
  await until('the question on the other phone', () => other.received.some((m) => m.t === 'ask' && m.q === ask.q));

  expect(await answering.answer(ask.q, 'Meer tijd')).toBe(true);
  expect(await answering.answer(ask.q, 'Vertrouwen')).toBe(true);
  await until('two answers at the presenter', () => answersTo(presenter.state().answers, ask.q).length === 2);
  const stored = answersTo(presenter.state().answers, ask.q);
  expect(stored.map((a) => [a.text, a.pid, a.shown])).toEqual([
    ['Meer tijd', pid, false],
    ['Vertrouwen', pid, false],
  ]);

  // Nothing of the answers reached the other phone: no `up` frame, no text in any `down` frame.
  expect(raw.some((e) => (e as unknown[])[0] === 'up')).toBe(false);
  expect(JSON.stringify(other.received)).not.toContain('Meer tijd');

  presenter.answers({ type: 'show', id: stored[1]!.id });
  await until('the shown answer on the other phone', () =>
    other.received.some((m) => m.t === 'ask' && m.shown.some((s) => s.text === 'Vertrouwen')),
  );
  await until('and on the answering phone', () => answering.view().ask?.shown.length === 1);
  const seen = JSON.stringify(other.received);
  expect(seen).not.toContain('Meer tijd');
  expect(seen).not.toContain(pid);
  expect(seen).not.toContain('Sam');

  // Closed: the session refuses more, and a forged late answer from a raw phone is dropped.
  presenter.answers({ type: 'stop' });
  await until('closed on the phone', () => answering.view().ask?.open === false);
  expect(await answering.answer(ask.q, 'Te laat')).toBe(false);
  await other.send({ t: 'answer', q: ask.q, text: 'Te laat, vervalst' });
  await other.send({ t: 'vote', card: A, position: 10 });
  await until('the vote after it arrived', () => presenter.state().votes[A]?.[other.pid] === 10);
  expect(answersTo(presenter.state().answers, ask.q)).toHaveLength(2);
});
