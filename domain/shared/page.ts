/** A page of a listing and the opaque cursor of the next one (absent on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/** A cursor this listing did not hand out (or one for another listing): the client's mistake, a 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this list returned');
    this.name = 'InvalidCursorError';
  }
}
