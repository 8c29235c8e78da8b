// Which indicator the values in front of us belong to: the latest definition ("LAA Target: NI 8", an
// indicator row), kept until a new definition, a new section, or an uncoded measure replaces it.
import type { Mention } from '../detect/mentions.ts';

export class IndicatorScope {
  private current: Mention[] = [];
  /** True while consecutive definitions are listing several indicators ("Performance Indicators: NI 6 ..." / "NI 8 ..."). */
  private listing = false;
  private definedAt = -1;
  /** Index of the block being read, kept current by the walker. */
  block = 0;

  define(mentions: Mention[], continuesList: boolean): void {
    const defining = mentions.filter((m) => m.defining);
    if (!defining.length) return;
    this.current = continuesList && this.listing ? [...this.current, ...defining] : defining;
    this.listing = true;
    this.definedAt = this.block;
  }

  endListing(): void {
    this.listing = false;
  }

  clear(): void {
    this.current = [];
    this.listing = false;
  }

  /** Blocks read since the indicator in scope was defined: an empty slot far from it is not its gap. */
  distance(): number {
    return this.definedAt < 0 ? Number.POSITIVE_INFINITY : this.block - this.definedAt;
  }

  /** The one indicator in scope, or null when none or several are (values then need their own code). */
  single(): Mention | null {
    const codes = new Set(this.current.map((m) => m.code));
    return codes.size === 1 ? this.current[0] : null;
  }

  byCode(code: string): Mention | null {
    return this.current.find((m) => m.code === code) ?? null;
  }
}
