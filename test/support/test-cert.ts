/**
 * A self-signed certificate for a made-up host name, made with the openssl CLI, so the stats
 * server can speak HTTPS under a name that is not loopback. Chromium is told to trust exactly
 * this key (`--ignore-certificate-errors-spki-list`), not to ignore certificate errors at large.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestCertificate {
  hostname: string;
  key: string;
  cert: string;
  /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's SPKI list wants it. */
  spkiHash: string;
}

export function makeTestCertificate(hostname: string): TestCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'funnel-lens-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '2',
        '-subj',
        `/CN=${hostname}`,
        '-addext',
        `subjectAltName=DNS:${hostname}`,
      ],
      { stdio: 'ignore' },
    );
    const cert = readFileSync(certFile, 'utf8');
    const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' });
    return { hostname, key: readFileSync(keyFile, 'utf8'), cert, spkiHash: createHash('sha256').update(spki).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
