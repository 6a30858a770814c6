// Karaoke lyrics: the timestamped words as spans, the one being sung highlighted.

const TAG = /\[[^\]]*\]/g;

// Words per sung line of the lyrics text, tag lines left out (a tag may open a line: "[Verse] Hello").
// Tokens without a letter or digit are not words, as on the server.
export function lineLengths(text) {
  const out = [];
  for (const raw of String(text || "").split("\n")) {
    const line = raw.replace(TAG, " ");
    const n = line.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
    if (n) out.push(n);
  }
  return out;
}

// Render alignedWords [{word, startS, endS, success}] into ``box``, broken into the lines of ``lyricsText``
// when its words match; returns follow(time), which highlights the word being sung at ``time``.
// With ``onReplace``, each sung line ends with a "Replace" button calling onReplace(text, startS, endS).
export function renderKaraoke(box, alignedWords, lyricsText = "", { onReplace = null } = {}) {
  box.textContent = "";
  const words = alignedWords || [];
  let lengths = lineLengths(lyricsText);
  const named = words.filter((w) => String(w.word || "").replace(TAG, "").trim()).length;
  if (lengths.reduce((a, b) => a + b, 0) !== named) lengths = []; // other words than the text: no breaks
  const spans = [], times = [], lines = [];
  let line = null, left = Infinity;
  const newLine = () => {
    line = document.createElement("span");
    line.className = "kline";
    box.append(line);
    lines.push({ node: line, words: [], start: Infinity, end: -Infinity });
    left = lengths.length ? lengths.shift() : Infinity;
  };
  for (const w of words) {
    const raw = String(w.word || "");
    const tags = raw.match(TAG);
    const text = raw.replace(TAG, "").trim();
    if (tags) box.append(Object.assign(document.createElement("span"), { className: "ktag", textContent: tags.join(" ") }));
    if (!line || tags || left <= 0) newLine();
    if (!text) continue;
    const span = document.createElement("span");
    span.className = "kw";
    span.textContent = text;
    if (w.success !== false) {
      span.dataset.start = w.startS;
      spans.push(span);
      times.push([Number(w.startS), Number(w.endS)]);
      const l = lines[lines.length - 1];
      l.words.push(text);
      l.start = Math.min(l.start, Number(w.startS));
      l.end = Math.max(l.end, Number(w.endS));
    }
    line.append(span, " ");
    left -= 1;
  }
  if (onReplace) {
    for (const l of lines) {
      if (!l.words.length) continue;
      const text = l.words.join(" ");
      const b = Object.assign(document.createElement("button"), { type: "button", className: "kreplace", title: "Replace this line" });
      b.setAttribute("aria-label", `Replace the line “${text}”`);
      b.addEventListener("click", () => onReplace(text, l.start, l.end));
      if (l.node.lastChild && l.node.lastChild.nodeType === Node.TEXT_NODE) l.node.lastChild.remove(); // the space after the last word
      l.node.append(b);
    }
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
