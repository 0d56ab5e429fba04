/**
 * Privacy at the door: before an export, a copy or a print whose texts look like client data
 * (lib/privacy/gate), say so first, name the cards, and offer "Bekijk" (go to the first card
 * named) and "Toch doorgaan". One hook for every place data leaves the app: `guard(data, run)`
 * runs `run` at once when nothing was found, else shows `gate` until the person chooses.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import type { PrivacyHit } from '../../lib/privacy/gate';
import type { Dataset } from '../../lib/records/schemas';
import type { SessionsRoute } from '../../lib/sessions/route';
import { useNavigation, useStrings } from './context';
import { RouteLink } from './ui';

interface Pending {
  items: { text: string; route: SessionsRoute }[];
  run: () => unknown;
}

export interface PrivacyGate {
  /** Runs `run` now, or after "Toch doorgaan" when `data` looks like client data. */
  guard(data: Dataset, run: () => unknown): Promise<void>;
  /** The warning while one is open; render it next to the button that asked. */
  gate: preact.JSX.Element | null;
  /** True while the warning is open. */
  open: boolean;
}

export function usePrivacyGate(): PrivacyGate {
  const { t, lang, cards, cardById } = useStrings();
  const { go } = useNavigation();
  const g = t.s.gate;
  const n = t.s.notes;
  const [pending, setPending] = useState<Pending | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (pending) heading.current?.focus();
  }, [pending]);

  const kindsText = (hit: PrivacyHit) => {
    const words = hit.kinds.map((k) => n.findings[k]);
    return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${n.and} ${words.at(-1)}`;
  };

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

  const guard = async (data: Dataset, run: () => unknown) => {
    // The guard and the deck code load on first use: the pages that hold this hook (the list,
    // the report) must not carry the privacy patterns or the deck (the cards page shares chunks).
    const [{ privacyHits }, { sessionDeck }] = await Promise.all([
      import('../../lib/privacy/gate'),
      import('../../lib/sessions/deck'),
    ]);
    const hits = privacyHits(data);
    if (hits.length === 0) {
      setPending(null);
      await run();
      return;
    }
    setPending({ items: describe(data, hits, sessionDeck), run });
  };

  const gate = pending ? (
    <div class="ss-privacy ss-gate" role="group" aria-labelledby="ss-gate-h">
      <h3 id="ss-gate-h" ref={heading} tabIndex={-1}>
        {g.title}
      </h3>
      <p>{g.text}</p>
      <ul>
        {pending.items.map((item, i) => (
          <li key={i}>
            <RouteLink route={item.route}>{item.text}</RouteLink>
          </li>
        ))}
      </ul>
      <p class="ss-buttons">
        <button
          type="button"
          class="primary"
          onClick={() => {
            const first = pending.items[0];
            setPending(null);
            if (first) go(first.route);
          }}
        >
          {g.review}
        </button>
        <button
          type="button"
          onClick={() => {
            const { run } = pending;
            setPending(null);
            void run();
          }}
        >
          {g.proceed}
        </button>
      </p>
    </div>
  ) : null;

  return { guard, gate, open: pending !== null };
}
