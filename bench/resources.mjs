// The configuration every bench run applies.

/** The configuration under test: a repeating mix of five resources, two of them list-only at Clerk. */
export function resourcesFor(n, tag) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const name = `r${i}`;
    switch (i % 5) {
      case 0:
      case 1:
        out.push({ type: "RedirectUrl", name, args: { url: `https://app${i}.${tag}.example.com/callback` } });
        break;
      case 2:
        out.push({
          type: "JwtTemplate",
          name,
          args: {
            name: `${tag}-tmpl-${i}`,
            claims: { aud: `api-${i}`, role: "{{user.public_metadata.role}}" },
          },
        });
        break;
      case 3:
        out.push({ type: "AllowlistIdentifier", name, args: { identifier: `user${i}@${tag}.example.com` } });
        break;
      default:
        out.push({ type: "BlocklistIdentifier", name, args: { identifier: `spam${i}@${tag}.example.org` } });
    }
  }
  return out;
}
