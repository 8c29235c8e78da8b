// Words that say a slot has no figure yet: "tbc", "TBA", "to be determined", "awaiting baseline",
// "deferred", "not yet available". One list for labelled cells, value slots and prose.

const PENDING_WORDS = String.raw`tbc|tba|tbd|to be (?:confirmed|determined|agreed|set|established|negotiated|defined|advised|calculated)|awaiting(?: baseline| data)?|deferred|not (?:yet )?(?:available|known|set|agreed|established|collected)|pending|unknown|n\/k|yet to be (?:negotiated|established|set|agreed|confirmed)`;

/** A pending state anywhere in a value slot; group 1 is the words, lower-cased into the pending reason. */
export const PENDING = new RegExp(String.raw`\b(${PENDING_WORDS})\b`, 'i');

/** A slot that opens with a pending state (or "n/a"): still a value slot, answered without a figure. */
export const PENDING_START = new RegExp(String.raw`^\s*(?:${PENDING_WORDS}|to be|n\/a)\b`, 'i');

/** A slot answered "not applicable": no figure is due. */
export const NOT_APPLICABLE = /^\s*(?:n\/a|na|not applicable|none)\.?\s*$/i;
