/** Installs a Debian package the tests and the demo need (a browser) when its binary is missing. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureDebianPackage(binary: string, pkg: string, hint: string): void {
  if (existsSync(binary)) return;
  console.log(`${binary} not found: installing Debian's ${pkg} package.`);
  const asRoot = process.getuid?.() === 0;
  const run = (args: string[]) => spawnSync(asRoot ? args[0]! : 'sudo', asRoot ? args.slice(1) : args, { stdio: 'inherit' });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', pkg]);
  if (!existsSync(binary)) {
    console.error(`Could not install ${pkg}. ${hint}`);
    process.exit(1);
  }
}
