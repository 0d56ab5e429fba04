import type { Dictionary } from './nl';

/** English UI strings. Same shape as the Dutch dictionary: the compiler checks every key. */
export const en: Dictionary = {
  lang: 'en',
  langName: 'English',
  site: {
    name: 'Ken je Kracht?',
    tagline: 'A conversation fan on own strength in youth care',
    description:
      'A digital conversation fan for youth care: cards on the tensions of working from people’s own strength. Works offline; notes stay on your own device.',
  },
  nav: {
    label: 'Main menu',
    home: 'Home',
    cards: 'Cards',
    sessions: 'Sessions',
    formats: 'Formats',
    glossary: 'Glossary',
    about: 'About',
    print: 'Print',
  },
  a11y: {
    skip: 'Skip to content',
    switchLang: 'Lees deze pagina in het Nederlands',
    switchLangShort: 'Nederlands',
  },
  footer: {
    privacy: 'Your notes stay on this device. Nothing is sent to a server.',
    independent: 'An independent digital edition with its own texts.',
  },
  home: {
    title: 'Talk about own strength',
    intro:
      'Do you work with young people, parents and their network? Then you meet tensions. What can a family do itself? When should you step in? Each card in this fan puts two sides next to each other. Both are valuable. Together you look for the balance.',
    waysTitle: 'Three ways to start',
    ways: {
      team: { title: 'Team meeting', text: 'Discuss one or two cards with your team in 45 minutes. Record where you stand and what you agree.' },
      workshop: { title: 'Workshop', text: 'Let a room choose between two poles. Show the card large on the screen, with a timer and a QR code.' },
      solo: { title: 'Self-reflection', text: 'Think quietly about your own work or policy. Your notes stay on this device only.' },
    },
    drawCard: 'Draw a card',
    allCards: 'See all cards',
    themesTitle: 'The five tension fields',
  },
  themes: {
    visies: { name: 'Different views of own strength', short: 'Views', question: 'What do we mean by own strength?' },
    grenzen: { name: 'Limits of own strength', short: 'Limits', question: 'When is own strength not enough?' },
    belangen: { name: 'Different interests in own strength', short: 'Interests', question: 'Whose interest counts?' },
    regie: { name: 'Who is in charge', short: 'In charge', question: 'Who decides?' },
    speelruimte: { name: 'Room for own strength', short: 'Room', question: 'How much room is there to do things differently?' },
  },
  kinds: { kenniskaart: 'Knowledge card', dilemma: 'Dilemma' },
  perspectives: {
    jeugdige: 'Young person',
    ouder: 'Parent',
    professional: 'Professional',
    leidinggevende: 'Manager',
    beleidsmaker: 'Policymaker',
  },
  card: {
    number: 'Card',
    poles: 'The two sides',
    versus: 'versus',
    protects: 'Protects',
    upside: 'When it goes well',
    overshoot: 'When it goes too far',
    questions: 'Questions for the conversation',
    perspectives: 'From different roles',
    example: 'From practice (a made-up example)',
    sources: 'Sources',
    terms: 'Terms on this card',
    prev: 'Previous card',
    next: 'Next card',
    backToDeck: 'Back to all cards',
    theme: 'Tension field',
  },
  cards: {
    title: 'All cards',
    intro: 'The fan has five tension fields. Each field starts with a knowledge card, followed by its dilemmas.',
    count: (n: number) => (n === 1 ? '1 card' : `${n} cards`),
  },
  sessions: {
    title: 'My sessions',
    intro: 'Keep what you discussed and agreed here. Everything stays on this device only.',
    noscript: 'Sessions and notes need JavaScript. The cards work without it.',
  },
  formats: {
    title: 'Formats',
    intro: 'Ways to use the fan: in a team meeting, a workshop, on your own, or with a young person or parent.',
    duration: 'Duration',
    people: 'Number of people',
    cards: 'Cards',
    features: 'What helps in the app',
  },
  glossary: {
    title: 'Glossary',
    intro: 'Short explanations of words used on the cards.',
    alsoCalled: 'Also called',
  },
  about: { title: 'About this fan' },
  print: {
    title: 'Print',
    intro: 'Print the cards on A4. Cut them out along the crop marks to make a paper fan again.',
    button: 'Print',
  },
  notFound: {
    title: 'This page does not exist',
    text: 'The link may be old or have a typo. Try one of these pages:',
  },
  // Feature sections below: each feature adds its own block after its marker line.
  // @deck
  // @pwa
  // @sessions
};
