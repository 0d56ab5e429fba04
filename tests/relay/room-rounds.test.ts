/**
 * The shift and the timer through a real relay (src/lib/room/session.ts): "Stem opnieuw" reaches
 * the phones as round two with no position, a phone's vote counts in round two, a late frame of
 * round one does not; the presenter's timer reaches every phone as time left, a phone that joins
 * later gets it too, and a pause and "off" follow.
 */
import { expect, it } from 'vitest';
import { start, pause, timerFor } from '../../src/lib/deck/timer';
import { newParticipantId } from '../../src/lib/room/crypto';
import { positionsOn } from '../../src/lib/room/reducer';
import { roundOf, roundsOn } from '../../src/lib/room/rounds';
import { joinPresenterRoom } from '../../src/lib/room/session';
import { phoneLeft } from '../../src/lib/room/timer';
import { until } from './support';
import { cleanups, connect, hostedRoom } from './hosted';

const A = 'eigen-kracht-of-veiligheid';
const cleanup = cleanups();

it('opens round two on the phones, counts its votes apart, and sends the timer to every phone', async () => {
  const { address, presenter, link } = await hostedRoom(cleanup, A);

  const pid = newParticipantId();
  const phone = await joinPresenterRoom({ connect, relay: address, link, pid });
  cleanup.push(() => phone.stop());
  await until('joined', () => phone.view().card === A && phone.view().joined === 1);

  // The timer: started, the phone counts down from what is left.
  presenter.setTimer(start(timerFor(5), Date.now()));
  await until('the timer on the phone', () => phone.view().timer?.run === 'running');
  const left = phoneLeft(phone.view().timer!, performance.now());
  expect(left).toBeGreaterThan(290_000);
  expect(left).toBeLessThanOrEqual(300_000);

  await phone.vote(A, 30);
  await until('round one counted', () => phone.view().chosen === 1);
  presenter.reveal();
  await until('revealed', () => phone.view().phase === 'revealed');
  presenter.again();
  await until('round two on the phone', () => phone.view().round === 2 && phone.view().phase === 'open');
  expect(phone.view().position).toBeNull();
  expect(phone.view().chosen).toBe(0);
  expect(roundOf(presenter.state(), A)).toBe(2);

  await phone.vote(A, 70);
  await until('round two counted', () => phone.view().chosen === 1);
  expect(positionsOn(presenter.state(), A).map((p) => p.position)).toEqual([70]);
  // A reload in round two gets round two's position back, and stays in round two.
  const reloaded = await joinPresenterRoom({ connect, relay: address, link, pid });
  cleanup.push(() => reloaded.stop());
  await until('position restored', () => reloaded.view().position === 70 && reloaded.view().round === 2);
  // The room's state follows the direct reply: it must not take the position away again.
  await until('the state after it', () => reloaded.view().chosen === 1);
  expect(reloaded.view()).toMatchObject({ position: 70, round: 2 });
  presenter.reveal();
  await until('round two shown', () => phone.view().spread?.join() === '70');
  expect(roundsOn(presenter.state(), A)).toEqual([
    { round: 1, spread: [30] },
    { round: 2, spread: [70] },
  ]);

  // A phone that joins later gets the timer as it stands; a pause and "off" reach both.
  const late = await joinPresenterRoom({ connect, relay: address, link, pid: newParticipantId() });
  cleanup.push(() => late.stop());
  await until('the late phone has the timer', () => late.view().timer?.run === 'running');
  presenter.setTimer(pause(start(timerFor(5), Date.now() - 60_000), Date.now()));
  await until('paused on both', () => phone.view().timer?.run === 'paused' && late.view().timer?.run === 'paused');
  expect(phone.view().timer?.leftMs).toBeLessThanOrEqual(240_000);
  presenter.setTimer(null);
  await until('off on both', () => phone.view().timer?.run === 'off' && late.view().timer?.run === 'off');
});
