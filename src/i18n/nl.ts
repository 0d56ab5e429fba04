/** Dutch UI strings (B1). The shape of this object is the contract for every language. */
export const nl = {
  lang: 'nl',
  langName: 'Nederlands',
  site: {
    name: 'Ken je Kracht?',
    tagline: 'Gesprekswaaier over eigen kracht in de jeugdhulp',
    description:
      'Digitale gesprekswaaier voor de jeugdhulp: kaarten over spanningen bij werken vanuit eigen kracht. Werkt offline, notities blijven op je eigen apparaat.',
  },
  nav: {
    label: 'Hoofdmenu',
    home: 'Start',
    cards: 'Kaarten',
    sessions: 'Sessies',
    formats: 'Werkvormen',
    glossary: 'Begrippen',
    about: 'Over',
    print: 'Afdrukken',
  },
  a11y: {
    skip: 'Naar de inhoud',
    switchLang: 'Read this page in English',
    switchLangShort: 'English',
  },
  footer: {
    privacy: 'Je notities blijven op dit apparaat. Er gaat niets naar een server.',
    independent: 'Een onafhankelijke digitale uitgave met eigen teksten.',
  },
  home: {
    title: 'Praat over eigen kracht',
    intro:
      'Werk je met jongeren, ouders en hun netwerk? Dan kom je spanningen tegen. Wat kan een gezin zelf? Wanneer moet jij ingrijpen? Elke kaart in deze waaier zet twee kanten naast elkaar. Beide zijn waardevol. Samen zoek je de balans.',
    waysTitle: 'Drie manieren om te beginnen',
    ways: {
      team: { title: 'Teamoverleg', text: 'Bespreek in 45 minuten één of twee kaarten met je team. Leg samen vast waar jullie staan en wat jullie afspreken.' },
      workshop: { title: 'Workshop', text: 'Laat een zaal kiezen tussen twee polen. Toon de kaart groot op het scherm, met een timer en een QR-code.' },
      solo: { title: 'Zelfreflectie', text: 'Denk rustig na over je eigen werk of beleid. Je notities blijven alleen op dit apparaat.' },
    },
    drawCard: 'Trek een kaart',
    allCards: 'Bekijk alle kaarten',
    themesTitle: 'De vijf spanningsvelden',
  },
  themes: {
    visies: { name: 'Verschillende visies op eigen kracht', short: 'Visies', question: 'Wat bedoelen we met eigen kracht?' },
    grenzen: { name: 'Grenzen aan eigen kracht', short: 'Grenzen', question: 'Wanneer is eigen kracht niet genoeg?' },
    belangen: { name: 'Verschillende belangen bij eigen kracht', short: 'Belangen', question: 'Wiens belang telt?' },
    regie: { name: 'Regie bij eigen kracht', short: 'Regie', question: 'Wie beslist?' },
    speelruimte: { name: 'Speelruimte voor eigen kracht', short: 'Speelruimte', question: 'Hoeveel ruimte is er om het anders te doen?' },
  },
  kinds: { kenniskaart: 'Kenniskaart', dilemma: 'Dilemma' },
  perspectives: {
    jeugdige: 'Jeugdige',
    ouder: 'Ouder',
    professional: 'Professional',
    leidinggevende: 'Leidinggevende',
    beleidsmaker: 'Beleidsmaker',
  },
  card: {
    number: 'Kaart',
    poles: 'De twee kanten',
    versus: 'tegenover',
    protects: 'Beschermt',
    upside: 'Als het goed gaat',
    overshoot: 'Als het doorschiet',
    questions: 'Vragen voor het gesprek',
    perspectives: 'Vanuit verschillende rollen',
    example: 'Uit de praktijk (verzonnen voorbeeld)',
    sources: 'Bronnen',
    terms: 'Begrippen op deze kaart',
    prev: 'Vorige kaart',
    next: 'Volgende kaart',
    backToDeck: 'Terug naar alle kaarten',
    theme: 'Spanningsveld',
  },
  cards: {
    title: 'Alle kaarten',
    intro: 'De waaier heeft vijf spanningsvelden. Elk veld begint met een kenniskaart. Daarna volgen de dilemma’s.',
    count: (n: number) => (n === 1 ? '1 kaart' : `${n} kaarten`),
  },
  sessions: {
    title: 'Mijn sessies',
    intro: 'Hier bewaar je wat jullie bespraken en afspraken. Alles blijft alleen op dit apparaat.',
    noscript: 'Voor sessies en notities is JavaScript nodig. De kaarten werken ook zonder.',
  },
  formats: {
    title: 'Werkvormen',
    intro: 'Zo kun je de waaier gebruiken: in een teamoverleg, een workshop, alleen, of samen met een jongere of ouder.',
    duration: 'Duur',
    people: 'Aantal mensen',
    cards: 'Kaarten',
    features: 'Wat helpt in de app',
  },
  glossary: {
    title: 'Begrippen',
    intro: 'Korte uitleg van woorden die op de kaarten staan.',
    alsoCalled: 'Ook wel',
  },
  about: { title: 'Over deze waaier' },
  print: {
    title: 'Afdrukken',
    intro: 'Druk de kaarten af op A4. Knip ze uit langs de snijtekens. Zo maak je weer een papieren waaier.',
    button: 'Afdrukken',
  },
  notFound: {
    title: 'Deze pagina bestaat niet',
    text: 'Misschien is de link oud of zit er een typfout in. Probeer het via een van deze pagina’s:',
  },
  // Feature sections below: each feature adds its own block after its marker line.
  // @deck
  // @pwa
  // @sessions
};

export type Dictionary = typeof nl;
