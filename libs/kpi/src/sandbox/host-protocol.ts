import { SourceLoadError } from '../sources/source-load.error';
import { QueryTimeoutError } from './query-timeout';

/**
 * The environment variable that makes a process the engine's host: set on
 * the child the engine starts; an entry that sees it hands over to
 * `serveEngineHost()` and does nothing else (see the README, "The engine's process").
 */
export const engineHostVariable = 'KOERS_ENGINE_HOST';

/** What the engine asks of its host: one method of the sandbox session, by name, with its arguments. */
export interface HostRequest {
  readonly id: number;
  readonly method: 'open' | 'versions' | 'loadSource' | 'previewSource' | 'describeSource' | 'parseExpressions' | 'select' | 'describe' | 'close';
  readonly args: readonly unknown[];
}

/**
 * What the host answers: the result or the error of a request, or word that
 * a request is still at work on its next statement (its time limit starts again).
 */
export type HostReply =
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: WireError }
  | { readonly id: number; readonly nextStatement: true };

/** An error as it crosses the process boundary (structured clone keeps no class). */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly sourceId?: string;
  readonly file?: string;
  readonly line?: number;
  readonly timeoutMs?: number;
}

/** The error, as the other side can rebuild it. */
export function toWire(error: unknown): WireError {
  if (error instanceof SourceLoadError) {
    return { name: error.name, message: error.message, sourceId: error.sourceId, file: error.file, ...(error.line === undefined ? {} : { line: error.line }) };
  }
  if (error instanceof QueryTimeoutError) return { name: error.name, message: error.message, timeoutMs: error.timeoutMs };
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/** The error {@link toWire} sent, with its class again, so `instanceof` holds on this side too. */
export function fromWire(wire: WireError): Error {
  if (wire.name === 'SourceLoadError' && wire.sourceId !== undefined && wire.file !== undefined) {
    return new SourceLoadError(wire.sourceId, wire.file, wire.message, wire.line);
  }
  if (wire.name === 'QueryTimeoutError' && wire.timeoutMs !== undefined) return new QueryTimeoutError(wire.timeoutMs);
  return new Error(wire.message);
}
