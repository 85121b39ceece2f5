// WCAG 2.2 1.4.3 (contrast, minimum), measured on what the browser computed: for each element holding visible text,
// the ratio of its text colour to the colour behind it (its own background or the nearest ancestor's, blended over
// white), against 4.5:1, or 3:1 for large text (24px, or 18.66px bold). Returns one line per element below its bar.
function rgba(css) {
  const m = css.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(',').map(x => parseFloat(x));
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function over(top, bottom) {
  const a = top.a;
  return {r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1};
}
function luminance(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function behind(el) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.backgroundImage !== 'none') return null;
    const c = rgba(s.backgroundColor);
    if (c && c.a > 0) {
      layers.push(c);
      if (c.a >= 1) break;
    }
  }
  let bg = {r: 255, g: 255, b: 255, a: 1};
  for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
  return bg;
}
const low = [];
const checked = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const text = walker.currentNode;
  const el = text.parentElement;
  if (!text.textContent.trim() || checked.has(el) || el.closest('svg')) continue;
  checked.add(el);
  const s = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  if (s.visibility === 'hidden' || box.width === 0 || box.height === 0 || box.right < 0) continue;
  const bg = behind(el);
  const fg = rgba(s.color);
  if (!bg || !fg) continue;
  const a = luminance(over(fg, bg));
  const b = luminance(bg);
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const size = parseFloat(s.fontSize);
  const large = size >= 24 || (parseInt(s.fontWeight, 10) >= 700 && size >= 18.66);
  if (ratio < (large ? 3 : 4.5)) {
    low.push(el.tagName + ' "' + text.textContent.trim().slice(0, 40) + '": ' + ratio.toFixed(2) + ':1, '
        + s.color + ' on ' + JSON.stringify(bg));
  }
}
return low.length + ' low of ' + checked.size + (low.length ? ': ' + low.join('; ') : '');
