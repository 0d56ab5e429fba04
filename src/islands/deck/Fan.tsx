/**
 * The live fan: one button per card, grouped per spanningsveld. One tab stop (roving tabindex);
 * arrow keys, Home and End move within it. A click shows the card, or picks it while picking.
 */
import { useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { fanKeyTarget } from '../../lib/deck/fan';
import { NO_THEME, THEMES } from '../../vocab';
import type { DeckStrings, IslandCard } from '../types';

interface Props {
  cards: IslandCard[];
  t: DeckStrings;
  picking: boolean;
  picks: readonly string[];
  currentId: string | undefined;
  onActivate(card: IslandCard): void;
}

export function Fan({ cards, t, picking, picks, currentId, onActivate }: Props) {
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const focusable = focusId && cards.some((c) => c.id === focusId) ? focusId : (currentId ?? cards[0]?.id);

  const onKey = (e: KeyboardEvent, i: number) => {
    const to = fanKeyTarget(e.key, i, cards.length);
    if (to === undefined) return;
    e.preventDefault();
    const target = cards[to];
    if (!target) return;
    setFocusId(target.id);
    refs.current.get(target.id)?.focus();
  };

  return (
    <section class="fan" aria-labelledby="fan-h">
      <h2 id="fan-h">{t.deck.fan}</h2>
      <p id="fan-help" class="fan-help">
        {picking ? t.deck.pickHelp : t.deck.fanHelp}
      </p>
      {/* The uitleg card has no theme: its own group, first, like card 0 in the paper fan. */}
      {[undefined, ...THEMES].map((theme) => {
        const group = cards.filter((c) => c.theme === theme);
        if (group.length === 0) return null;
        const key = theme ?? NO_THEME;
        return (
          <section class={`fan-group theme-${key}`} id={key} aria-labelledby={`fan-h-${key}`} key={key}>
            <h3 id={`fan-h-${key}`}>
              <span class="swatch" aria-hidden="true" />
              {theme ? t.themes[theme].name : t.kinds.uitleg}
            </h3>
            <ul class="fan-list fan-live">
              {group.map((c) => {
                const i = cards.indexOf(c);
                const pickNumber = picks.indexOf(c.id) + 1;
                return (
                  <li key={c.id}>
                    <button
                      type="button"
                      ref={(el) => {
                        if (el) refs.current.set(c.id, el);
                        else refs.current.delete(c.id);
                      }}
                      class={`fan-card theme-band${c.id === currentId && !picking ? ' is-current' : ''}`}
                      tabIndex={c.id === focusable ? 0 : -1}
                      aria-current={!picking && c.id === currentId ? 'true' : undefined}
                      aria-pressed={picking ? pickNumber > 0 : undefined}
                      aria-describedby="fan-help"
                      onKeyDown={(e) => onKey(e, i)}
                      onClick={() => {
                        setFocusId(c.id);
                        onActivate(c);
                      }}
                    >
                      <span class="fan-card-meta">
                        {t.card.number} {c.number} · {t.kinds[c.kind]}
                        {pickNumber > 0 && (
                          <span class="fan-pick"> · {fill(t.lang, t.deck.picked, { n: pickNumber })}</span>
                        )}
                      </span>
                      <span class="fan-card-title">{c.title}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
