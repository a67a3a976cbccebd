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
