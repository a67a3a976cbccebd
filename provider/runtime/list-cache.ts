/**
 * Collections with no GET by id (allow-list, block-list, domains) can only be read by listing them, and
 * the others are read faster that way (one request per page instead of one per object). A refresh of N
 * objects must not list the collection N times: the provider process (one per Pulumi operation) shares
 * one listing per collection, and any write to that collection drops it.
 */
export class ListCache {
  private readonly listings = new Map<string, Promise<unknown[]>>();
  /** The ids each listing has answered a read for (see readOnce). */
  private readonly served = new WeakMap<Promise<unknown[]>, Set<string>>();

  /** The shared listing of `collection`, fetched once until invalidated. */
  get<T>(collection: string, fetchAll: () => Promise<T[]>): Promise<T[]> {
    let listing = this.listings.get(collection) as Promise<T[]> | undefined;
    if (!listing) {
      listing = fetchAll();
      this.listings.set(collection, listing);
      // A failed listing must not be remembered: the next read tries again.
      listing.catch(() => {
        if (this.listings.get(collection) === listing) this.listings.delete(collection);
      });
    }
    return listing;
  }

  /**
   * One object of the shared listing, for a read: at most once per object and listing. A listing is a
   * snapshot, so a second read of the same object in this process (a refresh reads each once; a
   * long-lived caller may read again) gets undefined and must ask Clerk. Undefined too when the listing
   * does not hold the object.
   */
  async readOnce<T>(
    collection: string,
    fetchAll: () => Promise<T[]>,
    id: string,
    idOf: (item: T) => string,
  ): Promise<T | undefined> {
    const listing = this.get(collection, fetchAll);
    const items = await listing;
    const served = this.served.get(listing) ?? new Set<string>();
    this.served.set(listing, served);
    if (served.has(id)) return undefined;
    served.add(id);
    return items.find((item) => idOf(item) === id);
  }

  invalidate(collection: string): void {
    this.listings.delete(collection);
  }

  /** Run a write to `collection`, dropping the listing before and after (reads racing it refetch). */
  async write<R>(collection: string, op: () => Promise<R>): Promise<R> {
    this.invalidate(collection);
    try {
      return await op();
    } finally {
      this.invalidate(collection);
    }
  }
}
