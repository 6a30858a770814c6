// The playground: a form over the public API, live progress, players with karaoke lyrics, history.

import * as api from "./api.js";
import { decodePeaks, drawPeaks } from "./wave.js";
import { renderKaraoke } from "./karaoke.js";

const $ = (id) => document.getElementById(id);
// The page has no callback receiver: deliveries to this address fail and are only logged by the server.
const CALLBACK = "https://example.invalid/topline-playground";
const STYLES = ["pop", "indie pop", "rock", "r&b", "soul", "hip hop", "jazz", "folk", "country", "electronic",
  "ballad", "gospel", "reggae", "latin", "blues", "lo-fi", "breathy", "powerful", "dreamy", "upbeat", "mellow"];
const FAILED = new Set(["CREATE_TASK_FAILED", "GENERATE_AUDIO_FAILED", "SENSITIVE_WORD_ERROR", "CALLBACK_EXCEPTION"]);
const STAGE_OF = { PENDING: "queued", TEXT_SUCCESS: "text", FIRST_SUCCESS: "first", SUCCESS: "complete" };
const ORDER = ["upload", "queued", "text", "first", "complete"];
const SAID = { text: "Lyrics ready", first: "First variant ready, playing it while the second renders",
  complete: "Both variants ready" };
const STATUS_LABEL = { PENDING: "in progress", TEXT_SUCCESS: "lyrics ready", FIRST_SUCCESS: "1 of 2 ready",
  SUCCESS: "done" };

const state = { file: null, peaks: null, task: null, timer: 0, tick: 0 };

// --- small helpers -------------------------------------------------------------------------------

function el(tag, props = {}, ...kids) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...kids.filter((k) => k !== null && k !== undefined && k !== false));
  return node;
}

function fmtTime(s) {
  if (!Number.isFinite(s)) return "";
  const m = Math.floor(s / 60), r = Math.floor(s % 60);
  return `${m}:${String(r).padStart(2, "0")}`;
}

const fmtSecs = (ms) => `${(ms / 1000).toFixed(1)} s`;

function showError(err, context = "") {
  const box = $("error");
  box.textContent = "";
  if (!err) { box.hidden = true; return; }
  const tip = err instanceof api.ApiError ? api.advice(err) : err.tip || "";
  box.append(el("p", {}, el("strong", { textContent: context ? `${context}: ` : "" }), err.message));
  if (tip) box.append(el("p", { className: "tip", textContent: tip }));
  const close = el("button", { type: "button", className: "link dismiss", textContent: "Dismiss" });
  close.addEventListener("click", () => showError(null));
  box.append(close);
  box.hidden = false;
  if (err.code === 401) openKeyPanel(true);
}

function problem(message, tip = "") {
  return Object.assign(new Error(message), { tip });
}

// --- API key and credits -------------------------------------------------------------------------

function openKeyPanel(open) {
  $("key-panel").hidden = !open;
  $("key-toggle").setAttribute("aria-expanded", String(open));
}

async function refreshCredits() {
  if (!api.getKey()) { $("credits").textContent = ""; return null; }
  const n = await api.credits();
  $("credits").textContent = `${n} credit${n === 1 ? "" : "s"}`;
  return n;
}

async function useKey(key, how) {
  api.setKey(key);
  $("api-key").value = key;
  showError(null);
  try {
    const n = await refreshCredits();
    $("key-status").textContent = `${how} ${n} credit${n === 1 ? "" : "s"} left.`;
    openKeyPanel(false);
    refreshHistory();
  } catch (err) {
    $("key-status").textContent = "";
    showError(err, "This key was not accepted");
  }
}

function setupKey() {
  $("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const key = $("api-key").value.trim();
    if (!key) { showError(problem("Enter an API key.", "Paste the key that 'topline keys create' printed, or create a development key.")); return; }
    useKey(key, "Key saved.");
  });
  $("dev-key").addEventListener("click", async () => {
    try {
      const data = await api.devKey();
      await useKey(data.apiKey, "Development key created and saved.");
    } catch (err) {
      showError(err, "No development key");
    }
  });
  $("key-toggle").addEventListener("click", () => openKeyPanel($("key-panel").hidden));
  const key = api.getKey();
  $("api-key").value = key;
  openKeyPanel(!key);
  if (key) {
    refreshCredits().catch((err) => showError(err, "Your saved key"));
    refreshHistory();
  }
}

// --- the instrumental ----------------------------------------------------------------------------

function drawInput() {
  if (state.peaks) drawPeaks($("input-wave"), state.peaks, 0);
}

async function showWaveOf(buffer, label) {
  const box = $("input-wave-box");
  try {
    const { peaks, duration } = await decodePeaks(buffer);
    state.peaks = peaks;
    box.hidden = false;
    $("input-wave").hidden = false;
    drawInput();
    $("file-status").textContent = `${label} · ${fmtTime(duration)}`;
    return true;
  } catch {
    state.peaks = null;
    return false;
  }
}

async function pickFile(file) {
  if (!file) return;
  showError(null);
  state.file = file;
  $("url").value = "";
  resetAnalysis();
  $("file-status").textContent = `Reading ${file.name}…`;
  if (!$("title").value.trim()) $("title").value = file.name.replace(/\.[^.]+$/, "").slice(0, 100);
  const ok = await showWaveOf(await file.arrayBuffer(), file.name);
  if (state.file !== file) return;
  if (!ok) {
    $("input-wave-box").hidden = true;
    $("file-status").textContent = `${file.name}: not readable as audio.`;
    showError(problem(`“${file.name}” does not look like audio this browser can read.`,
      "Choose an MP3, WAV, FLAC, OGG or M4A file."));
  }
}

async function pickUrl(url) {
  state.file = null;
  $("file").value = "";
  resetAnalysis();
  if (!url) { $("input-wave-box").hidden = true; $("file-status").textContent = ""; return; }
  $("file-status").textContent = "The server will download this URL when you submit.";
  try {
    const res = await fetch(url);
    if (res.ok && (await showWaveOf(await res.arrayBuffer(), url.split("/").pop() || url))) return;
  } catch {
    // most sites do not let a page read their files (CORS): no waveform, but the server can still fetch it
  }
  $("input-wave-box").hidden = true;
}

function setupInput() {
  $("file").addEventListener("change", (e) => pickFile(e.target.files[0]));
  const drop = $("drop");
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("over"); });
  }
  for (const type of ["dragleave", "drop"]) drop.addEventListener(type, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    const files = e.dataTransfer && e.dataTransfer.files;
    if (files && files.length) {
      $("file").files = files;
      pickFile(files[0]);
    }
  });
  $("url").addEventListener("change", (e) => pickUrl(e.target.value.trim()));
  new ResizeObserver(() => drawInput()).observe($("input-wave"));
}

function resetAnalysis() {
  $("sections").textContent = "";
  $("analysis").textContent = "Tempo, key and sections appear once the server has analysed it.";
}

function showAnalysis(a) {
  const sections = a.sections || [];
  const dur = a.duration || (sections.length ? sections[sections.length - 1][1] : 0);
  $("input-wave-box").hidden = false;
  $("input-wave").hidden = !state.peaks;
  const strip = $("sections");
  strip.textContent = "";
  for (const [start, end, label, energy] of sections) {
    const seg = el("span", { className: "section", textContent: label, title: `${label} ${fmtTime(start)}–${fmtTime(end)}` });
    seg.style.left = `${(100 * start) / dur}%`;
    seg.style.width = `${(100 * (end - start)) / dur}%`;
    seg.style.setProperty("--energy", String(Math.max(0.15, Math.min(1, energy))));
    strip.append(seg);
  }
  const parts = [`${Math.round(a.tempo)} BPM`, a.key, a.meter, fmtTime(dur)].filter(Boolean);
  const cap = $("analysis");
  cap.textContent = "";
  cap.append(el("span", { className: "facts", textContent: parts.join(" · ") }));
  if (sections.length) {
    cap.append(el("span", { className: "hint", textContent:
      " Sections: " + sections.map(([s, , label]) => `${label} ${fmtTime(s)}`).join(", ") }));
  }
}

// --- controls ------------------------------------------------------------------------------------

function styleTags() {
  return $("style").value.split(",").map((t) => t.trim()).filter(Boolean);
}

function syncChips() {
  const have = new Set(styleTags().map((t) => t.toLowerCase()));
  for (const b of $("chips").children) b.setAttribute("aria-pressed", String(have.has(b.textContent)));
}

function setupControls() {
  for (const name of STYLES) {
    const b = el("button", { type: "button", className: "chip", textContent: name });
    b.addEventListener("click", () => {
      const tags = styleTags();
      const i = tags.findIndex((t) => t.toLowerCase() === name);
      if (i >= 0) tags.splice(i, 1); else tags.push(name);
      $("style").value = tags.join(", ");
      syncChips();
    });
    $("chips").append(b);
  }
  // One Tab stop for all the chips; the arrow keys move between them (a toolbar).
  const chips = [...$("chips").children];
  chips.forEach((b, i) => { b.tabIndex = i ? -1 : 0; });
  $("chips").addEventListener("keydown", (e) => {
    const i = chips.indexOf(document.activeElement);
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: chips.length - 1 }[e.key];
    if (i < 0 || to === undefined) return;
    e.preventDefault();
    const next = chips[(to + chips.length) % chips.length];
    chips[i].tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  $("style").addEventListener("input", syncChips);
  syncChips();
  for (const id of ["styleWeight", "weirdness", "audioWeight"]) {
    const input = $(id), out = $(`${id}-out`);
    const show = () => { out.value = Number(input.value).toFixed(2); };
    input.addEventListener("input", show);
    show();
  }
}

// --- submitting ----------------------------------------------------------------------------------

function collect() {
  const url = $("url").value.trim();
  if (!state.file && !url) throw Object.assign(problem("Choose an instrumental first.", "Drop a file on the box, choose one, or paste its URL."), { focus: "file" });
  if (url && !state.file && !/^https?:\/\//i.test(url)) throw Object.assign(problem("The instrumental URL must start with http:// or https://."), { focus: "url" });
  const prompt = $("prompt").value;
  if (!prompt.trim()) throw Object.assign(problem("Write lyrics or describe the song.", "For example: “a hopeful song about leaving home”."), { focus: "prompt" });
  const seedText = $("seed").value.trim();
  const seed = seedText === "" ? null : Number(seedText);
  if (seed !== null && !(Number.isInteger(seed) && seed >= 0 && seed <= 2147483647)) {
    throw Object.assign(problem("The seed must be a whole number from 0 to 2147483647, or empty for a random one."), { focus: "seed" });
  }
  const weight = (id) => Math.round(Number($(id).value) * 100) / 100;
  const body = {
    uploadUrl: url, prompt, title: $("title").value.trim(), style: $("style").value.trim(),
    negativeTags: $("negative").value.trim(), callBackUrl: CALLBACK,
    styleWeight: weight("styleWeight"), weirdnessConstraint: weight("weirdness"), audioWeight: weight("audioWeight"),
    model: $("model").value,
  };
  const gender = document.querySelector('input[name="gender"]:checked').value;
  if (gender) body.vocalGender = gender;
  if (seed !== null) body.seed = seed;
  return body;
}

async function submit(e) {
  e.preventDefault();
  showError(null);
  if (!api.getKey()) {
    openKeyPanel(true);
    $("api-key").focus();
    showError(problem("Enter your API key first.", "Paste it in the “API key” box and press “Save key”."));
    return;
  }
  let body;
  try {
    body = collect();
  } catch (err) {
    showError(err);
    if (err.focus) $(err.focus).focus();
    return;
  }
  const button = $("submit");
  button.disabled = true;
  const startedAt = Date.now();
  const file = state.file;
  startProgress(startedAt);
  try {
    if (file) {
      setStage("upload", "active");
      body.uploadUrl = await api.upload(file);
    }
    setStage("upload", "done");
    setStage("queued", "active");
    const data = await api.addVocals(body);
    openTask(data.taskId, { startedAt, fresh: true });
    refreshCredits().catch(() => {});
    refreshHistory();
  } catch (err) {
    stopTimer();
    failStage();
    showError(err, file && !body.uploadUrl ? "The upload failed" : "The task was not accepted");
  } finally {
    button.disabled = false;
  }
}

// --- progress ------------------------------------------------------------------------------------

function stagesEl(stage) {
  return $("stages").querySelector(`[data-stage="${stage}"]`);
}

function setStage(stage, how) {
  const li = stagesEl(stage);
  li.classList.remove("active", "done", "failed", "todo");
  li.classList.add(how);
  if (how === "active") li.setAttribute("aria-current", "step"); else li.removeAttribute("aria-current");
}

function failStage() {
  const active = $("stages").querySelector(".active");
  if (active) setStage(active.dataset.stage, "failed");
}

function startProgress(startedAt) {
  $("progress").hidden = false;
  for (const li of $("stages").children) { li.className = ""; li.removeAttribute("aria-current"); }
  $("lyrics").hidden = true;
  $("lyrics").textContent = "";
  $("progress-live").textContent = "Submitting…";
  startTimer(startedAt);
}

function startTimer(startedAt) {
  stopTimer();
  if (!startedAt) { $("elapsed").textContent = ""; return; }
  state.tick = setInterval(() => { $("elapsed").textContent = fmtSecs(Date.now() - startedAt); }, 200);
}

function stopTimer() {
  clearInterval(state.tick);
  state.tick = 0;
}

function openTask(taskId, { startedAt = null, fresh = false } = {}) {
  clearTimeout(state.timer);
  if (!fresh) startProgress(null);
  state.task = { id: taskId, startedAt, fresh, stage: null, lyrics: false, analysis: false, cards: new Map(),
    announced: new Set() };
  $("results").textContent = "";
  $("results").hidden = true;
  $("progress").hidden = false;
  poll(state.task);
}

async function poll(t) {
  let data;
  try {
    data = await api.recordInfo(t.id);
  } catch (err) {
    if (t !== state.task) return;
    if (err.code === 429 || err.code === 0) { // busy or a network blip: keep following, a little slower
      state.timer = setTimeout(() => poll(t), Math.max(1, err.retryAfter || 2) * 1000);
      return;
    }
    stopTimer();
    showError(err, "Could not follow the task");
    return;
  }
  if (t !== state.task) return;
  render(t, data);
  if (!FAILED.has(data.status) && data.status !== "SUCCESS") state.timer = setTimeout(() => poll(t), pollDelay(t));
}

// Every second at first (short songs finish in seconds), then slower: a key has a budget of requests
// per minute that the players, credits and history share with the polling.
function pollDelay(t) {
  t.polls = (t.polls || 0) + 1;
  return t.polls < 20 ? 1000 : t.polls < 50 ? 2000 : 3000;
}

function render(t, data) {
  const status = data.status;
  if (!t.startedAt && !t.fresh && status !== "SUCCESS" && !FAILED.has(status) && data.createTime) {
    t.startedAt = data.createTime; // reopened while running: time it from its creation
    startTimer(t.startedAt);
  }
  setStage("upload", "done");
  if (FAILED.has(status)) {
    failStage();
    if (!$("stages").querySelector(".failed")) setStage("queued", "failed");
    stopTimer();
    const tip = status === "SENSITIVE_WORD_ERROR" ? "Change the lyrics and submit again."
      : "Try again, perhaps with another seed or instrumental.";
    showError(problem(data.errorMessage || "Generation failed.", tip), "The song could not be made");
    $("progress-live").textContent = `Failed: ${data.errorMessage || status}`;
    refreshCredits().catch(() => {});
    refreshHistory();
    return;
  }
  const stage = STAGE_OF[status] || "queued";
  // Stages up to the reached one are done and the next is under way; "queued" is itself under way.
  const reached = ORDER.indexOf(stage);
  const activeAt = stage === "queued" ? reached : reached + 1;
  for (const [i, s] of ORDER.entries()) {
    if (i < activeAt) setStage(s, "done");
    else if (i === activeAt) setStage(s, "active");
    else setStage(s, "todo");
  }
  const elapsed = t.startedAt ? ` after ${fmtSecs(Date.now() - t.startedAt)}` : "";
  if (SAID[stage] && !t.announced.has(stage)) {
    t.announced.add(stage);
    $("progress-live").textContent = `${SAID[stage]}${elapsed}.`;
    const li = stagesEl(stage);
    if (elapsed) li.dataset.at = fmtSecs(Date.now() - t.startedAt);
  } else if (stage === "queued" && !t.announced.has("queued")) {
    t.announced.add("queued");
    $("progress-live").textContent = "Accepted: analysing the instrumental and writing the lyrics…";
  }
  if (data.lyrics && !t.lyrics) {
    t.lyrics = true;
    $("lyrics").textContent = data.lyrics;
    $("lyrics").hidden = false;
  }
  if (data.analysisUrl && !t.analysis) {
    t.analysis = true;
    fetch(data.analysisUrl).then((r) => (r.ok ? r.json() : null)).then((a) => {
      if (a && t === state.task) showAnalysis(a);
    }).catch(() => {});
  }
  const tracks = (data.response && data.response.sunoData) || [];
  tracks.forEach((track, i) => {
    if (!t.cards.has(track.id)) addCard(t, track, i, data);
  });
  const pending = $("results").querySelector(".track.pending");
  if (status === "FIRST_SUCCESS" && tracks.length < 2 && !pending) {
    $("results").append(el("article", { className: "track pending" },
      el("h3", { textContent: "Variant 2" }), el("p", { className: "hint", textContent: "Rendering… it appears here when ready." })));
  }
  if (status === "SUCCESS") {
    if (pending) pending.remove();
    stopTimer();
    if (t.startedAt && t.fresh) $("elapsed").textContent = `done in ${fmtSecs(Date.now() - t.startedAt)}`;
    refreshCredits().catch(() => {});
    refreshHistory();
  }
}

// --- players -------------------------------------------------------------------------------------

function safeName(s) {
  return (s || "topline").replace(/[^A-Za-z0-9._ -]+/g, "_").trim().slice(0, 80) || "topline";
}

function addCard(t, track, index, data) {
  const node = $("track-template").content.firstElementChild.cloneNode(true);
  const title = track.title || "Untitled";
  const n = index + 1;
  node.dataset.audioId = track.id;
  node.setAttribute("aria-label", `Variant ${n}: ${title}`);
  node.querySelector(".track-title").textContent = `${title} — variant ${n}`;
  node.querySelector(".track-meta").textContent = [fmtTime(track.duration), track.tags].filter(Boolean).join(" · ");
  const cover = node.querySelector(".cover");
  if (track.imageUrl) { cover.src = track.imageUrl; cover.alt = `Cover image of ${title}, variant ${n}`; } else cover.remove();
  const audio = node.querySelector("audio");
  audio.src = track.streamAudioUrl || track.audioUrl;
  audio.setAttribute("aria-label", `Play variant ${n}`);
  const base = `${safeName(title)}-${n}`;
  const links = [
    ["MP3", track.audioUrl, `${base}.mp3`], ["WAV", track.wavUrl, `${base}.wav`],
    ["Vocal stem (WAV)", track.vocalsUrl, `${base}-vocals.wav`],
    ["Instrumental stem (WAV)", track.instrumentalUrl, `${base}-instrumental.wav`],
    ["MIDI melody", track.midiUrl, `${base}.mid`], ["Timed lyrics (JSON)", track.lyricsUrl, `${base}-lyrics.json`],
    ["Score (JSON)", track.scoreUrl, `${base}-score.json`],
  ];
  if (data.lyrics) {
    links.push(["Lyrics (text)", URL.createObjectURL(new Blob([data.lyrics], { type: "text/plain" })), `${base}-lyrics.txt`]);
  }
  const list = node.querySelector(".downloads");
  for (const [label, href, file] of links) {
    if (!href) continue;
    list.append(el("li", {}, el("a", { href, download: file, textContent: label, className: `dl-${label.split(" ")[0].toLowerCase()}` })));
  }
  addExtras(node, list, t, track, base);
  const pending = $("results").querySelector(".track.pending");
  if (pending) pending.before(node); else $("results").append(node);
  $("results").hidden = false;
  t.cards.set(track.id, node);
  wirePlayer(t, node, audio, track, data.lyrics || "");
  if (t.fresh && index === 0) audio.play().catch(() => {}); // the browser may refuse without a gesture
}

// Derived deliverables on demand: the full MIDI (the sung melody and the instrumental transcribed)
// and the lead / backing vocal stems; each is its own task, polled until done, then offered as links.
function addExtras(node, list, t, track, base) {
  const box = el("p", { className: "extras" });
  const status = el("span", { className: "hint extras-status", role: "status" });
  const jobs = [
    ["Full MIDI (voice + instruments)", "dl-fullmidi", () => api.midiGenerate(t.id, track.id, CALLBACK), api.midiInfo,
      (d) => d.successFlag === 1, (d) => d.successFlag >= 2,
      (d) => [["Full MIDI", d.midiUrl, `${base}-full.mid`]]],
    ["Lead / backing stems", "dl-stems", () => api.splitStems(t.id, track.id, CALLBACK), api.stemsInfo,
      (d) => d.successFlag === "SUCCESS", (d) => /FAILED/.test(d.successFlag || ""),
      (d) => [["Lead vocal (WAV)", d.response.vocalUrl, `${base}-lead.wav`],
              ["Backing vocals (WAV)", d.response.backingVocalsUrl, `${base}-backing.wav`]]],
  ];
  for (const [label, cls, start, info, done, failed, links] of jobs) {
    const button = el("button", { type: "button", className: `secondary ${cls}`, textContent: label });
    button.addEventListener("click", async () => {
      button.disabled = true;
      status.textContent = `${label}: working…`;
      try {
        const { taskId } = await start();
        for (let i = 0; i < 300; i++) {
          const d = await info(taskId);
          if (done(d)) {
            for (const [text, href, file] of links(d)) {
              if (href) list.append(el("li", {}, el("a", { href, download: file, textContent: text, className: cls })));
            }
            status.textContent = `${label}: ready below.`;
            button.remove();
            return;
          }
          if (failed(d)) throw new api.ApiError(d.errorCode || 500, d.errorMessage || "The task failed.");
          await new Promise((r) => setTimeout(r, 1000));
        }
        throw new api.ApiError(0, "No answer after five minutes.");
      } catch (err) {
        status.textContent = `${label}: ${err.message}`;
        button.disabled = false;
      }
    });
    box.append(button, " ");
  }
  box.append(status);
  list.after(box);
}

function wirePlayer(t, node, audio, track, lyrics) {
  const canvas = node.querySelector(".track-wave");
  const karaoke = node.querySelector(".karaoke");
  let peaks = null, follow = () => {}, raf = 0;
  canvas.setAttribute("aria-label", "Waveform: click to seek, or use the arrow keys");
  const update = () => {
    const d = audio.duration || track.duration || 1;
    if (peaks) drawPeaks(canvas, peaks, audio.currentTime / d);
    follow(audio.currentTime);
  };
  const loop = () => { update(); raf = audio.paused ? 0 : requestAnimationFrame(loop); };
  audio.addEventListener("play", () => { if (!raf) raf = requestAnimationFrame(loop); });
  for (const type of ["timeupdate", "seeked", "pause", "loadedmetadata"]) audio.addEventListener(type, update);
  // another player starting pauses this one: two songs at once are noise
  audio.addEventListener("play", () => {
    for (const other of document.querySelectorAll("#results audio")) if (other !== audio) other.pause();
  });
  const seekTo = (frac) => {
    const d = audio.duration || track.duration;
    if (d) audio.currentTime = Math.max(0, Math.min(d, frac * d));
  };
  canvas.addEventListener("click", (e) => seekTo(e.offsetX / canvas.clientWidth));
  canvas.addEventListener("keydown", (e) => {
    const step = { ArrowLeft: -5, ArrowRight: 5 }[e.key];
    if (step) { audio.currentTime = Math.max(0, audio.currentTime + step); e.preventDefault(); }
    else if (e.key === "Home") { seekTo(0); e.preventDefault(); }
    else if (e.key === " " || e.key === "Enter") { if (audio.paused) audio.play().catch(() => {}); else audio.pause(); e.preventDefault(); }
  });
  new ResizeObserver(update).observe(canvas);
  karaoke.textContent = "Loading the timed lyrics…";
  const load = (tries) => api.timestampedLyrics(t.id, track.id).then((d) => {
    peaks = d.waveformData;
    follow = renderKaraoke(karaoke, d.alignedWords, lyrics);
    update();
  }).catch((err) => {
    if ((err.code === 429 || err.code === 0) && tries > 0) {
      setTimeout(() => load(tries - 1), Math.max(1, err.retryAfter || 2) * 1000);
    } else {
      karaoke.textContent = `Timed lyrics unavailable: ${err.message}`;
    }
  });
  load(5);
}

// --- history -------------------------------------------------------------------------------------

async function refreshHistory() {
  const list = $("history");
  if (!api.getKey()) { list.textContent = ""; return; }
  let data;
  try {
    data = await api.recordList(1, 20);
  } catch (err) {
    list.textContent = "";
    list.append(el("li", { className: "hint", textContent: `History unavailable: ${err.message}` }));
    return;
  }
  list.textContent = "";
  if (!data.records.length) {
    list.append(el("li", { className: "hint", textContent: "No songs yet: your tasks appear here." }));
    return;
  }
  for (const r of data.records) {
    let title = "";
    try { title = JSON.parse(r.param).title || ""; } catch { /* a malformed param only loses the title */ }
    const status = FAILED.has(r.status) ? "failed" : STATUS_LABEL[r.status] || r.status.toLowerCase();
    const when = new Date(r.createTime).toLocaleString();
    const b = el("button", { type: "button", className: "history-item" },
      el("span", { className: "h-title", textContent: title || "Untitled" }),
      el("span", { className: `h-status s-${status.replace(/\W+/g, "-")}`, textContent: status }),
      el("span", { className: "h-when hint", textContent: when }));
    b.dataset.taskId = r.taskId;
    b.setAttribute("aria-label", `Open “${title || "Untitled"}”, ${status}, ${when}`);
    b.addEventListener("click", () => {
      showError(null);
      state.peaks = null;
      $("input-wave-box").hidden = true;
      resetAnalysis();
      openTask(r.taskId);
      $("progress").scrollIntoView({ behavior: "smooth", block: "start" });
    });
    list.append(el("li", {}, b));
  }
}

// --- start ---------------------------------------------------------------------------------------

setupControls();
setupInput();
setupKey();
$("song-form").addEventListener("submit", submit);
$("history-refresh").addEventListener("click", refreshHistory);
document.documentElement.dataset.ready = "1";
