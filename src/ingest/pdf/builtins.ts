// The built-ins pdfjs's legacy build replaces when it loads. Its bundled core-js swaps the engine's
// `Array.prototype.push` for a JavaScript one (a workaround for arrays with a read-only length, which
// nothing here makes) and wraps `JSON.stringify` and `JSON.parse` (for `JSON.rawJSON`, which nothing here
// uses). Those are process-wide: every push and every JSON call of the thread goes through them, pdfjs's own
// included, and they cost: the JS push takes 2.5 times as long, the wrapped stringify 15 times; together about
// a fifth of reading a PDF. load.ts imports this module before pdfjs, so what is captured here is the
// engine's own, and puts them back once pdfjs and its in-thread worker have loaded.
export const builtins = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
};

const isNative = (fn: unknown): boolean => typeof fn === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn));

/** Put the engine's functions back where something replaced them (only with functions that are the engine's). */
export function restoreBuiltins(): void {
  if (Array.prototype.push !== builtins.push && isNative(builtins.push)) {
    Object.defineProperty(Array.prototype, 'push', { value: builtins.push, writable: true, enumerable: false, configurable: true });
  }
  if (JSON.parse !== builtins.parse && isNative(builtins.parse)) JSON.parse = builtins.parse;
  if (JSON.stringify !== builtins.stringify && isNative(builtins.stringify)) JSON.stringify = builtins.stringify;
}
