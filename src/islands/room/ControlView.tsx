/**
 * The presenter's two-window mode, like a slide program's presenter view: "Open het
 * publieksscherm" opens the audience page in a second window (for the projector) and, once that
 * window says hello, the laptop becomes the control view. The two stay in step over the room's
 * BroadcastChannel: the control view posts the audience snapshot after every change, at most once
 * per frame. With one screen (or no BroadcastChannel) nothing changes: the one view stays.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { type AudienceInput, type AudienceSnapshot, audienceSnapshot } from '../../lib/room/audience';
import {
  audienceFragment,
  coalesce,
  openViewsChannel,
  snapshotMessage,
  type ViewsChannel,
} from '../../lib/room/views-channel';
import type { RoomState } from '../../lib/room/reducer';
import type { JoinStrings } from './types';
import '../../styles/room-control.css';

/** The audience window's name: a second click reaches the same window instead of opening another. */
export const AUDIENCE_WINDOW = 'kjk-publieksscherm';

export interface AudienceWindow {
  /** BroadcastChannel exists here: two windows can be kept in step. */
  available: boolean;
  /** An audience window said hello and has not said bye. */
  open: boolean;
  /** The browser refused the window (a pop-up blocker). */
  blocked: boolean;
  /** Opens the audience window, or brings it to the front. */
  show(): void;
}

/**
 * Keeps the audience window of room `room` in step with the snapshot of `input`. On unmount (the presenter
 * leaves, or this room ended and a new one opens) the window is told the room is closed.
 */
export function useAudienceWindow(room: string | null, href: string, input: AudienceInput | false): AudienceWindow {
  const [open, setOpen] = useState(false);
  const snapshot = input ? audienceSnapshot(input) : null;
  // A render that changes nothing the room sees posts nothing.
  const same = JSON.stringify(snapshot);
  const [blocked, setBlocked] = useState(false);
  const latest = useRef(snapshot);
  latest.current = snapshot;
  const channel = useRef<ViewsChannel | null>(null);
  const sender = useRef<ReturnType<typeof coalesce<AudienceSnapshot>> | null>(null);

  useEffect(() => {
    if (!room) return;
    const views = openViewsChannel(room);
    const send = coalesce<AudienceSnapshot>((s) => views.post(snapshotMessage(s)));
    channel.current = views;
    sender.current = send;
    const unsubscribe = views.subscribe((message) => {
      // A window that just opened or reloaded gets the current view (the effect below sends it).
      if (message.k === 'hello') {
        setOpen(true);
        if (latest.current) send.push(latest.current);
      } else if (message.k === 'bye') setOpen(false);
    });
    const closed = () => {
      send.cancel();
      if (latest.current) views.post(snapshotMessage({ ...withoutJoin(latest.current), status: 'closed' }));
    };
    // Closing the laptop's tab ends the room: the projector must not keep showing an open one.
    addEventListener('pagehide', closed);
    return () => {
      removeEventListener('pagehide', closed);
      unsubscribe();
      closed();
      views.close();
      channel.current = null;
      sender.current = null;
    };
  }, [room]);

  // Nothing is posted while no audience window listens; one that opens asks (hello) and gets the view.
  useEffect(() => {
    if (snapshot && open) sender.current?.push(snapshot);
  }, [same, open]);

  return {
    available: typeof BroadcastChannel === 'function',
    open,
    blocked,
    show() {
      if (!room) return;
      const win = window.open(`${href}${audienceFragment(room)}`, AUDIENCE_WINDOW, 'popup,width=1280,height=720');
      setBlocked(!win);
      win?.focus();
    },
  };
}

/** A closed room shows no way in. */
function withoutJoin(snapshot: AudienceSnapshot): AudienceSnapshot {
  const { join: _join, ...rest } = snapshot;
  return rest;
}

/** The open/raise button and what it says: one element, so focus stays on it when the window opens. */
export function AudienceButton({ t, win }: { t: JoinStrings; win: AudienceWindow }) {
  const v = t.room.views;
  if (!win.available) return null;
  return (
    <button type="button" aria-describedby="presenter-audience-help" onClick={win.show}>
      {win.open ? v.raise : v.open}
    </button>
  );
}

/** Under the buttons: how to use the second window, or that it is open, or that it was blocked. */
export function AudienceNote({ t, win }: { t: JoinStrings; win: AudienceWindow }) {
  const v = t.room.views;
  if (!win.available) return null;
  return (
    <p id="presenter-audience-help" class={`presenter-audience-note${win.open ? ' is-open' : ''}`} role="status">
      {win.blocked && !win.open ? v.blocked : win.open ? v.isOpen : v.openHelp}
    </p>
  );
}

/**
 * The control view's extra parts while the audience window is open: who is in the room (names are
 * for the presenter's eyes only) and the next card.
 */
export function ControlPanel(props: {
  t: JoinStrings;
  state: RoomState;
  /** The label each phone's positions are saved under (the recorder's). */
  labels?: Readonly<Record<string, string>> | undefined;
  next?: string | null | undefined;
}) {
  const { t } = props;
  const v = t.room.views;
  const people = Object.entries(props.state.participants).map(([pid, p]) => props.labels?.[pid] ?? p.name ?? '');
  return (
    <div class="presenter-control">
      {props.next !== undefined && (
        <p class="presenter-control-next">{props.next ? fill(t.lang, v.next, { title: props.next }) : v.last}</p>
      )}
      <h2 id="presenter-control-people">{fill(t.lang, v.joined, { n: people.length })}</h2>
      {people.length > 0 && (
        <ul class="presenter-control-people" aria-labelledby="presenter-control-people">
          {people.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** While the audience window shows the way in, the laptop says so and keeps the code in sight. */
export function JoinOnScreen({ t, code }: { t: JoinStrings; code: string | null | undefined }) {
  return (
    <p class="presenter-room-help" aria-live="polite">
      {t.room.views.qrThere} {code && <strong class="presenter-join-code">{code}</strong>}
    </p>
  );
}
