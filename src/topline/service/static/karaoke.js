// Karaoke lyrics: the timestamped words as spans, the one being sung highlighted.

const TAG = /\[[^\]]*\]/g;

// Render alignedWords [{word, startS, endS, success}] into ``box``; returns follow(time) which highlights.
export function renderKaraoke(box, alignedWords) {
  box.textContent = "";
  const spans = [], times = [];
  let line = null;
  const newLine = () => { line = document.createElement("span"); line.className = "kline"; box.append(line); };
  for (const w of alignedWords || []) {
    const raw = String(w.word || "");
    const tags = raw.match(TAG);
    const text = raw.replace(TAG, "").trim();
    // A tag or a line break before the word starts a new line (a tag a new stanza too).
    if (tags && box.childElementCount) box.append(document.createElement("br"));
    if (!line || tags || /\n/.test(raw)) newLine();
    if (!text) continue;
    const span = document.createElement("span");
    span.className = "kw";
    span.textContent = text;
    if (w.success !== false) {
      span.dataset.start = w.startS;
      spans.push(span);
      times.push([Number(w.startS), Number(w.endS)]);
    }
    line.append(span, " ");
  }
  let current = -1;
  return function follow(t) {
    // Last word that started at or before t (binary search), held until the next word starts.
    let lo = 0, hi = times.length - 1, idx = -1;
    while (lo <= hi) {
      const m = (lo + hi) >> 1;
      if (times[m][0] <= t) { idx = m; lo = m + 1; } else hi = m - 1;
    }
    if (idx >= 0 && t > times[idx][1] + 1.5) idx = -1; // a long gap: nobody is singing
    if (idx === current) return;
    if (current >= 0) { spans[current].classList.remove("on"); spans[current].removeAttribute("aria-current"); }
    current = idx;
    if (idx >= 0) {
      const s = spans[idx];
      s.classList.add("on");
      s.setAttribute("aria-current", "true");
      // .karaoke is position: relative, so offsetTop is within the box
      const top = s.offsetTop, bottom = top + s.offsetHeight;
      if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight) box.scrollTop = top - box.clientHeight / 3;
    }
  };
}
