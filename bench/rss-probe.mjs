// Preloaded into a command under measurement when /usr/bin/time is not available:
//
//   JUNHENG_BENCH_RSS_OUT=bench/out/rss.json node --import ./bench/rss-probe.mjs cli/dist/junheng.js …
//
// On exit, writes the process's own peak resident set size (process.resourceUsage().maxRSS, KiB)
// to the file named by JUNHENG_BENCH_RSS_OUT. Nothing else is touched.
import { writeFileSync } from 'node:fs';

const out = process.env.JUNHENG_BENCH_RSS_OUT;
if (out) {
  process.on('exit', () => {
    writeFileSync(out, JSON.stringify({ maxRSSKiB: process.resourceUsage().maxRSS }));
  });
}
