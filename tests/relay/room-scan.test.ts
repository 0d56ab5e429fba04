/** The room scan over a real relay (src/lib/room/session.ts): votes on every scan card, the spreads after the reveal. */
import { expect, it } from 'vitest';
import { newParticipantId } from '../../src/lib/room/crypto';
import { positionsOn } from '../../src/lib/room/reducer';
import { scanDone } from '../../src/lib/room/room-scan';
import { joinPresenterRoom, type PhoneRoom } from '../../src/lib/room/session';
import { until } from './support';
import { cleanups, connect, hostedRoom } from './hosted';

const [A, B, C, D] = ['eigen-kracht-of-veiligheid', 'doel-of-besparing', 'kind-of-ouders', 'praten-of-doen'];
const cleanup = cleanups();

it('phones place themselves on every scan card; the reveal sends each spread, also to a phone that comes later', async () => {
  const { address, presenter, link } = await hostedRoom(cleanup, A);
  const phone = async () => {
    const p = await joinPresenterRoom({ connect, relay: address, link, pid: newParticipantId() });
    cleanup.push(() => p.stop());
    return p;
  };
  const phones: PhoneRoom[] = [await phone(), await phone()];
  await until('two joined', () => phones.every((p) => p.view().joined === 2));

  presenter.scan({ kind: 'start', cards: [B, C, D] });
  await until('the scan on the phones', () => phones.every((p) => p.view().scan?.cards.join() === [B, C, D].join()));
  // A card outside the scan is not sent, and the presenter would drop it.
  await phones[0]!.scanVote(A, 5);
  for (const [i, p] of phones.entries())
    for (const [k, card] of [B, C, D].entries()) await p.scanVote(card, 10 * (i + k));
  await until('both done', () => scanDone(presenter.state()) === 2);
  expect(positionsOn(presenter.state(), A)).toEqual([]);
  expect(phones[0]!.view().scan?.spreads).toEqual({});

  presenter.scan({ kind: 'reveal' });
  await until('the spreads on the phones', () =>
    phones.every((p) => p.view().scan?.phase === 'revealed' && p.view().scan?.spreads[D]?.join() === '20,30'),
  );
  expect(phones[1]!.view().scan?.spreads).toEqual({ [B]: [0, 10], [C]: [10, 20], [D]: [20, 30] });
  // Too late: the reveal closed the scan's cards.
  await phones[1]!.scanVote(B, 99);
  const late = await phone();
  await until('a late phone gets the spreads', () => late.view().scan?.spreads[C]?.join() === '10,20');
  expect(
    positionsOn(presenter.state(), B)
      .map((p) => p.position)
      .sort(),
  ).toEqual([0, 10]);

  presenter.scan({ kind: 'end' });
  await until('the scan is over on the phones', () => [...phones, late].every((p) => p.view().scan === null));
});
