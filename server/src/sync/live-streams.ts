/** The open event streams, so that logout, a revoked device and shutdown can end them. */
export class LiveStreams {
  private readonly open = new Map<() => void, string>();

  /** Registers a stream's `end`; returns the function that unregisters it. */
  add(deviceId: string, end: () => void): () => void {
    this.open.set(end, deviceId);
    return () => this.open.delete(end);
  }

  endDevice(deviceId: string): void {
    for (const [end, device] of [...this.open]) if (device === deviceId) end();
  }

  endAll(): void {
    for (const end of [...this.open.keys()]) end();
  }

  get size(): number {
    return this.open.size;
  }
}
