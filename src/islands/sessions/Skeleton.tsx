/**
 * The list view before its data is read: the storage line and the list, drawn with the boxes
 * of an empty, not yet persisted store (what a first visit gets), their texts kept invisible.
 * The page renders it into its static HTML (Sessions.astro) and the island shows it until each
 * part has loaded, so nothing moves when the real content takes its place (layout shift).
 * No hooks and no browser APIs: it also renders at build time. Its class names are its own
 * (ss-skel-*, styled like the real ones), so nothing mistakes it for the loaded list, and it has
 * no ids: the page's copy stays in the DOM (hidden) next to the island's.
 */
import type { ComponentChildren } from 'preact';
import { fill } from '../../i18n/fill';
import type { SessionsStrings } from './types';
import type { Lang } from '../../routes';

interface Props {
  t: SessionsStrings;
  lang: Lang;
}

/** A size like the one a fresh store reports, only to reserve the width of the real one. */
const SIZE_PLACEHOLDER = '00,0 KB';

/** The longest of the protection sentences: the line is reserved at its largest, so nothing below moves. */
export function longestProtection(st: { persisted: string; notPersisted: string; unknown: string }): string {
  return [st.persisted, st.notPersisted, st.unknown].reduce((a, b) => (b.length > a.length ? b : a));
}

/** Both sizes with placeholder figures: the most the sizes line shows. */
export function sizesReserve(t: SessionsStrings, lang: Lang): string {
  const s = t.s.storage;
  return `${fill(lang, s.used, { size: SIZE_PLACEHOLDER })} ${fill(lang, s.app, { size: SIZE_PLACEHOLDER })}`;
}

/**
 * A line at least as tall as `reserve` (kept invisible in the same place) whatever it shows:
 * the skeleton shows nothing, the storage status each fact as it arrives (a size, the app's
 * offline copy once stored). So a fact that comes, goes or wraps shorter moves nothing below.
 */
export function Reserved({
  reserve,
  children,
  ...data
}: { reserve: string; children?: ComponentChildren } & Record<`data-${string}`, boolean>) {
  return (
    <p class="ss-reserved" {...data}>
      <span class="ss-reserve" aria-hidden="true">
        {reserve}
      </span>
      <span>{children}</span>
    </p>
  );
}

export function StorageSkeleton({ t, lang }: Props) {
  const s = t.s;
  return (
    <section class="ss-skel-storage ss-skeleton" aria-busy="true">
      <h2 class="ss-storage-title">{s.storage.title}</h2>
      <div class="ss-storage-facts">
        <p>
          <strong>{s.storage.local}</strong>
        </p>
        <Reserved reserve={sizesReserve(t, lang)} />
        <Reserved reserve={longestProtection(s.storage)} />
      </div>
    </section>
  );
}

export function ListSkeleton({ t }: Props) {
  const s = t.s;
  return (
    <section class="ss-section ss-list-section ss-skeleton" aria-busy="true">
      <div class="ss-skel-head">
        <h2>{s.list.title}</h2>
        <button type="button" class="primary" disabled>
          + {s.create.open}
        </button>
      </div>
      <div class="ss-skel-empty">
        <p class="ss-loading">{s.loading}</p>
        {/* The empty list's box, unseen: the first visit gets exactly this. */}
        <div class="ss-reserve" aria-hidden="true">
          <p>
            <strong>{s.list.empty}</strong>
          </p>
          <p>{s.list.emptyHelp}</p>
          <p class="ss-buttons">
            <button type="button" class="primary" disabled>
              {s.create.open}
            </button>
            <button type="button" disabled>
              {s.list.toImport}
            </button>
          </p>
        </div>
      </div>
    </section>
  );
}

/** Both: what the island shows while the store opens. */
export function ListViewSkeleton(props: Props) {
  return (
    <>
      <StorageSkeleton {...props} />
      <ListSkeleton {...props} />
    </>
  );
}

/** The same in the island's own frame (.sessions-app), for the page's static HTML (next to the island). */
export function SessionsSkeleton(props: Props) {
  return (
    <div class="sessions-app ss-static-skeleton">
      <ListViewSkeleton {...props} />
    </div>
  );
}
