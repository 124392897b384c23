// @develoka/angka-terbilang-js ships no types: a CommonJS function from a number (or its digits) to
// Indonesian words in lower case, e.g. 2025 → "dua ribu dua puluh lima".
declare module '@develoka/angka-terbilang-js' {
  function angkaTerbilang(target: number | string, settings?: { decimal: string }): string;
  export = angkaTerbilang;
}
