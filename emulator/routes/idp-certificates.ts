import { X509Certificate } from "node:crypto";
import { z } from "zod";

/**
 * IdP signing certificates of SAML connections (legacy and enterprise). Clerk trusts several at once, so
 * a certificate can be rotated without downtime: `idp_certificates` in a body replaces the whole list;
 * the singular `idp_certificate` (deprecated) sets a list of one. Answers carry the list with each
 * certificate's validity read from the certificate itself, and the first one under the singular names.
 */
export const certificateFields = {
  idp_certificate: z.string().nullable().optional(),
  idp_certificates: z.array(z.string()).nullable().optional(),
};

/** The list a body sets, or undefined when it touches neither field. */
export function certificatesFromBody(input: {
  idp_certificate?: string | null | undefined;
  idp_certificates?: string[] | null | undefined;
}): string[] | undefined {
  if (input.idp_certificates !== undefined) return [...new Set(input.idp_certificates ?? [])];
  if (input.idp_certificate !== undefined) return input.idp_certificate ? [input.idp_certificate] : [];
  return undefined;
}

/** NotBefore/NotAfter in ms when the PEM parses; null otherwise (the emulator does not reject bad certs). */
export function certificateValidity(pem: string): { issued_at: number | null; expires_at: number | null } {
  try {
    const cert = new X509Certificate(pem);
    return { issued_at: Date.parse(cert.validFrom), expires_at: Date.parse(cert.validTo) };
  } catch {
    return { issued_at: null, expires_at: null };
  }
}

export function renderCertificates(certs: readonly string[]) {
  const list = certs.map((certificate) => ({ certificate, ...certificateValidity(certificate) }));
  const first = list[0];
  return {
    idp_certificate: first?.certificate ?? null,
    idp_certificate_issued_at: first?.issued_at ?? null,
    idp_certificate_expires_at: first?.expires_at ?? null,
    idp_certificates: list,
  };
}

/**
 * The certificates a stored record trusts. State files written before several certificates were
 * emulated hold a single `idp_certificate` instead of the list.
 */
export function storedCertificates(r: { idp_certificates?: string[] }): string[] {
  if (Array.isArray(r.idp_certificates)) return r.idp_certificates;
  const legacy = (r as { idp_certificate?: unknown }).idp_certificate;
  return typeof legacy === "string" && legacy !== "" ? [legacy] : [];
}
