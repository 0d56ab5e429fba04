/** The scan's first page: which spanningsvelden, and an optional label for the trend view. */
import { useState } from 'preact/hooks';
import { fill } from '../../i18n/fill';
import { INPUT_MAX_CHARS } from '../../lib/records/limits';
import { THEMES, type Theme } from '../../vocab';
import type { ScanIslandCard, ScanStrings } from './types';

export function ScanStart({
  t,
  cards,
  missing,
  onStart,
}: {
  t: ScanStrings;
  cards: ScanIslandCard[];
  missing: boolean;
  onStart(themes: Set<Theme>, label: string): Promise<void>;
}) {
  const s = t.scan;
  const counts = THEMES.map((theme) => ({ theme, n: cards.filter((c) => c.theme === theme).length })).filter(
    (x) => x.n > 0,
  );
  const [chosen, setChosen] = useState<Set<Theme>>(() => new Set(counts.map((x) => x.theme)));
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [label, setLabel] = useState('');
  return (
    <form
      class="scan-start tile"
      onSubmit={async (e) => {
        e.preventDefault();
        if (chosen.size === 0) return setProblem(s.noneChosen);
        setBusy(true);
        setProblem('');
        try {
          await onStart(chosen, label.trim());
        } catch {
          setProblem(s.saveFailed);
          setBusy(false);
        }
      }}
    >
      {missing && (
        <p class="scan-problem" role="alert">
          {s.notFound}
        </p>
      )}
      <fieldset>
        <legend>
          <h2>{s.chooseTitle}</h2>
        </legend>
        <p class="scan-hint">{s.chooseHelp}</p>
        {counts.map(({ theme, n }) => (
          <label key={theme} class={`scan-theme theme-${theme}`}>
            <input
              type="checkbox"
              checked={chosen.has(theme)}
              onChange={(e) => {
                const next = new Set(chosen);
                if ((e.currentTarget as HTMLInputElement).checked) next.add(theme);
                else next.delete(theme);
                setChosen(next);
              }}
            />{' '}
            {fill(t.lang, s.themeOption, { theme: t.themes[theme], n })}
          </label>
        ))}
      </fieldset>
      <p class="scan-label">
        <label for="scan-label">{s.label}</label>
        <input
          id="scan-label"
          type="text"
          maxLength={INPUT_MAX_CHARS.scanLabel}
          autocomplete="off"
          value={label}
          aria-describedby="scan-label-help"
          onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)}
        />
        <span id="scan-label-help" class="scan-hint">
          {s.labelHelp}
        </span>
      </p>
      {problem && (
        <p class="scan-problem" role="alert">
          {problem}
        </p>
      )}
      <button class="button primary" type="submit" disabled={busy}>
        {s.start}
      </button>
    </form>
  );
}
