/**
 * The scan's result. Readable without colour by design: where someone stands is a marker's
 * place on a line between two written pole labels, plus the same thing in words; how
 * clearly someone chooses per spanningsveld is a number, a word and the length of an
 * outlined bar. Colour (the spanningsveld's) only decorates. The charts are aria-hidden
 * because the text beside them says everything they show.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { profileOf, type ThemeProfile } from '../../lib/scan/profile';
import { THEMES } from '../../vocab';
import { fill } from '../../i18n/fill';
import type { ScanIslandCard, ScanStrings } from './types';

interface Props {
  t: ScanStrings;
  order: ScanIslandCard[];
  answers: ReadonlyMap<string, number>;
  sessionHref: string;
  /** Downloads the scan as a file; returns the file name. */
  /** The file's name, or null when the person stopped at the privacy question. */
  onExport(): Promise<string | null>;
  onAnswer(index: number): void;
  onRestart(): void;
}

/** Words for a spanningsveld's strength: the number alone says little to most people. */
function strengthWord(value: number, t: ScanStrings): string {
  if (value < 25) return t.scan.strengthLow;
  if (value < 60) return t.scan.strengthMid;
  return t.scan.strengthHigh;
}

const W = 200;
const PAD = 8;

function Scale({ value }: { value: number }) {
  const x = PAD + (value / 100) * (W - 2 * PAD);
  return (
    <svg class="scan-scale" viewBox={`0 0 ${W} 24`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line x1={PAD} y1={12} x2={W - PAD} y2={12} class="scan-axis" />
      {[0, 50, 100].map((v) => (
        <line
          key={v}
          x1={PAD + (v / 100) * (W - 2 * PAD)}
          x2={PAD + (v / 100) * (W - 2 * PAD)}
          y1={6}
          y2={18}
          class="scan-tick"
        />
      ))}
      <path d={`M ${x} 3 L ${x + 8} 12 L ${x} 21 L ${x - 8} 12 Z`} class="scan-marker" />
    </svg>
  );
}

function ThemeSection({
  profile,
  t,
  order,
  onAnswer,
}: {
  profile: ThemeProfile;
  t: ScanStrings;
  order: ScanIslandCard[];
  onAnswer(i: number): void;
}) {
  const s = t.scan;
  const byId = new Map(order.map((c, i) => [c.id, { card: c, index: i }] as const));
  const headingId = `scan-theme-${profile.theme}`;
  return (
    <section class={`scan-theme-result theme-${profile.theme}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{t.themes[profile.theme]}</h3>
      {profile.strength === null ? (
        <p class="scan-hint">{s.noAnswers}</p>
      ) : (
        <p class="scan-strength">
          <span>
            {fill(t.lang, s.strength, { value: profile.strength })} · {strengthWord(profile.strength, t)}
          </span>
          <svg class="scan-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect x="0" y="0" width={profile.strength} height="10" />
          </svg>
        </p>
      )}
      <ul class="scan-rows">
        {profile.answered.map((a) => {
          const entry = byId.get(a.card.id);
          if (!entry) return null;
          const { card, index } = entry;
          return (
            <li key={card.id} class="scan-row">
              <span class="scan-row-title">{card.title}</span>
              <span class="scan-row-pole scan-row-a">{card.poles[0].label}</span>
              <Scale value={a.value} />
              <span class="scan-row-pole scan-row-b">{card.poles[1].label}</span>
              <span class="scan-row-text">
                {a.leaning === 'middle'
                  ? fill(t.lang, s.inMiddle, { value: a.value })
                  : fill(t.lang, s.leansTo, { pole: card.poles[a.leaning === 'a' ? 0 : 1].label, value: a.value })}
              </span>
              {/* On paper the words give way to the number, so the whole fan fits one page. */}
              <span class="scan-row-value" aria-hidden="true">
                {a.value}
              </span>
              <button
                type="button"
                class="scan-change"
                aria-label={fill(t.lang, s.change, { title: card.title })}
                onClick={() => onAnswer(index)}
              >
                {s.changeShort}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ScanProfile({ t, order, answers, sessionHref, onExport, onAnswer, onRestart }: Props) {
  const s = t.scan;
  const profile = profileOf(order, answers, THEMES);
  const heading = useRef<HTMLHeadingElement>(null);
  const [exported, setExported] = useState('');
  useEffect(() => heading.current?.focus(), []);
  const indexOf = new Map(order.map((c, i) => [c.id, i] as const));
  return (
    <section class="scan-profile" aria-labelledby="scan-profile-title">
      <h2 id="scan-profile-title" tabindex={-1} ref={heading}>
        {s.resultTitle}
      </h2>
      <p>{fill(t.lang, s.resultSummary, { answered: profile.answered, total: profile.total })}</p>
      <p class="scan-hint">{s.howToRead}</p>
      {profile.themes.map((theme) => (
        <ThemeSection key={theme.theme} profile={theme} t={t} order={order} onAnswer={onAnswer} />
      ))}
      {profile.skipped.length > 0 && (
        <section class="scan-skipped" aria-labelledby="scan-skipped-title">
          <h3 id="scan-skipped-title">{s.skippedTitle}</h3>
          <ul>
            {profile.skipped.map((card) => {
              const title = order[indexOf.get(card.id) ?? 0]?.title ?? card.id;
              return (
                <li key={card.id}>
                  <button type="button" class="link-button" onClick={() => onAnswer(indexOf.get(card.id) ?? 0)}>
                    {fill(t.lang, s.answerNow, { title })}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div class="scan-buttons">
        <button type="button" class="button primary" onClick={() => print()}>
          {s.print}
        </button>
        <button
          type="button"
          class="button"
          onClick={async () => {
            try {
              const file = await onExport();
              setExported(file === null ? s.exportStopped : fill(t.lang, s.exported, { file }));
            } catch {
              setExported(s.saveFailed);
            }
          }}
        >
          {s.export}
        </button>
        <a class="button" href={sessionHref}>
          {s.openSession}
        </a>
        <button type="button" class="button" onClick={onRestart}>
          {s.again}
        </button>
      </div>
      <p class="scan-hint" role="status">
        {exported}
      </p>
    </section>
  );
}
