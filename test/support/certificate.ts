/**
 * The one test certificate: self-signed, CN=idp.example.com, valid 2026-11-26 to 2036-11-23, so
 * tests can check the validity timestamps Clerk derives from it. Not a secret (there is no key), but
 * handled as an IdP certificate is: tests check it never reaches places it must not.
 */
export const TEST_CERTIFICATE =
  "-----BEGIN CERTIFICATE-----\nMIICEDCCAXmgAwIBAgIUX3anwc2NXBChwSSx5jl+qL0AuIgwDQYJKoZIhvcNAQEL\nBQAwGjEYMBYGA1UEAwwPaWRwLmV4YW1wbGUuY29tMB4XDTI2MTEyNjA3MTUwMloX\nDTM2MTEyMzA3MTUwMlowGjEYMBYGA1UEAwwPaWRwLmV4YW1wbGUuY29tMIGfMA0G\nCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDp4xu1X+BXJ+b/nMvGYm+6Rd+nKX2cAKzJ\nkutLIzkzwRQaOxBeNYYk6TZlLyQO8mVkRDZ8ueG8i9Es1wdy4Bsth4JupVUnfsLA\nJ6KE4Q1ZhvUsJ8DQJHhTzVsnwjL0SEC4zI7Owgvf3So5dq3Qu5pCjIK+js1e8+NH\nEEgpywWzBQIDAQABo1MwUTAdBgNVHQ4EFgQU6KYCktVjTxynREVtlFqqd85wPWow\nHwYDVR0jBBgwFoAU6KYCktVjTxynREVtlFqqd85wPWowDwYDVR0TAQH/BAUwAwEB\n/zANBgkqhkiG9w0BAQsFAAOBgQDFTMWn9Hy/NBfRMsY4cfzrscBk+zAkBAYNCh99\nrdOWJWjoP1NUc1oSFL7m4YlpiOMQnzd3MbZ0AdxISlek0dBTq4lK81J8eOBtikcs\n4/TBfLXiRjEl/vRtCYEn2WywwyOjzagaPIAhpToESRGnkKL9Cip2mbdRwmJpN1jT\nWnXW1w==\n-----END CERTIFICATE-----";

/** A line from the middle of the certificate: what a leak check looks for in state or logs. */
export const TEST_CERTIFICATE_BODY_LINE = "kutLIzkzwRQaOxBeNYYk6TZlLyQO8mVkRDZ8ueG8i9Es1wdy4Bsth4JupVUnfsLA";

// Two real X.509 certificates (public halves only; the keys were thrown away) for tests of IdP certificate
// rotation and of the validity Clerk computes from a certificate. Generated with openssl; validity:
//   ONE: 2026-12-01T03:35:25Z to 2027-12-01T03:35:25Z, TWO: 2026-12-01T03:35:25Z to 2028-11-30T03:35:25Z.
export const IDP_CERT_ONE = `-----BEGIN CERTIFICATE-----
MIIBkjCCATegAwIBAgIUabnL0cqZ6XpzDGKk+o72rTnKtPEwCgYIKoZIzj0EAwIw
HjEcMBoGA1UEAwwTaWRwLW9uZS5leGFtcGxlLmNvbTAeFw0yNjEyMDEwMzM1MjVa
Fw0yNzEyMDEwMzM1MjVaMB4xHDAaBgNVBAMME2lkcC1vbmUuZXhhbXBsZS5jb20w
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASV8r3DEcFuFQ3sYKNOwaJ21C5stG/k
gkknCsFEKwXgMesdPO0NaB0m6JtcZVFY/onGZZU1lHydNPvYQWjKfnx/o1MwUTAd
BgNVHQ4EFgQU3u7yn3AtKXyCl2AiC1vLeu3gYacwHwYDVR0jBBgwFoAU3u7yn3At
KXyCl2AiC1vLeu3gYacwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBG
AiEAgHOUIy8nPfw72IpgbcZDJ+riIrTx1MPXhqHOzEW8NhMCIQD953dGFJGfJWqc
nhL/HtNCZj/nyXX44QaCeYZVSrKO0A==
-----END CERTIFICATE-----`;
export const IDP_CERT_TWO = `-----BEGIN CERTIFICATE-----
MIIBkDCCATegAwIBAgIUQScZkEoUPfl+416Av1cb/FShPNMwCgYIKoZIzj0EAwIw
HjEcMBoGA1UEAwwTaWRwLXR3by5leGFtcGxlLmNvbTAeFw0yNjEyMDEwMzM1MjVa
Fw0yODExMzAwMzM1MjVaMB4xHDAaBgNVBAMME2lkcC10d28uZXhhbXBsZS5jb20w
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARaTQxN9C//HmKjpPlkaIKbS2HNza5+
xFO2Y7z25Ni6dzJZlo54dAjq4iIX3hfvmZgMio6s1kUfIe1+sz7hOenio1MwUTAd
BgNVHQ4EFgQUN0yt+GrtaVE96Huhui3yY0c+/tAwHwYDVR0jBBgwFoAUN0yt+Grt
aVE96Huhui3yY0c+/tAwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNHADBE
AiApKwMDL2kfi/x2he+gxw+hK+dIdtWBT4V0e/fhWxFsKwIgN1GQAagQEI+MBaTO
FOSZAZdHfOcCaSgQY5gQMqSv0BQ=
-----END CERTIFICATE-----`;
export const ISSUED_AT = Date.UTC(2026, 11, 1, 3, 35, 25);
export const ONE_EXPIRES_AT = Date.UTC(2027, 11, 1, 3, 35, 25);
export const TWO_EXPIRES_AT = Date.UTC(2028, 10, 30, 3, 35, 25);
