/**
 * The isolated content script's side of the page-world object-ID question
 * (utils/page-world/object-id.ts). One capture listener for the overlay's lifetime; each question
 * is a synchronous dispatch, so the answer is in hand when `objectIdOf` returns.
 */
import { OBJECT_ID_ANSWER, OBJECT_ID_REQUEST, objectIdFrom } from '../page-world/object-id';

export type ObjectIdOf = (row: Element) => string | null;

export function pageWorldObjectIds(signal: AbortSignal): ObjectIdOf {
  let asking: Element | null = null;
  let answer: string | null = null;
  document.addEventListener(
    OBJECT_ID_ANSWER,
    (event) => {
      // Only an answer about the element asked about, during the question, and digits only: the
      // page can dispatch this event too.
      if (asking === null || event.target !== asking || answer !== null) return;
      answer = objectIdFrom((event as CustomEvent<unknown>).detail);
    },
    { capture: true, signal },
  );
  return (row) => {
    if (signal.aborted) return null;
    asking = row;
    answer = null;
    try {
      row.dispatchEvent(new Event(OBJECT_ID_REQUEST));
      return answer;
    } finally {
      asking = null;
    }
  };
}
