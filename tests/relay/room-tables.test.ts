/**
 * Tables through a real relay (src/lib/room/session.ts): each phone hears of its own table only,
 * its position counts there, its table reveals on its own, the scribe's summary reaches the
 * presenter and another phone's does not, a reload keeps the seat and the position, the end clears it.
 */
import { expect, it } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { joinPresenterRoom, type PhoneRoom } from '../../src/lib/room/session';
import { tableViews } from '../../src/lib/room/tables';
import { until } from './support';
import { cleanups, connect, hostedRoom } from './hosted';

const A = 'eigen-kracht-of-veiligheid';
const cleanup = cleanups();

it('seats phones at tables, reveals each table on its own, and takes the scribe’s summary only', async () => {
  const { address, presenter, link } = await hostedRoom(cleanup, A);
  const pids = [newParticipantId(), newParticipantId(), newParticipantId()];
  const phones: PhoneRoom[] = [];
  for (const pid of pids) {
    const phone = await joinPresenterRoom({ connect, relay: address, link, pid });
    cleanup.push(() => phone.stop());
    phones.push(phone);
    await until('joined', () => Object.keys(presenter.state().participants).length === phones.length);
  }
  const [p1, p2, p3] = phones as [PhoneRoom, PhoneRoom, PhoneRoom];

  presenter.tables({ kind: 'start', split: { by: 'count', n: 2 }, card: A });
  await until('seated', () => phones.every((p) => p.view().table?.n !== undefined));
  expect(phones.map((p) => p.view().table?.n)).toEqual([1, 2, 1]);
  expect(phones.map((p) => p.view().table?.scribe)).toEqual([true, true, false]);

  await p2.tableVote(60);
  await until('table 2 revealed', () => p2.view().table?.spread?.join() === '60');
  await p1.tableVote(20);
  await until('table 1 counted', () => p3.view().table?.chosen === 1);
  expect(p3.view().table?.spread).toBeUndefined();

  // A reload keeps the seat and the position.
  const again = await joinPresenterRoom({ connect, relay: address, link, pid: pids[0]! });
  cleanup.push(() => again.stop());
  await until('seat back', () => again.view().table?.position === 20);
  expect(again.view().table?.n).toBe(1);

  // Only the scribe's summary counts; a phone without the pen is told so and sends nothing.
  expect(await p3.summary('Niet van mij')).toBe(false);
  expect(await again.summary('Tafel een kiest')).toBe(true);
  await until('summary in', () => tableViews(presenter.state())[0]?.summary === 'Tafel een kiest');
  await p3.tableVote(80);
  await until('table 1 revealed', () => p3.view().table?.spread?.join() === '20,80');

  presenter.tables({ kind: 'end' });
  await until('tables ended', () => p2.view().table === null && again.view().table === null);
});
