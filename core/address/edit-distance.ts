// Damerau-Levenshtein distance in its optimal-string-alignment form: insert, delete, substitute and
// swap two neighbours each cost 1, so "gmial" is one slip away from "gmail", as typists make it.
// Counts code points, so an umlaut or an emoji is one character.

export function editDistance(from: string, to: string): number {
  const a = Array.from(from);
  const b = Array.from(to);
  const width = b.length + 1;
  // One flat (a.length + 1) x (b.length + 1) table; cell(i, j) is the distance of the prefixes.
  const table: number[] = Array.from({ length: (a.length + 1) * width }, (_, index) =>
    index < width ? index : index % width === 0 ? index / width : 0,
  );
  const cell = (i: number, j: number): number => table[i * width + j]!;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, cell(i - 2, j - 2) + 1);
      }
      table[i * width + j] = best;
    }
  }
  return cell(a.length, b.length);
}
