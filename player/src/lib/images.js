// Image assets: the largest variant as the picture, every variant in srcset so the browser can
// pick a smaller one on a small screen. Pure, unit-tested.

/**
 * variants: the asset body's [{profile, width, height, url}]; fallback: the thumbnail URL.
 * Returns {src, srcset} (srcset '' when fewer than two variants have a width), or null.
 */
export function imageSources(variants, fallback) {
  const usable = (variants || []).filter((v) => v && typeof v.url === 'string' && v.url);
  if (usable.length === 0) return fallback ? { src: fallback, srcset: '' } : null;
  const bySize = [...usable].sort((a, b) => area(b) - area(a));
  const sized = usable.filter((v) => v.width > 0).sort((a, b) => a.width - b.width);
  const srcset = sized.length > 1 ? sized.map((v) => `${v.url} ${v.width}w`).join(', ') : '';
  return { src: bySize[0].url, srcset };
}

function area(v) {
  return (v.width || 0) * (v.height || 0) || v.width || 0;
}
