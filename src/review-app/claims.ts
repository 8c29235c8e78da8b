// Items open in a reviewer's page are claimed for a few minutes, so two reviewers working through the same
// queue are not shown the same item. A claim ends when its holder decides, moves on, or goes quiet past the
// claim's time. Kept in the server's memory: every reviewer of a store works through one `review serve`.
export const CLAIM_MS = 5 * 60 * 1000;

interface Claim {
  session: string;
  until: number;
}

export class Claims {
  private readonly held = new Map<string, Claim>();

  constructor(
    private readonly ms = CLAIM_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The session holding an item now, if another than `session` does. */
  heldByOther(key: string, session: string): boolean {
    const claim = this.held.get(key);
    return claim !== undefined && claim.until > this.now() && claim.session !== session;
  }

  /** Claims an item for a session, ending the session's other claims (a page shows one item at a time). */
  claim(key: string, session: string): boolean {
    if (this.heldByOther(key, session)) return false;
    this.release(session);
    this.held.set(key, { session, until: this.now() + this.ms });
    return true;
  }

  /** Ends a session's claims. */
  release(session: string): void {
    for (const [key, claim] of this.held) if (claim.session === session) this.held.delete(key);
  }
}
