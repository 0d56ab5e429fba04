/** The list view: storage status, new session, the sessions (newest first, in pages), backup and wipe. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { INPUT_MAX_CHARS } from '../../lib/records/limits';
import { formatDay } from '../../lib/sessions/format';
import { sessionDeckSize, teamNames } from '../../lib/sessions/list';
import type { NewSessionPreset } from '../../lib/sessions/route';
import type { Session } from '../../lib/store/types';
import { useNavigation, useNotices, useStore, useStrings } from './context';
import { useLazy, useStoreQuery, useViewFocus } from './hooks';
import { ListSkeleton, StorageSkeleton } from './Skeleton';
import { errorText, RouteLink } from './ui';

const PAGE_SIZE = 20;

/** `preset`: a link asked for the new-session form, with these cards, lens or kind (lib/sessions/route). */
export function SessionList({ preset }: { preset?: NewSessionPreset } = {}) {
  const { repo, escalate } = useStore();
  const { t, lang } = useStrings();
  const { go } = useNavigation();
  const s = t.s;
  const [moreError, setMoreError] = useState('');
  const [creating, setCreating] = useState(preset !== undefined);
  // The form loads on first use: most visits only open a session.
  const NewSession = useLazy(creating, () => import('./NewSession').then((m) => m.NewSession));
  // Backups and "wipe all" sit below the list and load after it, out of the page's first JS.
  const Exchange = useLazy(true, () => import('./ImportExport'));
  const heading = useRef<HTMLHeadingElement>(null);
  const importRef = useRef<HTMLElement>(null);
  // As many as are shown: a change notice reloads them all, not only the first page.
  const loaded = useRef(PAGE_SIZE);

  const list = useStoreQuery(
    async () => {
      const page = await repo.sessions.list({ limit: loaded.current });
      loaded.current = Math.max(PAGE_SIZE, page.items.length);
      return page;
    },
    [],
    { stores: ['sessions'] },
  );
  const error = list.error || moreError;
  // A failed first load still shows the (empty) list, with the error above it.
  const items = list.data?.items ?? (list.error ? [] : null);
  const next = list.data?.next ?? null;
  useViewFocus(heading, items !== null);

  const more = async () => {
    if (!next) return;
    setMoreError('');
    try {
      const page = await repo.sessions.list({ limit: PAGE_SIZE, cursor: next });
      list.set((old) => ({ items: [...(old?.items ?? []), ...page.items], next: page.next }));
      loaded.current += page.items.length;
    } catch (err) {
      if (!escalate(err)) setMoreError(errorText(t, err));
    }
  };

  // The storage line (sizes, the browser's promise, the backup reminder) loads once the list is
  // there: it reads the offline copy and every record, work that must not delay the list. Its
  // skeleton holds the line's place meanwhile.
  const Storage = useLazy(items !== null, () => import('./StorageStatus').then((m) => m.StorageStatus));

  const teams = teamNames(items ?? []);
  // The "Verwijderd" list: its code loads only when there is something in it.
  const deleted = useStoreQuery(() => repo.sessions.listDeleted(), [], { stores: ['sessions'], quiet: true });
  const Trash = useLazy((deleted.data?.length ?? 0) > 0, () => import('./Trash').then((m) => m.Trash));

  return (
    <>
      {Storage ? <Storage /> : <StorageSkeleton t={t} lang={lang} />}
      {items === null ? (
        <ListSkeleton t={t} lang={lang} />
      ) : (
        <section class="ss-section ss-list-section" aria-labelledby="ss-list-h">
          <div class="ss-list-head">
            <h2 id="ss-list-h" ref={heading} tabIndex={-1}>
              {s.list.title}
            </h2>
            {!creating && (
              <button type="button" class="primary" onClick={() => setCreating(true)}>
                + {s.create.open}
              </button>
            )}
          </div>
          {creating &&
            (NewSession ? (
              <NewSession
                teams={teams}
                {...(preset ? { preset } : {})}
                onCancel={() => {
                  setCreating(false);
                  // The link's preset is used up: a reload shows the plain list.
                  if (preset) go({ view: 'list' }, { replace: true });
                }}
              />
            ) : (
              <p class="ss-loading">{s.loading}</p>
            ))}
          {error && (
            <p class="ss-error" role="alert">
              {error}
            </p>
          )}
          {items !== null && items.length === 0 && !creating && (
            <div class="ss-empty">
              <p>
                <strong>{s.list.empty}</strong>
              </p>
              <p>{s.list.emptyHelp}</p>
              <p class="ss-buttons">
                <button type="button" class="primary" onClick={() => setCreating(true)}>
                  {s.create.open}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    importRef.current?.scrollIntoView({ block: 'start' });
                    importRef.current?.querySelector<HTMLInputElement>('input[type=file]')?.focus();
                  }}
                >
                  {s.list.toImport}
                </button>
              </p>
            </div>
          )}
          {items !== null && items.length > 0 && (
            <ul class="ss-list" data-session-list>
              {items.map((item) => (
                <SessionItem session={item} key={item.id} />
              ))}
            </ul>
          )}
          {next && (
            <p>
              <button type="button" onClick={more}>
                {s.list.more}
              </button>
            </p>
          )}
        </section>
      )}
      {Trash && deleted.data && <Trash items={deleted.data} />}
      {Exchange && <Exchange.ImportExport sectionRef={importRef} />}
      {Exchange && <Exchange.WipeAll />}
    </>
  );
}

function SessionItem({ session }: { session: Session }) {
  const { repo, escalate } = useStore();
  const { t, lang, cards } = useStrings();
  const { toast } = useNotices();
  const s = t.s;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(session.title);
  const [busy, setBusy] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const title = session.title.trim() || s.list.untitled;
  const count = sessionDeckSize(cards, session.deck);

  useEffect(() => {
    if (renaming) input.current?.select();
  }, [renaming]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      if (!escalate(err)) toast(errorText(t, err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const rename = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      await repo.sessions.rename(session.id, name.trim() || session.title);
      setRenaming(false);
      toast(s.list.renamed);
      requestAnimationFrame(() => renameButton.current?.focus());
    });
  };

  const duplicate = () =>
    run(async () => {
      // "(kopie)" fits even on a title at the limit: the end of the title gives way (lib/records/text,
      // loaded when used: the list's start-up code is at its budget).
      const { withSuffix } = await import('../../lib/records/text');
      const copy = await repo.sessions.duplicate(session.id, {
        title: withSuffix(session.title, s.list.copySuffix),
      });
      toast(fill(lang, s.list.duplicated, { title: copy.title }));
    });

  const remove = () =>
    run(async () => {
      await repo.sessions.softDelete(session.id);
      toast(fill(lang, s.list.deleted, { title }), {
        focus: true,
        action: {
          label: s.list.undo,
          run: async () => {
            try {
              await repo.sessions.undoDelete(session.id);
              toast(fill(lang, s.list.restored, { title }));
            } catch (err) {
              toast(errorText(t, err), { tone: 'error' });
            }
          },
        },
      });
    });

  return (
    <li class="ss-item">
      <h3 class="ss-item-title">
        <RouteLink route={{ view: 'session', id: session.id, card: 0 }}>{title}</RouteLink>
      </h3>
      <p class="ss-item-meta">
        <span>{s.kinds[session.kind]}</span>
        {session.team && <span>{session.team}</span>}
        <span>{formatDay(session.date, lang)}</span>
        <span>{fill(lang, s.list.cards, { n: count })}</span>
      </p>
      {renaming ? (
        <form class="ss-rename" onSubmit={rename}>
          <label for={`rename-${session.id}`}>{s.list.renameLabel}</label>
          <input
            id={`rename-${session.id}`}
            ref={input}
            type="text"
            value={name}
            maxLength={INPUT_MAX_CHARS.sessionTitle}
            onInput={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setRenaming(false);
                requestAnimationFrame(() => renameButton.current?.focus());
              }
            }}
          />
          <button type="submit" class="primary" disabled={busy}>
            {s.list.save}
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            {s.list.cancel}
          </button>
        </form>
      ) : (
        <div class="ss-item-actions" role="group" aria-label={fill(lang, s.list.itemActions, { title })}>
          <button
            type="button"
            ref={renameButton}
            onClick={() => {
              setName(session.title);
              setRenaming(true);
            }}
          >
            {s.list.rename}
          </button>
          <button type="button" onClick={duplicate} disabled={busy}>
            {s.list.duplicate}
          </button>
          <button type="button" class="ss-danger" onClick={remove} disabled={busy}>
            {s.list.delete}
          </button>
        </div>
      )}
    </li>
  );
}
