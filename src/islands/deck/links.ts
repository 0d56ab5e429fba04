/** Where the deck's buttons lead, with the deploy base: the page passes them (src/views/Cards.astro). */
export interface DeckLinks {
  /** The join page: the room's QR code points here. */
  join: string;
  /** The sessions page: new sessions, and the session a room saves into. */
  sessions: string;
  /** The about page's section on switching the room on, for a site built without a relay. */
  roomHelp?: string | undefined;
}
