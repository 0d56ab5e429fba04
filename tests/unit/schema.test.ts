import { describe, expect, it } from 'vitest';
import { cardSchema } from '../../src/content.schema';

const valid = {
  id: 'a-card',
  number: 1,
  theme: 'regie',
  kind: 'dilemma',
  title: 'T',
  summary: 'S',
  poles: [
    { label: 'A', protects: 'p', upside: 'u', overshoot: 'o' },
    { label: 'B', protects: 'p', upside: 'u', overshoot: 'o' },
  ],
  questions: ['1?', '2?', '3?'],
  perspectives: {
    jeugdige: ['?'],
    ouder: ['?'],
    netwerk: ['?'],
    professional: ['?'],
    leidinggevende: ['?'],
    beleidsmaker: ['?'],
  },
  example: 'E',
  sources: [{ label: 'Kamerstuk 31 839, nr. 728' }],
  trainerNotes: [
    { text: 't', source: 'Jeugdwet' },
    { text: 't', source: 'WGBO' },
  ],
};

const fieldsOf = (input: unknown) => {
  const r = cardSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('card schema', () => {
  it('accepts a complete dilemma and defaults terms', () => {
    const r = cardSchema.parse(valid);
    expect(r.terms).toEqual([]);
  });

  it('accepts a kenniskaart without poles, and rejects one with poles', () => {
    const { poles: _poles, ...rest } = valid;
    expect(fieldsOf({ ...rest, kind: 'kenniskaart' })).toEqual([]);
    expect(fieldsOf({ ...valid, kind: 'kenniskaart' })).toEqual(['poles']);
  });

  it.each([
    ['id', { id: 'Not A Slug' }],
    ['number', { number: 0 }],
    ['theme', { theme: 'kleur' }],
    ['questions', { questions: ['1?', '2?'] }],
    ['questions', { questions: ['1', '2', '3', '4', '5', '6'] }],
    ['perspectives.ouder', { perspectives: { ...valid.perspectives, ouder: [] } }],
    ['perspectives', { perspectives: { ...valid.perspectives, buurman: ['?'] } }],
    ['poles', { poles: [valid.poles[0]] }],
    ['poles.1.overshoot', { poles: [valid.poles[0], { label: 'B', protects: 'p', upside: 'u' }] }],
    ['sources', { sources: [] }],
    ['trainerNotes', { trainerNotes: undefined }],
    ['trainerNotes', { trainerNotes: [valid.trainerNotes[0]] }],
    ['trainerNotes.1.source', { trainerNotes: [valid.trainerNotes[0], { text: 't' }] }],
    ['sources.0.url', { sources: [{ label: 'x', url: 'javascript:alert(1)' }] }],
    ['title', { title: '   ' }],
    ['', { extra: 'field' }],
  ])('names the field %s when it is wrong', (field, change) => {
    expect(fieldsOf({ ...valid, ...change })).toContain(field);
  });

  it('rejects an unknown kind with a clear message', () => {
    const r = cardSchema.safeParse({ ...valid, kind: 'vraag' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/kenniskaart/);
  });
});
