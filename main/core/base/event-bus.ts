/** Typed fan-out of the contract's events to every connected UI (IPC windows, WebSocket clients). */
import type { ApiEvents, EventName } from '../../../models/contract/index.js';

type Listener<E extends EventName> = (payload: ApiEvents[E]) => void;

export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // one broken subscriber (e.g. a closed socket) must not stop the others
      }
    }
  }
}
