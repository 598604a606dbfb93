/**
 * The built Firefox (MV2) manifest. WXT drops `optional_host_permissions` from an MV2 build
 * without converting it, so the remote-API grant must be declared for Firefox itself; and AMO
 * requires new add-ons to declare what data they collect.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MANIFEST = path.join(ROOT, process.env.FL_OUT_DIR ?? '.output', 'firefox-mv2', 'manifest.json');

interface FirefoxManifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } } };
}

let manifest: FirefoxManifest;

beforeAll(() => {
  if (!existsSync(MANIFEST)) execSync('npx wxt build -b firefox', { stdio: 'inherit', cwd: ROOT });
  manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as FirefoxManifest;
}, 120_000);

/** Firefox's rule for an MV2 match pattern `scheme://*\/*` covering a concrete origin pattern. */
function covers(declared: string, wanted: string): boolean {
  const [dScheme, dRest] = declared.split('://') as [string, string];
  const [wScheme, wRest] = wanted.split('://') as [string, string];
  const [dHost] = dRest.split('/');
  const [wHost] = wRest.split('/');
  return dScheme === wScheme && (dHost === '*' || dHost === wHost || (dHost?.startsWith('*.') === true && wHost?.endsWith(dHost.slice(1)) === true));
}

describe("the Firefox build's manifest", () => {
  it('declares the https API origins as optional permissions, which permissions.request needs in MV2', () => {
    expect(manifest.manifest_version).toBe(2);
    const optional = manifest.optional_permissions ?? [];
    // What the popup requests when the user saves such an API URL (see utils/permissions/origin-permission.ts).
    for (const wanted of ['https://stats.example.com/*', 'https://crm.acme.fi/*']) {
      expect(
        optional.some((declared) => covers(declared, wanted)),
        wanted,
      ).toBe(true);
    }
    // Remote origins are optional, never granted at install.
    expect((manifest.permissions ?? []).filter((p) => p.startsWith('https://*'))).toEqual([]);
  });

  it("declares its data collection for AMO: none, since data goes only to the user's own API", () => {
    expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
