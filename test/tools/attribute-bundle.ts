/**
 * Which sources a built script's gzip bytes come from (issue 16's size budget). Build with source
 * maps first, then run this on the output folder:
 *   FL_SOURCEMAP=1 FL_OUT_DIR=.output-attr npx wxt build
 *   npx tsx test/tools/attribute-bundle.ts .output-attr/chrome-mv3/content-scripts/meta-ads.js
 * Each minified character is charged to the source its mapping names. A file's gzip share is its
 * raw share of the whole file's gzip size: an estimate (gzip shares strings across sources), good
 * enough to rank what to move out.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

for (const file of process.argv.slice(2)) {
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawSourceMap);
  const lines = code.split('\n');
  const bytes = new Map<string, number>();
  const charge = (source: string, n: number) => bytes.set(source, (bytes.get(source) ?? 0) + n);
  // Mappings in generated order: each one owns the characters up to the next.
  const mappings: Array<{ line: number; column: number; source: string }> = [];
  map.eachMapping((m) => mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source ?? '(none)' }));
  let mapped = 0;
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i]!;
    const next = mappings[i + 1];
    const end = next && next.line === m.line ? next.column : (lines[m.line - 1]?.length ?? 0) + 1;
    charge(shorten(m.source), end - m.column);
    mapped += end - m.column;
  }
  charge('(unmapped)', code.length - mapped);
  const total = code.length;
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`${file}: ${(total / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`);
  for (const [source, n] of [...bytes].sort((a, b) => b[1] - a[1])) {
    if (n / total < 0.003) continue;
    console.log(`  ${(((n / total) * gzip) / 1024).toFixed(2).padStart(6)} KB  ${(n / 1024).toFixed(1).padStart(6)} KB raw  ${source}`);
  }
}

function shorten(source: string): string {
  return source.replace(/^.*?node_modules\//, 'node_modules/').replace(/^(\.\.\/)+/, '');
}
