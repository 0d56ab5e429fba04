/**
 * The presenter's end of a room, as a hook: opens the store and the room, records what arrives into
 * the session, starts the typed-code channel, and closes all of it when the presenter leaves.
 * PresenterRoom draws what this returns.
 */
import { io } from 'socket.io-client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { startCodeChannel } from '../../lib/room/code-host';
import { relayConfig } from '../../lib/room/config';
import type { RoomCode } from '../../lib/room/pake/code';
import { type PerFrame, perFrame } from '../../lib/room/per-frame';
import { createRecorder, type RoomRecorder } from '../../lib/room/recorder';
import { initialRoom, type RoomState } from '../../lib/room/reducer';
import { openPresenterRoom, type PresenterRoom as Room, type RoomStatus } from '../../lib/room/session';
import { openStore } from '../../lib/store/open';
import type { PresenterRoomProps } from './PresenterRoom';

export type Phase =
  | { kind: 'opening' }
  | { kind: 'failed'; text: string }
  | { kind: 'open'; room: Room; recorder: RoomRecorder };

export function useHostedRoom(props: PresenterRoomProps) {
  const { sessionId, card, t } = props;
  const r = t.room;
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const [snapshot, setSnapshot] = useState<{ state: RoomState; status: RoomStatus }>({
    state: initialRoom(card.id),
    status: 'connecting',
  });
  const [saveFailed, setSaveFailed] = useState(false);
  const [agreed, setAgreed] = useState<Record<string, number>>({});
  // The typed code under the QR; `renewed` after the limiter retired one (too many wrong tries).
  const [code, setCode] = useState<{ code: RoomCode | null; renewed: boolean } | null>(null);
  const recorder = useRef<RoomRecorder | null>(null);
  const cardRef = useRef(card.id);
  cardRef.current = card.id;

  useEffect(() => {
    const relay = relayConfig();
    let stopped = false;
    let room: Room | null = null;
    let channel: ReturnType<typeof startCodeChannel> | null = null;
    // A store that cannot open ends the room as unreachable; a write that fails later shows "not saved".
    const store = openStore();
    // A plenary's votes arrive hundreds a second: draw once a frame, and save (which looks at every
    // phone: ~1 ms at 1,000) once per 100 ms, always the latest state. A timer, not a frame: a
    // presenter's tab in the background still saves.
    const draw = perFrame(setSnapshot, (tick) => requestAnimationFrame(tick));
    let save: PerFrame<RoomState> | null = null;
    void (async () => {
      if (!relay) throw new Error('no relay');
      const first = await store.ready;
      const rec = await createRecorder({
        // After the browser dropped the connection, openStore opens a new one: write there.
        repo: {
          get positions() {
            return (store.repo ?? first).positions;
          },
          get notes() {
            return (store.repo ?? first).notes;
          },
        },
        answersHead: (question) => fill(t.lang, r.answers.noteHead, { question }),
        tableLabel: (n, name) => fill(t.lang, r.tables.label, { n, name }),
        tableNote: (n, text) => fill(t.lang, r.tables.note, { n, text }),
        sessionId,
        anonymous: (n) => fill(t.lang, r.phoneName, { n }),
        numbered: (name, n) => fill(t.lang, t.poles.numbered, { name, n }),
        onSaveFailed: setSaveFailed,
      });
      recorder.current = rec;
      save = perFrame(
        (state: RoomState) => rec.record(state),
        (tick) => setTimeout(tick, 100),
      );
      setAgreed({ ...rec.agreed() });
      room = await openPresenterRoom({
        connect: (url, options) => io(url, options),
        relay,
        card: cardRef.current,
        onChange: (state, status) => {
          save?.push(state);
          if (!stopped) draw.push({ state, status });
        },
      });
      if (stopped) return void room.close();
      // The card may have moved while the room was opening.
      room.setCard(cardRef.current);
      try {
        channel = startCodeChannel({
          room,
          onCode: (next, renewed) => !stopped && setCode({ code: next, renewed }),
        });
      } catch {
        // Without a code the QR still works: say so under it.
        setCode({ code: null, renewed: false });
      }
      setPhase({ kind: 'open', room, recorder: rec });
      props.onShowJoin(true);
    })().catch(() => {
      if (!stopped) setPhase({ kind: 'failed', text: r.status.unreachable });
    });
    return () => {
      stopped = true;
      draw.cancel();
      save?.flush();
      void channel?.stop().catch(() => undefined);
      // Leaving the presenter ends the room: phones are told, and everything is in the session.
      void room?.close().catch(() => undefined);
      void (recorder.current?.close() ?? Promise.resolve()).then(() => store.close());
    };
  }, []);

  return { phase, snapshot, saveFailed, agreed, setAgreed, code, recorder };
}
