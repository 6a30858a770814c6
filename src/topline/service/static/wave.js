// Waveforms: decode audio in the browser (Web Audio) to peaks, and draw peaks with a playhead on a canvas.

export async function decodePeaks(arrayBuffer, points = 600) {
  // An offline context decodes without needing a user gesture or an audio device.
  const ctx = new OfflineAudioContext(1, 1, 44100);
  const audio = await ctx.decodeAudioData(arrayBuffer);
  const n = audio.length;
  const chans = Array.from({ length: audio.numberOfChannels }, (_, c) => audio.getChannelData(c));
  const peaks = new Float32Array(points);
  let top = 0;
  for (let i = 0; i < points; i++) {
    const a = Math.floor((i * n) / points), b = Math.max(a + 1, Math.floor(((i + 1) * n) / points));
    let m = 0;
    for (const ch of chans) for (let j = a; j < b && j < n; j++) { const v = Math.abs(ch[j]); if (v > m) m = v; }
    peaks[i] = m;
    if (m > top) top = m;
  }
  if (top > 0) for (let i = 0; i < points; i++) peaks[i] /= top;
  return { peaks: Array.from(peaks), duration: audio.duration };
}

function color(el, name, fallback) {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

// Draw ``peaks`` (0..1) across the canvas; the part before ``progress`` (0..1) in the accent colour.
export function drawPeaks(canvas, peaks, progress = 0) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, canvas.clientWidth), h = Math.max(1, canvas.clientHeight || canvas.height);
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const g = canvas.getContext("2d");
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  if (!peaks || !peaks.length) return;
  const played = color(canvas, "--accent", "#5b4bdb"), rest = color(canvas, "--wave", "#b9b4d6");
  const bar = w / peaks.length, mid = h / 2;
  for (let i = 0; i < peaks.length; i++) {
    const x = i * bar, amp = Math.max(1, peaks[i] * (mid - 1));
    g.fillStyle = x / w < progress ? played : rest;
    g.fillRect(x, mid - amp, Math.max(1, bar - (bar > 2 ? 0.5 : 0)), amp * 2);
  }
}
