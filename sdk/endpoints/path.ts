/** `/base/<id>` with the id escaped; an empty id would silently address the collection instead. */
export function idPath(base: string, id: string, suffix = ""): string {
  if (typeof id !== "string" || id.trim() === "") {
    throw new TypeError(`pulumi-clerk: an id is required for ${base}/{id}${suffix}`);
  }
  return `${base}/${encodeURIComponent(id)}${suffix}`;
}
