/** What is wrong with a URL Clerk may send users to (or accept requests from) in production, or undefined. */
export function insecureUrl(
  value: string,
  opts: { customSchemes: readonly string[] },
): { problem: string; fix: string } | undefined {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  // Not a URL at all: the resource's own check refuses it, with its own message.
  if (scheme === undefined) return undefined;
  const host = hostOf(value);
  const fix = "use an https:// URL of your production domain, or your app's custom scheme (myapp://callback)";
  if (scheme === "http") return { problem: "uses plain http://", fix };
  if (host !== undefined && isLocal(host)) return { problem: `points at ${host}`, fix };
  if (scheme === "https") return undefined;
  if (opts.customSchemes.length > 0 && !opts.customSchemes.map((s) => s.toLowerCase()).includes(scheme)) {
    return {
      problem: `uses the custom scheme ${scheme}://, which is not one of ${opts.customSchemes.map((s) => `${s}://`).join(", ")}`,
      fix: "use https:// or one of the allowed custom schemes (the rule's customSchemes)",
    };
  }
  return undefined;
}

/** The host of `scheme://host[:port]/…` (lower case, brackets kept for IPv6), if it has one. */
function hostOf(value: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/.exec(value);
  return m?.[1] ? m[1].toLowerCase() : undefined;
}

function isLocal(host: string): boolean {
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127(?:\.\d{1,3}){3}$/.test(host) ||
    host === "0.0.0.0" ||
    host === "[::1]"
  );
}
