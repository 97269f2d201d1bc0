import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { PRIMARY_FONT_FAMILY } from '../theme.ts';

/** A font file and the family inside it that carries the CJK glyphs. */
export interface FontChoice {
  file: string;
  family: string;
}

/**
 * Where {@link resolveCjkFont} looks, in order: Debian `fonts-noto-cjk` (installed by `scripts/setup.sh`), its
 * OTF variant, then other common CJK fonts.
 */
export const CJK_FONT_CANDIDATES: readonly FontChoice[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: PRIMARY_FONT_FAMILY },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf', family: PRIMARY_FONT_FAMILY },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
];

/**
 * Find a CJK-capable font file: `TRAJECTORY_CJK_FONT` (`/path/font.ttc` or `/path/font.ttc#Family Name`) if set,
 * else the first existing {@link CJK_FONT_CANDIDATES}. Throws naming the paths tried and the Debian package.
 *
 * @example
 * resolveCjkFont() // { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' }
 */
export function resolveCjkFont(env: NodeJS.ProcessEnv = process.env): FontChoice {
  const override = env.TRAJECTORY_CJK_FONT;
  if (override) {
    const [file = '', family = PRIMARY_FONT_FAMILY] = override.split('#');
    if (!existsSync(file)) throw new Error(`TRAJECTORY_CJK_FONT: font file ${file} does not exist`);
    return { file, family };
  }
  const found = CJK_FONT_CANDIDATES.find((c) => existsSync(c.file));
  if (!found) {
    throw new Error(
      `no CJK font found (tried ${CJK_FONT_CANDIDATES.map((c) => c.file).join(', ')}); ` +
        'install Debian fonts-noto-cjk (scripts/setup.sh does) or set TRAJECTORY_CJK_FONT=/path/font.ttc#Family',
    );
  }
  return found;
}

const opened = new Map<string, fontkit.Font>();

/**
 * Open the face of `family` inside `file` (a .ttc collection holds several faces). Cached per file+family.
 * @example
 * const face = openFace(resolveCjkFont());
 * face.glyphForCodePoint('南'.codePointAt(0)!).id > 0; // the font has the glyph
 */
export function openFace(choice: FontChoice): fontkit.Font {
  const key = `${choice.file}#${choice.family}`;
  const hit = opened.get(key);
  if (hit) return hit;
  const f = fontkit.openSync(choice.file) as fontkit.Font | fontkit.FontCollection;
  const faces: fontkit.Font[] = 'fonts' in f ? f.fonts : [f];
  const face = faces.find((x) => x.familyName === choice.family);
  if (!face) {
    throw new Error(
      `font ${choice.file} has no face of family "${choice.family}" (has: ${faces.map((x) => x.familyName).join(', ')})`,
    );
  }
  opened.set(key, face);
  return face;
}

/** Result of {@link fontCoverage}. */
export interface FontCoverage {
  family: string;
  postscriptName: string;
  /** distinct non-space characters of the text that the face has no glyph for (their cmap has no entry) */
  missing: string[];
  /** number of distinct non-space characters checked */
  checked: number;
}

/**
 * Check, through the font's cmap, that a face has a glyph for every character of `text` — what decides whether
 * resvg draws 南开区 or empty boxes.
 *
 * @example
 * fontCoverage('南开区', resolveCjkFont()).missing // []
 */
export function fontCoverage(text: string, choice: FontChoice): FontCoverage {
  const face = openFace(choice);
  const chars = [...new Set([...text].filter((c) => !/\s/u.test(c)))];
  const missing = chars.filter((c) => !face.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
  return { family: face.familyName, postscriptName: face.postscriptName, missing, checked: chars.length };
}
