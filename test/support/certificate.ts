/**
 * The one test certificate: self-signed, CN=idp.example.com, valid 2026-11-26 to 2036-11-23, so
 * tests can check the validity timestamps Clerk derives from it. Not a secret (there is no key), but
 * handled as an IdP certificate is: tests check it never reaches places it must not.
 */
export const TEST_CERTIFICATE =
  "-----BEGIN CERTIFICATE-----\nMIICEDCCAXmgAwIBAgIUX3anwc2NXBChwSSx5jl+qL0AuIgwDQYJKoZIhvcNAQEL\nBQAwGjEYMBYGA1UEAwwPaWRwLmV4YW1wbGUuY29tMB4XDTI2MTEyNjA3MTUwMloX\nDTM2MTEyMzA3MTUwMlowGjEYMBYGA1UEAwwPaWRwLmV4YW1wbGUuY29tMIGfMA0G\nCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDp4xu1X+BXJ+b/nMvGYm+6Rd+nKX2cAKzJ\nkutLIzkzwRQaOxBeNYYk6TZlLyQO8mVkRDZ8ueG8i9Es1wdy4Bsth4JupVUnfsLA\nJ6KE4Q1ZhvUsJ8DQJHhTzVsnwjL0SEC4zI7Owgvf3So5dq3Qu5pCjIK+js1e8+NH\nEEgpywWzBQIDAQABo1MwUTAdBgNVHQ4EFgQU6KYCktVjTxynREVtlFqqd85wPWow\nHwYDVR0jBBgwFoAU6KYCktVjTxynREVtlFqqd85wPWowDwYDVR0TAQH/BAUwAwEB\n/zANBgkqhkiG9w0BAQsFAAOBgQDFTMWn9Hy/NBfRMsY4cfzrscBk+zAkBAYNCh99\nrdOWJWjoP1NUc1oSFL7m4YlpiOMQnzd3MbZ0AdxISlek0dBTq4lK81J8eOBtikcs\n4/TBfLXiRjEl/vRtCYEn2WywwyOjzagaPIAhpToESRGnkKL9Cip2mbdRwmJpN1jT\nWnXW1w==\n-----END CERTIFICATE-----";

/** A line from the middle of the certificate: what a leak check looks for in state or logs. */
export const TEST_CERTIFICATE_BODY_LINE = "kutLIzkzwRQaOxBeNYYk6TZlLyQO8mVkRDZ8ueG8i9Es1wdy4Bsth4JupVUnfsLA";
