/**
 * The control view's hand-over to a co-facilitator (lib/room/cofac.ts, cofac-host.ts): a QR and a
 * link to copy, whose fragment holds the room link and a fresh moderation key; whether the second
 * device is here; a new link (the old one stops working) and "withdraw". The device's queue follows
 * every change of the answers.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dictionary } from '../../i18n';
import type { AnswersState } from '../../lib/room/answers';
import { type CoFacHost, type CoFacStatus, startCoFacHost } from '../../lib/room/cofac-host';
import type { PresenterRoom } from '../../lib/room/session';
import { href, type Lang } from '../../routes';
import QrCode from '../QrCode';
import '../../styles/room-cofac.css';

export interface CoFacHandoverProps {
  lang: Lang;
  t: Dictionary['room']['cofac'];
  room: PresenterRoom;
  answers: AnswersState;
}

export function CoFacHandover({ lang, t, room, answers }: CoFacHandoverProps) {
  const [status, setStatus] = useState<CoFacStatus>({ kind: 'none', fragment: null });
  const [copied, setCopied] = useState(false);
  const host = useRef<CoFacHost | null>(null);
  // Started at the first hand-over: until then nothing listens for a co-facilitator.
  const started = () => {
    host.current ??= startCoFacHost({
      room,
      onStatus: (next) => {
        setStatus(next);
        setCopied(false);
      },
    });
    return host.current;
  };
  useEffect(
    () => () => {
      // The presenter leaves or the room ends: the device is told, and nothing more counts.
      void host.current?.withdraw().catch(() => undefined);
      host.current?.stop();
      host.current = null;
    },
    [room],
  );
  useEffect(() => {
    void host.current?.sync(answers).catch(() => undefined);
  }, [answers]);

  const url = status.fragment ? `${new URL(href('moderator', lang), location.href).href}${status.fragment}` : '';
  // Drawn once per link: a QR takes ~20 ms, and the control view redraws while phones vote.
  const qr = useMemo(() => url && <QrCode url={url} label={t.qrLabel} />, [url]);
  const handOver = () => {
    setCopied(false);
    void started().handOver();
  };
  const copy = () =>
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );

  return (
    <section class="cofac-handover" aria-labelledby="cofac-handover-h">
      <h2 id="cofac-handover-h">{t.title}</h2>
      <p>{t.intro}</p>
      {status.fragment ? (
        <>
          {qr}
          <label class="cofac-link">
            <span>{t.link}</span>
            <input type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div class="cofac-handover-buttons">
            <button type="button" onClick={copy}>
              {t.copy}
            </button>
            <button type="button" onClick={() => void host.current?.withdraw()}>
              {t.withdraw}
            </button>
            <button type="button" aria-describedby="cofac-again-help" onClick={handOver}>
              {t.again}
            </button>
          </div>
          <p id="cofac-again-help" class="cofac-help">
            {t.againHelp}
          </p>
        </>
      ) : (
        <button type="button" onClick={handOver}>
          {t.handOver}
        </button>
      )}
      <p class="cofac-handover-status" role="status">
        {copied && `${t.copied} `}
        {status.kind === 'waiting'
          ? t.waiting
          : status.kind === 'here'
            ? t.here
            : status.kind === 'withdrawn'
              ? t.withdrawn
              : ''}
      </p>
    </section>
  );
}
