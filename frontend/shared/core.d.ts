// Types of core.js, the one wrapper of the core's C ABI, for the Worker's
// TypeScript (host/src/core.ts) and for checking the pages' JavaScript.

export declare const BB_E_INVALID: -1;
export declare const BB_E_ARGUMENT: -2;
export declare const BB_E_RANDOM: -3;
export declare const BB_E_CONFLICT: -4;

/** The error object a failed call leaves in the result buffer. */
export interface AbiError {
  code?: string;
  message?: string;
  field?: string;
  /** Every problem bb_validate found; `pointer` (a JSON pointer) names the place when `field` does not. */
  errors?: Array<{ field: string; message: string; pointer?: string }>;
}

export declare class CoreError extends Error {
  constructor(status: number, error?: AbiError, text?: string);
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly errors?: Array<{ field: string; message: string; pointer?: string }>;
}

/** A bb_* export: numbers in, a status out. */
export type AbiFunction = (...args: number[]) => number;

/** What the caller needs of an instance: the bb_* functions by name. */
export type AbiExports = Record<string, unknown>;

export interface AbiCaller {
  raw(name: string, numbers?: number[], input?: string): { status: number; text: string };
  call<T = unknown>(name: string, numbers?: number[], input?: string): { status: number; result: T };
  exported(name: string): AbiFunction;
}

export declare function abiCaller(exports: AbiExports, memory: () => { buffer: ArrayBufferLike }): AbiCaller;

/** An instantiated Emscripten module: `_bb_*` functions and its memory's HEAPU8. */
export declare function emscriptenExports(module: Record<string, unknown> & { HEAPU8: Uint8Array }): {
  exports: AbiExports;
  memory: () => { buffer: ArrayBufferLike };
};
