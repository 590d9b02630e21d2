/**
 * "Go to this place in the JSON text" by offset, for places that have no JSON Pointer (a parse error,
 * a parse warning): the JSON editor listens, anything may ask. No store: a jump is an event, not state.
 */
export interface EditorJump {
  offset: number;
  length: number;
}

const listeners = new Set<(jump: EditorJump) => void>();

/** Asks the JSON editor to put the cursor at `offset` (selecting `length` characters), revealed and focused. */
export function jumpToText(offset: number, length = 0): void {
  for (const l of listeners) l({ offset, length });
}

/** Subscribes to jumps; returns the unsubscribe. */
export function onJumpToText(listener: (jump: EditorJump) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
