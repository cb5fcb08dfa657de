// The quality menu: "Auto" plus one entry per rendition, highest first.
import { formatBitrate } from './format.js';

export const AUTO = -1;

export function levelLabel(level) {
  if (!level) return 'Unknown';
  if (level.height) return `${level.height}p`;
  if (level.name) return String(level.name);
  return level.bitrate ? formatBitrate(level.bitrate) : 'Audio';
}

/**
 * levels: hls.js `hls.levels` (or the same shape: {height, width, bitrate, name}).
 * Returns [{value, label}] where value is the hls.js level index, AUTO for automatic.
 * `playingIndex` names the level playing now, so "Auto" can say what it chose.
 */
export function qualityOptions(levels, playingIndex = AUTO) {
  const list = (levels || []).map((level, index) => ({ level, index }));
  const heights = list.map(({ level }) => levelLabel(level));
  const ambiguous = new Set(heights.filter((h, i) => heights.indexOf(h) !== i));
  list.sort((a, b) => (b.level.height || 0) - (a.level.height || 0) || (b.level.bitrate || 0) - (a.level.bitrate || 0));
  const playing = levels && levels[playingIndex] ? ` (${levelLabel(levels[playingIndex])})` : '';
  return [
    { value: AUTO, label: `Auto${playing}` },
    ...list.map(({ level, index }) => {
      const base = levelLabel(level);
      return {
        value: index,
        label: ambiguous.has(base) && level.bitrate ? `${base} · ${formatBitrate(level.bitrate)}` : base,
      };
    }),
  ];
}

/**
 * Browsers that play HLS natively (Safari, iOS) expose no levels: offer the stream response's
 * variant playlists instead, keyed by profile ("720p"), highest first.
 */
export function variantOptions(variants) {
  const entries = Object.entries(variants || {}).filter(([, url]) => typeof url === 'string' && url);
  const num = (profile) => parseInt(profile, 10) || 0;
  entries.sort(([a], [b]) => num(b) - num(a) || a.localeCompare(b));
  return [{ value: 'auto', label: 'Auto' }, ...entries.map(([profile, url]) => ({ value: profile, label: profile, url }))];
}
