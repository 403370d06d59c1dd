// Types of the Emscripten build's ES module, written by hand and kept in git
// beside the generated blindbox.mjs and blindbox.wasm (the emscripten preset
// writes those; .gitignore keeps them out). TypeScript reads a .d.mts before
// the .mjs of the same name, so the type checks (tsconfig.frontend.json) see
// these types whether or not the build is there, and never check the
// generated code. Only what core-browser.js and the Node tests use.

/** The instantiated module: the `_bb_*` exports and the memory's byte view. */
export interface BlindboxModule {
  [exported: string]: unknown;
  HEAPU8: Uint8Array;
}

/** What the factory may be given (Emscripten's Module object). */
export interface BlindboxOptions {
  /** Instantiates the wasm itself and hands the instance to `receive`. */
  instantiateWasm?(
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ): object;
  /** The wasm's bytes, instead of fetching blindbox.wasm. */
  wasmBinary?: ArrayBufferView | ArrayBuffer;
  print?(text: string): void;
  printErr?(text: string): void;
}

/** The module factory (-sMODULARIZE -sEXPORT_ES6). */
export default function createBlindbox(options?: BlindboxOptions): Promise<BlindboxModule>;
