/**
 * Privacy at the door: before an export, a copy or a print whose texts look like client data
 * (lib/privacy/gate), say so first, name the cards, and offer "Bekijk" (go to the first card
 * named, nothing leaves) and "Toch doorgaan". `ask(data, hits)` shows `gate` and resolves with
 * the choice; `guard(data, run)` runs `run` at once when nothing was found. Files are written
 * through useCheckedExport below: it first asks how the file is protected (NewPassphrase: a
 * passphrase by default), then exports through lib/exchange/export, which asks through this gate.
 */
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { listFormat } from '../../i18n/list';
import type { PrivacyHit } from '../../lib/privacy/gate';
import type { Dataset } from '../../lib/records/schemas';
import type { SessionsRoute } from '../../lib/sessions/route';
import { download } from '../download';
import { useNavigation, useStore, useStrings } from './context';
import type { NewPassphrase as NewPassphraseView, Protection } from './NewPassphrase';
import { errorText, RouteLink } from './ui';

interface Pending {
  items: { text: string; route: SessionsRoute }[];
  answer: (proceed: boolean) => void;
}

export interface PrivacyGate {
  /** Runs `run` now, or after "Toch doorgaan" when `data` looks like client data. */
  guard(data: Dataset, run: () => unknown): Promise<void>;
  /** Shows the warning for `hits` and resolves true for "Toch doorgaan", false for "Bekijk". */
  ask(data: Dataset, hits: PrivacyHit[]): Promise<boolean>;
  /** The warning while one is open; render it next to the button that asked. */
  gate: preact.JSX.Element | null;
  /** True while the warning is open. */
  open: boolean;
}

export interface GateOptions {
  /**
   * Keep the person where they are: "Bekijk" only closes the question and the cards are not
   * links. For the full-disk rescue, where leaving the note could lose text that is not stored.
   */
  stay?: boolean;
}

export function usePrivacyGate({ stay = false }: GateOptions = {}): PrivacyGate {
  const { t, lang, cards, cardById } = useStrings();
  const { go } = useNavigation();
  const g = t.s.gate;
  const n = t.s.notes;
  const [pending, setPending] = useState<Pending | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (pending) heading.current?.focus();
  }, [pending]);

  const kindsText = (hit: PrivacyHit) =>
    listFormat(
      lang,
      hit.kinds.map((k) => n.findings[k]),
    );

  const describe = (
    data: Dataset,
    hits: PrivacyHit[],
    sessionDeck: typeof import('../../lib/sessions/deck').sessionDeck,
  ): Pending['items'] =>
    hits.map((hit) => {
      const kinds = kindsText(hit);
      const session = data.sessions.find((s) => s.id === hit.sessionId);
      const deck = session ? sessionDeck(cards, session.deck) : [];
      const index = hit.cardId === null ? -1 : deck.findIndex((c) => c.id === hit.cardId);
      const route: SessionsRoute = { view: 'session', id: hit.sessionId, card: Math.max(0, index) };
      const prefix = data.sessions.length > 1 && session ? `${session.title}: ` : '';
      if (hit.cardId === null) {
        const onlySession = hit.fields.every((f) => f === 'title' || f === 'team');
        return { text: prefix + fill(lang, onlySession ? g.session : g.noCard, { kinds }), route };
      }
      const card = cardById.get(hit.cardId);
      const text = card
        ? fill(lang, g.card, { n: card.number, title: card.title, kinds })
        : fill(lang, g.unknownCard, { id: hit.cardId, kinds });
      return { text: prefix + text, route };
    });

  const ask = async (data: Dataset, hits: PrivacyHit[]): Promise<boolean> => {
    // The deck code loads on first use: the pages that hold this hook (the list, the report)
    // must not carry the deck (the cards page shares chunks).
    const { sessionDeck } = await import('../../lib/sessions/deck');
    const items = describe(data, hits, sessionDeck);
    return new Promise<boolean>((answer) => setPending({ items, answer }));
  };

  const guard = async (data: Dataset, run: () => unknown) => {
    // The privacy patterns load on first use, as the deck above.
    const { privacyHits } = await import('../../lib/privacy/gate');
    const hits = privacyHits(data);
    setPending(null);
    if (hits.length === 0 || (await ask(data, hits))) await run();
  };

  const gate = pending ? (
    <div class="ss-privacy ss-gate" role="group" aria-labelledby="ss-gate-h">
      <h3 id="ss-gate-h" ref={heading} tabIndex={-1}>
        {g.title}
      </h3>
      <p>{g.text}</p>
      <ul>
        {pending.items.map((item, i) => (
          <li key={i}>{stay ? item.text : <RouteLink route={item.route}>{item.text}</RouteLink>}</li>
        ))}
      </ul>
      <p class="ss-buttons">
        <button
          type="button"
          class="primary"
          onClick={() => {
            const first = pending.items[0];
            setPending(null);
            pending.answer(false);
            if (first && !stay) go(first.route);
          }}
        >
          {g.review}
        </button>
        <button
          type="button"
          onClick={() => {
            setPending(null);
            pending.answer(true);
          }}
        >
          {g.proceed}
        </button>
      </p>
    </div>
  ) : null;

  return { guard, ask, gate, open: pending !== null };
}

export interface ExportRequest {
  /** One session (its id), or everything when absent. */
  sessionId?: string;
  /** The full-disk rescue only, on a button that says the check is skipped. */
  skipCheck?: boolean;
}

interface Asking {
  View: ComponentType<{ onDone(p: Protection | null): void; sessionId?: string }>;
  answer(p: Protection | null): void;
  sessionId?: string;
}

export interface CheckedExport {
  /** Exports through lib/exchange/export; the file name, or null when stopped or failed. */
  run(request?: ExportRequest): Promise<string | null>;
  /** True while the file is being read, encrypted or written (not while a question is open). */
  busy: boolean;
  /** The one message for a failed export ('' otherwise); show it with role="alert" next to the button. */
  problem: string;
  gate: preact.JSX.Element | null;
  open: boolean;
}

/**
 * Every export button's path: one read, the privacy question through this gate, the file.
 * One rule for failures: errors that need the whole page are escalated, every other failure
 * becomes `problem`; an export never writes records, so a failure loses nothing.
 */
export function useCheckedExport(options: GateOptions = {}): CheckedExport {
  const { repo, escalate } = useStore();
  const { t, lang } = useStrings();
  const privacy = usePrivacyGate(options);
  // How the file is protected: asked first, in NewPassphrase (loaded on first use); null is "Annuleren".
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const opener = useRef<HTMLElement | null>(null);

  // The dialog took focus and is gone: back to the button that opened it, once it is enabled again.
  useEffect(() => {
    if (asking || busy || privacy.open) return;
    opener.current?.focus();
    opener.current = null;
  }, [asking, busy, privacy.open]);

  const run = async ({ sessionId, skipCheck }: ExportRequest = {}): Promise<string | null> => {
    setProblem('');
    try {
      // Encrypted unless the person chose a plain file in the dialog; cancelling writes nothing.
      opener.current = document.activeElement as HTMLElement | null;
      const View: typeof NewPassphraseView = (await import('./NewPassphrase')).NewPassphrase;
      const chosen = await new Promise<Protection | null>((answer) => setAsking({ View, answer, sessionId }));
      setAsking(null);
      if (!chosen) return null;
      setBusy(true);
      // The export and privacy code load on first use, as the gate's.
      const { checkedExport } = await import('../../lib/exchange/export');
      const result = await checkedExport({
        read: () => (sessionId === undefined ? repo.exportAll() : repo.exportSession(sessionId)),
        scope: sessionId === undefined ? 'all' : 'session',
        lang,
        passphrase: chosen.passphrase,
        skipCheck,
        confirm: async (hits, data) => {
          // The question takes focus, and "Bekijk" may lead elsewhere: leave focus to it.
          opener.current = null;
          setBusy(false);
          const proceed = await privacy.ask(data, hits);
          setBusy(proceed);
          return proceed;
        },
        download,
      });
      if (!result.done) return null;
      // The file is out; not being able to note that (a full disk) must not hide it.
      if (sessionId === undefined) await repo.meta.markExported(result.at).catch(() => undefined);
      return result.file;
    } catch (err) {
      // An ExportError carries the store's own error (its code picks the sentence); the class
      // is not imported here, so that the export code stays out of the page's first load.
      const cause = err instanceof Error && err.name === 'ExportError' ? err.cause : err;
      if (!escalate(cause)) setProblem(errorText(t, cause));
      return null;
    } finally {
      setBusy(false);
    }
  };

  // Never both: the protection is chosen before the privacy question can come up.
  const gate = asking ? <asking.View onDone={asking.answer} sessionId={asking.sessionId} /> : privacy.gate;
  return { run, busy, problem, gate, open: gate !== null };
}
