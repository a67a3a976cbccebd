// Shared by the SAML and enterprise connection classes (program side) and their definitions (provider
// side): it imports nothing, so neither side loads the other's modules for it.

/**
 * The deprecated singular certificate is a list of one: state, refresh and the request body then speak
 * of `idpCertificates` only, whichever the program uses.
 * @internal
 */
export function singularCertificate<T extends { idpCertificate?: string; idpCertificates?: string[] }>(
  v: T,
): Omit<T, "idpCertificate"> {
  if (v.idpCertificate === undefined) return v;
  const { idpCertificate, ...rest } = v;
  return { ...rest, idpCertificates: [idpCertificate] };
}
