#!/usr/bin/env node
// Entry point of the `timbang` command. Plain JavaScript so that an older Node can still print a clear
// message: the CLI runs its TypeScript directly on Node 24, which the project installs (npm package "node").
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Timbang membutuhkan Node 24 atau lebih baru (ini Node ${process.versions.node}). Jalankan lewat npm: "npx timbang ..." memakai Node 24 dari proyek.\n` +
      `Timbang needs Node 24 or newer (this is Node ${process.versions.node}). Run it through npm: "npx timbang ..." uses the project's Node 24.`,
  );
  process.exit(2);
}
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
