/**
 * Collections with no GET by id (allow-list, block-list, domains) can only be read by listing them.
 * A refresh of N such objects must not list the collection N times: the provider process (one per
 * Pulumi operation) shares one listing per collection, and any write to that collection drops it.
 */
export class ListCache {
  private readonly listings = new Map<string, Promise<unknown[]>>();

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
