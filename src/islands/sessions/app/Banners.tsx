/** The sessions page's whole-page warnings: a reload banner, and the store that cannot open. */
import type { StoreErrorCode } from '../../../lib/store/errors';
import type { SessionsStrings } from '../types';

export type Warning = 'version' | 'load' | 'blocked' | 'slow';

/** Which warning shows, most important first; null for none. */
export function warningFor(w: {
  versionChanged: boolean;
  loadFailed: boolean;
  blocked: boolean;
  slow: boolean;
  failed: boolean;
}): Warning | null {
  if (w.versionChanged) return 'version';
  if (w.loadFailed) return 'load';
  // A store that failed has its own message (Unavailable) already.
  if (w.failed) return null;
  if (w.blocked) return 'blocked';
  return w.slow ? 'slow' : null;
}

export function WarningBanner({ warning, t }: { warning: Warning; t: SessionsStrings }) {
  const b = t.s.banner;
  const text = { version: b.versionChange, load: b.loadFailed, blocked: b.blocked, slow: b.slow }[warning];
  return (
    <div class="ss-banner ss-banner-warn" role="alert" data-banner={warning}>
      <p>{text}</p>
      <button type="button" class="primary" onClick={() => location.reload()}>
        {b.reload}
      </button>
    </div>
  );
}

export function Unavailable({
  code,
  t,
  cardsHref,
}: {
  code: StoreErrorCode | null;
  t: SessionsStrings;
  cardsHref: string;
}) {
  const s = t.s;
  const text =
    code === 'unavailable' || code === null
      ? s.banner.unavailable
      : code === 'blocked'
        ? s.banner.blocked
        : s.errors[code];
  return (
    <div class="ss-banner ss-banner-error" role="alert">
      <p>{text}</p>
      <p class="ss-buttons">
        {code !== null && code !== 'unavailable' && (
          <button type="button" class="primary" onClick={() => location.reload()}>
            {s.banner.reload}
          </button>
        )}
        <a class="button" href={cardsHref}>
          {s.banner.toCards}
        </a>
      </p>
    </div>
  );
}
