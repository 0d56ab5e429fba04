/** The server render and no-JavaScript view of the fan: every card as a link, grouped per spanningsveld. */
import { NO_THEME, THEMES } from '../../vocab';
import type { DeckStrings, IslandCard } from '../types';

export function StaticFan({ cards, t }: { cards: IslandCard[]; t: DeckStrings }) {
  return (
    <div class="fan fan-static">
      {[undefined, ...THEMES].map((theme) => (
        <section
          class={`fan-group theme-${theme ?? NO_THEME}`}
          id={theme ?? NO_THEME}
          aria-labelledby={`h-${theme ?? NO_THEME}`}
          key={theme ?? NO_THEME}
        >
          <h2 id={`h-${theme ?? NO_THEME}`}>
            <span class="swatch" aria-hidden="true" />
            {theme ? t.themes[theme].name : t.kinds.uitleg}
          </h2>
          <ul class="fan-list">
            {cards
              .filter((c) => c.theme === theme)
              .map((c) => (
                <li key={c.id}>
                  <a class="fan-card theme-band" href={c.href}>
                    <span class="fan-card-meta">
                      {t.card.number} {c.number} · {t.kinds[c.kind]}
                    </span>
                    <span class="fan-card-title">{c.title}</span>
                    <span class="fan-card-summary">{c.summary}</span>
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
