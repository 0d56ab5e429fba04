/**
 * The phones that left a room, as a persistent set: every reducer step gets a new version and
 * the old one still reads as it was (the reducer never mutates the state it is given), yet a
 * leave or a rejoin costs O(1) instead of a copy of up to 5,000 entries (a churning plenary made
 * that O(n²)).
 *
 * How: one mutable core (a map for lookups, a doubly linked list for age, counts per socket) is
 * held by the newest version; each older version keeps the steps that lead from it to the next
 * one. Reading an old version moves the core back to it by undoing those steps ("rerooting",
 * Baker's trick for persistent arrays), so the usual path, always the newest version, never pays.
 * A step is a link or an unlink of one list node; undone in reverse order, an unlink is undone
 * exactly by linking the node back between the neighbours it kept.
 */

export interface Gone {
  /** The phone's last sequence number: anything at or below it is a replay. */
  seq: number;
  /** The socket it left from. */
  peer: string | null;
}

interface Node extends Gone {
  pid: string;
  prev: Node;
  next: Node;
}

interface Core {
  byPid: Map<string, Node>;
  /** Entries per socket, for "another participant already spoke from this socket". */
  peers: Map<string, number>;
  /** Sentinel of the list, oldest first. */
  head: Node;
  size: number;
}

/** One step between versions: link (true) or unlink (false) this node. */
type Step = readonly [boolean, Node];

let steps = 0;
/** Steps applied so far (links, unlinks, and those undone to read an old version): tests count work with it. */
export const leftSteps = () => steps;

function apply(core: Core, [link, node]: Step): void {
  steps++;
  if (link) {
    node.prev.next = node;
    node.next.prev = node;
    core.byPid.set(node.pid, node);
    if (node.peer !== null) core.peers.set(node.peer, (core.peers.get(node.peer) ?? 0) + 1);
    core.size++;
  } else {
    node.prev.next = node.next;
    node.next.prev = node.prev;
    core.byPid.delete(node.pid);
    if (node.peer !== null) {
      const n = (core.peers.get(node.peer) ?? 1) - 1;
      if (n > 0) core.peers.set(node.peer, n);
      else core.peers.delete(node.peer);
    }
    core.size--;
  }
}

const inverse = (list: readonly Step[]): Step[] => list.map(([link, node]) => [!link, node] as const).reverse();

export class LeftPhones {
  /** Set on the version that holds the core; otherwise the steps to the version that is nearer to it. */
  #core: Core | null;
  #edge: { steps: Step[]; to: LeftPhones } | null = null;
  /** At most this many are remembered: the oldest go first. */
  readonly limit: number;

  private constructor(core: Core | null, limit: number) {
    this.#core = core;
    this.limit = limit;
  }

  static empty(limit: number): LeftPhones {
    const head = { pid: '', seq: 0, peer: null } as unknown as Node;
    head.prev = head;
    head.next = head;
    return new LeftPhones({ byPid: new Map(), peers: new Map(), head, size: 0 }, limit);
  }

  /** Brings the core to this version, undoing the steps of the versions after it. */
  #own(): Core {
    if (this.#core) return this.#core;
    const path: LeftPhones[] = [this];
    for (let v = this.#edge?.to; v; v = v.#edge?.to) path.push(v);
    // The path ends at the version that holds the core: walk it back towards this one.
    for (let i = path.length - 2; i >= 0; i--) {
      const older = path[i]!;
      const newer = path[i + 1]!;
      const core = newer.#core!;
      const back = inverse(older.#edge!.steps);
      for (const step of back) apply(core, step);
      newer.#core = null;
      newer.#edge = { steps: back, to: older };
      older.#core = core;
      older.#edge = null;
    }
    return this.#core!;
  }

  /** A new version made by `change`; this one keeps the steps that lead to it. */
  #change(change: (core: Core, run: (step: Step) => void) => void): LeftPhones {
    const core = this.#own();
    const list: Step[] = [];
    change(core, (step) => {
      apply(core, step);
      list.push(step);
    });
    if (!list.length) return this;
    const next = new LeftPhones(core, this.limit);
    this.#core = null;
    this.#edge = { steps: list, to: next };
    return next;
  }

  get size(): number {
    return this.#own().size;
  }

  get(pid: string): Gone | undefined {
    const node = this.#own().byPid.get(pid);
    return node ? { seq: node.seq, peer: node.peer } : undefined;
  }

  /** Another phone than `pid` left from this socket. */
  peerTaken(peer: string, pid: string): boolean {
    const core = this.#own();
    const own = core.byPid.get(pid)?.peer === peer ? 1 : 0;
    return (core.peers.get(peer) ?? 0) - own > 0;
  }

  /** Remembers a phone that left; the oldest goes when more than `limit` are remembered. */
  add(pid: string, gone: Gone): LeftPhones {
    return this.#change((core, run) => {
      const existing = core.byPid.get(pid);
      if (existing) run([false, existing]);
      // Made after that unlink, so it links after the tail as it is now.
      run([true, { pid, seq: gone.seq, peer: gone.peer, prev: core.head.prev, next: core.head }]);
      if (core.size > this.limit) run([false, core.head.next]);
    });
  }

  /** Forgets a phone that came back. */
  remove(pid: string): LeftPhones {
    return this.#change((core, run) => {
      const node = core.byPid.get(pid);
      if (node) run([false, node]);
    });
  }

  /** The pids, oldest first (for tests and debugging). */
  pids(): string[] {
    const core = this.#own();
    const out: string[] = [];
    for (let n = core.head.next; n !== core.head; n = n.next) out.push(n.pid);
    return out;
  }
}
