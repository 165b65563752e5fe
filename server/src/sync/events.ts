/**
 * Live changes inside this server process, for `GET /api/sync/stream`. A push publishes after
 * its transaction committed, so a client that pulls on the event finds the change.
 * (Several server processes behind one address would need PostgreSQL LISTEN/NOTIFY here.)
 */
import type { CollectionName } from '../../../shared/model';

export interface ChangeEvent {
  collection: CollectionName;
  /** The highest sequence number of the change for this org. */
  seq: number;
  /** Whose documents changed (data org id). */
  orgId: string;
  /** Server ids of the committees above that branch, who see the change too. */
  committeeIds: readonly string[];
}

type Listener = (event: ChangeEvent) => void;

export class ChangeBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ChangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get size(): number {
    return this.listeners.size;
  }
}
