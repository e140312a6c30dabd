/** A page of a listing and the opaque cursor of the next one (absent on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}
