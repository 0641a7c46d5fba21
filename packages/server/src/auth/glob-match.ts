/**
 * Whether `text` matches `glob`, where `*` matches any run of characters (`/` included) and every other
 * character only itself. Two pointers with one remembered star: linear in practice and never the
 * exponential backtracking a regular expression built from a hostile glob could take.
 */
export function globMatches(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resumeAt = 0;
  while (t < text.length) {
    if (g < glob.length && glob[g] === '*') {
      star = g;
      g += 1;
      resumeAt = t;
    } else if (g < glob.length && glob[g] === text[t]) {
      g += 1;
      t += 1;
    } else if (star !== -1) {
      g = star + 1;
      resumeAt += 1;
      t = resumeAt;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === '*') g += 1;
  return g === glob.length;
}
