/**
 * One writer at a time in this process. DuckDB's transactions are optimistic:
 * two that write the same row (the data version every change counts, a
 * computation's slot) do not wait for each other, one of them fails with
 * "Conflict on update". An embedded database serves one process, so the
 * driver lets transactions and writes take turns instead.
 */
export class WriteGate {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the gate; resolves to the function that opens it again (call it exactly once). */
  async enter(): Promise<() => void> {
    let leave: () => void = () => undefined;
    const turn = new Promise<void>((resolve) => (leave = resolve));
    const before = this.#tail;
    this.#tail = this.#tail.then(() => turn);
    await before;
    return leave;
  }
}

/** Whether a statement outside a transaction writes (and so takes a turn at the gate). */
export function isWrite(sql: string): boolean {
  return /^\s*(insert|update|delete|create|alter|drop)\b/i.test(sql);
}
