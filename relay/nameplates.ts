/**
 * The code channels of this relay process: a nameplate (the typed code's public first two
 * characters) routes a phone's handshake messages to the presenter's socket that opened it. One
 * per room, bounded per process, unique among open rooms: a presenter whose nameplate is taken
 * draws another code. Nothing of the handshake is kept here, only who may be reached.
 */
export interface Channel {
  room: string;
  /** The presenter's socket id. */
  host: string;
}

export type OpenResult = 'ok' | 'taken' | 'limit';

export class Nameplates {
  readonly #byName = new Map<string, Channel>();
  readonly #byRoom = new Map<string, string>();
  readonly #max: number;
  constructor(max: number) {
    this.#max = max;
  }

  /** Opens (or moves) the room's channel to `nameplate`; the room's previous one closes. */
  open(nameplate: string, room: string, host: string): OpenResult {
    const holder = this.#byName.get(nameplate);
    if (holder && holder.room !== room) return 'taken';
    const previous = this.#byRoom.get(room);
    if (previous === undefined && this.#byName.size >= this.#max) return 'limit';
    if (previous !== undefined) this.#byName.delete(previous);
    this.#byName.set(nameplate, { room, host });
    this.#byRoom.set(room, nameplate);
    return 'ok';
  }

  /** The room's channel closes (code retired, presenter gone, room closed); only its own host's socket closes it. */
  close(room: string, host: string): void {
    const nameplate = this.#byRoom.get(room);
    if (nameplate === undefined || this.#byName.get(nameplate)?.host !== host) return;
    this.#byRoom.delete(room);
    this.#byName.delete(nameplate);
  }

  get(nameplate: string): Channel | undefined {
    return this.#byName.get(nameplate);
  }

  /** The room's open nameplate. */
  of(room: string): string | undefined {
    return this.#byRoom.get(room);
  }

  get size(): number {
    return this.#byName.size;
  }
}
