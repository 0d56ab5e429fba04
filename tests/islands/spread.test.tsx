import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { t as dictionary } from '../../src/i18n';
import { fill } from '../../src/i18n/fill';
import { agreedText, lean, Spread, valueText } from '../../src/islands/room/Spread';
import type { JoinStrings } from '../../src/islands/room/types';

const POLES: [string, string] = ['Eigen kracht', 'Veiligheid'];
const strings = (lang: 'nl' | 'en') => {
  const d = dictionary(lang);
  return { lang, room: d.room, poles: d.poles } as JoinStrings;
};

describe('Spread (the room’s dot plot)', () => {
  it('draws one dot per position and says them all in its caption, names included', () => {
    const t = strings('nl');
    render(
      <Spread
        lang="nl"
        id="spread"
        values={[{ value: 20, label: 'Anna' }, { value: 70 }, { value: 70, label: 'Telefoon 1' }]}
        agreed={null}
        poles={POLES}
        template={t.room.chartText}
      />,
    );
    const list = 'Anna: 20, 70, Telefoon 1: 70';
    const caption = fill('nl', t.room.chartText, { a: POLES[0], b: POLES[1], list });
    const plot = screen.getByRole('img', { name: caption });
    expect(plot.querySelectorAll('circle.room-dot')).toHaveLength(3);
    expect(plot.querySelector('.room-agreed-mark')).toBeNull();
    expect([...plot.querySelectorAll('.room-tick')].map((x) => x.textContent)).toEqual(['0', '25', '50', '75', '100']);
    // Two dots at 70 stack instead of hiding each other.
    const ys = [...plot.querySelectorAll('circle')].map((c) => c.getAttribute('cy'));
    expect(new Set(ys).size).toBe(2);
  });

  it('marks the agreed position and adds it to the caption', () => {
    const t = strings('en');
    render(
      <Spread
        lang="en"
        id="spread"
        values={[{ value: 30 }]}
        agreed={45}
        poles={POLES}
        template={t.room.chartText}
        agreedText={(v) => agreedText(t, POLES, v)}
      />,
    );
    expect(document.querySelectorAll('.room-agreed-mark')).toHaveLength(1);
    // The sessions' words: the value and the pole it leans to.
    const words = fill('en', t.poles.agreedCurrent, { value: 45, lean: t.poles.middle });
    expect(screen.getByText(words, { exact: false })).toBeTruthy();
  });

  it('says a value in the words the sessions use', () => {
    const t = strings('nl');
    expect(lean(t, POLES, 44)).toBe(fill('nl', t.poles.leanA, { a: POLES[0] }));
    expect(lean(t, POLES, 55)).toBe(t.poles.middle);
    expect(valueText(t, POLES, 80)).toBe(`80 van 100, ${fill('nl', t.poles.leanB, { b: POLES[1] })}`);
  });
});
