/** Typed fan-out of the contract's events to every connected UI (IPC windows, WebSocket clients). */
import type { ApiEvents, EventName } from '../../models/contract.js';
type Listener<E extends EventName> = (payload: ApiEvents[E]) => void;
export declare class EventBus {
    private readonly listeners;
    on<E extends EventName>(event: E, listener: Listener<E>): () => void;
    emit<E extends EventName>(event: E, payload: ApiEvents[E]): void;
}
export {};
